#!/usr/bin/env bash
# tests/pki.test.sh BUILD_DIR SOURCE_DIR: the dev PKI from certs/gen.sh is
# what the negative scenario tests assume it is. Each negative cert must fail
# `openssl verify` (CA + CRL) for its own reason and no other, the good ones
# must pass, and gateway.yaml must register exactly the certs it should.
set -uo pipefail
src=$(cd "${2:-$(dirname "$0")/..}" && pwd)
work=$(mktemp -d /tmp/marac-pki-XXXXXX)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "pki: FAIL: $*" >&2; }
check() { # description, command...
  local d=$1; shift
  if "$@"; then ok; else bad "$d"; fi
}

start=$(date +%s%N)
if ! MARAC_POLICY=policy.yaml bash "$src/certs/gen.sh" "$work/pki" >"$work/gen.out" 2>&1; then
  echo "pki: FAIL: certs/gen.sh failed:" >&2; cat "$work/gen.out" >&2
  echo "0 passed, 1 failed"; exit 1
fi
ms=$(( ($(date +%s%N) - start) / 1000000 ))
p=$work/pki
check "gen.sh printed without -v: $(head -c 200 "$work/gen.out")" test ! -s "$work/gen.out"
# how long it took is reported, not asserted: a timed check failed under a loaded CI machine
echo "pki: gen.sh took ${ms} ms"

verify() { openssl verify -CAfile "$p/ca.crt" -crl_check -CRLfile "$p/ca.crl" "$p/$1.crt" 2>&1; }
expect_ok() {
  local out
  if out=$(verify "$1") && [[ $out == *": OK" ]]; then ok; else bad "$1.crt should verify: $out"; fi
}
expect_fail() { # name, pattern that must appear in the error
  local out
  if out=$(verify "$1"); then bad "$1.crt verified but must not"; return; fi
  if [[ $out == *"$2"* ]]; then ok; else bad "$1.crt failed, but not with \"$2\": $out"; fi
}
for n in police csc asc health idva probation housing education chair auditor unregistered late; do
  expect_ok "$n"
done
expect_fail revoked "certificate revoked"
expect_fail expired "certificate has expired"
expect_fail foreign "unable to get local issuer certificate"
expect_fail fake "certificate signature failure"
# late.crt is revoked by the later CRL only.
if out=$(openssl verify -CAfile "$p/ca.crt" -crl_check -CRLfile "$p/ca-late.crl" "$p/late.crt" 2>&1); then
  bad "late.crt verified under ca-late.crl"
elif [[ $out == *"certificate revoked"* ]]; then ok; else bad "late.crt under ca-late.crl: $out"; fi

# The same-subject attack is only a test if the subjects really match.
subj() { openssl x509 -in "$p/$1.crt" -noout -subject -nameopt RFC2253; }
iss() { openssl x509 -in "$p/$1.crt" -noout -issuer -nameopt RFC2253; }
check "fake.crt's subject differs from police.crt's" test "$(subj fake)" = "$(subj police)"
check "fake.crt's issuer differs from the real CA's subject" \
  test "$(iss fake | sed 's/^issuer=//')" = "$(subj ca | sed 's/^subject=//')"
check "fake.crt carries an authority key id (lookup would not go by name)" \
  bash -c "! openssl x509 -in '$p/fake.crt' -noout -text | grep -q 'Authority Key Identifier'"

# Expired: entirely in the past, not merely not yet valid.
check "expired.crt's notAfter is not in the past" \
  bash -c "! openssl x509 -in '$p/expired.crt' -noout -checkend 0 >/dev/null"

# Server certificate: names and purpose.
san=$(openssl x509 -in "$p/server.crt" -noout -ext subjectAltName 2>&1)
for want in "DNS:localhost" "IP Address:127.0.0.1" "IP Address:0:0:0:0:0:0:0:1"; do
  if [[ $san == *"$want"* ]]; then ok; else bad "server.crt SAN lacks $want: $san"; fi
done
check "server.crt lacks serverAuth" \
  bash -c "openssl x509 -in '$p/server.crt' -noout -ext extendedKeyUsage | grep -q 'TLS Web Server Authentication'"
check "police.crt lacks clientAuth" \
  bash -c "openssl x509 -in '$p/police.crt' -noout -ext extendedKeyUsage | grep -q 'TLS Web Client Authentication'"
check "police.crt is not EC P-256" \
  bash -c "openssl x509 -in '$p/police.crt' -noout -text | grep -q 'NIST CURVE: P-256'"
check "police.crt subject is not /O=MARAC Dev/OU=police/CN=police.testshire" \
  test "$(openssl x509 -in "$p/police.crt" -noout -subject -nameopt compat)" = \
  "subject=/O=MARAC Dev/OU=police/CN=police.testshire"

# CRL: current now and for 30 days.
check "ca.crl does not verify against ca.crt" \
  bash -c "openssl crl -in '$p/ca.crl' -CAfile '$p/ca.crt' -noout 2>&1 | grep -q 'verify OK'"
next=$(openssl crl -in "$p/ca.crl" -noout -nextupdate | sed 's/^nextUpdate=//')
days=$(( ($(date -d "$next" +%s) - $(date +%s)) / 86400 ))
check "ca.crl nextUpdate is $days days away (want >= 29)" test "$days" -ge 29

# Keys are private; no key outside OUTDIR.
for k in "$p"/*.key; do
  m=$(stat -c %a "$k")
  if [ "$m" = 600 ]; then ok; else bad "$(basename "$k") has mode $m"; fi
done

# fingerprints.txt agrees with openssl.
for n in police revoked fake; do
  want=$(openssl x509 -in "$p/$n.crt" -noout -fingerprint -sha256 | sed 's/.*=//')
  check "fingerprints.txt has no or a wrong entry for $n" grep -qx "$n sha256:$want" "$p/fingerprints.txt"
done

# gateway.yaml: registered by fingerprint exactly as the negative tests need.
fp() { grep "^$1 " "$p/fingerprints.txt" | cut -d' ' -f2; }
for n in police csc asc health idva probation housing education chair auditor revoked expired; do
  check "gateway.yaml does not register $n" grep -q "\"$(fp "$n")\"" "$p/gateway.yaml"
done
for n in foreign fake unregistered; do
  check "gateway.yaml registers $n" bash -c "! grep -q '$(fp "$n")' '$p/gateway.yaml'"
done
check "gateway.yaml: nodes: is not the last section" \
  bash -c "sed -n '/^nodes:/,\$p' '$p/gateway.yaml' | grep -q '^[a-z]' && \
           [ \"\$(sed -n '/^nodes:/,\$p' '$p/gateway.yaml' | grep -c '^[a-z]')\" = 1 ]"
check "gateway.yaml: policy from MARAC_POLICY is not absolute" \
  grep -q "^policy: '/.*/policy.yaml'" "$p/gateway.yaml"

# Refuses a non-empty directory and leaves it alone.
if bash "$src/certs/gen.sh" "$p" >/dev/null 2>&1; then
  bad "gen.sh wrote into a non-empty directory"
else
  check "a refused gen.sh run damaged the existing PKI" grep -q police "$p/fingerprints.txt"
fi
# Without MARAC_POLICY there is no policy line.
if bash "$src/certs/gen.sh" "$work/pki2" >/dev/null 2>&1; then
  check "policy: written without MARAC_POLICY" bash -c "! grep -q '^policy:' '$work/pki2/gateway.yaml'"
else
  bad "gen.sh into a fresh directory failed"
fi

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
