import { notFound } from "next/navigation";
import { connection } from "next/server";
import { z } from "zod";
import { IncidentView } from "@/components/incident/incident-view.tsx";
import { gatePage } from "@/lib/auth/gate.ts";
import { canRespond } from "@/lib/auth/rules.ts";
import { getIncident } from "@/lib/db/queries/get-incident.ts";
import { env } from "@/lib/env.ts";

// A malformed id cannot name an incident, so it is a 404 like an unknown one (never a database error).
const idSchema = z.guid();

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const raw = (await params).id;
  const user = await gatePage(`/incidents/${encodeURIComponent(raw)}`);
  const parsed = idSchema.safeParse(raw);
  if (!parsed.success) notFound();
  const detail = await getIncident(parsed.data);
  if (!detail) notFound();
  return (
    <>
      <IncidentView initialData={detail} canRespond={canRespond(user.role)} aiEnabled={Boolean(env().UPTRUST_LLM_URL)} />
    </>
  );
}
