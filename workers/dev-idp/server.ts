import { generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { interactionPolicy } from "oidc-provider";
import { DEV_USERS } from "@/lib/auth/dev-users.ts";
import { POST_LOGOUT_PATH } from "@/lib/auth/provider-logout.ts";
import { DEV_IDP_CLIENT_ID, DEV_IDP_CLIENT_SECRET, devIdpIssuer } from "@/lib/auth/provider-settings.ts";
import { escapeHtml, renderLoginPage } from "./login-page.ts";

// A local OpenID Provider so Uptrust's real sign-in flow works with nothing configured.
// Development only: a user per role (lib/auth/dev-users.ts), in-memory state, keys that change on every start.

export type DevIdp = { issuer: string; clientId: string; clientSecret: string; stop(): Promise<void> };

const INTERACTION = /^\/interaction\/([^/?]+)(\/login)?(?:\?|$)/;

function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
      if (body.length > 10_000) req.destroy(new Error("form too large"));
    });
    req.on("end", () => resolve(new URLSearchParams(body)));
    req.on("error", reject);
  });
}

function sendHtml(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(html);
}

function createProvider(issuer: string, appUrl: string): Provider {
  // Signing out of Uptrust should mean the next sign-in asks for the password again, so the IdP never
  // silently reuses its own session: login is requested unless it happened in this very interaction.
  const policy = interactionPolicy.base();
  policy.get("login")?.checks.push(
    new interactionPolicy.Check("uptrust_always_login", "Uptrust development sign-in always asks", "login_required", (ctx) =>
      ctx.oidc.result?.login ? interactionPolicy.Check.NO_NEED_TO_PROMPT : interactionPolicy.Check.REQUEST_PROMPT,
    ),
  );
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: DEV_IDP_CLIENT_ID,
        client_secret: DEV_IDP_CLIENT_SECRET,
        redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
        post_logout_redirect_uris: [`${appUrl}${POST_LOGOUT_PATH}`],
        // Refresh tokens too, so Uptrust's refresh path (roles re-read, refusal signs out) runs locally.
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    async findAccount(_ctx: unknown, id: string) {
      const user = DEV_USERS.find((u) => u.login === id);
      if (!user) return undefined;
      return {
        accountId: id,
        claims: async () => ({ sub: id, email: user.email, email_verified: true, name: user.name, groups: user.groups }),
      };
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    // Also put name/email in the ID token, like many enterprise IdPs do (Uptrust reads both).
    conformIdTokenClaims: false,
    cookies: { keys: [randomBytes(32).toString("hex")] },
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: randomUUID(), use: "sig", alg: "RS256" }] },
    ttl: { Interaction: 600, Session: 12 * 3600, Grant: 12 * 3600, AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600 },
    features: {
      devInteractions: { enabled: false },
      // Signing out of Uptrust signs out here too, without asking: the person already chose to sign out.
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx: { body: string }, form: string) {
          ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signing out</title></head><body>
${form.replace("</form>", '<input type="hidden" name="logout" value="yes"></form>')}
<p>Signing you out of the development provider…</p>
<noscript><button form="op.logoutForm" type="submit">Continue</button></noscript>
<script>document.forms[0].submit()</script></body></html>`;
        },
      },
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`, policy },
  });
  provider.proxy = false;
  return provider;
}

async function handleInteraction(provider: Provider, req: IncomingMessage, res: ServerResponse, uid: string) {
  const details = await provider.interactionDetails(req, res);
  if (req.method === "GET" && details.prompt.name === "consent") {
    // Uptrust is the only client and this IdP exists for it: consent is implied.
    const grant = details.grantId
      ? ((await provider.Grant.find(details.grantId)) ?? new provider.Grant({ accountId: details.session?.accountId ?? "", clientId: details.params.client_id }))
      : new provider.Grant({ accountId: details.session?.accountId ?? "", clientId: details.params.client_id });
    const missing = details.prompt.details;
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }
  if (req.method === "GET") return sendHtml(res, 200, renderLoginPage({ uid }));
  const form = await readForm(req);
  const login = form.get("login")?.trim() ?? "";
  if (!DEV_USERS.some((u) => u.login === login && u.password === form.get("password"))) {
    return sendHtml(res, 401, renderLoginPage({ uid, login, error: "Wrong username or password" }));
  }
  return provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
}

function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

// port 0 picks a free port (tests). Listens on loopback only: the demo password must not be reachable
// from the network. ::1 as well, where it exists, because some systems resolve localhost to it first.
export async function startDevIdp(options: { port: number; appUrl: string }): Promise<DevIdp> {
  const appUrl = options.appUrl.replace(/\/+$/, "");
  const servers = [http.createServer()];
  const port = await listen(servers[0], options.port, "127.0.0.1");
  const v6 = http.createServer();
  await listen(v6, port, "::1").then(() => servers.push(v6), () => undefined);
  const issuer = devIdpIssuer(port);
  const provider = createProvider(issuer, appUrl);
  const oidc = provider.callback();
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const match = INTERACTION.exec(req.url ?? "");
    if (!match) return oidc(req, res);
    handleInteraction(provider, req, res, match[1]).catch((err: unknown) => {
      if (!res.headersSent) sendHtml(res, 400, `Uptrust development sign-in could not continue: ${escapeHtml(String(err))}. Start again from Uptrust.`);
    });
  };
  for (const server of servers) server.on("request", handler);
  return {
    issuer,
    clientId: DEV_IDP_CLIENT_ID,
    clientSecret: DEV_IDP_CLIENT_SECRET,
    async stop() {
      await Promise.all(
        servers.map((s) => new Promise<void>((resolve) => {
          s.close(() => resolve());
          s.closeAllConnections();
        })),
      );
    },
  };
}
