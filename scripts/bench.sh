#!/usr/bin/env bash
# yarn bench: runs bench/run.ts (TypeScript through sucrase's require hook) against SQLite and the
# PostgreSQL server at 127.0.0.1:5432, and appends the figures to docs/benchmarks.md.
source "$(dirname "$0")/toolchain.sh"
cd "$REPO_ROOT"
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-postgresql://postgres@127.0.0.1:5432}"
node scripts/check-postgres.js
# The load generator (bench/load.lua) is wrk, a Debian package.
if ! command -v wrk > /dev/null; then
  echo "wrk is not installed: apt-get install -y --no-install-recommends wrk" >&2
  exit 1
fi
# Only the TypeScript is stripped: a backend's build (esbuild, target ES2023) keeps optional
# chaining, ?? and class fields as they are, while sucrase by default rewrites them into helper
# calls that allocate on every use (~40 % more garbage in a full run).
export SUCRASE_OPTIONS='{"disableESTransforms":true}'
node --expose-gc --max-old-space-size=4096 -r sucrase/register/ts bench/run.ts "$@"
# The round is written into docs/benchmarks.md; its tables are laid out as Prettier lays them out.
yarn prettier --write docs/benchmarks.md > /dev/null
