import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/index.ts";
import { loginQueryFor, providerErrorOf } from "@/lib/auth/provider-error.ts";

export const { POST } = handlers;

// A provider's refusal comes back to the callback as ?error=…; the login page shows its own words.
export async function GET(req: NextRequest) {
  const url = new URL(req.url);
  const refused = url.pathname.endsWith("/callback/oidc") ? providerErrorOf(url) : null;
  if (refused) {
    console.error(`[auth] the provider answered error=${refused.error}${refused.description ? ` (${refused.description})` : ""}`);
    return Response.redirect(new URL(`/login?${loginQueryFor(refused)}`, req.nextUrl.origin), 303);
  }
  return handlers.GET(req);
}
