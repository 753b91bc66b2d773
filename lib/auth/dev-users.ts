import type { Role } from "./rules.ts";

// The development provider's people, one per role, so each role's powers can be tried on a laptop.
// Their groups map to roles through DEV_ROLE_MAP (lib/auth/record-sign-in.ts), as a company's would.
export type DevUser = { login: string; password: string; email: string; name: string; groups: string[]; role: Role };

export const DEV_USERS: readonly DevUser[] = [
  { login: "demo", password: "demo", email: "demo@uptrust.dev", name: "Demo SRE", groups: ["uptrust-admins"], role: "admin" },
  { login: "responder", password: "responder", email: "responder@uptrust.dev", name: "Rae Responder", groups: ["uptrust-responders"], role: "responder" },
  { login: "viewer", password: "viewer", email: "viewer@uptrust.dev", name: "Vic Viewer", groups: ["uptrust-viewers"], role: "viewer" },
];
