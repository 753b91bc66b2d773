"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { startTransition } from "react";
import c from "../ui/controls.module.css";
import { Panel } from "../ui/panel.tsx";
import s from "../ui/styles.module.css";

// When the server could not read an incident page (the database is away, a query failed): what failed,
// in words, and a way to try again without losing the address.
export function PageError({ what, error, retry }: { what: string; error: Error & { digest?: string }; retry: () => void }) {
  const router = useRouter();
  // The page is read on the server: ask it again, then render the segment anew.
  const again = () => startTransition(() => { router.refresh(); retry(); });
  return (
    <div className={s.page}>
      <p className={s.back}><Link href="/">← Cockpit</Link></p>
      <Panel title={`The ${what} could not be loaded`}>
        <p role="alert">
          Uptrust could not read the {what} just now{error.digest ? ` (error ${error.digest} in the server log)` : ""}. The cluster data is safe;
          this is a problem reading it.
        </p>
        <button type="button" className={c.action} onClick={again}>Try again</button>
      </Panel>
    </div>
  );
}
