import type { RoleSource } from "./roles-from-claims.ts";
import type { Role } from "./rules.ts";

// What Admin → Users and Admin → Audit log show, shared by their queries and pages. Times are ISO strings (UTC).

export type AdminUser = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  roleSource: RoleSource;
  groups: string[];
  lastLoginAt: string | null;
  /** Sessions not ended, not past their absolute limit and not idle past the idle limit. */
  liveSessions: number;
};

export type AuditEntry = {
  id: string;
  at: string;
  /** The email of whoever acted; null for Uptrust itself or a deleted user. */
  who: string | null;
  action: string;
  target: string;
  detail: unknown;
};
