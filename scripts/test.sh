#!/usr/bin/env bash
# `npm test`: every check, in the order that fails fastest. Needs the machine's PostgreSQL at
# 127.0.0.1:5432 (TEST_DATABASE_URL to point elsewhere) and Debian's chromium for the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export NPM_CONFIG_UPDATE_NOTIFIER=false
step() { printf '\n=== %s\n' "$1"; }

step "generate the database client"
npx tsx scripts/prisma-generate.ts >/dev/null
step "typecheck"
npx tsc --noEmit -p .
step "lint"
npx eslint . --max-warnings=0
step "unit tests"
npx vitest run --project unit
step "integration tests (PostgreSQL)"
npx vitest run --project integration
step "end-to-end tests (Chromium, through npm start)"
rm -rf .uptrust/e2e
npx playwright test
