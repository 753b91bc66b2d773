import Link from "next/link";
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
  if (page.kind !== "found") {
    return (
      <>
        <div className={s.page}>
          <h1 style={{ fontSize: 20 }}>{page.kind === "missing" ? "No such workload" : "Not a kind Uptrust tracks"}</h1>
          <p data-testid="service-not-found">{page.sentence}</p>
          <p><Link href="/">Back to the cockpit</Link></p>
        </div>
      </>
    );
  }
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
