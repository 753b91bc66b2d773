import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { z } from "zod";
import { RightsizingDetailView } from "@/components/rightsizing/rightsizing-detail.tsx";
import s from "@/components/ui/styles.module.css";
import { UserMenu } from "@/components/user-menu.tsx";
import { getRightsizingDetail } from "@/lib/db/queries/get-rightsizing-detail.ts";

// A malformed id cannot name a recommendation, so it is a 404 like an unknown one (never a database error).
const idSchema = z.guid();

export default async function RightsizingPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const parsed = idSchema.safeParse((await params).id);
  if (!parsed.success) notFound();
  const detail = await getRightsizingDetail(parsed.data);
  if (!detail) notFound();
  return (
    <>
      <header className={s.header}>
        <Link href="/" style={{ fontSize: 18, fontWeight: 700, color: "var(--text)" }}>Uptrust</Link>
        <span className={s.tagline}>right-sizing</span>
        <span className={s.headerSpacer} />
        <UserMenu />
      </header>
      <RightsizingDetailView detail={detail} />
    </>
  );
}
