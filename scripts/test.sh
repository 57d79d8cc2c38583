#!/usr/bin/env bash
# Runs the whole suite: generated-file checks, type check, API reports, lint, every package's
# tests (the database tests on embedded SQLite and on PostgreSQL at 127.0.0.1:5432), then the
# end-to-end test in headless Chromium against the demo portal.
source "$(dirname "$0")/toolchain.sh"
cd "$REPO_ROOT"
"$REPO_ROOT/scripts/install.sh"

export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-postgresql://postgres@127.0.0.1:5432}"
export BACKSTAGE_TEST_DISABLE_DOCKER=1
export CI=true
node scripts/check-postgres.js

echo "==> formatting (Prettier)"
yarn prettier:check

echo "==> type check"
yarn tsc

echo "==> public API reports are up to date (report.api.md; yarn build:api-reports rewrites them)"
yarn build:api-reports:only --ci

echo "==> lint"
yarn lint:all

echo "==> tests"
results="$REPO_ROOT/.tools/jest-results.json"
rm -f "$results"
set +e
yarn test:all --json --outputFile="$results"
status=$?
set -e
node -e '
  const r = require(process.argv[1]);
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
' "$results" || true
[ "$status" -eq 0 ] || exit "$status"

echo "==> end-to-end (headless Chromium against the demo portal)"
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "Chromium is not installed, so the end-to-end test cannot run: apt-get install -y --no-install-recommends chromium" >&2
  exit 1
fi
"$REPO_ROOT/scripts/e2e.sh"
