#!/usr/bin/env bash
# Installs everything (Node 22 and Yarn included) and starts the demo portal:
# frontend on http://localhost:3000, backend on http://localhost:7007, embedded SQLite.
source "$(dirname "$0")/toolchain.sh"
cd "$REPO_ROOT"
"$REPO_ROOT/scripts/install.sh"
exec yarn start "$@"
