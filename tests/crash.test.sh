#!/usr/bin/env bash
# tests/crash.test.sh BUILD_DIR SOURCE_DIR: crash safety under load.
#
# Senders share continuously (each msg_id retried until accepted, as the
# protocol tells nodes to), two listeners store deliveries, and the gateway
# is killed with SIGKILL at random moments and restarted on the same state.
# Checked at the end:
#   - every share that got ShareAccepted is delivered to each recipient, and
#     the listening application saw each delivery id exactly once;
#   - nothing was delivered that was not accepted;
#   - the store holds every share that a sender saw accepted;
#   - the audit trail, exported by an auditor, verifies offline, and holds a
#     SHARE_ACCEPTED record for every accepted share.
# Cycles: MARAC_CRASH_CYCLES (default 20; long mode: 100+).
set -euo pipefail
build=$(cd "$1" && pwd); src=$(cd "$2" && pwd)
cycles=${MARAC_CRASH_CYCLES:-20}
work=$(mktemp -d /tmp/marac-crash-XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}" ${gw:-}; do kill -9 "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
MARAC_POLICY="$src/policy/default.yaml" bash "$src/certs/gen.sh" "$work/pki"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
sed -i "s/^  port: 0/  port: $port/" "$work/pki/gateway.yaml"
url="wss://localhost:$port"
start_gw() {
  "$build/marac-gateway" --config "$work/pki/gateway.yaml" 2>>"$work/gw.log" &
  gw=$!
  for _ in $(seq 100); do
    (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null && return 0
    sleep 0.05
  done
  echo "crash: gateway did not come back" >&2; tail -5 "$work/gw.log" >&2; exit 1
}
as() { local n=$1; shift; "$build/marac" "$@" --gateway "$url" --cert "$work/pki/$n.crt" \
  --key "$work/pki/$n.key" --ca "$work/pki/ca.crt" --timeout 5; }

# A listener that reconnects whenever the gateway goes away.
listen_loop() { # name
  while [ ! -e "$work/stop" ]; do
    as "$1" listen --out "$work/inbox-$1" --idle-exit 3 >>"$work/$1.received" 2>>"$work/$1.err" || true
    sleep 0.1
  done
}
# A sender that retries each msg_id until it is accepted.
send_loop() { # name prefix
  local i=0
  mkdir -p "$work/acc"
  while [ ! -e "$work/stop" ]; do
    until as "$1" send --to health,idva --msg-id "$2-$i" "$src/tests/fixtures/case_basic.json" \
        >"$work/acc/$2-$i.json" 2>>"$work/send.err"; do
      [ -e "$work/stop" ] && { rm -f "$work/acc/$2-$i.json"; return 0; }
      sleep 0.1
    done
    i=$((i + 1))
  done
}

start_gw
listen_loop health & pids+=($!)
listen_loop idva & pids+=($!)
send_loop police p & pids+=($!)
send_loop probation q & pids+=($!)

for c in $(seq "$cycles"); do
  sleep "$(python3 -c 'import random; print(round(random.uniform(0.3, 1.2), 2))')"
  kill -9 "$gw"; wait "$gw" 2>/dev/null || true
  start_gw
done
sleep 2
touch "$work/stop"
for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
pids=()
# Final drain: whatever is still queued reaches the listeners.
as health listen --out "$work/inbox-health" --idle-exit 3 >>"$work/health.received" 2>/dev/null || true
as idva listen --out "$work/inbox-idva" --idle-exit 3 >>"$work/idva.received" 2>/dev/null || true
# The trail after all those kills: export, verify offline, count acceptances.
as auditor audit export --out "$work/trail.mga" >/dev/null
"$build/marac" audit verify "$work/trail.mga" --pubkey "$work/pki/state/audit.vkey" >"$work/verify.out" 2>&1 \
  || { echo "crash: FAIL audit trail does not verify:"; cat "$work/verify.out"; echo "0 passed, 1 failed"; exit 1; }
as auditor audit query --event share_accepted --json >"$work/accepted.jsonl"
kill -TERM "$gw"; wait "$gw" 2>/dev/null || true
gw=""
echo "crash: audit: $(cat "$work/verify.out")"

python3 - "$work" "$cycles" <<'PY'
import json, os, sys, glob, sqlite3
work, cycles = sys.argv[1], int(sys.argv[2])
accepted = {}   # delivery_id -> (msg_id, agency)
shares = 0
for f in glob.glob(os.path.join(work, "acc", "*.json")):
    t = open(f).read().strip()
    if not t:
        continue
    a = json.loads(t)["shareAccepted"]
    shares += 1
    for d in a["deliveries"]:
        accepted[d["deliveryId"]] = (a["msgId"], d["agency"])
fail = []
for name, agency in (("health", "AGENCY_HEALTH"), ("idva", "AGENCY_IDVA")):
    files = {os.path.basename(p)[:-5] for p in glob.glob(os.path.join(work, "inbox-" + name, "*.json"))}
    want = {d for d, (_, ag) in accepted.items() if ag == agency}
    lines = [l.split()[1] for l in open(os.path.join(work, name + ".received")) if l.startswith("received ")]
    missing, extra = want - files, files - want
    dupes = len(lines) - len(set(lines))
    if missing: fail.append("%s: %d accepted deliveries never arrived" % (name, len(missing)))
    if extra: fail.append("%s: %d deliveries that were never accepted" % (name, len(extra)))
    if dupes: fail.append("%s: %d deliveries seen twice by the application" % (name, dupes))
    print("crash: %s received %d of %d accepted deliveries, %d duplicates" % (name, len(files & want), len(want), dupes))
db = sqlite3.connect(os.path.join(work, "pki", "state", "gateway.db"))
n_acc = db.execute("select count(*) from shares").fetchone()[0]
print("crash: %d cycles, %d shares accepted by senders, %d in the store" % (cycles, shares, n_acc))
if n_acc < shares: fail.append("store has fewer shares than were accepted")
audited = sum(1 for l in open(os.path.join(work, "accepted.jsonl")) if l.strip())
print("crash: %d SHARE_ACCEPTED audit records" % audited)
if audited != n_acc: fail.append("audit has %d SHARE_ACCEPTED records for %d stored shares" % (audited, n_acc))
if shares < cycles: fail.append("too little load: %d shares over %d cycles" % (shares, cycles))
for f in fail: print("crash: FAIL " + f)
print("%d passed, %d failed" % (0 if fail else 1, 1 if fail else 0))
sys.exit(1 if fail else 0)
PY
