import Link from "next/link";

export const ADMIN_PAGES = [
  { href: "/admin/users", label: "Users" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/share-links", label: "Share links" },
] as const;

// Shown to admins only (components/user-menu.tsx): the pages where roles, sessions, the audit log and
// every incident's share links are looked after.
export function AdminNav() {
  return (
    <nav aria-label="Admin" style={{ display: "flex", gap: 10, alignItems: "baseline", fontSize: 12 }}>
      <span style={{ color: "var(--muted)", textTransform: "uppercase", letterSpacing: ".06em" }}>Admin</span>
      {ADMIN_PAGES.map((p) => (
        <Link key={p.href} href={p.href}>{p.label}</Link>
      ))}
    </nav>
  );
}
