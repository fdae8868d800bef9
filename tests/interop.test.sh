#!/usr/bin/env bash
# tests/interop.test.sh BUILD_DIR SOURCE_DIR: a client in another language,
# written from proto/README.md and the .proto files alone
# (tests/interop/client.py: Python 3, stdlib TLS and WebSocket framing,
# python3-protobuf with classes protoc generates from proto/marac/v1), runs
# against the real gateway with a dev PKI: mTLS, Hello/Welcome, Share,
# Deliver and DeliverAck, resume after reconnect, duplicate and conflicting
# msg_id, Refer, the point-of-call lookup, a Flag and its ack, a retraction
# and its RetractAck, and refusals with their error and close codes.
set -euo pipefail
build=$(cd "$1" && pwd); src=$(cd "$2" && pwd)
# Debian's python3, which python3-protobuf serves (a python3 earlier on PATH,
# e.g. pyenv's, would not see it).
py=/usr/bin/python3; [ -x "$py" ] || py=python3
command -v protoc >/dev/null || { echo "FAIL protoc missing (deploy/deps.sh)" >&2; exit 1; }
"$py" -c 'import google.protobuf' || { echo "FAIL python3-protobuf missing (deploy/deps.sh)" >&2; exit 1; }
work=$(mktemp -d /tmp/marac-interop-XXXXXX)
gw=""
cleanup() { [ -n "$gw" ] && kill -9 "$gw" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
MARAC_POLICY="$src/policy/default.yaml" bash "$src/certs/gen.sh" "$work/pki"
"$build/marac-gateway" --config "$work/pki/gateway.yaml" 2>"$work/gw.log" &
gw=$!
for _ in $(seq 200); do [ -s "$work/pki/port" ] && break; sleep 0.05; done
[ -s "$work/pki/port" ] || { cat "$work/gw.log" >&2; echo "FAIL gateway did not start" >&2; exit 1; }
rc=0
"$py" "$src/tests/interop/client.py" --host 127.0.0.1 --port "$(cat "$work/pki/port")" \
  --pki "$work/pki" --proto "$src/proto" --fixtures "$src/tests/fixtures" || rc=$?
kill -TERM "$gw"
wait "$gw" || { echo "FAIL the gateway did not stop cleanly" >&2; rc=1; }
gw=""
if [ "$rc" -ne 0 ]; then tail -n 40 "$work/gw.log" >&2; fi
exit "$rc"
