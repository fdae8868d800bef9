#!/usr/bin/env bash
# tests/nopii.test.sh BUILD_DIR SOURCE_DIR: no personal data in any log.
#
# Runs the demo's flows (deploy/demo.sh with MARAC_DEMO_DIR, so its work
# directory and every command's output are kept; gateway at log level debug:
# a share to three agencies, two referrals with a repeat, research, agendas,
# an agenda refused, the auditor's query/export/verify), then restarts the
# gateway on the same state and adds: every node draining its outbox, the
# whole audit trail as decoded JSON and as a table, a second export, verify
# and an inclusion proof, and referrals/shares the gateway or the CLI must
# refuse (bad phone, NHS number, postcode, date, JSON), whose error messages
# are the likeliest place for a value to slip out.
#
# Captured and scanned: the gateway's stderr (JSON lines) of both runs,
# every marac command's stdout and stderr, the demo's stderr, the audit
# records (JSON and table) and the raw export files. Not scanned, because
# they legitimately hold case data: the deliveries (listen --out
# directories), the case views the demo prints (its stdout) and the store.
# The chair's agenda (HTML, CSV, JSON) is scanned: it names no one.
#
# The personal data searched for are read from the fixtures the flows send
# (tests/fixtures/*.json plus the refused variants made here): names and
# aliases (whole and each name word), phones as written and as digits with
# any separators, emails, postcodes with or without the space, NHS/NI
# numbers with or without spaces, address lines, dates of birth in several
# formats, schools, GP practices, PNC ids, police refs and the free-text
# fields. Any hit fails the test with file, line and datum.
# MARAC_NOPII_KEEP=1 keeps the work directory.
set -euo pipefail
build=$(cd "$1" && pwd); src=$(cd "$2" && pwd)
d=$(mktemp -d /tmp/marac-nopii-XXXXXX)
gw=""
cleanup() {
  if [ -n "$gw" ]; then kill "$gw" 2>/dev/null || true; wait "$gw" 2>/dev/null || true; fi
  if [ -n "${MARAC_NOPII_KEEP:-}" ]; then echo "nopii: kept $d"; else rm -rf "$d"; fi
}
trap cleanup EXIT
fail() { echo "nopii: FAIL: $*" >&2; exit 1; }

