#!/usr/bin/env bash
# tests/bench/run_bench_lookup.sh BUILD_DIR [bench_lookup options...]
# Starts a gateway on loopback with a fresh dev PKI (lookup rate limit raised
# so that the offered rate is measured, not refused) and runs bench_lookup
# against it; the JSON result goes to BUILD_DIR/bench_lookup.json.
set -euo pipefail
build=$(cd "${1:?usage: run_bench_lookup.sh BUILD_DIR [options]}" && pwd); shift
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/marac-bench-lookup-XXXXXX)
trap 'kill $gw 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
MARAC_POLICY="$root/policy/default.yaml" bash "$root/certs/gen.sh" "$work/pki"
sed -i 's/level: .*/level: warn/' "$work/pki/gateway.yaml" || true
# Production checkpoint cadence (the dev PKI signs every 100 records, every second).
sed -i "/checkpoint_every:/d; s/checkpoint_secs: .*/checkpoint_secs: 60/" "$work/pki/gateway.yaml"
printf 'lookup:\n  per_minute: 600000\n  burst: 100000\n' >> "$work/pki/gateway.yaml"
"$build/marac-gateway" --config "$work/pki/gateway.yaml" 2>"$work/gw.log" &
gw=$!
for _ in $(seq 100); do [ -s "$work/pki/port" ] && break; sleep 0.1; done
"$build/tests/bench_lookup" --gateway "wss://localhost:$(cat "$work/pki/port")" --pki "$work/pki" \
  --fixture "$root/tests/fixtures/referral_police.json" --cases 500 --rate 1000 --seconds 10 \
  --out "$build/bench_lookup.json" "$@"
