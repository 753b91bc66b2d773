import { notFound } from "next/navigation";
import { connection } from "next/server";
import { z } from "zod";
import { SloDetailView } from "@/components/slo/slo-detail.tsx";
import { gatePage } from "@/lib/auth/gate.ts";
import { getSloDetail } from "@/lib/db/queries/get-slo-detail.ts";

// A malformed id cannot name an SLO, so it is a 404 like an unknown one (never a database error).
const idSchema = z.guid();

export default async function SloPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  await gatePage(`/slos/${id}`);
  const parsed = idSchema.safeParse(id);
  if (!parsed.success) notFound();
  const detail = await getSloDetail(parsed.data);
  if (!detail) notFound();
  return (
    <>
      <SloDetailView detail={detail} />
    </>
  );
}
