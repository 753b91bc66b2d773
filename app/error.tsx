"use client";

import s from "@/components/ui/styles.module.css";

// What a page shows when it fails to render: the reason in a sentence and a way to try again, inside the
// site's frame so the navigation still works.
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className={s.page}>
      <h1>This page could not be shown</h1>
      <p className={s.notice} role="alert">
        {error.message || "Something went wrong while drawing this page."}
        {error.digest ? ` (reference ${error.digest} in the server's log)` : null}
      </p>
      <button type="button" className={s.action} onClick={reset}>Try again</button>
    </div>
  );
}
