#!/usr/bin/env bash
# Starts the demo portal on spare ports (3100/7107, so a running dev portal is not disturbed),
# waits for the first scoring run, runs scripts/e2e.js in headless Chromium, and stops the portal.
source "$(dirname "$0")/toolchain.sh"
cd "$REPO_ROOT"

export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
export FRONTEND=http://localhost:3100 BACKEND=http://localhost:7107
config="$REPO_ROOT/.tools/app-config.e2e.yaml"
cat > "$config" <<YAML
app:
  baseUrl: $FRONTEND
backend:
  baseUrl: $BACKEND
  listen:
    port: 7107
  cors:
    origin: $FRONTEND
# One scheduled run, at start; the test starts its second itself (POST /v1/runs). At the demo's
# 2 minutes, on a slow machine a run landed between a step reading the API and reading the page,
# and the demo's measurements move from run to run.
maturity:
  schedule:
    frequency: PT1H
YAML

log="$REPO_ROOT/.tools/e2e-portal.log"
echo "==> e2e: starting the demo portal (log: .tools/e2e-portal.log)"
setsid yarn start --config "$REPO_ROOT/app-config.yaml" --config "$config" > "$log" 2>&1 &
portal=$!
trap 'kill -- -$portal 2>/dev/null || true' EXIT

for _ in $(seq 1 180); do
  if curl -sf "$BACKEND/api/maturity/v1/runs" 2>/dev/null | grep -q succeeded &&
     curl -sf "$FRONTEND" > /dev/null 2>&1; then
    break
  fi
  sleep 1
done
node scripts/e2e.js
