#!/usr/bin/env bash
# certs/gen.sh [-v] OUTDIR: a development and test PKI for marac-gateway.
#
# Never for production: keys are unencrypted and live beside the certs.
# No key is ever committed; tests and the demo generate a fresh PKI.
# OUTDIR must not exist or be empty (so a re-run never mixes two PKIs); on
# failure whatever was generated is removed. Prints nothing but errors unless
# -v (or VERBOSE=1). tests/pki.test.sh checks the negative certs fail for the
# right reason with `openssl verify`.
#
# OUTDIR gets (EC P-256 keys everywhere, mode 0600; certs 0644):
#   ca.crt/.key              the MARAC dev CA ("/O=MARAC Dev/CN=MARAC Dev CA")
#   ca.crl                   its CRL (valid now and 30 days), revoking revoked.crt
#   server.crt/.key          the gateway: CN=marac-gateway, SAN DNS:localhost,
#                            IP:127.0.0.1, IP:::1; serverAuth
#   police csc asc health idva probation housing education  .crt/.key
#                            one node per agency, "/O=MARAC Dev/OU=<agency>/
#                            CN=<name>.testshire", clientAuth; area testshire
#                            (police also otherton)
#   chair.crt/.key           a police DI chairing the testshire MARAC (role chair)
#   auditor.crt/.key         an auditor (role auditor)
#   match.key                32 random bytes: the HMAC key of repeat matching
#   Negative tests, one per rejection reason (scenario: tests/scenario/test_refusals.c):
#   revoked.crt/.key         CA-signed, registered, then revoked in ca.crl  -> cert_revoked
#   expired.crt/.key         CA-signed, registered, valid 2020-2021 only    -> cert_expired
#                            (registered by fingerprint, so revocation or
#                            expiry is the only reason these two fail)
#   foreign.crt/.key         from an unrelated CA (foreign-ca.crt/.key)     -> cert_untrusted
#   fake.crt/.key            police's exact subject, signed by fake-ca whose
#                            subject is the real CA's (same-subject attack).
#                            It carries no authority key id, so a verifier
#                            finds the real CA by name and must fail on the
#                            signature                                      -> cert_bad_signature
#   unregistered.crt/.key    CA-signed and valid, not in the registry       -> cert_unregistered
#   late.crt/.key            valid under ca.crl, revoked by ca-late.crl     -> revoked on SIGHUP
#   ca-late.crl              a later CRL revoking revoked.crt and late.crt
#   ca-db/                   the `openssl ca` database (index, serials) behind the CRLs
#   fingerprints.txt         "NAME sha256:AB:CD:..." (SHA-256 of the DER, upper
#                            case, colon separated) for every certificate
#   gateway.yaml             a gateway config for this PKI: 127.0.0.1, port 0
#                            with port_file OUTDIR/port, state in OUTDIR/state,
#                            policy: $MARAC_POLICY only if set. Every node is
#                            registered by fingerprint except foreign, fake and
#                            unregistered. The nodes: section comes last (the
#                            scenario harness splices its own keys before it).
set -euo pipefail
verbose=${VERBOSE:-0}
if [ "${1:-}" = -v ]; then verbose=1; shift; fi
if [ $# -ne 1 ]; then echo "usage: certs/gen.sh [-v] OUTDIR" >&2; exit 2; fi
out=$1
if [ -e "$out" ] && [ -n "$(ls -A "$out" 2>/dev/null)" ]; then
  echo "gen.sh: $out exists and is not empty" >&2; exit 2
fi
policy=${MARAC_POLICY:-}
if [ -n "$policy" ] && [ "${policy#/}" = "$policy" ]; then
  policy="$(cd "$(dirname "$policy")" && pwd)/$(basename "$policy")"
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)
# A failed run leaves nothing behind, so the next run is not refused.
done_ok=0
trap '[ "$done_ok" = 1 ] || find "$out" -mindepth 1 -delete 2>/dev/null || true' EXIT
umask 077
cd "$out"
# Run quietly; on failure show what openssl said (running it once only:
# `openssl ca` changes its database).
q() {
  local o
  if [ "$verbose" = 1 ]; then "$@"; return; fi
  if ! o=$("$@" 2>&1); then
    printf 'gen.sh: failed: %s\n%s\n' "$*" "$o" >&2; exit 1
  fi
}

