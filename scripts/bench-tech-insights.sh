#!/usr/bin/env bash
# yarn bench:tech-insights: runs bench/techInsights.ts (TypeScript through sucrase's require hook):
# the same ten checks over the same 10,000 entities in Tech Insights and in this suite, and each
# side's per-entity route under 50 clients; replaces the Tech Insights section of docs/benchmarks.md.
source "$(dirname "$0")/toolchain.sh"
cd "$REPO_ROOT"
if ! command -v wrk > /dev/null; then
  echo "wrk is not installed: apt-get install -y --no-install-recommends wrk" >&2
  exit 1
fi
export SUCRASE_OPTIONS='{"disableESTransforms":true}'
node --max-old-space-size=4096 -r sucrase/register/ts bench/techInsights.ts "$@"
yarn prettier --write docs/benchmarks.md > /dev/null
