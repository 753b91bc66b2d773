import type { Metadata } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/shell/site-header.tsx";
import { MAIN_ID, SkipLink } from "@/components/shell/skip-link.tsx";
import { parseThemeChoice, THEME_COOKIE, themeAttribute } from "@/components/shell/theme.ts";
import { currentUser } from "@/lib/auth/require-user.ts";
import "./globals.css";
import { Providers } from "./providers.tsx";

export const metadata: Metadata = {
  title: "Uptrust",
  description: "Reliability cockpit for Kubernetes: what changed, and what is it costing us?",
};

// Every page's frame: the skip link first, then the one site header, then the page as the main landmark.
// The theme comes from the reader's cookie so the server already paints the right one. The session read
// is cached per request, so the header costs the page no second look-up.
export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = parseThemeChoice((await cookies()).get(THEME_COOKIE)?.value);
  const user = await currentUser();
  return (
    <html lang="en" data-theme={themeAttribute(theme)}>
      <body>
        <Providers>
          <SkipLink />
          <SiteHeader user={user} theme={theme} />
          <main id={MAIN_ID} tabIndex={-1}>{children}</main>
        </Providers>
      </body>
    </html>
  );
}
