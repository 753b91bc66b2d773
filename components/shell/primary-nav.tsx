"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import s from "./shell.module.css";
import { ADMIN_SECTIONS, isCurrentSection, NAV_SECTIONS } from "./nav-sections.ts";

// The main sections, the current one marked for assistive technology (aria-current) and the eye; admins
// also get their own pages as a labelled group.
export function PrimaryNav({ admin }: { admin: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className={s.nav}>
      <ul className={s.navList}>
        {NAV_SECTIONS.map((section) => (
          <li key={section.href}>
            <Link href={section.href} aria-current={isCurrentSection(section.href, pathname) ? "page" : undefined}>
              {section.label}
            </Link>
          </li>
        ))}
      </ul>
      {admin ? (
        <nav aria-label="Admin" className={s.adminNav}>
          <span className={s.adminLabel} aria-hidden="true">Admin</span>
          <ul className={s.navList}>
            {ADMIN_SECTIONS.map((page) => (
              <li key={page.href}>
                <Link href={page.href} aria-current={pathname === page.href ? "page" : undefined}>{page.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </nav>
  );
}