key() { q openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1.key"; }

# --- CA, with an openssl ca database for revocation and back-dated certs ---
mkdir -p ca-db/new
: > ca-db/index.txt
echo 1000 > ca-db/serial
echo 1000 > ca-db/crlnumber
cat > ca.cnf <<CNF
[ ca ]
default_ca = marac
[ marac ]
dir = $out/ca-db
database = \$dir/index.txt
new_certs_dir = \$dir/new
serial = \$dir/serial
crlnumber = \$dir/crlnumber
certificate = $out/ca.crt
private_key = $out/ca.key
default_md = sha256
default_days = 365
default_crl_days = 30
policy = any
unique_subject = no
copy_extensions = copy
[ any ]
organizationName = optional
organizationalUnitName = optional
commonName = supplied
[ client ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
crlDistributionPoints = URI:http://crl.marac-dev.invalid/ca.crl
[ server ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = DNS:localhost,IP:127.0.0.1,IP:::1
crlDistributionPoints = URI:http://crl.marac-dev.invalid/ca.crl
CNF

ca_subj="/O=MARAC Dev/CN=MARAC Dev CA"
key ca
q openssl req -x509 -new -key ca.key -sha256 -days 3650 -subj "$ca_subj" -out ca.crt \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -addext "subjectKeyIdentifier=hash"

sign() { # name subject extensions [startdate enddate]
  local n=$1 subj=$2 ext=$3
  key "$n"
  q openssl req -new -key "$n.key" -subj "$subj" -out "$n.csr"
  if [ $# -ge 5 ]; then
    q openssl ca -batch -config ca.cnf -extensions "$ext" -startdate "$4" -enddate "$5" \
      -in "$n.csr" -out "$n.crt" -notext
  else
    q openssl ca -batch -config ca.cnf -extensions "$ext" -in "$n.csr" -out "$n.crt" -notext
  fi
  rm -f "$n.csr"
}

sign server "/O=MARAC Dev/CN=marac-gateway" server
for a in police:police csc:childrens_social_care asc:adult_social_care health:health \
         idva:idva probation:probation housing:housing education:education; do
  n=${a%%:*}; ou=${a#*:}
  sign "$n" "/O=MARAC Dev/OU=$ou/CN=$n.testshire" client
done
sign chair "/O=MARAC Dev/OU=police/CN=chair.testshire" client
sign auditor "/O=MARAC Dev/OU=audit/CN=auditor.testshire" client
# A police control room: point-of-call lookups only (role lookup).
sign control "/O=MARAC Dev/OU=police/CN=control.testshire" client
sign revoked "/O=MARAC Dev/OU=housing/CN=revoked.testshire" client
sign expired "/O=MARAC Dev/OU=housing/CN=expired.testshire" client 20200101000000Z 20210101000000Z
sign unregistered "/O=MARAC Dev/OU=health/CN=unregistered.testshire" client
sign late "/O=MARAC Dev/OU=probation/CN=late.testshire" client
q openssl ca -batch -config ca.cnf -revoke revoked.crt
q openssl ca -batch -config ca.cnf -gencrl -out ca.crl
# A later CRL that also revokes late.crt: tests swap it in and send SIGHUP.
q openssl ca -batch -config ca.cnf -revoke late.crt
q openssl ca -batch -config ca.cnf -gencrl -out ca-late.crl

# --- a foreign CA, and a fake CA with the real CA's subject ---
selfsigned_ca() { # name subject
  key "$1"
  q openssl req -x509 -new -key "$1.key" -sha256 -days 3650 -subj "$2" -out "$1.crt" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -addext "subjectKeyIdentifier=hash"
}
leaf_from() { # name subject issuer
  key "$1"
  q openssl req -new -key "$1.key" -subj "$2" -out "$1.csr"
  # No authority key id: chain building must go by issuer name alone.
  printf '%s\n' 'basicConstraints=critical,CA:FALSE' 'keyUsage=critical,digitalSignature' \
    'extendedKeyUsage=clientAuth' 'subjectKeyIdentifier=hash' 'authorityKeyIdentifier=none' \
    > "$1.ext"
  q openssl x509 -req -in "$1.csr" -CA "$3.crt" -CAkey "$3.key" -CAcreateserial -days 365 \
    -sha256 -extfile "$1.ext" -out "$1.crt"
  rm -f "$1.csr" "$1.ext"
}
selfsigned_ca foreign-ca "/O=Elsewhere/CN=Some Other CA"
leaf_from foreign "/O=MARAC Dev/OU=police/CN=foreign.testshire" foreign-ca
selfsigned_ca fake-ca "$ca_subj"
leaf_from fake "/O=MARAC Dev/OU=police/CN=police.testshire" fake-ca

# --- fingerprints and a gateway config ---
: > fingerprints.txt
for c in *.crt; do
  n=${c%.crt}
  fp=$(openssl x509 -in "$c" -noout -fingerprint -sha256 | sed 's/.*=//')
  echo "$n sha256:$fp" >> fingerprints.txt
done
fp() { grep "^$1 " fingerprints.txt | cut -d' ' -f2; }

{
  echo "# Generated by certs/gen.sh for development and tests only."
  echo "# Paths are relative to this file. deploy/gateway.yaml documents every key."
  echo "listen:"
  echo "  address: 127.0.0.1"
  echo "  port: 0"
  echo "  port_file: port"
  echo "tls:"
  echo "  cert: server.crt"
  echo "  key: server.key"
  echo "  ca: ca.crt"
  echo "  crl: ca.crl"
  echo "state_dir: state"
  if [ -n "$policy" ]; then echo "policy: '${policy//\'/\'\'}'"; fi
  echo "audit:"
  echo "  origin: marac-gateway.dev/testshire"
  echo "  checkpoint_every: 100"
  echo "  checkpoint_secs: 1"
  echo "log:"
  echo "  level: info"
  # Referrals: the repeat-matching key (made below) and the testshire MARAC.
  echo "referrals:"
  echo "  match_key: '$(pwd)/match.key'"
  echo "  repeat_window_months: 12"
  echo "  areas:"
  echo "    - id: testshire"
  echo "      case_ref_code: TS"
  echo "      postcodes: [TS]"
  echo "      meetings: weekly"
  echo "      weekday: tuesday"
  echo "      min_days: 5"
  echo "      flag_agencies: [idva]"
  echo "      lookup_contact: 'Testshire MARAC coordinator, 01632 960000'"
  echo "nodes:"
  node() { # cert id agency roles areas
    echo "  - id: $2"
    echo "    agency: $3"
    echo "    fingerprint: \"$(fp "$1")\""
    echo "    roles: [$4]"
    echo "    areas: [$5]"
    # The certificate itself: the gateway then knows its expiry and serial
    # (CRL) without the node connecting, and sends referrals only to valid ones.
    echo "    cert: '$(pwd)/$1.crt'"
  }
  node police police-testshire police node "testshire, otherton"
  node csc csc-testshire childrens_social_care node testshire
  node asc asc-testshire adult_social_care node testshire
  node health health-testshire health node testshire
  node idva idva-testshire idva node testshire
  node probation probation-testshire probation node testshire
  node housing housing-testshire housing node testshire
  node education education-testshire education node testshire
  node chair chair-testshire police chair testshire
  node auditor auditor-testshire police auditor testshire
  node control control-testshire police lookup testshire
  # Registered, so that revocation and expiry are the only reasons they fail.
  node revoked housing-revoked housing node testshire
  node expired housing-expired housing node testshire
  node late probation-late probation node testshire
} > gateway.yaml
# The HMAC key of the repeat-matching blind indexes (32 random bytes).
openssl rand -out match.key 32
rm -rf ca-db/new ca.cnf ./*.srl
chmod 600 ./*.key
chmod 644 ./*.crt ./*.crl fingerprints.txt gateway.yaml
done_ok=1
if [ "$verbose" = 1 ]; then echo "gen.sh: PKI in $out"; fi
