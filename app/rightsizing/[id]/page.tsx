import { notFound } from "next/navigation";
import { connection } from "next/server";
import { z } from "zod";
import { RightsizingDetailView } from "@/components/rightsizing/rightsizing-detail.tsx";
import { gatePage } from "@/lib/auth/gate.ts";
import { getRightsizingDetail } from "@/lib/db/queries/get-rightsizing-detail.ts";

// A malformed id cannot name a recommendation, so it is a 404 like an unknown one (never a database error).
const idSchema = z.guid();

export default async function RightsizingPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const raw = (await params).id;
  await gatePage(`/rightsizing/${encodeURIComponent(raw)}`);
  const parsed = idSchema.safeParse(raw);
  if (!parsed.success) notFound();
  const detail = await getRightsizingDetail(parsed.data);
  if (!detail) notFound();
  return (
    <>
      <RightsizingDetailView detail={detail} />
    </>
  );
}