# --- 0. the redaction code writes nowhere -----------------------------------
# gateway/redact/ sees every case's text: a debugging print left in it (as
# once happened, behind an environment variable) is a leak waiting for an
# operator to set it. Only policy_test.c (the policy-test report, to the FILE
# its caller names) writes.
if hits=$(grep -nE '\<(getenv|printf|fprintf|puts|fputs|perror|syslog|fwrite|write)[[:space:]]*\(|\<(stderr|stdout)\>' \
    "$src"/gateway/redact/*.c "$src"/gateway/redact/*.h | grep -v '^[^:]*/policy_test\.c:'); then
  echo "$hits" >&2
  fail "gateway/redact/ reads the environment or writes output (above)"
fi

# --- 1. the demo, keeping everything ---------------------------------------
w="$d/demo"
if ! TMPDIR="$d" MARAC_DEMO_BUILD="$build" MARAC_DEMO_DIR="$w" MARAC_DEMO_LOG_LEVEL=debug \
    bash "$src/deploy/demo.sh" >"$d/demo.stdout" 2>"$d/demo.stderr"; then
  tail -20 "$d/demo.stdout"; cat "$d/demo.stderr"
  fail "deploy/demo.sh failed"
fi
grep -q "demo finished: exit 0" "$d/demo.stdout" || fail "the demo did not finish"

# --- 2. the gateway again on the demo's state, more flows -------------------
mkdir -p "$w/log2" "$d/fixtures"
"$build/marac-gateway" --config "$w/pki/gateway.yaml" --check-config \
  >"$w/log2/check-config.stdout" 2>"$w/log2/check-config.stderr"
rm -f "$w/pki/port"
"$build/marac-gateway" --config "$w/pki/gateway.yaml" >"$w/gateway2.stdout" 2>"$w/gateway2.log" &
gw=$!
for _ in $(seq 100); do [ -s "$w/pki/port" ] && break; sleep 0.1; done
[ -s "$w/pki/port" ] || { cat "$w/gateway2.log"; fail "the gateway did not restart"; }
url="wss://localhost:$(cat "$w/pki/port")"
# as NODE TAG marac-arguments...: stdout and stderr to log2/TAG.{stdout,stderr}
as() {
  local n=$1 tag=$2; shift 2
  "$build/marac" "$@" --gateway "$url" --cert "$w/pki/$n.crt" --key "$w/pki/$n.key" \
    --ca "$w/pki/ca.crt" --timeout 10 >"$w/log2/$tag.stdout" 2>"$w/log2/$tag.stderr"
}

# Every node takes what is waiting for it (the referrals' notifications).
pids=()
for n in police csc asc health idva probation housing education; do
  as "$n" "$n-listen" listen --out "$w/inbox2-$n" --idle-exit 2 & pids+=($!)
done
for p in "${pids[@]}"; do wait "$p" || fail "listen failed: $(cat "$w"/log2/*-listen.stderr)"; done

# Refusals: variants of the fixtures with one bad value each.
python3 - "$src/tests/fixtures" "$d/fixtures" <<'PY'
import copy, json, sys
src, out = sys.argv[1], sys.argv[2]
ref = json.load(open(src + "/referral_police.json"))
case = json.load(open(src + "/case_basic.json"))
def put(name, doc):
    json.dump(doc, open("%s/%s.json" % (out, name), "w"), indent=1)
r = copy.deepcopy(ref); r["victim"]["phones"] = ["07700 9001"]; put("bad_phone", r)
r = copy.deepcopy(ref); r["victim"]["nhsNumber"] = "999 123 4577"; put("bad_nhs", r)
r = copy.deepcopy(ref); r["victim"]["address"]["postcode"] = "ZZ1 1ZY"; r.pop("maracArea", None); put("bad_postcode", r)
r = copy.deepcopy(ref); r["victim"]["dateOfBirth"] = "31/02/1990"; put("bad_dob", r)
r = copy.deepcopy(ref); r["victim"]["fullName"] = "Quentin Badfield"; r["route"] = "REFERRAL_ROUTE_NOPE"; put("bad_route", r)
c = copy.deepcopy(case); c["victim"]["gender"] = "Yvonne Wrongfield"; put("bad_enum", c)
c = copy.deepcopy(case); c["victim"]["dateOfBirth"] = 19900401; put("bad_type", c)
c = copy.deepcopy(case); c["victim"]["fullNme"] = "Zelda Typofield"; put("bad_key", c)
open(out + "/bad_json.txt", "w").write('{"victim": {"fullName": "Ursula Brokenfield", "phones": ["07700 900999"]')
PY
for f in "$d"/fixtures/bad_*.json; do
  b=$(basename "$f" .json)
  case "$b" in
    bad_enum|bad_type|bad_key) as police "police-send-$b" send --to health --purpose meeting "$f" || true ;;
    *) as police "police-refer-$b" refer "$f" || true ;;
  esac
done
as police police-send-bad_json send --to health "$d/fixtures/bad_json.txt" || true
as police police-send-noagency send --to nowhere "$src/tests/fixtures/case_basic.json" || true
as police police-send-badpurpose send --to housing --purpose nonsense "$src/tests/fixtures/case_basic.json" || true
# Inconsistent: a professional-judgement referral claimed as visible high risk.
python3 - "$src/tests/fixtures/referral_health.json" "$d/fixtures/inconsistent.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); r["route"] = "REFERRAL_ROUTE_VISIBLE_HIGH_RISK"
json.dump(r, open(sys.argv[2], "w"))
PY
as health health-refer-inconsistent refer "$d/fixtures/inconsistent.json" || true
grep -q "risk.answers" "$w/log2/health-refer-inconsistent.stderr" ||
  fail "the inconsistent referral was not refused: $(cat "$w/log2/health-refer-inconsistent.stderr")"
meeting=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["meetingDate"])' \
  "$(ls "$w"/log/health-refer.*.stdout | head -n 1)")
as chair chair-agenda-json agenda --area testshire --date "$meeting" --format json ||
  fail "agenda --format json failed"
mv "$d/fixtures/bad_json.txt" "$d/fixtures/bad_json.json.txt"

# The whole trail, decoded, as a table, exported, verified, one proof.
as auditor audit-query-json audit query --json || fail "audit query --json: $(cat "$w/log2/audit-query-json.stderr")"
as auditor audit-query audit query || fail "audit query failed"
as auditor audit-export audit export --out "$w/trail2.mga" || fail "audit export failed"
"$build/marac" audit verify "$w/trail2.mga" --pubkey "$w/pki/state/audit.vkey" \
  >"$w/log2/audit-verify.stdout" 2>"$w/log2/audit-verify.stderr" || fail "audit verify failed"
