#!/usr/bin/env bash
# tests/nopii.test.sh BUILD_DIR SOURCE_DIR: no personal data in logs or audit.
#
# Runs the demo's flows against a real gateway at log level debug (the most
# it ever says): a share to three agencies, two referrals (the second a
# repeat), a research mark, agenda pulls (one refused), an inconsistent
# referral, an auditor's query and export. Captures every log line the
# gateway writes, everything every CLI prints except the delivered views
# (the deliveries are supposed to hold case data), and every audit record
# (as JSON and as the raw export). Then looks for every personal datum of the
# fixtures sent, in the forms written and normalised: zero hits.
set -euo pipefail
build=$(cd "$1" && pwd); src=$(cd "$2" && pwd)
work=$(mktemp -d /tmp/marac-nopii-XXXXXX)
gw=""; pids=()
cleanup() { for p in "${pids[@]}" $gw; do kill -9 "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
fx="$src/tests/fixtures"
MARAC_POLICY="$src/policy/default.yaml" bash "$src/certs/gen.sh" "$work/pki"
sed -i 's/^  level: .*/  level: debug/' "$work/pki/gateway.yaml"
mkdir -p "$work/logs"
"$build/marac-gateway" --config "$work/pki/gateway.yaml" 2>"$work/logs/gateway.log" &
gw=$!
for _ in $(seq 200); do [ -s "$work/pki/port" ] && break; sleep 0.05; done
[ -s "$work/pki/port" ] || { cat "$work/logs/gateway.log" >&2; echo "FAIL: no gateway" >&2; exit 1; }
url="wss://localhost:$(cat "$work/pki/port")"
step=0
as() { # name, marac arguments: stdout and stderr of each run kept under logs/
  local n=$1; shift; step=$((step + 1))
  "$build/marac" "$@" --gateway "$url" --cert "$work/pki/$n.crt" --key "$work/pki/$n.key" \
    --ca "$work/pki/ca.crt" >"$work/logs/$step-$n-$1.out" 2>"$work/logs/$step-$n-$1.err"
}

for n in csc health idva; do
  as "$n" listen --out "$work/in-$n" --count 3 --idle-exit 20 &
  pids+=($!)
done
sleep 0.3
as police send --to childrens_social_care,health,idva "$fx/case_basic.json"
as police refer "$fx/referral_police.json"
as health refer "$fx/referral_health.json"
meeting=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["meetingDate"])' \
  "$(ls "$work"/logs/*-health-refer.out)")
as idva research --case TS-2026-0001
as chair agenda --area testshire --date "$meeting" --format csv
as chair agenda --area testshire --date "$meeting" --format json
as police agenda --area testshire --date "$meeting" || true        # refused: not a chair
python3 - "$fx/referral_health.json" "$work/bad.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); r["route"] = "REFERRAL_ROUTE_VISIBLE_HIGH_RISK"
json.dump(r, open(sys.argv[2], "w"))
PY
as health refer "$work/bad.json" || true                             # refused: inconsistent
as police send --to housing --msg-id bad "$fx/case_basic.json" --purpose nonsense || true
for p in "${pids[@]}"; do wait "$p" || true; done
pids=()
sleep 1.2   # a checkpoint covers the records
as auditor audit query --json
as auditor audit export --out "$work/logs/trail.mga"
kill -TERM "$gw"; wait "$gw" || true; gw=""

python3 - "$work/logs" "$fx/case_basic.json" "$fx/referral_police.json" \
  "$fx/referral_health.json" <<'PY'
import json, os, re, sys
logs, fixtures = sys.argv[1], sys.argv[2:]
personal = {"fullName", "aliases", "dateOfBirth", "phones", "phone", "email", "nhsNumber",
            "niNumber", "pncId", "probationCrn", "lines", "postcode", "school", "gpPractice",
            "safeTimes", "name", "officerInCharge"}
data = set()
def walk(v, key=None):
    if isinstance(v, dict):
        for k, x in v.items():
            walk(x, k)
    elif isinstance(v, list):
        for x in v:
            walk(x, key)
    elif isinstance(v, str) and key in personal and len(v.strip()) >= 4:
        s = v.strip()
        data.add(s)
        if key in ("phones", "phone"):
            d = re.sub(r"\D", "", s)
            data.add(d)
            if d.startswith("0"):
                data.add("+44" + d[1:]); data.add("44" + d[1:])
        if key == "postcode":
            data.add(s.replace(" ", "")); data.add(s.upper())
        if key == "nhsNumber":
            data.add(f"{s[:3]} {s[3:6]} {s[6:]}")
        if key in ("fullName", "aliases", "name"):
            data.update(p for p in s.split() if len(p) >= 5 and p[0].isupper()
                        and p.lower() not in ("nurse",))
for f in fixtures:
    walk(json.load(open(f)))
kinds = {"name": any(" " in d and d[0].isalpha() for d in data),
         "phone": any(d.startswith("07700") for d in data),
         "postcode": any(re.fullmatch(r"TS\d \d[A-Z]{2}", d) for d in data),
         "nhs": "9991234578" in data}
bad = 0
for k, ok in kinds.items():
    if not ok:
        print(f"FAIL the fixtures gave no {k} to look for"); bad += 1
files = sorted(os.listdir(logs))
gw_lines = open(os.path.join(logs, "gateway.log"), errors="replace").read().splitlines()
json_lines = sum(1 for l in gw_lines if l.startswith("{"))
audit = open(os.path.join(logs, [f for f in files if f.endswith("audit.out")][0])).read()
if json_lines < 20:
    print(f"FAIL only {json_lines} gateway log lines captured"); bad += 1
if audit.count("\n") < 30:
    print("FAIL the audit query returned too few records"); bad += 1
hits = 0
for f in files:
    raw = open(os.path.join(logs, f), "rb").read()
    text = raw.decode("utf-8", "replace")
    for d in sorted(data):
        for m in re.finditer(re.escape(d), text, re.IGNORECASE if " " in d else 0):
            line = text.count("\n", 0, m.start()) + 1
            print(f"FAIL {f}:{line}: personal datum {d!r}")
            hits += 1
print(f"{len(data)} personal data looked for in {len(files)} files "
      f"({json_lines} gateway log lines, {audit.count(chr(10))} audit records): {hits} hits")
sys.exit(1 if hits or bad else 0)
PY
