import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { ServiceView } from "@/components/service/service-view.tsx";
import s from "@/components/ui/styles.module.css";
import { gatePage } from "@/lib/auth/gate.ts";
import { getServicePage } from "@/lib/db/queries/get-service-page.ts";
import { decodeSegment, servicePath } from "@/lib/domain/service-ref.ts";
import { windowQuery } from "@/lib/domain/service-window.ts";

type Params = { cluster: string; namespace: string; kind: string; name: string };
type Search = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

// One workload's history on one time axis, with its SLOs, right-sizing and guardrail findings.
export default async function ServicePage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Search> }) {
  await connection();
  const raw = await params;
  const names = { cluster: decodeSegment(raw.cluster), namespace: decodeSegment(raw.namespace), kind: decodeSegment(raw.kind), name: decodeSegment(raw.name) };
  await gatePage(servicePath(names));
  const search = await searchParams;
  const range = windowQuery.safeParse({ from: first(search.from), to: first(search.to) });
  const page = await getServicePage(names, range.success ? range.data : {});
  // An address that names no workload answers 404 (not-found.tsx beside this page says why).
  if (page.kind !== "found") notFound();
  return (
    <>
      {range.success ? null : (
        <p className={s.notice} role="alert" style={{ margin: "10px 20px" }}>
          {range.error.issues[0]?.message}: showing the six hours up to the cluster&apos;s newest report instead.
        </p>
      )}
      <Suspense>
        <ServiceView page={page} />
      </Suspense>
    </>
  );
}
