"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { isPublicPath } from "@/lib/auth/rules.ts";

// Share links and the sign-in page are read by people who may have no session: nothing on them links into
// the cockpit, even when the reader happens to be signed in.
export function HiddenOnPublicPages({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  return isPublicPath(pathname) ? null : <>{children}</>;
}

export function BrandLink({ children, className }: { children: ReactNode; className: string }) {
  const pathname = usePathname();
  if (isPublicPath(pathname)) return <span className={className}>{children}</span>;
  return <Link href="/" className={className}>{children}</Link>;
}
