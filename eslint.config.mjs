import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "dist/**", "lib/generated/**", ".uptrust/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  {
    // lib/domain stays pure: no I/O, no clock, no database, no cluster.
    files: ["lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["node:*", "pg", "@/lib/db/*", "@/lib/k8s/*", "@kubernetes/*", "@/lib/generated/*"] }],
      "no-restricted-syntax": ["error", { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Pass `now` in: domain functions are pure." }],
    },
  },
]);
