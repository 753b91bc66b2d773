"use client";

import { PageError } from "@/components/incident/page-error.tsx";

export default function IncidentError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError what="incident" error={error} retry={reset} />;
}
