#!/usr/bin/env bash
# yarn bench:e2e: runs bench/e2e.ts (TypeScript through sucrase's require hook): one scoring run
# through a real catalog, a replayed Kubernetes API and a real Prometheus, on SQLite and on the
# PostgreSQL server at 127.0.0.1:5432, and writes the figures into docs/benchmarks.md.
source "$(dirname "$0")/toolchain.sh"
cd "$REPO_ROOT"
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-postgresql://postgres@127.0.0.1:5432}"
node scripts/check-postgres.js
for binary in prometheus promtool; do
  if ! command -v "$binary" > /dev/null; then
    echo "$binary is not installed: apt-get install -y --no-install-recommends prometheus" >&2
    exit 1
  fi
done
export SUCRASE_OPTIONS='{"disableESTransforms":true}'
node -r sucrase/register/ts bench/e2e.ts "$@"
# The round is written into docs/benchmarks.md; its tables are laid out as Prettier lays them out.
yarn prettier --write docs/benchmarks.md > /dev/null
