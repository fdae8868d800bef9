#!/usr/bin/env bash
# tests/agenda_render.test.sh BUILD_DIR SOURCE_DIR: the chair's agenda, as
# pulled from a real gateway, rendered by headless Chromium (Debian's
# chromium package): the rendered page shows the protective marking, the
# confidentiality statement and both cases in order with their repeat flag,
# DASH scores and children's ages; attendance with apologies, each case's
# time slot, the configured repeat window and any other business; and it
# prints (a PDF comes out) with "Page X of Y" on every page (CSS paged
# media margin boxes), read back from the PDF by tests/pdf_text.py.
set -euo pipefail
build=$(cd "$1" && pwd); src=$(cd "$2" && pwd)
chromium=$(command -v chromium || true)
if [ -z "$chromium" ]; then
  echo "FAIL chromium is not installed (deploy/deps.sh installs the Debian package)"; exit 1
fi
work=$(mktemp -d /tmp/marac-agenda-XXXXXX)
gw=""
cleanup() { [ -n "$gw" ] && kill -9 "$gw" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
MARAC_POLICY="$src/policy/default.yaml" bash "$src/certs/gen.sh" "$work/pki"
"$build/marac-gateway" --config "$work/pki/gateway.yaml" 2>"$work/gw.log" &
gw=$!
for _ in $(seq 200); do [ -s "$work/pki/port" ] && break; sleep 0.05; done
url="wss://localhost:$(cat "$work/pki/port")"
as() { local n=$1; shift; "$build/marac" "$@" --gateway "$url" --cert "$work/pki/$n.crt" \
  --key "$work/pki/$n.key" --ca "$work/pki/ca.crt"; }
as police refer "$src/tests/fixtures/referral_police.json" >/dev/null
meeting=$(as health refer "$src/tests/fixtures/referral_health.json" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["meetingDate"])')
as chair agenda --area testshire --date "$meeting" --out "$work/agenda.html" \
  --apologies housing --start 09:30 --minutes 12 --aob "Review of the referral pathway"
kill -TERM "$gw"; wait "$gw" || true; gw=""

# Chromium must not inherit the sanitizer settings of an ASan test run.
run_chromium() {
  env -u ASAN_OPTIONS -u UBSAN_OPTIONS -u LSAN_OPTIONS -u LD_PRELOAD HOME="$work" \
    timeout 90 "$chromium" --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --no-first-run --user-data-dir="$work/profile" "$@" 2>>"$work/chromium.log"
}
run_chromium --dump-dom "file://$work/agenda.html" >"$work/dom.html"
run_chromium --no-pdf-header-footer --print-to-pdf="$work/agenda.pdf" "file://$work/agenda.html" \
  >/dev/null

PYTHONDONTWRITEBYTECODE=1 PYTHONPATH="$src/tests" python3 - "$work/dom.html" "$work/agenda.pdf" "$meeting" <<'PY'
import html, re, sys
import pdf_text
dom, pdf, meeting = open(sys.argv[1]).read(), sys.argv[2], sys.argv[3]
# The text a reader sees: tags dropped (after Chromium parsed and laid it out).
body = re.sub(r"(?s)<(script|style)[^>]*>.*?</\1>", " ", dom)
text = html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)))
fails = 0
def check(ok, what):
    global fails
    print(("PASS " if ok else "FAIL ") + what)
    fails += 0 if ok else 1
mark = "OFFICIAL-SENSITIVE: restricted when complete"
check(len(dom) > 500 and "<table" in dom, "Chromium rendered a page with tables")
check(text.count(mark) >= 2, "protective marking at top and bottom")
check("confidential" in text.lower(), "confidentiality statement shown")
check(meeting in text and "testshire" in text, "area and meeting date shown")
a, b = text.find("TS-2026-0001"), text.find("TS-2026-0002")
check(0 <= a < b, "both cases listed, in referral-date order")
row2 = text[b:b + 400]
check("2026-08-03" in row2, "the repeat row shows the previous referral date")
check("TS-2026-0001, testshire" in row2, "the repeat row names the earlier case and its area")
check(re.search(r"\b15\b", text[a:b]) is not None and re.search(r"\b8\b", row2) is not None,
      "DASH scores 15 and 8 shown")
check("Testperson" not in text and "07700" not in text, "no names or phone numbers on it")
check(re.search(r"Police\s+Expected", text) is not None and
      re.search(r"Housing\s+Apologies", text) is not None, "attendance and apologies shown")
check(re.search(r"09:30\s+TS-2026-0001", text) is not None and
      re.search(r"09:42\s+TS-2026-0002", text) is not None, "each case has its time slot")
check("12-month repeat window" in text, "the configured repeat window in the heading")
check(text.find("Any other business") > text.find("repeat window") and
      "Review of the referral pathway" in text, "any other business last, with the item")
data = open(pdf, "rb").read()
check(data.startswith(b"%PDF") and len(data) > 2000, f"prints to PDF ({len(data)} bytes)")
pages = pdf_text.pages_text(data)
n = len(pages)
check(n >= 1 and all(f"Page {i + 1} of {n}" in p for i, p in enumerate(pages)),
      f"every printed page says which of the {n} it is")
check(any("TS-2026-0001" in p for p in pages), "the PDF text holds the cases")
sys.exit(1 if fails else 0)
PY
