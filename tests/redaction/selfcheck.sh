#!/usr/bin/env bash
# Self-check of the redaction measuring instrument (README.md "Self-check"):
# it must report leaks and losses where there are some, in every written form,
# and the committed corpus must be valid and reproducible.
#   selfcheck.sh MEASURE_BINARY TESTS_REDACTION_DIR
set -euo pipefail
M=$1
D=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
SC=$D/selfcheck

# 1. Fake views (selfcheck/views): exact figures. health lost the refuge but
# leaks the phone in another field (no-break space, full-width digits, letter
# O) and the sister's surname in capitals, and over-redacted "9th May"; police
# may see the refuge but leaks the phone glued to a word and the cousin;
# education has no narrative (nothing leaks, nothing counted lost).
got=$("$M" --views "$SC/views" --json "$SC/sc01.json" | jq -c .overall)
want='{"required":11,"leaked":4,"recall":0.636364,"never_required":2,"never_leaked":0,"never_recall":1,"keep_pairs":4,"keep_lost":1,"over":0.25}'
[ "$got" = "$want" ] || fail "fake views: $got, want $want"
"$M" --views "$SC/views" --verbose "$SC/sc01.json" | grep '^L' | sort >"$T/misses"
cat >"$T/want" <<'W'
LEAK sc01 narrative phone health "07700 900123"
LEAK sc01 narrative phone police "07700 900123"
LEAK sc01 narrative third_party_name health "Jane Rose"
LEAK sc01 narrative third_party_name police "Ola Kowalska"
LOST sc01 narrative keep_date health "9th May"
W
diff "$T/want" "$T/misses" || fail "verbose misses differ"

# 2. Each written form of the phone, alone in another field, is a leak; a
# different number, or three of its digits, is not.
mkdir -p "$T/v"
cp "$SC/views/sc01.police.json" "$SC/views/sc01.education.json" "$T/v/"
leaks_with() {
	jq --arg f "$1" '.consentReason = ("Call " + $f + " now.")' "$SC/views/sc01.health.json" |
		jq '.incidents[0].summary = "Neighbour reported shouting."' >"$T/v/sc01.health.json"
	"$M" --views "$T/v" --json "$SC/sc01.json" | jq -r '.categories.phone.per_recipient.health'
}
for form in $'07700\u00a0900123' $'07700\u202f900123' $'07700\t900123' $'07700\n900123' \
	$'07700\u2013900123' $'\uff10\uff17\uff17\uff10\uff10 \uff19\uff10\uff10\uff11\uff12\uff13' \
	'07700  900123' '07700.900.123' 'tel07700900123' 'O77OO 9OO123' '+44 7700 900123' \
	'+44 (0)7700 900123' '0044 7700 900123' '(07700) 900 123' '0 7 7 0 0 9 0 0 1 2 3'; do
	[ "$(leaks_with "$form")" = 0 ] || fail "phone written as '$form' in another field was not found"
done
for form in '07700 900124' '123' '*******123'; do
	[ "$(leaks_with "$form")" = 1 ] || fail "'$form' counted as a leak of 07700 900123"
done

# 3. Exit status follows the targets.
"$M" --views "$SC/views" --min-recall 0.6 --min-never 1 --max-over 0.3 "$SC/sc01.json" >/dev/null ||
	fail "targets met but exit status not 0"
for t in "--min-recall 0.7" "--min-never 1 --max-over 0.2"; do
	# shellcheck disable=SC2086
	if "$M" --views "$SC/views" $t "$SC/sc01.json" >/dev/null 2>&1; then
		fail "target $t not met but exit status 0"
	fi
done

# 4. (Dropped: it shared the narrative verbatim through a policy, which the
# policy engine no longer allows: free text is scrubbed for every recipient.
# The identity redactor below proves the same through the tool's own path.)

# 5. The corpus is valid: with every recipient given the whole case, every
# labelled span is found (recall 0) and no must-keep text is lost.
got=$("$M" --redactor identity --json "$D/corpus" | jq -c '[.cases >= 300, .overall.recall, .overall.over]')
[ "$got" = '[true,0,0]' ] || fail "corpus labels: $got, want [true,0,0]"

# 6. The committed corpus is what the generator writes.
python3 "$D/gen_corpus.py" --out "$T/corpus"
diff -rq "$T/corpus" "$D/corpus" >/dev/null || fail "tests/redaction/corpus differs from gen_corpus.py output: regenerate and commit"
# 7. The hand-written sets' converter refuses a case key it does not know
# (a writer's "notes:" or "police_intelligence:" would drop its text unread),
# naming the file and the case.
mkdir -p "$T/hw/src"
cat >"$T/hw/src/a.yaml" <<'Y'
id: h001
style: test
victim: {name: Jane Doe}
narrative: |
  Seen by the IDVA on {{k.date|3 May}}.
notes: |
  She is {{loc|at her sister's in Leeds}}.
Y
if out=$(python3 "$D/handwritten.py" "$T/hw" 2>&1); then fail "handwritten.py took an unknown key"; fi
case $out in *"a.yaml:h001: unknown key(s) notes"*) ;; *) fail "handwritten.py's message: $out" ;; esac
echo "redaction selfcheck: ok"
