import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import s from "@/components/ui/styles.module.css";
import { howToGetRole, readDeniedQuery } from "@/lib/auth/denied-page.ts";
import { gatePage } from "@/lib/auth/gate.ts";
import { rolesFollowProvider } from "@/lib/auth/record-sign-in.ts";
import { hasRole } from "@/lib/auth/rules.ts";

export const metadata: Metadata = { title: "Another role needed · Uptrust" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// Where the gate sends a signed-in person whose role is too low for a page: what the page needs, what they
// have, and who can change it.
export default async function DeniedPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const user = await gatePage("/denied");
  const { need, from } = readDeniedQuery(await searchParams);
  const page = from ? <code className={s.mono}>{from}</code> : "This page";
  // A role raised since the refusal holds at once, so the way back is offered instead of advice.
  const nowAllowed = need !== null && hasRole(user.role, need);
  return (
    <>
      <div className={s.page} style={{ maxWidth: 720 }}>
        <h1 style={{ fontSize: 20, margin: "12px 0 8px" }}>{nowAllowed ? "You have the role this page needs now" : "Your role does not open this page"}</h1>
        <p data-testid="denied-reason">
          {page} needs {need ? <>the <strong>{need}</strong> role{need === "admin" ? "" : " or above"}</> : "a higher role"}; you are signed in as{" "}
          {user.email} with the role <strong data-testid="denied-role">{user.role}</strong>.
        </p>
        {nowAllowed ? null : <p data-testid="denied-advice">{howToGetRole(rolesFollowProvider())}</p>}
        <p className={s.back} style={{ display: "flex", gap: 16 }}>
          {nowAllowed && from ? <Link href={from}>Go back to {from}</Link> : null}
          <Link href="/">← Back to the cockpit</Link>
        </p>
      </div>
    </>
  );
}
