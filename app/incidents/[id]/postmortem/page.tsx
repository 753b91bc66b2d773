import { notFound } from "next/navigation";
import { connection } from "next/server";
import { z } from "zod";
import { MarkdownDocument } from "@/components/postmortem/markdown-document.tsx";
import { PostmortemView } from "@/components/postmortem/postmortem-view.tsx";
import { gatePage } from "@/lib/auth/gate.ts";
import { getPostmortem } from "@/lib/db/queries/get-postmortem.ts";

// A malformed id cannot name an incident, so it is a 404 like an unknown one.
const idSchema = z.guid();

export default async function PostmortemPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const raw = (await params).id;
  await gatePage(`/incidents/${encodeURIComponent(raw)}/postmortem`);
  const parsed = idSchema.safeParse(raw);
  if (!parsed.success) notFound();
  const markdown = await getPostmortem(parsed.data);
  if (markdown === null) notFound();
  return (
    <>
      <PostmortemView id={parsed.data} markdown={markdown} rendered={<MarkdownDocument markdown={markdown} />} />
    </>
  );
}
