"use client";

import { PageError } from "@/components/incident/page-error.tsx";

export default function PostmortemError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError what="postmortem draft" error={error} retry={reset} />;
}
