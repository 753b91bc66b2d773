import { notFound } from "next/navigation";
import { connection } from "next/server";
import { z } from "zod";
import { FindingDetail } from "@/components/guardrails/finding-detail.tsx";
import { gatePage } from "@/lib/auth/gate.ts";
import { getGuardrailFinding } from "@/lib/db/queries/get-guardrail-finding.ts";

// A malformed id cannot name a finding, so it is a 404 like an unknown one (never a database error).
const idSchema = z.guid();

export default async function GuardrailFindingPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  await gatePage(`/guardrails/${id}`);
  const parsed = idSchema.safeParse(id);
  if (!parsed.success) notFound();
  const detail = await getGuardrailFinding(parsed.data);
  if (!detail) notFound();
  return (
    <>
      <FindingDetail detail={detail} />
    </>
  );
}
