/** Whether a setting or form value is an absolute http(s) URL: what Uptrust can send a request to. */
export function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === "https:" || u.protocol === "http:";
  } catch {
    return false;
  }
}