as auditor audit-proof audit proof --seq 1 --pubkey "$w/pki/state/audit.vkey" || fail "audit proof failed"
kill -TERM "$gw"; wait "$gw" || true; gw=""

records=$(wc -l <"$w/log2/audit-query-json.stdout")
[ "$records" -ge 20 ] || fail "only $records audit records captured"

# --- 3. scan ------------------------------------------------------------------
# Files: NAME|KIND lines for the scanner.
{
  for f in "$w/gateway.log" "$w/gateway2.log"; do echo "$f"; done
  echo "$w/gateway2.stdout"
  echo "$d/demo.stderr"
  echo "$w/refused.txt"
  for f in "$w"/*.out "$w"/log/* "$w"/log2/*; do echo "$f"; done
  echo "$d/marac-demo-agenda.html"   # the agenda names no one (only refs, dates, scores, ages)
  echo "$w/trail.mga"
  echo "$w/trail2.mga"
} >"$d/scan-files"

python3 - "$d/scan-files" "$src/tests/fixtures" "$d/fixtures" "$d" <<'PY'
import glob, json, os, re, sys

files_list, fixture_dirs, workdir = sys.argv[1], sys.argv[2:4], sys.argv[4]

NAME_KEYS = {"fullName", "aliases", "name", "officerInCharge"}
KINDS = {
    "phones": "phone", "phone": "phone", "email": "email", "postcode": "postcode",
    "lines": "address", "nhsNumber": "NHS number", "niNumber": "NI number",
    "dateOfBirth": "date of birth", "school": "school", "gpPractice": "GP practice",
    "pncId": "PNC id", "policeRef": "police ref", "crimeRef": "police ref",
    "narrative": "free text", "summary": "free text", "comment": "free text",
    "fears": "free text", "judgementReason": "free text", "consentReason": "free text",
    "policeIntelligence": "free text", "safeTimes": "free text",
}
TITLES = {"pc", "dc", "ds", "di", "dr", "mr", "mrs", "ms", "miss", "nurse", "sgt"}
SEP = r"[\s().\-/]{0,3}"

def strings(v):
    if isinstance(v, str):
        yield v
    elif isinstance(v, list):
        for x in v:
            yield from strings(x)

data = []   # (kind, datum as written, compiled regex)
seen = set()
def add(kind, datum, pattern, flags=re.I):
    if (pattern, flags) not in seen:
        seen.add((pattern, flags))
        data.append((kind, datum, re.compile(pattern, flags)))

def flex(s):   # literal, any run of whitespace matching any whitespace
    return r"\s+".join(re.escape(p) for p in s.split())

def digits_pattern(ds):
    return SEP.join(re.escape(c) for c in ds)

def add_value(kind, v):
    v = v.strip()
    if not v:
        return
    if kind == "name":
        add("name", v, flex(v))
        # Each name word alone, as a word, as written, in capitals or capitalised
        # (case-sensitive: some name words are ordinary words, like "Unsafe").
        for tok in v.split():
            if len(tok) >= 4 and tok.lower().strip(".") not in TITLES:
                for form in {tok, tok.upper(), tok.capitalize()}:
                    add("name", tok, r"(?<![A-Za-z0-9_])" + re.escape(form) + r"(?![A-Za-z0-9_])", 0)
    elif kind == "phone":
        ds = re.sub(r"\D", "", v)
        if ds.startswith("44"):
            ds = ds[2:]
        ds = ds.lstrip("0")   # the national significant number: matches 0..., +44..., 44...
        add("phone", v, flex(v))
        if len(ds) >= 9:
            add("phone", v + " (digits " + ds + ")", digits_pattern(ds))
    elif kind in ("NHS number", "NI number", "PNC id", "police ref", "postcode"):
        add(kind, v, flex(v))
        compact = re.sub(r"[^0-9A-Za-z]", "", v)
        add(kind, v + " (as " + compact + " with any separators)", digits_pattern(compact))
    elif kind == "date of birth":
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v)
        add(kind, v, re.escape(v))
        if m:
            y, mo, dd = m.groups()
            for form in ("%s/%s/%s" % (dd, mo, y), "%s-%s-%s" % (dd, mo, y), "%s.%s.%s" % (dd, mo, y),
                         "%s/%s/%s" % (y, mo, dd), y + mo + dd, dd + mo + y):
                add(kind, v + " (as " + form + ")", r"(?<!\d)" + re.escape(form) + r"(?!\d)")
    else:
        add(kind, v, flex(v))

def walk(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k in NAME_KEYS:
                for s in strings(v):
                    add_value("name", s)
            elif k in KINDS:
                for s in strings(v):
                    add_value(KINDS[k], s)
            walk(v)
    elif isinstance(node, list):
        for x in node:
            walk(x)

fixtures = sorted(glob.glob(fixture_dirs[0] + "/*.json")) + sorted(glob.glob(fixture_dirs[1] + "/*.json"))
for f in fixtures:
    walk(json.load(open(f)))
# The one deliberately broken JSON: its values by hand.
if os.path.exists(fixture_dirs[1] + "/bad_json.json.txt"):
    add_value("name", "Ursula Brokenfield")
    add_value("phone", "07700 900999")

kinds = {k for k, _, _ in data}
for need in ("name", "phone", "postcode", "NHS number", "date of birth", "email", "address"):
    if need not in kinds:
        sys.exit("nopii: FAIL: no %s found in the fixtures (%s): the scan would be vacuous" % (need, ", ".join(fixtures)))
print("nopii: %d fixtures, %d personal data patterns (%s)" % (
    len(fixtures), len(data), ", ".join("%s %d" % (k, sum(1 for x in data if x[0] == k)) for k in sorted(kinds))))

def scan(path):
    raw = open(path, "rb").read()
    text = raw.decode("latin-1")
    binary = b"\0" in raw
    out = []
    for kind, datum, rx in data:
        for m in rx.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            where = "byte %d" % m.start() if binary else "line %d" % line
            out.append("%s:%s: %s %r (matched %r)" % (path, where, kind, datum, m.group(0)))
    return out

# Self-test: the scanner finds each kind written differently from the fixture.
plant = os.path.join(workdir, "planted.log")
ph = next(d for k, d, _ in data if k == "phone" and "digits" in d)
nsn = ph.split("digits ")[1].rstrip(")")
pc = next(d for k, d, _ in data if k == "postcode" and "(" not in d)
nhs = next(d for k, d, _ in data if k == "NHS number" and "(" not in d)
nm = next(d for k, d, _ in data if k == "name" and " " in d)
with open(plant, "w") as f:
    f.write('{"level":"info","event":"x","a":"%s"}\n' % nm.upper())
    f.write('{"level":"info","event":"x","b":"+44%s"}\n' % nsn)
    f.write('{"level":"info","event":"x","c":"%s"}\n' % pc.replace(" ", "").lower())
    f.write('{"level":"info","event":"x","d":"%s %s %s"}\n' % (nhs[:3], nhs[3:6], nhs[6:]))
got = {h.split(": ")[1].split(" ")[0] for h in scan(plant)}
hits = scan(plant)
for k in ("name", "phone", "postcode", "NHS"):
    if not any((": %s " % k) in h for h in hits):
        sys.exit("nopii: FAIL: scanner self-test did not find the planted %s" % k)
os.remove(plant)

files = [l.strip() for l in open(files_list) if l.strip()]
missing = [f for f in files if not os.path.exists(f)]
if missing:
    sys.exit("nopii: FAIL: expected output files missing: %s" % ", ".join(missing))
gw_lines = 0
for f in files:
    if os.path.basename(f).startswith("gateway") and f.endswith(".log"):
        n = 0
        for i, l in enumerate(open(f), 1):
            if l.strip():
                try:
                    json.loads(l)
                except ValueError:
                    sys.exit("nopii: FAIL: %s:%d is not a JSON line" % (f, i))
                n += 1
        if n < 5:
            sys.exit("nopii: FAIL: only %d gateway log lines captured in %s" % (n, f))
        gw_lines += n
hits = []
nbytes = 0
for f in files:
    nbytes += os.path.getsize(f)
    hits += scan(f)
print("nopii: scanned %d files (%d bytes, %d gateway log lines)" % (len(files), nbytes, gw_lines))
if hits:
    print("nopii: FAIL: personal data in logs:")
    for h in hits:
        print("  " + h)
    sys.exit(1)
print("nopii: no personal data found")
PY
echo "nopii: ok"
