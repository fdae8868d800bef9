#!/usr/bin/env bash
# tests/tls_scan.test.sh BUILD_DIR SOURCE_DIR: Debian's testssl.sh against
# the gateway. Reads testssl's JSON (not its exit code) and fails on:
#   - any finding of severity MEDIUM, HIGH or CRITICAL, except the two that a
#     private development PKI always produces: the chain ends in our own CA
#     (cert_chain_of_trust) and the test certificates' lifetime;
#   - any protocol but TLS 1.3 offered, or TLS 1.3 not offered.
# testssl.sh 3.0 cannot present a client certificate, so it sees what any
# unauthenticated peer sees: the handshake up to the certificate request.
set -euo pipefail
build=$(cd "$1" && pwd); src=$(cd "$2" && pwd)
if ! command -v testssl >/dev/null; then
  echo "tls_scan: testssl (Debian package testssl.sh) is not installed" >&2; exit 1
fi
work=$(mktemp -d /tmp/marac-tls-XXXXXX)
trap 'kill $gw 2>/dev/null || true; rm -rf "$work"' EXIT
MARAC_POLICY="$src/policy/default.yaml" bash "$src/certs/gen.sh" "$work/pki"
"$build/marac-gateway" --config "$work/pki/gateway.yaml" 2>"$work/gw.log" &
gw=$!
for _ in $(seq 100); do [ -s "$work/pki/port" ] && break; sleep 0.1; done
port=$(cat "$work/pki/port")
(cd "$work" && testssl --quiet --color 0 --warnings off --openssl-timeout 5 \
  --jsonfile "$work/scan.json" "127.0.0.1:$port" >"$work/scan.txt" 2>&1) || true
python3 - "$work/scan.json" <<'PY'
import json, sys
findings = json.load(open(sys.argv[1]))
allowed = {"cert_chain_of_trust", "cert_validityPeriod", "cert_expirationStatus", "cert_notAfter"}
bad = [f for f in findings if f.get("severity") in ("MEDIUM", "HIGH", "CRITICAL") and f["id"] not in allowed]
proto = {f["id"]: f["finding"] for f in findings if f["id"] in ("SSLv2", "SSLv3", "TLS1", "TLS1_1", "TLS1_2", "TLS1_3")}
fails = ["%s %s: %s" % (f["id"], f["severity"], f["finding"]) for f in bad]
if "offered" not in proto.get("TLS1_3", "") or "not" in proto.get("TLS1_3", ""):
    fails.append("TLS 1.3 not offered: %r" % proto.get("TLS1_3"))
for p in ("SSLv2", "SSLv3", "TLS1", "TLS1_1", "TLS1_2"):
    if "not offered" not in proto.get(p, "not offered"):
        fails.append("%s offered: %s" % (p, proto[p]))
if len(proto) < 6:
    fails.append("scan did not report every protocol: %s" % sorted(proto))
for f in findings:
    if f.get("severity") in ("WARN",):
        print("tls_scan: note (scanner): %s: %s" % (f["id"], f["finding"]))
for f in fails:
    print("tls_scan: FAIL " + f)
print("tls_scan: %d findings read, protocols %s" % (len(findings), proto))
print("%d passed, %d failed" % (0 if fails else 1, 1 if fails else 0))
sys.exit(1 if fails else 0)
PY
