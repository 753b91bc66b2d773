// Pure: turns what the identity provider said about a user into Uptrust's view of them.

export type OidcClaims = Record<string, unknown>;

export type SignedInProfile = { id: string; email: string | null; name: string | null };

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

// The ID token has already been verified by Auth.js during the code exchange; here we only read it.
export function decodeIdTokenClaims(idToken: unknown): OidcClaims {
  if (typeof idToken !== "string") return {};
  const payload = idToken.split(".")[1];
  if (!payload) return {};
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    return claims && typeof claims === "object" ? (claims as OidcClaims) : {};
  } catch {
    return {};
  }
}

// Some providers release name/email only from the userinfo endpoint, others only inside the ID token;
// userinfo wins because it reflects the provider's current data, the ID token fills what it leaves out.
export function profileFromClaims(userinfo: OidcClaims, idTokenClaims: OidcClaims): SignedInProfile {
  const pick = (key: string) => text(userinfo[key]) ?? text(idTokenClaims[key]);
  const given = [pick("given_name"), pick("family_name")].filter(Boolean).join(" ");
  const email = pick("email");
  return {
    id: pick("sub") ?? "",
    email: email ? email.toLowerCase() : null,
    name: pick("name") ?? (given || null) ?? pick("preferred_username") ?? email,
  };
}
