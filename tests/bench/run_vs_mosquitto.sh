#!/usr/bin/env bash
# tests/bench/run_vs_mosquitto.sh BUILD_DIR [bench_vs_mosquitto options...]
# The gateway and Mosquitto side by side, interleaved in one run (issue 11):
# bench_vs_mosquitto makes its own PKI and registry, starts both servers on
# loopback and stops them. The JSON goes to BUILD_DIR/bench_vs_mosquitto.json
# unless --out is given. Defaults: fan-out 1, 4, 8; payloads 2 KiB, 32 KiB,
# 512 KiB; 100 in flight; 5 s per job, 2 rounds; idle 0, 1k, 5k, 10k.
set -euo pipefail
build=$(cd "${1:?usage: run_vs_mosquitto.sh BUILD_DIR [options]}" && pwd); shift
root=$(cd "$(dirname "$0")/../.." && pwd)
mosq=$(command -v mosquitto || echo /usr/sbin/mosquitto)
[ -x "$mosq" ] || { echo "run_vs_mosquitto: mosquitto not installed (deploy/deps.sh)" >&2; exit 1; }
# Ten thousand idle connections per server, and the bench's own as many.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
exec "$build/tests/bench_vs_mosquitto" --gateway-bin "$build/marac-gateway" \
  --mosquitto-bin "$mosq" --policy "$root/policy/default.yaml" \
  --out "$build/bench_vs_mosquitto.json" "$@"
