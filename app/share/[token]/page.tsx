import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { SharedIncidentView } from "@/components/share/shared-incident-view.tsx";
import { clientAddress } from "@/lib/share/rate-limit.ts";
import { loadSharedPage } from "@/lib/share/shared-page.ts";

export const metadata: Metadata = {
  title: "Shared incident · Uptrust",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

// Public by design (no gate): the token is the permission. Opening counts and is audited; unknown,
// malformed, expired and revoked tokens all end in the same not-found page.
export default async function SharePage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const page = await loadSharedPage(token, { address: clientAddress(await headers()) });
  if (!page) notFound();
  return <SharedIncidentView token={token} initialData={page} />;
}
