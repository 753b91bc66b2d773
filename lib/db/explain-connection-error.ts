// Turns a failed first connection into advice that names DATABASE_URL, without echoing its password.
export function explainConnectionError(err: unknown, url: string, embedded: boolean): string {
  const reason = err instanceof Error ? err.message : String(err);
  if (embedded) return `the embedded database could not be used (${reason}); delete UPTRUST_DATA_DIR/pgdata if it is damaged, or set DATABASE_URL`;
  let where = "the server in DATABASE_URL";
  try {
    const u = new URL(url);
    where = `${u.hostname}:${u.port || 5432}${u.pathname} (from DATABASE_URL)`;
  } catch {
    // parseEnv already rejected malformed URLs; keep the generic wording.
  }
  const code = (err as { code?: string }).code;
  const hint =
    code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "ETIMEDOUT"
      ? "check that PostgreSQL runs there and accepts connections, or unset DATABASE_URL to use the embedded database"
      : code === "3D000"
        ? "create that database first (createdb), or point DATABASE_URL at an existing one"
        : code === "28P01" || code === "28000"
          ? "check the user and password in DATABASE_URL"
          : "check DATABASE_URL";
  return `cannot use the database at ${where}: ${reason}; ${hint}`;
}
