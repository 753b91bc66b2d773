// The cockpit's main sections, in the order the header lists them; each has a `g` shortcut (keymap.ts).
export type NavSection = { href: string; label: string; shortcut: string };

export const NAV_SECTIONS: readonly NavSection[] = [
  { href: "/", label: "Cockpit", shortcut: "h" },
  { href: "/slos", label: "SLOs", shortcut: "s" },
  { href: "/incidents", label: "Incidents", shortcut: "i" },
  { href: "/rightsizing", label: "Right-sizing", shortcut: "r" },
  { href: "/mttx", label: "MTTx", shortcut: "m" },
  { href: "/guardrails", label: "Guardrails", shortcut: "g" },
  { href: "/clusters", label: "Clusters", shortcut: "c" },
];

export const ADMIN_SECTIONS: readonly { href: string; label: string }[] = [
  { href: "/admin/users", label: "Users" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/share-links", label: "Share links" },
  { href: "/admin/notifications", label: "Notifications" },
];

/** Whether `pathname` is the section's page or one under it; the cockpit is "/" alone. */
export function isCurrentSection(href: string, pathname: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(`${href}/`);
}
