import { execFileSync } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { startChildServer, waitForAnswer } from "../fixtures/child-process.ts";

// A second, independent OpenID Provider for the end-to-end tests: Debian's glewlwyd package (a C daemon),
// run from a temporary directory with its own SQLite database, so that Uptrust is proven against a
// provider it does not ship. scripts/test-prerequisites.sh installs the package.

const BINARY = "/usr/bin/glewlwyd";
const INIT_SQL = "/usr/share/doc/glewlwyd/database/init.sqlite3.sql.gz";
const WEBAPP = "/usr/share/glewlwyd/webapp";
const WEBAPP_CONFIG = "/usr/share/glewlwyd/templates/config.json";
const MODULES = "/usr/lib/glewlwyd";
// The administrator the package's init script creates; the instance listens on loopback only and lives for one test file.
const ADMIN = { username: "admin", password: "password" };
const PLUGIN = "oidc";
const SCOPES = ["profile", "email", "groups"];

export type GlewlwydUser = { username: string; password: string; name: string; email: string; groups: string[] };

export type Glewlwyd = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Changes Uptrust's client record at the provider, as its administrator would (the rest stays as registered). */
  updateClient: (changes: { authorization_type?: string[]; enabled?: boolean; redirect_uri?: string[] }) => Promise<void>;
  stop: () => Promise<void>;
};

type Options = { port: number; redirectUri: string; users: GlewlwydUser[] };

function configFile(dir: string, port: number): string {
  const mime = [
    [".html", "text/html"], [".css", "text/css"], [".js", "application/javascript"], [".json", "application/json"],
    [".png", "image/png"], [".ico", "image/x-icon"], [".woff2", "font/woff2"], [".woff", "font/woff"], [".ttf", "font/ttf"],
  ].map(([extension, type]) => `{ extension = "${extension}" mime_type = "${type}" }`);
  // use_secure_connection is left out: glewlwyd 2.7 reads its mere presence as "TLS on".
  return `port=${port}
bind_address="127.0.0.1"
external_url="http://localhost:${port}"
login_url="login.html"
api_prefix="api"
static_files_path="${join(dir, "webapp")}/"
allow_origin="*"
log_mode="console"
log_level="INFO"
cookie_secure=0
cookie_same_site="lax"
session_expiration=3600
session_key="GLEWLWYD2_SESSION_ID"
admin_session_authentication="cookie"
profile_session_authentication="cookie"
allow_multiple_user_per_session=false
login_api_enabled=true
add_x_frame_option_header_deny=true
admin_scope="g_admin"
profile_scope="g_profile"
user_module_path="${MODULES}/user"
client_module_path="${MODULES}/client"
user_auth_scheme_module_path="${MODULES}/scheme"
plugin_module_path="${MODULES}/plugin"
hash_algorithm="SHA512"
database = { type = "sqlite3" path = "${join(dir, "glewlwyd.db")}" };
static_files_mime_types = ( ${mime.join(",\n  ")} );
`;
}

// A fresh RS256 signing key for every run, in the JWKS form the OIDC plugin takes.
function signingKeys(): string {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return JSON.stringify({ keys: [{ ...privateKey.export({ format: "jwk" }), kid: "uptrust-e2e", alg: "RS256" }] });
}

type AdminApi = (method: string, path: string, body?: unknown) => Promise<void>;

/**
 * Signs in to glewlwyd's administration API (a fresh session each time: its admin scope asks for the
 * password again after 10 minutes) and returns a caller that throws with glewlwyd's answer on failure.
 */
