"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import s from "@/components/ui/styles.module.css";
import { decodeSegment, serviceNotFound } from "@/lib/domain/service-ref.ts";

// A service address with no workload behind it: the 404 says which part is wrong, in the page's own words,
// read back from the address (a not-found page receives no params).
export default function ServiceNotFound() {
  const [cluster = "", namespace = "", kind = "", name = ""] = (usePathname() ?? "").split("/").slice(2).map(decodeSegment);
  const { title, sentence } = serviceNotFound({ cluster, namespace, kind, name });
  return (
    <div className={s.page}>
      <h1 style={{ fontSize: 20 }}>{title}</h1>
      <p data-testid="service-not-found">{sentence}</p>
      <p><Link href="/">Back to the cockpit</Link></p>
    </div>
  );
}
