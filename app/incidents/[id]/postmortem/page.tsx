import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { z } from "zod";
import { PostmortemView } from "@/components/postmortem/postmortem-view.tsx";
import s from "@/components/ui/styles.module.css";
import { UserMenu } from "@/components/user-menu.tsx";
import { getPostmortem } from "@/lib/db/queries/get-postmortem.ts";

const idSchema = z.guid();

export default async function PostmortemPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const parsed = idSchema.safeParse((await params).id);
  if (!parsed.success) notFound();
  const markdown = await getPostmortem(parsed.data);
  if (markdown === null) notFound();
  return (
    <>
      <header className={s.header}>
        <Link href="/" style={{ fontSize: 18, fontWeight: 700, color: "var(--text)" }}>Uptrust</Link>
        <span className={s.tagline}>postmortem draft</span>
        <span className={s.headerSpacer} />
        <UserMenu />
      </header>
      <PostmortemView id={parsed.data} markdown={markdown} />
    </>
  );
}
