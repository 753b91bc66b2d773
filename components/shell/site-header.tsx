import type { SessionUser } from "@/lib/auth/require-user.ts";
import { KeyboardShortcuts } from "./keyboard-shortcuts.tsx";
import { PrimaryNav } from "./primary-nav.tsx";
import { BrandLink, HiddenOnPublicPages } from "./public-page-guard.tsx";
import s from "./shell.module.css";
import type { ThemeChoice } from "./theme.ts";
import { ThemeSwitch } from "./theme-switch.tsx";
import { UserMenu } from "./user-menu.tsx";

// The one header every page shares (app/layout.tsx): the brand, the main sections, the keyboard shortcuts,
// the theme and who is signed in. Without a session, or on a public page, it keeps only brand and theme.
export function SiteHeader({ user, theme }: { user: SessionUser | null; theme: ThemeChoice }) {
  return (
    <header className={s.header}>
      <BrandLink className={s.brand}>
        <span className={s.mark} aria-hidden="true">U</span>
        Uptrust
      </BrandLink>
      {user ? (
        <HiddenOnPublicPages>
          <PrimaryNav admin={user.role === "admin"} />
        </HiddenOnPublicPages>
      ) : null}
      <span className={s.spacer} />
      {user ? (
        <HiddenOnPublicPages>
          <KeyboardShortcuts />
        </HiddenOnPublicPages>
      ) : null}
      <ThemeSwitch initial={theme} />
      {user ? (
        <HiddenOnPublicPages>
          <UserMenu user={user} />
        </HiddenOnPublicPages>
      ) : null}
    </header>
  );
}
