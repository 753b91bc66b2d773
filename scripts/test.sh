#!/usr/bin/env bash
# `npm test`: every check, in the order that fails fastest. Needs a PostgreSQL server (the machine's at
# 127.0.0.1:5432, or TEST_DATABASE_URL) and a few Debian packages, which the first step checks or installs.
set -euo pipefail
cd "$(dirname "$0")/.."
export NPM_CONFIG_UPDATE_NOTIFIER=false
step() { printf '\n=== %s\n' "$1"; }

step "what the tests need from the machine"
bash scripts/test-prerequisites.sh

step "generate the database client"
npx tsx scripts/prisma-generate.ts >/dev/null
step "typecheck"
npx tsc --noEmit -p .
step "lint"
npx eslint . --max-warnings=0
step "unit tests"
npx vitest run --project unit
step "component tests (jsdom)"
npx vitest run --project components
step "integration tests (PostgreSQL)"
npx vitest run --project integration
step "end-to-end tests (Chromium, through npm start)"
rm -rf .uptrust/e2e
npx playwright test
