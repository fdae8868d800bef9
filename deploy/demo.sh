#!/usr/bin/env bash
# deploy/demo.sh: the gateway end to end on this machine, in a temporary
# directory: a dev PKI, the gateway on loopback with its embedded store,
# police, children's social care, health and IDVA nodes; police shares a
# synthetic case with the other three and each prints the view it received
# (each a different redaction of the same case under policy/default.yaml);
# then police refers a case, health refers the same victim with the phone
# written differently and the gateway flags the repeat; the chair pulls the
# meeting's agenda as HTML; police collects the flag the second referral
# raised on its case, and a control room looks the victim up by a phone
# written another way; police then withdraws its referral (made in error)
# and it no longer matches; an auditor verifies the trail.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=deploy/deps.sh
. "$root/deploy/deps.sh"
[ -n "${MARAC_DEMO_BUILD:-}" ] || marac_ensure_packages

# For tests (tests/nopii.test.sh): MARAC_DEMO_BUILD=DIR uses the binaries
# already built in DIR (no package check, no build); MARAC_DEMO_DIR=DIR works in DIR and keeps it, with
# the gateway's log in DIR/gateway.log and every marac command's stdout and
# stderr also in DIR/log/NODE-COMMAND.*.{stdout,stderr};
# MARAC_DEMO_LOG_LEVEL=debug|info|warn|error sets the gateway's log level.
if [ -n "${MARAC_DEMO_BUILD:-}" ]; then
  build=$(cd "$MARAC_DEMO_BUILD" && pwd)
else
  build="$root/build"
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$build" -j "$(nproc)" --target marac-gateway marac >/dev/null
fi

keep=${MARAC_DEMO_DIR:-}
if [ -n "$keep" ]; then
  mkdir -p "$keep/log"
  work=$(cd "$keep" && pwd)
else
  work=$(mktemp -d /tmp/marac-demo-XXXXXX)
fi
gw_pid=""
cleanup() {
  [ -n "$gw_pid" ] && kill "$gw_pid" 2>/dev/null || true
  [ -n "$keep" ] || rm -rf "$work"
}
trap cleanup EXIT

echo "== 1. a development PKI (CA, gateway, one certificate per agency) in $work/pki"
MARAC_POLICY="$root/policy/default.yaml" bash "$root/certs/gen.sh" "$work/pki"
# address markers: the second-stage review notice goes to the chair (a crime manager's stand-in)
sed -i 's/^      min_days: 5$/&\n      escalation_node: chair-testshire/' "$work/pki/gateway.yaml"
if [ -n "${MARAC_DEMO_LOG_LEVEL:-}" ]; then
  sed -i "s/^  level: .*/  level: $MARAC_DEMO_LOG_LEVEL/" "$work/pki/gateway.yaml"
fi

echo "== 2. the gateway on 127.0.0.1 (ephemeral port), store in $work/pki/state"
"$build/marac-gateway" --config "$work/pki/gateway.yaml" --check-config
# MARAC_CLOCK_OFFSET_DAYS: the test clock (clock.h), so step 6b can move the
# deadlines' clock forward; the gateway logs test_clock_enabled. Never in production.
MARAC_CLOCK_OFFSET_DAYS=0 "$build/marac-gateway" --config "$work/pki/gateway.yaml" 2>"$work/gateway.log" &
gw_pid=$!
for _ in $(seq 100); do [ -s "$work/pki/port" ] && break; sleep 0.1; done
[ -s "$work/pki/port" ] || { cat "$work/gateway.log"; echo "gateway did not start" >&2; exit 1; }
url="wss://localhost:$(cat "$work/pki/port")"
echo "   listening at $url"

node() { # name, then marac arguments
  local n=$1; shift
  if [ -z "$keep" ]; then
    "$build/marac" "$@" --gateway "$url" --cert "$work/pki/$n.crt" --key "$work/pki/$n.key" \
      --ca "$work/pki/ca.crt"
    return
  fi
  local f rc=0
  f=$(mktemp -u "$work/log/$n-$1.XXXXXX")
  "$build/marac" "$@" --gateway "$url" --cert "$work/pki/$n.crt" --key "$work/pki/$n.key" \
    --ca "$work/pki/ca.crt" >"$f.stdout" 2>"$f.stderr" || rc=$?
  cat "$f.stdout"
  cat "$f.stderr" >&2
  return $rc
}

echo "== 3. children's social care, health and IDVA connect and listen"
pids=()
for n in csc health idva; do
  node "$n" listen --out "$work/inbox-$n" --count 1 --idle-exit 30 >"$work/$n.out" &
  pids+=($!)
done
sleep 0.5

