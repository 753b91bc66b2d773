import { DEV_USERS } from "@/lib/auth/dev-users.ts";

// The development IdP's own sign-in page: plain HTML, no scripts, so any browser or test can drive it.

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

export function renderLoginPage(input: { uid: string; error?: string; login?: string }): string {
  const error = input.error ? `<p role="alert" class="error">${escapeHtml(input.error)}</p>` : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Uptrust development sign-in</title>
<style>
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #0f1419; color: #e6edf3;
    font: 14px/1.45 system-ui, sans-serif; }
  main { width: 100%; max-width: 380px; background: #161d26; border: 1px solid #263241; border-radius: 10px; padding: 28px; }
  h1 { font-size: 18px; margin: 0 0 6px; } p { color: #8b9bb0; margin: 0 0 16px; }
  label { display: block; margin: 12px 0 4px; }
  input { width: 100%; box-sizing: border-box; padding: 8px; border-radius: 6px; border: 1px solid #263241; background: #0f1419; color: inherit; font: inherit; }
  button { margin-top: 18px; width: 100%; padding: 9px; border: 0; border-radius: 6px; background: #58a6ff; color: #0f1419; font: inherit; font-weight: 600; cursor: pointer; }
  .error { color: #e6edf3; background: #f8514924; border: 1px solid #f85149; padding: 8px 10px; border-radius: 6px; }
</style></head>
<body><main>
  <h1>Uptrust development sign-in</h1>
  <p>A local identity provider for trying Uptrust. Each user's password is its name:</p>
  <ul>${DEV_USERS.map((u) => `<li><strong>${escapeHtml(u.login)}</strong>: ${escapeHtml(u.role)} (group ${escapeHtml(u.groups.join(", "))})</li>`).join("")}</ul>
  ${error}
  <form method="post" action="/interaction/${encodeURIComponent(input.uid)}/login">
    <label for="login">Username</label>
    <input id="login" name="login" autocomplete="username" value="${escapeHtml(input.login ?? "")}" autofocus required>
    <label for="password">Password</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required>
    <button type="submit">Sign in</button>
  </form>
</main></body></html>`;
}
