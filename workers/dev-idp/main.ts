import { parseEnv } from "@/lib/env.ts";
import { startDevIdp } from "./server.ts";

// Runs the development OpenID Provider on its own:
//   tsx workers/dev-idp/main.ts [--port 4000] [--app-url http://localhost:3000]
// Defaults come from UPTRUST_DEV_IDP_PORT and PORT, the same values the Uptrust app uses.

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

const env = parseEnv();
const port = Number(flag("--port") ?? env.UPTRUST_DEV_IDP_PORT);
const appUrl = flag("--app-url") ?? `http://localhost:${env.PORT}`;

const idp = await startDevIdp({ port, appUrl });
console.log(`[dev-idp] Uptrust development sign-in at ${idp.issuer} for ${appUrl} (users demo, responder, viewer; each password is the name)`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void idp.stop().then(() => process.exit(0));
  });
}
