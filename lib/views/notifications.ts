import type { ChannelType } from "@/lib/domain/notifications/message.ts";

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
  ratePerMinute: number;
  sent: number;
  pending: number;
  dead: number;
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
