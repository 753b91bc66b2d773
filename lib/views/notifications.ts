import type { ChannelType } from "@/lib/domain/notifications/message.ts";
import type { Route } from "@/lib/domain/notifications/route.ts";

/** A channel as the admin page lists it: never its secret, only that one is set. */
export type ChannelItem = {
  id: string;
  name: string;
  type: ChannelType;
  source: "admin" | "env";
  /** The URL it posts to when that is not itself the secret (Slack's is). */
  url: string | null;
  secretHint: string;
  route: string;
  /** The route itself, to fill the form that changes it (null when the stored route is unreadable). */
  routeFields: Route | null;
  ratePerMinute: number;
  sent: number;
  pending: number;
  dead: number;
  /** The newest test message an admin asked for: waiting, delivered (when) or dead (why). */
  lastTest: { status: "pending" | "delivered" | "dead"; at: string; error: string | null } | null;
};

/** A message that ran out of attempts, with the last error (secrets already redacted). */
export type DeadLetterItem = {
  id: string;
  channel: string;
  channelType: string;
  subject: string;
  transition: string;
  headline: string;
  attempts: number;
  lastError: string;
  createdAt: string;
};
