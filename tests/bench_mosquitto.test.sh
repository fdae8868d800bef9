#!/usr/bin/env bash
# tests/bench_mosquitto.test.sh BUILD_DIR SOURCE_DIR: the side-by-side
# benchmark (tests/bench/run_vs_mosquitto.sh) runs end to end with small
# counts (about a second of jobs): both servers start, every job completes
# on both, and the JSON holds the ratios and the idle series. The figures
# themselves are not checked here (a shared machine); they go in the notes.
set -euo pipefail
build=$(cd "$1" && pwd); src=$(cd "$2" && pwd)
command -v mosquitto >/dev/null || [ -x /usr/sbin/mosquitto ] || {
  echo "SKIP: mosquitto not installed"; exit 0; }
out=$(mktemp /tmp/marac-bvm-test-XXXXXX.json)
trap 'rm -f "$out"' EXIT
bash "$src/tests/bench/run_vs_mosquitto.sh" "$build" --secs 0.3 --floor-secs 0.2 --rounds 1 \
  --fanouts 2 --payloads 2048 --idle 0,20 --out "$out"
python3 - "$out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
rows = [r["floor"]] + r["series"]
assert len(rows) == 2, rows
for row in rows:
    for side in ("gateway", "mosquitto"):
        s = row[side]
        assert s["ok"] and s["messages"] > 0, (side, s)
        assert s["deliveries"] == s["messages"] * row["fanout"], (side, s)
        assert s["deliveries_per_s"] > 0 and s["accept_ms"]["p50"] > 0, (side, s)
    assert row["ratio"]["deliveries_per_s"] > 0, row
idle = r["idle"]
assert [i["connections"] for i in idle] == [0, 20], idle
assert all(i["gateway_rss_kib"] > 0 and i["mosquitto_rss_kib"] > 0 for i in idle), idle
print("bench_vs_mosquitto ran: floor x%.3f, fan-out 2 x%.3f deliveries/s" %
      (rows[0]["ratio"]["deliveries_per_s"], rows[1]["ratio"]["deliveries_per_s"]))
PY
