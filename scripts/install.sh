#!/usr/bin/env bash
# Installs every workspace dependency from the committed lock file.
source "$(dirname "$0")/toolchain.sh"
cd "$REPO_ROOT"
echo "==> node $(node --version), yarn $(yarn --version)"
yarn install --immutable
# The contract's generated code (the typed router's spec, the spec's types) is made from the
# OpenAPI spec here rather than committed, so it cannot go stale.
node scripts/generate-openapi.js plugins/maturity-backend
