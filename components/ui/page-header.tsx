import Link from "next/link";
import { UserMenu } from "../user-menu.tsx";
import s from "./styles.module.css";

// The bar every detail page opens with: back to the cockpit, what this page is, who is signed in.
export function PageHeader({ tagline }: { tagline: string }) {
  return (
    <header className={s.header}>
      <Link href="/" style={{ fontSize: 18, fontWeight: 700, color: "var(--text)" }}>Uptrust</Link>
      <span className={s.tagline}>{tagline}</span>
      <span className={s.headerSpacer} />
      <UserMenu />
    </header>
  );
}
