import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

// Channel secrets (a Slack webhook URL, a PagerDuty routing key, a webhook's signing secret) are stored
// sealed with AES-256-GCM. The key is derived from AUTH_SECRET with HKDF, so there is no second secret to
// lose, and a database dump alone reveals none of them. GCM's tag makes a tampered value fail to open.

const VERSION = "v1";

export function secretKey(authSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret, "uptrust", "notification-channel-secrets", 32));
}

export function sealSecret(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
}

/** The plain secret; throws when the value was sealed under another AUTH_SECRET or altered. */
export function openSecret(sealed: string, key: Buffer): string {
  const [version, data] = sealed.split(":", 2);
  if (version !== VERSION || !data) throw new Error("the stored secret is not in a format this Uptrust reads");
  const raw = Buffer.from(data, "base64");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    throw new Error("the stored secret cannot be opened: AUTH_SECRET changed since it was saved; enter the secret again");
  }
}

/** All a page may show of a secret: that it is set, and its last 4 characters when it is long enough to spare them. */
export function secretHint(secret: string): string {
  return secret.length >= 16 ? `set, ends …${secret.slice(-4)}` : "set";
}

/** Every occurrence of the secrets in a text (an error, a receiver's answer) replaced before it is stored or logged. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  return secrets.filter((s) => s.length >= 4).reduce((t, s) => t.split(s).join("[REDACTED secret]"), text);
}
