import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";

// A share link's token is 256 random bits, written base64url (43 characters) so it fits in a path. It is
// shown once, to the person who made it; Uptrust keeps only its SHA-256, so a copy of the database opens
// no incident. A hash without salt is enough here: a random 256-bit token cannot be guessed from it.

const TOKEN_BYTES = 32;
/** A token as a path carries it; anything else cannot open a link and is not looked up. */
export const shareTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export function newShareToken(): { token: string; hash: string } {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  return { token, hash: hashShareToken(token) };
}

export function hashShareToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function isShareToken(text: unknown): text is string {
  return shareTokenSchema.safeParse(text).success;
}
