import { z } from "zod";
import { SHARE_VIEWS, type ShareView } from "./shared-incident.ts";

// A share link lives a week unless its creator says otherwise, and never more than 30 days: long enough
// for a postmortem review with a vendor, short enough that a forgotten link stops working on its own.
export const DEFAULT_SHARE_DAYS = 7;
export const MAX_SHARE_DAYS = 30;
const DAY_MS = 86_400_000;

export const shareLinkRequestSchema = z.object({
  view: z
    .enum(SHARE_VIEWS, { error: "view must be internal (as a viewer sees it) or external (names, addresses and logs removed)" })
    .default("external"),
  days: z
    .number({ error: `days must be a whole number of days from 1 to ${MAX_SHARE_DAYS}` })
    .int(`days must be a whole number of days from 1 to ${MAX_SHARE_DAYS}`)
    .min(1, "days must be at least 1")
    .max(MAX_SHARE_DAYS, `days must be at most ${MAX_SHARE_DAYS}: a share link never lives longer`)
    .default(DEFAULT_SHARE_DAYS),
});
export type ShareLinkRequest = z.infer<typeof shareLinkRequestSchema>;

export function shareExpiry(now: Date, days: number): Date {
  return new Date(now.getTime() + days * DAY_MS);
}

export type ShareLinkState = "active" | "expired" | "revoked";

/** Revoked wins over expired: it says someone acted, not that time ran out. */
export function shareLinkState(link: { expiresAt: Date; revokedAt: Date | null }, now: Date): ShareLinkState {
  if (link.revokedAt) return "revoked";
  return link.expiresAt.getTime() > now.getTime() ? "active" : "expired";
}

// A responder revokes the links they made; an admin any link (someone left, a vendor contract ended).
export function mayRevoke(user: { id: string; role: string }, link: { createdById: string }): boolean {
  return user.role === "admin" || (user.role === "responder" && user.id === link.createdById);
}

/** One link as the incident page and the admin list show it (never its token: Uptrust does not keep it). */
export type ShareLinkItem = {
  id: string;
  incident: { id: string; title: string };
  view: ShareView;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
  opens: number;
  lastOpenedAt: string | null;
  state: ShareLinkState;
  /** Whether the person asking may revoke it (mayRevoke), so the page shows the button only then. */
  canRevoke: boolean;
};
