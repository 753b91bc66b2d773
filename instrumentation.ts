// Runs once when the web server starts, before it serves a request: secrets mounted as files (AUTH_SECRET_FILE,
// DATABASE_URL_FILE, ...; the Helm chart's way) become the variables everything else reads.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { loadSecretFiles } = await import("./lib/secret-files.ts");
  loadSecretFiles();
}
