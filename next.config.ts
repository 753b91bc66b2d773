import type { NextConfig } from "next";

// Sent with every response. Uptrust is never framed (clickjacking a "resolve" button), never sniffed into
// another type, never tells other sites which incident page linked to them, and asks for no device access.
// Scripts are not restricted here yet: Next's inline bootstrap scripts need per-request nonces for that.
export const SECURITY_HEADERS = [
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'; base-uri 'self'; object-src 'none'" },
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
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
};

export default config;