echo "== 4. police shares a synthetic case with all three"
node police send --to childrens_social_care,health,idva --purpose meeting \
  "$root/tests/fixtures/case_basic.json"

for p in "${pids[@]}"; do wait "$p"; done
echo "== 5. what each agency received (the same case, redacted per recipient)"
for n in csc health idva; do
  f=$(ls "$work/inbox-$n"/*.json)
  echo "---- $n: $(cat "$work/$n.out")"
  python3 - "$f" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))["deliver"]
s = d.get("summary", {})
print("  fields received:", ", ".join(sorted(s.keys())))
v = s.get("victim", {})
print("  victim fields:  ", ", ".join(sorted(v.keys())) or "-")
print("  narrative:      ", (s.get("narrative") or "-")[:160])
print("  withheld/masked/scrubbed (manifest):")
for m in d.get("manifest", []):
    if m.get("action") != "REDACTION_ACTION_SHARE":
        print("    %-28s %-26s %-14s x%s" % (m["path"], m["action"].replace("REDACTION_ACTION_", ""), m.get("ground", ""), m.get("count", 1)))
PY
done

echo "== 6. referrals: police refers a case to the testshire MARAC (area from the victim's postcode)"
summ() { python3 -c '
import json, sys
a = json.load(sys.stdin)
prev = ", ".join("%s (%s)" % (p["caseRef"], p["referralDate"]) for p in a.get("previous", []))
print("   case %s  DASH %s  %s  meeting %s  repeat: %s%s" % (a["caseRef"], a.get("score", 0),
      a["level"].replace("RISK_LEVEL_", "").lower(), a["meetingDate"],
      "yes" if a.get("repeat") else "no", (" of " + prev) if prev else ""))
print("   notified:", ", ".join(x.replace("AGENCY_", "").lower() for x in a.get("notified", [])))'
}
node police refer "$root/tests/fixtures/referral_police.json" | summ
echo "   health refers the same victim two months later, phone written \"(07700) 900-123\","
echo "   name in capitals, date of birth typed day-first: the blind-index phone match finds the repeat"
acc=$(node health refer "$root/tests/fixtures/referral_health.json")
echo "$acc" | summ
meeting=$(echo "$acc" | python3 -c 'import json,sys; print(json.load(sys.stdin)["meetingDate"])')
node idva research --case TS-2026-0001 >/dev/null
echo "   IDVA has marked its research on TS-2026-0001 done"
agenda="${TMPDIR:-/tmp}/marac-demo-agenda.html"
node chair agenda --area testshire --date "$meeting" --out "$agenda"
echo "   the chair's agenda for $meeting (printable HTML): $agenda"
node chair agenda --area testshire --date "$meeting" --format csv | sed 's/^/     /'
if node police agenda --area testshire --date "$meeting" >/dev/null 2>"$work/refused.txt"; then
  echo "a police node was given the agenda" >&2; exit 1
fi
echo "   a police node (not a chair) asking for the agenda: $(sed 's/^marac: //' "$work/refused.txt")"

echo "== 6b. flags to the owning agencies, and a control room's point-of-call lookup"
echo "   health's referral matched police's open case TS-2026-0001: police (the referrer) and"
echo "   the IDVA service were flagged; police, offline until now, collects its flag"
node police listen --out "$work/inbox-police" --flags "$work/flags-police" --idle-exit 2 \
  | grep '^flag ' | sed 's/^/   /'
node police flags --case TS-2026-0001 | python3 -c '
import json, sys
h = json.load(sys.stdin)
for e in h.get("entries", []):
    print("   flag history of %s: %s (%s) via %s, matched on %s" % (h["caseRef"], e["node"],
          e["agency"].replace("AGENCY_", "").lower(), e["via"], ", ".join(e.get("matchedOn", []))))'
echo "   a 999 call from \"+44 (0) 7700-900123\" (stored as \"07700 900123\"): the control room asks"
node control lookup --phone "+44 (0) 7700-900123" 2>/dev/null | python3 -c '
import json, sys
r = json.load(sys.stdin)
for c in r.get("cases", []):
    print("   %s  risk %s  last heard %s  marker %s  agencies %s" % (c["caseRef"],
          c["riskLevel"].replace("RISK_LEVEL_", "").lower(), c["lastHeard"],
          "yes" if c.get("markerActive") else "no",
          ", ".join(a.replace("AGENCY_", "").lower() for a in c.get("agencies", []))))
    print("   contact: %s" % c.get("contact", "-"))
if not r.get("found"):
    print("   no open MARAC case")'
if node police lookup --phone "07700 900123" >/dev/null 2>"$work/refused-lookup.txt"; then
  echo "a police case node was answered a lookup" >&2; exit 1
fi
echo "   a police case node (no lookup role) asking: $(sed 's/^marac: //' "$work/refused-lookup.txt")"

echo "== 6c. after the meeting: an action with a countdown, an address marker and its review"
day() { date -u -d "$1" +%F; }
set_at=$(day today); for i in 1 2 3 4 5 6; do
  [ "$(date -u -d "$set_at" +%u)" = 2 ] && break; set_at=$(day "$set_at - 1 day"); done
node chair action add --case TS-2026-0001 --owner health --date "$set_at" --due "$(day "today + 3 days")" \
  --description "GP to review her medication; pharmacy ref 07700 900123" |
  python3 -c 'import json,sys; a=json.load(sys.stdin); print("   chair recorded %s for %s, owner %s, due %s (%s days left); stored text: %s" % (a["actionId"], a["caseRef"], a["owner"], a["dueDate"], a.get("daysLeft", 0), a["description"]))'
node police marker add --case TS-2026-0001 --start "$(day today)" --review-due "$(day "today + 20 days")" \
  --oic police-testshire >/dev/null
node police marker inform --id M-000001 --date "$(day today)" --method phone --outcome no-answer >/dev/null
node police marker inform --id M-000001 --date "$(day today)" --method in-person --outcome informed >/dev/null
echo "   police placed marker M-000001 (review in 20 days); one attempt by phone (no answer), then told in person"
echo "   ...the gateway's clock moves on 35 days (the test clock): the action is overdue, the review missed by 15 days"
echo 35 >"$work/pki/state/test_clock_offset_days"
sleep 3
node health action list --overdue | sed 's/^/     health: /'
node chair marker list --due | sed 's/^/     chair:  /'
node health listen --out "$work/inbox2-health" --count 2 --idle-exit 5 >/dev/null || true
python3 - "$work/inbox2-health" <<'PY'
import glob, json, sys
for f in sorted(glob.glob(sys.argv[1] + "/*.json")):
    n = json.load(open(f))["deliver"].get("notice")
    if n:
        print("     health was notified: %s %s on %s, due %s, %s days overdue" % (n["kind"].replace("NOTICE_KIND_", ""), n["itemId"], n["caseRef"], n["dueDate"], n.get("daysOverdue", 0)))
PY
if node police action update --id A-000001 --status done >/dev/null 2>"$work/refused.txt"; then
  echo "police closed health's action" >&2; exit 1
fi
echo "   police trying to close health's action: $(sed 's/^marac: //' "$work/refused.txt")"
next=$(day "today + 35 days"); for i in 1 2 3 4 5 6 7; do
  [ "$(date -u -d "$next" +%u)" = 2 ] && break; next=$(day "$next + 1 day"); done
node chair agenda --area testshire --date "$next" --out "$agenda"
echo "   the next agenda ($next) opens with the overdue action and the escalated marker: $agenda"
node police marker review --id M-000001 --extend "$(day "today + 35 days + 90 days")" >/dev/null
node health action update --id A-000001 --status done --note "Reviewed at the surgery" >/dev/null
node chair marker list --due | sed 's/^/     after the review, chair: /'
node health action list --all | sed 's/^/     health: /'
echo "== 6d. police withdraws TS-2026-0001 (referred in error): it no longer matches"
node police case withdraw TS-2026-0001 --reason in_error >/dev/null 2>"$work/withdrawn.txt"
echo "   $(sed 's/^marac case withdraw: //' "$work/withdrawn.txt")"
echo "   health's referral again (a new msg_id), which was a repeat of TS-2026-0001:"
acc=$(node health refer --msg-id demo-rerefer "$root/tests/fixtures/referral_health.json" 2>/dev/null)
echo "$acc" | summ
if echo "$acc" | grep -q TS-2026-0001; then
  echo "a withdrawn referral still matched" >&2; exit 1
fi

echo "== 7. an auditor queries the trail for this case, exports it and verifies it offline"
sleep 1.5   # let the gateway sign a checkpoint covering the share (audit.checkpoint_secs)
node auditor audit query --case MARAC-TS-0001
echo "   the referral TS-2026-0001: what was shared about it, and how it ended (the summary):"
node auditor audit --case TS-2026-0001 | sed '/^$/q' | sed 's/^/     /'
echo "   the auditor's per-agency report for today as CSV (dates read in Europe/London):"
node auditor audit report --from "$(TZ=Europe/London date +%F)" --format csv | sed 's/^/     /'
node auditor audit export --out "$work/trail.mga"
"$build/marac" audit verify "$work/trail.mga" --pubkey "$work/pki/state/audit.vkey"

echo "== 8. clean shutdown"
kill -TERM "$gw_pid"
wait "$gw_pid"
gw_pid=""
echo "demo finished: exit 0"
