"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import s from "./shell.module.css";
import { ADMIN_SECTIONS, isCurrentSection, NAV_SECTIONS } from "./nav-sections.ts";

// The main sections, the current one marked for assistive technology (aria-current) and the eye; admins
// also get their own pages as a labelled menu.
export function PrimaryNav({ admin }: { admin: boolean }) {
  const pathname = usePathname();
  const adminPage = ADMIN_SECTIONS.find((page) => isCurrentSection(page.href, pathname));
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
          {/* A menu, not a row: the header keeps to one line at 1440 px as admin pages are added. Keyed by the path
              so that following one of its links closes it. */}
          <details key={pathname} className={s.adminMenu}>
            <summary data-current={adminPage ? "" : undefined}>Admin{adminPage ? `: ${adminPage.label}` : ""}</summary>
            <ul className={s.adminList}>
              {ADMIN_SECTIONS.map((page) => (
                <li key={page.href}>
                  <Link href={page.href} aria-current={pathname === page.href ? "page" : undefined}>{page.label}</Link>
                </li>
              ))}
            </ul>
          </details>
        </nav>
      ) : null}
    </nav>
  );
}
