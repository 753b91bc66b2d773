import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { z } from "zod";
import { IncidentView } from "@/components/incident/incident-view.tsx";
import s from "@/components/ui/styles.module.css";
import { UserMenu } from "@/components/user-menu.tsx";
import { currentUser } from "@/lib/auth/require-user.ts";
import { canRespond } from "@/lib/auth/rules.ts";
import { getIncident } from "@/lib/db/queries/get-incident.ts";

// A malformed id cannot name an incident, so it is a 404 like an unknown one (never a database error).
const idSchema = z.guid();

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const parsed = idSchema.safeParse((await params).id);
  if (!parsed.success) notFound();
  const [detail, user] = await Promise.all([getIncident(parsed.data), currentUser()]);
  if (!detail) notFound();
  return (
    <>
      <header className={s.header}>
        <Link href="/" style={{ fontSize: 18, fontWeight: 700, color: "var(--text)" }}>Uptrust</Link>
        <span className={s.tagline}>incident</span>
        <span className={s.headerSpacer} />
        <UserMenu />
      </header>
      <IncidentView initialData={detail} canRespond={canRespond(user?.role)} />
    </>
  );
}
