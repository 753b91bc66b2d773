import { z } from "zod";
import { getServiceTarget, type ServiceTarget } from "@/lib/db/queries/get-service-target.ts";
import { decodeSegment } from "@/lib/domain/service-ref.ts";

// The service routes' path: cluster, namespace, kind and name as the page's URL spells them.
const name = (what: string) => z.string().min(1, `${what} must not be empty`).max(253, `${what} is longer than Kubernetes allows (253 characters)`);
const segment = (what: string) => z.string().transform(decodeSegment).pipe(name(what));
const params = z.object({ cluster: segment("cluster"), namespace: segment("namespace"), kind: segment("kind"), name: segment("name") });

type Found = Extract<ServiceTarget, { kind: "found" }>;
export type ServiceContext = { params: Promise<{ cluster: string; namespace: string; kind: string; name: string }> };

/** The workload the path names, or the Response that says why there is none (400 bad path, 404 unknown). */
export async function findService(ctx: ServiceContext): Promise<Found | Response> {
  const parsed = params.safeParse(await ctx.params);
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0]?.message ?? "Invalid service path" }, { status: 400 });
  const target = await getServiceTarget(parsed.data);
  if (target.kind !== "found") return Response.json({ error: target.sentence }, { status: 404 });
  return target;
}

/** A query string's first zod issue as the sentence a 400 answers with. */
export function badQuery(error: z.ZodError): Response {
  return Response.json({ error: error.issues[0]?.message ?? "Invalid query" }, { status: 400 });
}
