import { expect, test, type Page } from "@playwright/test";
import { describeSignInError } from "../lib/auth/rules.ts";
import { E2E_PORT } from "../playwright.config.ts";
import { startUptrustWeb, type UptrustWeb } from "./fixtures/start-uptrust-web.ts";
import { GlewlwydLoginPage } from "./pages/glewlwyd-login-page.ts";
import { startGlewlwyd, type Glewlwyd, type GlewlwydUser } from "./providers/glewlwyd.ts";

// Uptrust signs in with any standard OpenID Provider, not only the one it ships: here Debian's glewlwyd,
// a separate implementation, in front of a second Uptrust web process configured for it as an operator
// would (AUTH_OIDC_*, a groups scope, a role map).

const offset = E2E_PORT - 3300;
const IDP_PORT = 4700 + offset;
const WEB_PORT = 3700 + offset;
const MISMATCH_PORT = 3800 + offset;

const person = (username: string, name: string, groups: string[]): GlewlwydUser =>
  ({ username, password: `${username}-password`, name, email: `${username}@glewlwyd.test`, groups });
const ROSA = person("rosa", "Rosa Oncall", ["oncall", "staff"]);
const SAM = person("sam", "Sam Staff", ["staff"]);

let idp: Glewlwyd;
let uptrust: UptrustWeb;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  idp = await startGlewlwyd({ port: IDP_PORT, redirectUri: `http://localhost:${WEB_PORT}/api/auth/callback/oidc`, users: [ROSA, SAM] });
  uptrust = await startUptrustWeb(WEB_PORT, oidcEnv(idp.issuer));
});

test.afterAll(async () => {
  await uptrust?.stop();
  await idp?.stop();
});

function oidcEnv(issuer: string): Record<string, string> {
  return {
    AUTH_OIDC_ISSUER: issuer,
    AUTH_OIDC_ID: idp.clientId,
    AUTH_OIDC_SECRET: idp.clientSecret,
    AUTH_OIDC_SCOPE: "groups",
    UPTRUST_ROLE_MAP: "sre=admin,oncall=responder",
  };
}

// Uptrust's login page names the provider by its host: "Sign in with localhost:4780".
async function startSignIn(page: Page, base: string, issuer: string) {
  await page.goto(`${base}/login`);
  await page.getByRole("button", { name: `Sign in with ${new URL(issuer).host}` }).click();
}

test("a person in a mapped group signs in at glewlwyd and lands on the cockpit with that group's role", async ({ page }) => {
  const authorizationRequests: URL[] = [];
  page.on("request", (req) => {
    if (req.isNavigationRequest() && req.url().startsWith(`${idp.issuer}/auth`)) authorizationRequests.push(new URL(req.url()));
  });

  await startSignIn(page, uptrust.url, idp.issuer);
  await new GlewlwydLoginPage(page, idp.issuer).signIn({ user: ROSA.username, password: ROSA.password });

  await expect(page).toHaveURL(`${uptrust.url}/`);
  await expect(page.getByRole("heading", { name: "Cockpit", level: 1 })).toBeVisible();
  await expect(page.getByTestId("user-email")).toHaveText(ROSA.email);
  // "oncall" maps to responder; "staff" maps to nothing and does not lower it.
  await expect(page.getByTestId("user-role")).toHaveText("responder");

  // What Uptrust sent to the provider: state, nonce and PKCE (S256), and the groups scope the operator asked for.
  const sent = authorizationRequests[0]?.searchParams;
  expect(sent, "the browser was sent to glewlwyd's authorization endpoint").toBeDefined();
  // Auth.js seals its state as a JWE (dot-separated base64url); the nonce and PKCE verifier stay in cookies.
  expect(sent!.get("state")).toMatch(/^[\w.-]{16,}$/);
  expect(sent!.get("nonce")).toMatch(/^[\w-]{16,}$/);
  expect(sent!.get("code_challenge")).toMatch(/^[\w-]{43}$/);
  expect(sent!.get("code_challenge_method")).toBe("S256");
  expect(sent!.get("scope")!.split(" ").sort()).toEqual(["email", "groups", "openid", "profile"]);
  expect(sent!.get("client_id")).toBe(idp.clientId);
  expect(uptrust.stderr(), "a clean sign-in logs no sign-in error").not.toContain("[auth]");
});

test("a person in no mapped group is refused, and the login page says why", async ({ page }) => {
  await startSignIn(page, uptrust.url, idp.issuer);
  await new GlewlwydLoginPage(page, idp.issuer).signIn({ user: SAM.username, password: SAM.password });

  await expect(page).toHaveURL(/\/login\?.*error=RoleRefused/);
  await expect(page.getByTestId("login-error")).toHaveText(describeSignInError("RoleRefused")!);
  await expect(page.getByTestId("user-role")).toHaveCount(0);
  expect(uptrust.stderr()).toContain(`sign-in refused for ${SAM.email}: none of your groups (staff) is given a role`);
});

test("when the provider answers with an error, the login page says so and the server log names the error", async ({ page }) => {
  // glewlwyd's administrator withdraws the authorization-code flow from Uptrust's client: the provider
  // now answers every sign-in at once with error=unauthorized_client on the redirect back.
  await idp.updateClient({ authorization_type: ["refresh_token"] });
  try {
    await startSignIn(page, uptrust.url, idp.issuer);
    // The provider's own words reach the person, not only a class name.
    await expect(page).toHaveURL(/\/login\?error=ProviderError&providerError=unauthorized_client/);
    await expect(page.getByTestId("login-error")).toContainText(describeSignInError("ProviderError")!);
    await expect(page.getByTestId("provider-detail")).toHaveText(/^unauthorized_client/);
    await expect.poll(() => uptrust.stderr()).toContain("[auth] the provider answered error=unauthorized_client");
  } finally {
    await idp.updateClient({});
  }
});

test("an issuer that differs from the provider's own is named in the server log with both values", async ({ page }) => {
  // 127.0.0.1 reaches the same glewlwyd, but its discovery document names http://localhost:PORT/api/oidc.
  const aliased = idp.issuer.replace("localhost", "127.0.0.1");
  const mismatched = await startUptrustWeb(MISMATCH_PORT, oidcEnv(aliased));
  try {
    await startSignIn(page, mismatched.url, aliased);
    // The person is told that sign-in is not set up correctly; the operator reads both issuers in the log.
    await expect(page).toHaveURL(`${mismatched.url}/login?error=Configuration`);
    await expect(page.getByTestId("login-error")).toHaveText(describeSignInError("Configuration")!);
    await expect
      .poll(() => mismatched.stderr())
      .toContain(`issuer mismatch: AUTH_OIDC_ISSUER is ${aliased} but the provider's discovery document says ${idp.issuer}`);
  } finally {
    await mismatched.stop();
  }
});
