import { createHash, timingSafeEqual } from "node:crypto";

const digest = (s: string) => createHash("sha256").update(s).digest();

export type BearerSetting = {
  /** The environment variable that holds the token, named in every answer. */
  setting: string;
  /** What is off while the setting is unset, and how to turn it on. */
  off: string;
  /** How the caller sends it, in its own configuration's words. */
  howToSend: string;
};

// A machine (Prometheus, Alertmanager) proves itself with a token from a setting, sent as a bearer token.
// Both sides are hashed first so the comparison takes the same time whatever the lengths; the answer says
// which of the three is wrong (the setting, the header, the value) without echoing any of them.
export function bearerTokenProblem(authorization: string | null, configured: string | undefined, s: BearerSetting): string | null {
  if (!configured) return s.off;
  const given = /^Bearer (.+)$/i.exec(authorization ?? "")?.[1]?.trim();
  if (!given) return `send ${s.setting} as a bearer token (${s.howToSend})`;
  return timingSafeEqual(digest(given), digest(configured)) ? null : `the bearer token is not ${s.setting}`;
}
