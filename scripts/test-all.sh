#!/usr/bin/env bash
# `npm test`: every test. Type check, Vitest (unit + data layer on SQLite, and on PostgreSQL
# when TEST_POSTGRES_URL is set), a production build, then Playwright in Debian's Chromium
# against that build on each engine, then the crash test (SIGKILL under a write load) on the
# same build and engines, and with TEST_POSTGRES_URL the check of two app instances on one
# PostgreSQL database (scripts/multi-instance-check.ts).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== Type check"
npx tsc --noEmit

echo "== Vitest"
npx vitest run

echo "== Production build"
npx next build

echo "== Playwright (Chromium: ${CHROMIUM_PATH:-/usr/bin/chromium})"
npx playwright test

echo "== Crash test (SIGKILL during a write load, then restart)"
npx tsx scripts/crash-test.ts

if [ -n "${TEST_POSTGRES_URL:-}" ]; then
  echo "== Two app instances on one PostgreSQL (cache invalidation reaches both, views stay exact)"
  npx tsx scripts/multi-instance-check.ts
fi
