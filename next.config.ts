import type { NextConfig } from "next";

const config: NextConfig = {
  // Workers and scripts share lib/ with the app; the app must never bundle the cluster client.
  serverExternalPackages: ["@kubernetes/client-node", "oidc-provider", "@electric-sql/pglite"],
  poweredByHeader: false,
};

export default config;
