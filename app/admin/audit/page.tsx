import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AuditFilters } from "@/components/admin/audit-filters.tsx";
import { AuditTable } from "@/components/admin/audit-table.tsx";
import { Empty, Panel } from "@/components/ui/panel.tsx";
import s from "@/components/ui/styles.module.css";
import { gatePage } from "@/lib/auth/gate.ts";
import { listAudit } from "@/lib/db/admin/list-audit.ts";
import { AUDIT_PAGE_SIZE, auditPageHref, parseAuditFilter } from "@/lib/domain/audit-filter.ts";

export const metadata: Metadata = { title: "Audit log · Admin · Uptrust" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const firstOf = (query: Record<string, string | string[] | undefined>) =>
  Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));

export default async function AdminAuditPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  await gatePage("/admin/audit", "admin");
  const query = await searchParams;
  const parsed = parseAuditFilter(query);
  const filter = parsed.ok ? parsed.filter : {};
  const page = parsed.ok ? await listAudit(filter) : null;
  return (
    <>
      <div className={s.page}>
        <h1 style={{ fontSize: 20, margin: "4px 0" }}>Audit log</h1>
        <p className={s.explain} style={{ marginBottom: 10 }}>
          Sign-ins and sign-outs, ended sessions, role changes, SLO definitions and imports, incident actions and share links, newest first.
        </p>
        <AuditFilters filter={filter} raw={firstOf(query)} />
        {!parsed.ok ? (
          <div className={s.notice} role="alert" data-testid="audit-filter-problems">{parsed.problems.map((p) => <div key={p}>{p}</div>)}</div>
        ) : null}
        <Panel title="Entries" aside={page ? `${page.entries.length} shown · ${AUDIT_PAGE_SIZE} a page · times in UTC` : undefined}>
          {page && page.entries.length ? <AuditTable entries={page.entries} /> : <Empty>{page ? "No entries match these filters." : "Fix the filters above to see entries."}</Empty>}
          <nav aria-label="Audit log pages" style={{ display: "flex", gap: 16, marginTop: 10, fontSize: 12 }}>
            {filter.before ? <Link href={auditPageHref({ ...filter, before: undefined })}>← Newest</Link> : null}
            {page?.older ? <Link href={auditPageHref(filter, page.older)}>Older →</Link> : null}
          </nav>
        </Panel>
      </div>
    </>
  );
}
