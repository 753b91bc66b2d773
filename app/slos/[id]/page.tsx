import { notFound } from "next/navigation";
import { connection } from "next/server";
import { z } from "zod";
import { SloDetailView } from "@/components/slo/slo-detail.tsx";
import { gatePage } from "@/lib/auth/gate.ts";
import { getSloDetail } from "@/lib/db/queries/get-slo-detail.ts";
import { getSloHistory } from "@/lib/db/queries/get-slo-history.ts";
import { getSloMinutes } from "@/lib/db/queries/get-slo-minutes.ts";
import { searchOf } from "@/lib/domain/search-params.ts";

// A malformed id cannot name an SLO, so it is a 404 like an unknown one (never a database error).
const idSchema = z.guid();
// The page of measured minutes; anything else than a page number reads as the first page.
const minutesSchema = z.coerce.number().int().min(1).catch(1);

type Params = Record<string, string | string[] | undefined>;

export default async function SloPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Params> }) {
  await connection();
  const { id } = await params;
  await gatePage(`/slos/${id}`);
  const parsed = idSchema.safeParse(id);
  if (!parsed.success) notFound();
  const query = await searchParams;
  const page = minutesSchema.parse(Array.isArray(query.minutes) ? query.minutes[0] : query.minutes);
  const detail = await getSloDetail(parsed.data);
  if (!detail) notFound();
  const [history, minutes] = await Promise.all([getSloHistory(detail.slo), getSloMinutes(parsed.data, page)]);
  return (
    <>
      <SloDetailView detail={detail} history={history} minutes={minutes} search={searchOf(query)} minutesOpen={query.minutes !== undefined} />
    </>
  );
}
