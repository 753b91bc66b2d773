import type { Metadata } from "next";
import { connection } from "next/server";
import { AdminShareLinks } from "@/components/share/admin-share-links.tsx";
import { gatePage } from "@/lib/auth/gate.ts";
import { listShareLinks } from "@/lib/db/share-links/list-share-links.ts";

export const metadata: Metadata = { title: "Share links · Uptrust" };

export default async function AdminShareLinksPage() {
  await connection();
  const user = await gatePage("/admin/share-links", "admin");
  return (
    <>
      <AdminShareLinks links={await listShareLinks({}, user)} />
    </>
  );
}
