import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshIfDue } from "@/lib/auth/refresh-token.ts";
import { startDevIdp, type DevIdp } from "./server.ts";

const APP = "http://localhost:3999";
let idp: DevIdp;

beforeAll(async () => {
  idp = await startDevIdp({ port: 0, appUrl: APP });
});
afterAll(() => idp?.stop());

// A browser in miniature: follows redirects by hand and keeps the IdP's cookies.
function browser() {
  const jar = new Map<string, string>();
  return async (url: string, init: RequestInit = {}) => {
    const res = await fetch(new URL(url, idp.issuer), {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [name, value] = [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)];
      jar.set(name, value);
    }
    return res;
  };
}

async function openLoginPage(go: ReturnType<typeof browser>, verifier = randomBytes(32).toString("base64url"), extra: Record<string, string> = {}) {
  const params = new URLSearchParams({
    client_id: idp.clientId,
    response_type: "code",
    scope: "openid email profile",
    ...extra,
    redirect_uri: `${APP}/api/auth/callback/oidc`,
    state: "s1",
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
  });
  const start = await go(`/auth?${params}`);
  expect(start.status).toBe(303);
  const loginUrl = start.headers.get("location")!;
  return { loginUrl, page: await go(loginUrl) };
}

const form = (fields: Record<string, string>) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields).toString(),
});

describe("Uptrust development sign-in", () => {
  it("announces itself at the issuer Uptrust is configured with", async () => {
    expect(idp.issuer).toMatch(/^http:\/\/localhost:\d+$/);
    const discovery = await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json();
    expect(discovery.issuer).toBe(idp.issuer);
    expect(discovery.userinfo_endpoint).toBeTruthy();
  });

  it("shows a sign-in form with labelled username and password fields", async () => {
    const { page } = await openLoginPage(browser());
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("<title>Uptrust development sign-in</title>");
    expect(html).toMatch(/<label for="login">Username<\/label>\s*<input id="login" name="login"/);
    expect(html).toMatch(/<label for="password">Password<\/label>\s*<input id="password" name="password" type="password"/);
    expect(html).toContain(">Sign in</button>");
  });

  it("shows the form again with a reason when the password is wrong", async () => {
    const go = browser();
    const { loginUrl } = await openLoginPage(go);
    const res = await go(`${loginUrl}/login`, form({ login: "demo", password: "nope" }));
    expect(res.status).toBe(401);
    expect(await res.text()).toContain("Wrong username or password");
  });

  it("sends demo / demo back to Uptrust with an authorization code, consent implied", async () => {
    const go = browser();
    const { loginUrl } = await openLoginPage(go);
    let res = await go(`${loginUrl}/login`, form({ login: "demo", password: "demo" }));
    // Compare origins, not prefixes: the provider's random port may itself begin with the app's (39997 vs 3999).
    const backToApp = () => {
      const loc = res.headers.get("location");
      return loc !== null && new URL(loc, idp.issuer).origin === APP;
    };
    for (let hops = 0; hops < 6 && !backToApp(); hops++) {
      res = await go(res.headers.get("location")!);
    }
    const back = new URL(res.headers.get("location")!);
    expect(`${back.origin}${back.pathname}`).toBe(`${APP}/api/auth/callback/oidc`);
    expect(back.searchParams.get("code")).toBeTruthy();
    expect(back.searchParams.get("state")).toBe("s1");
  });

  it("gives each user the groups of their role and a refresh token, which Uptrust's refresh then uses", async () => {
    const go = browser();
    const verifier = randomBytes(32).toString("base64url");
    const { loginUrl } = await openLoginPage(go, verifier, { scope: "openid email profile groups offline_access", prompt: "consent" });
    let res = await go(`${loginUrl}/login`, form({ login: "responder", password: "responder" }));
    for (let hops = 0; hops < 6 && !res.headers.get("location")?.startsWith(APP); hops++) res = await go(res.headers.get("location")!);
    const code = new URL(res.headers.get("location")!).searchParams.get("code")!;
    const basic = Buffer.from(`${idp.clientId}:${idp.clientSecret}`).toString("base64");
    const tokens = await (
      await fetch(`${idp.issuer}/token`, {
        method: "POST",
        headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: `${APP}/api/auth/callback/oidc`, code_verifier: verifier }),
      })
    ).json();
    expect(tokens.refresh_token).toEqual(expect.any(String));
    const claims = JSON.parse(Buffer.from(tokens.id_token.split(".")[1], "base64url").toString());
    expect(claims.groups).toEqual(["uptrust-responders"]);

    const settings = { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, displayName: "dev", development: true, scope: "" };
    const due = { refreshToken: tokens.refresh_token, accessExpiresAt: Date.now() - 1, groups: [] };
    // A page and its poll arriving together refresh once and share the answer.
    const [refreshed, alongside] = await Promise.all([refreshIfDue(due, settings, "groups"), refreshIfDue(due, settings, "groups")]);
    expect(alongside).toEqual(refreshed);
    expect(refreshed.groups).toEqual(["uptrust-responders"]);
    expect(refreshed.accessExpiresAt).toBeGreaterThan(Date.now());
    expect(refreshed.ended).toBeUndefined();

    // A token the provider no longer accepts ends the session at its next request.
    const refused = await refreshIfDue({ refreshToken: "revoked-or-unknown", accessExpiresAt: 0 }, settings, "groups");
    expect(refused.ended).toBe("provider-refused");
  });
});
