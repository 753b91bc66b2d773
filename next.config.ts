import type { NextConfig } from "next";

// Sent with every response, static files included. Uptrust is never framed (clickjacking a "resolve" button),
// never sniffed into another type, never tells other sites which incident page linked to them, and asks for
// no device access. The Content-Security-Policy (with its per-request script nonce) and HSTS depend on the
// request, so proxy.ts sets them.
export const SECURITY_HEADERS = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
];

const config: NextConfig = {
  // Workers and scripts share lib/ with the app; the app must never bundle the cluster client.
  serverExternalPackages: ["@kubernetes/client-node", "oidc-provider", "@electric-sql/pglite"],
  poweredByHeader: false,
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      // Back from signing out: the browser drops what it kept of the signed-in pages (the cockpit's JSON is
      // stored "private, no-cache" for its ETag), so nothing of them can be read from the cache afterwards.
      { source: "/login", has: [{ type: "query", key: "signedOut" }], headers: [{ key: "Clear-Site-Data", value: '"cache"' }] },
    ];
  },
};

export default config;
