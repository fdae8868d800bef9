#!/usr/bin/env bash
# tests/interop.test.sh BUILD_DIR SOURCE_DIR: a client in another language,
# written from proto/README.md and the .proto files alone
# (tests/interop/client.py: Python 3, stdlib TLS and WebSocket framing,
# python3-protobuf with classes protoc generates from proto/marac/v1), runs
# against the real gateway with a dev PKI: mTLS, Hello/Welcome, Share,
# Deliver and DeliverAck, resume after reconnect, duplicate and conflicting
# msg_id, Refer, the point-of-call lookup, a Flag and its ack, a retraction
# and its RetractAck, and refusals with their error and close codes; then
# tests/interop/kinds.py every other request kind and error code the README
# describes (auditor queries with signatures and proofs checked, research,
# agenda, actions, markers and their notices, flag history, lifecycle, the
# audit records of each, the JSON files `marac listen` writes), and with a
# second gateway whose frames are 4096 bytes, the paging a client must do.
set -euo pipefail
build=$(cd "$1" && pwd); src=$(cd "$2" && pwd)
# Debian's python3, which python3-protobuf serves (a python3 earlier on PATH,
# e.g. pyenv's, would not see it).
py=/usr/bin/python3; [ -x "$py" ] || py=python3
export PYTHONDONTWRITEBYTECODE=1  # kinds.py imports client.py: no __pycache__ in the source tree
command -v protoc >/dev/null || { echo "FAIL protoc missing (deploy/deps.sh)" >&2; exit 1; }
"$py" -c 'import google.protobuf' || { echo "FAIL python3-protobuf missing (deploy/deps.sh)" >&2; exit 1; }
work=$(mktemp -d /tmp/marac-interop-XXXXXX)
gw=""
cleanup() { [ -n "$gw" ] && kill -9 "$gw" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
MARAC_POLICY="$src/policy/default.yaml" bash "$src/certs/gen.sh" "$work/pki"
# A second referral area, otherton (police serves it; no other node does),
# for TransferCase and for a recipient agency with no node in an area.
# certs/gen.sh writes the nodes: section last, so the area goes before it.
"$py" - "$work/pki/gateway.yaml" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
area = ("    - id: otherton\n      case_ref_code: OT\n      postcodes: [OT]\n"
        "      meetings: weekly\n      weekday: thursday\n      min_days: 5\n")
assert "\nnodes:\n" in s
s = s.replace("\nnodes:\n", "\n" + area + "nodes:\n", 1)
# The clients here read only while they wait for an answer: a node left
# idle while another's slow step runs (a 0.6 MiB narrative scrubbed on a
# loaded machine) missed the gateway's ping and was hung up after 40 s
# (seen once in CI). A real client answers pings as they come.
assert "\nlimits:" not in s
s += "limits:\n  idle_ping_secs: 600\n"
open(p, "w").write(s)
PY
# The test clock (README.md "After the meeting"), at today: deadlines are
# checked every second instead of every minute, so kinds.py's countdown
# notices come at once.
MARAC_CLOCK_OFFSET_DAYS=0 "$build/marac-gateway" --config "$work/pki/gateway.yaml" 2>"$work/gw.log" &
gw=$!
for _ in $(seq 200); do [ -s "$work/pki/port" ] && break; sleep 0.05; done
[ -s "$work/pki/port" ] || { cat "$work/gw.log" >&2; echo "FAIL gateway did not start" >&2; exit 1; }
rc=0
"$py" "$src/tests/interop/client.py" --host 127.0.0.1 --port "$(cat "$work/pki/port")" \
  --pki "$work/pki" --proto "$src/proto" --fixtures "$src/tests/fixtures" || rc=$?
# Every other request kind and error code of proto/README.md (kinds.py).
"$py" "$src/tests/interop/kinds.py" --host 127.0.0.1 --port "$(cat "$work/pki/port")" \
  --pki "$work/pki" --proto "$src/proto" --fixtures "$src/tests/fixtures" --marac "$build/marac" || rc=$?
# A node connected while the gateway stops is closed with 1001 (README
# section 7): a client held open across the SIGTERM says which code came.
"$py" - "$src/tests/interop" "$src/proto" "$work/pki" "$(cat "$work/pki/port")" > "$work/close.txt" 2>&1 <<'PY' &
import sys
sys.path.insert(0, sys.argv[1])
import client as base
base.load_proto(sys.argv[2])
c = base.Conn("127.0.0.1", int(sys.argv[4]), sys.argv[3], "auditor")
base.hello(c)
print("connected", flush=True)
try:
    while True:
        c.recv(30)
except base.Closed as cl:
    print("closed", cl.code)
except Exception as ex:
    print("error", type(ex).__name__)
PY
holder=$!
for _ in $(seq 100); do grep -q connected "$work/close.txt" 2>/dev/null && break; sleep 0.05; done
kill -TERM "$gw"
wait "$gw" || { echo "FAIL the gateway did not stop cleanly" >&2; rc=1; }
wait "$holder" || true
if grep -q "closed 1001" "$work/close.txt"; then
  echo "PASS a node connected at SIGTERM is closed with 1001"
else
  echo "FAIL a node connected at SIGTERM: $(tr '\n' ' ' < "$work/close.txt")" >&2; rc=1
fi
gw=""
# Paging (kinds.py --paging): the same PKI, a fresh state, and
# limits.max_frame_bytes 4096, so that agendas, audit pages, lists and
# checkpoints outgrow a frame.
mkdir "$work/small"
"$py" - "$work/pki/gateway.yaml" "$work/small" <<'PY'
import sys
src, d = sys.argv[1], sys.argv[2]
s = open(src).read()
s = s.replace("port_file: port", "port_file: %s/port" % d).replace("state_dir: state", "state_dir: %s/state" % d)
for k in ("cert: server.crt", "key: server.key", "ca: ca.crt", "crl: ca.crl"):
    name, f = k.split(": ")
    s = s.replace(k, "%s: %s/../pki/%s" % (name, d, f))
assert "\nlimits:\n" in s and "max_frame_bytes" not in s  # the first gateway's limits (above)
s = s.replace("\nlimits:\n", "\nlimits:\n  max_frame_bytes: 4096\n", 1)
open(d + "/gateway.yaml", "w").write(s)
PY
MARAC_CLOCK_OFFSET_DAYS=0 "$build/marac-gateway" --config "$work/small/gateway.yaml" 2>"$work/small/gw.log" &
gw=$!
for _ in $(seq 200); do [ -s "$work/small/port" ] && break; sleep 0.05; done
if [ -s "$work/small/port" ]; then
  "$py" "$src/tests/interop/kinds.py" --paging --host 127.0.0.1 --port "$(cat "$work/small/port")" \
    --pki "$work/pki" --proto "$src/proto" --fixtures "$src/tests/fixtures" || rc=$?
else
  cat "$work/small/gw.log" >&2; echo "FAIL the 4096-byte gateway did not start" >&2; rc=1
fi
kill -TERM "$gw"
wait "$gw" || { echo "FAIL the 4096-byte gateway did not stop cleanly" >&2; rc=1; }
gw=""
cat "$work/small/gw.log" >> "$work/gw.log"
# Logs carry ids, codes and digests only: no name, phone, NHS number or free
# text the two clients sent, through every request kind and refusal above.
if grep -nE 'Testperson|Interopwell|Exampleson|Samplewood|Testerfield|Fakeworth|Beforeborn|Outerton|Nomatch|7700 ?900[0-9]{3}|999 ?000 ?00[0-9]{2}|9991234578|Example Road|Sample Street' "$work/gw.log" >&2; then
  echo "FAIL the gateway log holds personal data the clients sent" >&2; rc=1
else
  echo "PASS the gateway log holds none of the names, phones, NHS numbers or addresses sent"
fi
if [ "$rc" -ne 0 ]; then tail -n 40 "$work/gw.log" >&2; fi
exit "$rc"
