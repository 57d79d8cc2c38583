#!/usr/bin/env bash
# Installs every workspace dependency from the committed lock file.
source "$(dirname "$0")/toolchain.sh"
cd "$REPO_ROOT"
echo "==> node $(node --version), yarn $(yarn --version)"
yarn install --immutable