async function adminApi(base: string): Promise<AdminApi> {
  const login = await fetch(`${base}/api/auth/`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(ADMIN),
  });
  const cookie = login.headers.get("set-cookie")?.split(";")[0];
  if (!login.ok || !cookie) throw new Error(`glewlwyd: the admin could not sign in (${login.status})`);
  return async (method, path, body) => {
    const res = await fetch(`${base}/api${path}`, {
      method,
      headers: { cookie, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`glewlwyd ${method} ${path} answered ${res.status}: ${await res.text()}`);
  };
}

function clientRecord(id: string, secret: string, redirectUri: string) {
  return {
    client_id: id,
    name: "Uptrust",
    description: "Uptrust end-to-end tests",
    enabled: true,
    confidential: true,
    client_secret: secret,
    redirect_uri: [redirectUri],
    authorization_type: ["code", "refresh_token"],
    token_endpoint_auth_method: ["client_secret_basic"],
    scope: [] as string[],
  };
}

async function configure(api: AdminApi, issuer: string, users: GlewlwydUser[], client: ReturnType<typeof clientRecord>) {
  // Users keep a multi-valued "groups" property in the database backend; the plugin releases it as the groups claim.
  await api("PUT", "/mod/user/database", {
    module: "database",
    name: "database",
    display_name: "Database backend",
    order_rank: 0,
    readonly: false,
    parameters: {
      "use-glewlwyd-connection": true,
      "data-format": { groups: { multiple: true, read: true, write: true, "profile-read": true, "profile-write": false } },
    },
  });
  await api("PUT", "/mod/user/database/reset");
  // Every scope a user grants Uptrust needs the user's password, so the login form asks for it.
  const withPassword = { password_required: true, password_max_age: 0, scheme: {} };
  await api("PUT", "/scope/openid", { display_name: "Open ID", description: "Sign in", ...withPassword });
  for (const name of SCOPES) {
    await api("POST", "/scope/", { name, display_name: name, description: `Share your ${name}`, ...withPassword });
  }
  for (const user of users) {
    await api("POST", "/user/", { ...user, enabled: true, scope: ["openid", ...SCOPES] });
  }
  await api("POST", "/client/", client);
  await api("POST", "/mod/plugin/", {
    module: "oidc",
    name: PLUGIN,
    display_name: "OpenID Connect",
    enabled: true,
    parameters: {
      iss: issuer,
      "jwks-private": signingKeys(),
      "default-kid": "uptrust-e2e",
      "jwks-show": true,
      "access-token-duration": 3600,
      "refresh-token-duration": 1209600,
      "code-duration": 600,
      "refresh-token-rolling": true,
      "allow-non-oidc": false,
      "auth-type-code-enabled": true,
      "auth-type-refresh-enabled": true,
      "auth-type-token-enabled": false,
      "auth-type-id-token-enabled": true,
      "auth-type-password-enabled": false,
      "auth-type-client-enabled": false,
      "pkce-allowed": true,
      "pkce-method-plain-allowed": false,
      "subject-type": "public",
      "scope-claim": "no",
      "name-claim": "mandatory",
      "email-claim": "mandatory",
      "name-claim-scope": [],
      "email-claim-scope": [],
      claims: [{ name: "groups", "user-property": "groups", type: "string", mandatory: false, "on-demand": false, scope: ["groups"] }],
    },
  });
}

/**
 * Starts glewlwyd on loopback with one confidential client (client_secret_basic, PKCE allowed) for
 * `redirectUri`, the given users (password sign-in, a `groups` claim under the `groups` scope) and an
 * OpenID Connect plugin signing with a fresh RS256 key; resolves once its discovery document answers.
 */
export async function startGlewlwyd(options: Options): Promise<Glewlwyd> {
  if (!existsSync(BINARY) || !existsSync(INIT_SQL)) {
    throw new Error("glewlwyd is not installed: run scripts/test-prerequisites.sh (or apt-get install glewlwyd)");
  }
  const dir = mkdtempSync(join(tmpdir(), "uptrust-glewlwyd-"));
  execFileSync("sqlite3", [join(dir, "glewlwyd.db")], { input: gunzipSync(readFileSync(INIT_SQL)) });
  // The login pages are served by the daemon itself from a copy: Debian's webapp/config.json is a link to a directory.
  cpSync(WEBAPP, join(dir, "webapp"), { recursive: true, dereference: true, filter: (src) => src !== join(WEBAPP, "config.json") });
  cpSync(WEBAPP_CONFIG, join(dir, "webapp", "config.json"));
  writeFileSync(join(dir, "glewlwyd.conf"), configFile(dir, options.port));

  const server = startChildServer(BINARY, [`--config-file=${join(dir, "glewlwyd.conf")}`]);
  const stop = async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };

  const base = `http://localhost:${options.port}`;
  const issuer = `${base}/api/${PLUGIN}`;
  const client = clientRecord("uptrust", randomBytes(24).toString("base64url"), options.redirectUri);
  try {
    await waitForAnswer(`${base}/config`, server, 20_000);
    await configure(await adminApi(base), issuer, options.users, client);
    await waitForAnswer(`${issuer}/.well-known/openid-configuration`, server, 20_000);
  } catch (error) {
    await stop();
    throw error;
  }
  const updateClient = async (changes: Partial<typeof client>) =>
    (await adminApi(base))("PUT", `/client/${client.client_id}`, { ...client, ...changes });
  return { issuer, clientId: client.client_id, clientSecret: client.client_secret, updateClient, stop };
}
