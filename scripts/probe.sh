#!/usr/bin/env bash
# Starts the demo backend as production runs it (PostgreSQL at 127.0.0.1:5432, a token needed on
# every route, the owned-only permission policy of app-config.permissions.yaml) on port 7207,
# signs in as the guest, runs scripts/probe.js against it and stops it. The table it prints is
# the one in docs/operations.md. The backend's databases, maturity_probe_*, are made anew each time.
source "$(dirname "$0")/toolchain.sh"
cd "$REPO_ROOT"

export BACKEND=http://localhost:7207
config="$REPO_ROOT/.tools/app-config.probe.yaml"
cat > "$config" <<YAML
backend:
  baseUrl: $BACKEND
  listen:
    port: 7207
  auth:
    dangerouslyDisableDefaultAuthPolicy: false
  database:
    client: pg
    prefix: maturity_probe_
    connection:
      host: 127.0.0.1
      port: 5432
      user: postgres
YAML

# Each probe starts from empty databases, so its answers are the same every time.
for db in $(psql -h 127.0.0.1 -U postgres -Atc "SELECT datname FROM pg_database WHERE datname LIKE 'maturity_probe_%'"); do
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE \"$db\"" > /dev/null
done

log="$REPO_ROOT/.tools/probe-backend.log"
echo "==> probe: starting the backend on PostgreSQL (log: .tools/probe-backend.log)" >&2
(cd packages/backend && setsid yarn start --config "$REPO_ROOT/app-config.yaml" \
  --config "$REPO_ROOT/app-config.permissions.yaml" --config "$config") > "$log" 2>&1 &
backend=$!
trap 'kill -- -$backend 2>/dev/null || true' EXIT

token=""
for _ in $(seq 1 180); do
  token=$(curl -sf -H 'X-Requested-With: XMLHttpRequest' "$BACKEND/api/auth/guest/refresh?env=development" 2>/dev/null |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{console.log(JSON.parse(s).backstageIdentity.token)}catch{}})' || true)
  if [ -n "$token" ] && (curl -sf -H "Authorization: Bearer $token" "$BACKEND/api/maturity/v1/runs" || true) | grep -q succeeded; then
    break
  fi
  sleep 1
done
[ -n "$token" ] || { echo "the backend did not start; see $log" >&2; exit 1; }
TOKEN="$token" node scripts/probe.js
