#!/usr/bin/env bash
# tests/bench/run_bench.sh BUILD_DIR [bench_share options...]
# Starts a gateway on loopback with a fresh dev PKI and runs bench_share
# against it; the JSON result goes to BUILD_DIR/bench_share.json.
set -euo pipefail
build=$(cd "${1:?usage: run_bench.sh BUILD_DIR [options]}" && pwd); shift
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/marac-bench-run-XXXXXX)
trap 'kill $gw 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
MARAC_POLICY="$root/policy/default.yaml" bash "$root/certs/gen.sh" "$work/pki"
sed -i 's/level: .*/level: warn/' "$work/pki/gateway.yaml" || true
"$build/marac-gateway" --config "$work/pki/gateway.yaml" 2>"$work/gw.log" &
gw=$!
for _ in $(seq 100); do [ -s "$work/pki/port" ] && break; sleep 0.1; done
"$build/tests/bench_share" --gateway "wss://localhost:$(cat "$work/pki/port")" --pki "$work/pki" \
  --senders police,probation --recipients health,idva,csc --shares 2000 --window 32 \
  --out "$build/bench_share.json" "$@"
