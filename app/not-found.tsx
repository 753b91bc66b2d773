import type { Metadata } from "next";
import { connection } from "next/server";
import s from "@/components/ui/styles.module.css";

export const metadata: Metadata = { title: "Not found · Uptrust", robots: { index: false } };

// Rendered per request like every page, so its scripts carry the response's CSP nonce: a prerendered page has
// none, and the browser would refuse its scripts. It links nowhere: shared incident pages end here too.
export default async function NotFound() {
  await connection();
  return (
    <div className={s.page}>
      <h1>Not found</h1>
      <p>There is nothing at this address. Check the link, or ask whoever sent it for a new one.</p>
    </div>
  );
}
