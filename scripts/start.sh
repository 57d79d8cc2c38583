#!/usr/bin/env bash
# Installs everything (Node 22 and Yarn included) and starts the demo portal:
# frontend on http://localhost:3000, backend on http://localhost:7007, embedded SQLite.
# Arguments go to `yarn start`; a relative --config path is taken from where you run this, e.g.
#   ./scripts/start.sh --config app-config.yaml --config app-config.permissions.yaml
source "$(dirname "$0")/toolchain.sh"
args=()
while [ $# -gt 0 ]; do
  if [ "$1" = "--config" ] && [ $# -gt 1 ]; then
    # The backend resolves config paths from its own package folder.
    args+=("$1" "$(cd "$(dirname "$2")" && pwd)/$(basename "$2")")
    shift 2
  else
    args+=("$1")
    shift
  fi
done
cd "$REPO_ROOT"
"$REPO_ROOT/scripts/install.sh"
exec yarn start "${args[@]}"
