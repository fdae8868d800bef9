#!/bin/bash
# policy.test.sh BUILD_DIR SOURCE_DIR: the policy as shipped. The default
# policy checks clean, its policy tests pass, and the CLI refuses a broken
# policy with file:line and never hands the refuge address to housing.
set -u
BUILD=${1:?usage: policy.test.sh BUILD_DIR SOURCE_DIR}
SRC=${2:?usage: policy.test.sh BUILD_DIR SOURCE_DIR}
MARAC="$BUILD/marac"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0
fail=0

ok() { echo "ok   $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }

# 1. The default policy loads; "ok" and its SHA-256, which is the file's.
out=$("$MARAC" policy check "$SRC/policy/default.yaml" 2>&1)
rc=$?
want="ok $(sha256sum "$SRC/policy/default.yaml" | cut -d' ' -f1)"
if [ $rc -eq 0 ] && [ "$out" = "$want" ]; then ok "check default.yaml"; else bad "check default.yaml: rc=$rc: $out"; fi

# 2. The policy tests beside it.
out=$("$MARAC" policy test "$SRC/policy/tests" 2>&1)
rc=$?
echo "$out" | sed 's/^/    /'
if [ $rc -eq 0 ] && echo "$out" | tail -1 | grep -Eq '^[1-9][0-9]* passed, 0 failed$'; then
	ok "policy tests"
else
	bad "policy tests (rc=$rc)"
fi

# The default policy's classes: block, for the small policies below (after their rules).
sed -n '/^classes:/,/^$/p' "$SRC/policy/default.yaml" >"$TMP/classes.yaml"

# 3. A broken policy: exit 1, the error names file and line.
cat >"$TMP/broken.yaml" <<'EOF'
version: 1
rules:
  - {path: case_ref, to: all, action: share, ground: need-to-know}
  - {path: victim.adress, to: police, action: share, ground: need-to-know}
EOF
cat "$TMP/classes.yaml" >>"$TMP/broken.yaml"
out=$("$MARAC" policy check "$TMP/broken.yaml" 2>&1)
rc=$?
if [ $rc -eq 1 ] && echo "$out" | grep -q "broken.yaml:4: unknown field \"adress\" in path \"victim.adress\""; then
	ok "broken policy refused with file:line"
else
	bad "broken policy: rc=$rc: $out"
fi

# 4. A rule widening never-share data is a load error, not a silent drop.
cat >"$TMP/widen.yaml" <<'EOF'
version: 1
rules:
  - {path: "*", to: housing, action: share, ground: need-to-know}
EOF
cat "$TMP/classes.yaml" >>"$TMP/widen.yaml"
out=$("$MARAC" policy check "$TMP/widen.yaml" 2>&1)
rc=$?
if [ $rc -eq 1 ] && echo "$out" | grep -q "widen.yaml:3: .*never-share \"refuge_address\" to housing"; then
	ok "never-share widening refused"
else
	bad "never-share widening: rc=$rc: $out"
fi

# 4b. Every string field needs a class: one left out fails the load, naming it and the line.
{ echo "version: 1"; sed '/^  Person.gender:/,/prefer not to say\]/d' "$TMP/classes.yaml";
  echo "rules: []"; } >"$TMP/noclass.yaml"
out=$("$MARAC" policy check "$TMP/noclass.yaml" 2>&1)
rc=$?
if [ $rc -eq 1 ] && echo "$out" | grep -q 'noclass.yaml:3: string field "victim.gender" has no class'; then
	ok "string field without a class refused"
else
	bad "string field without a class: rc=$rc: $out"
fi

# 4c. A value outside its class is withheld: a gender holding an address reaches nobody.
python3 - "$SRC/tests/fixtures/case_basic.json" >"$TMP/gender.json" <<'EOF'
import json, sys
c = json.load(open(sys.argv[1]))
c["victim"]["gender"] = "lives at 12 Windsor Crescent"
print(json.dumps(c))
EOF
out=$("$MARAC" policy redact --policy "$SRC/policy/default.yaml" --to police "$TMP/gender.json" 2>&1)
rc=$?
if [ $rc -eq 0 ] && ! echo "$out" | grep -q 'Windsor' &&
	echo "$out" | grep -A2 '"victim.gender"' | grep -q '"invalid-value"'; then
	ok "gender holding an address withheld (invalid-value)"
else
	bad "gender holding an address: rc=$rc"
fi

# 5. Missing files and bad usage have their own exit codes.
"$MARAC" policy check "$TMP/none.yaml" >/dev/null 2>&1
rc=$?
if [ $rc -eq 3 ]; then ok "missing policy file: exit 3"; else bad "missing policy file: exit $rc"; fi
"$MARAC" policy redact --to police >/dev/null 2>&1
rc=$?
if [ $rc -eq 2 ]; then ok "usage error: exit 2"; else bad "usage error: exit $rc"; fi

# 6. redact: JSON with view, manifest and policy hash; nothing of the refuge for housing.
out=$("$MARAC" policy redact --policy "$SRC/policy/default.yaml" --to housing \
	"$SRC/tests/fixtures/case_basic.json" 2>&1)
rc=$?
if [ $rc -eq 0 ] && echo "$out" | grep -q '"policy_sha256"' && echo "$out" | grep -q '"manifest"' &&
	! echo "$out" | grep -qi 'hidden lane\|TS9 9ZZ\|900123'; then
	ok "redact for housing"
else
	bad "redact for housing: rc=$rc"
fi
out=$("$MARAC" policy redact --policy "$SRC/policy/default.yaml" --to idva --purpose research \
	- <"$SRC/tests/fixtures/case_basic.json" 2>&1)
rc=$?
if [ $rc -eq 0 ] && echo "$out" | grep -q 'Hidden Lane' && ! echo "$out" | grep -q '"narrative": "'; then
	ok "redact for idva, research, from stdin"
else
	bad "redact for idva research: rc=$rc"
fi

# 7. A failing policy test fails the run with exit 1.
mkdir -p "$TMP/tests"
cat >"$TMP/tests/wrong.test.yaml" <<EOF
case: $SRC/tests/fixtures/case_basic.json
policy: $SRC/policy/default.yaml
to: housing
purpose: meeting
expect_view: {caseRef: MARAC-TS-0001}
EOF
out=$("$MARAC" policy test "$TMP/tests" 2>&1)
rc=$?
if [ $rc -eq 1 ] && echo "$out" | grep -q '^FAIL wrong.test.yaml' && echo "$out" | tail -1 | grep -q '^0 passed, 1 failed$'; then
	ok "failing policy test reported"
else
	bad "failing policy test: rc=$rc: $out"
fi

# 8. Red team: a deeply nested policy or policy test file is refused at once,
# naming file and line. libyaml's loader is quadratic in nesting: 100,000
# levels (200 KB) took about 15 s, a 1 MiB file minutes (a reload held the
# daemon that long).
python3 -c "print('version: 1\nrules: ' + '[' * 100000 + ']' * 100000)" >"$TMP/deep.yaml"
start=$(date +%s%N)
out=$(timeout 60 "$MARAC" policy check "$TMP/deep.yaml" 2>&1)
rc=$?
ms=$((($(date +%s%N) - start) / 1000000))
if [ $rc -eq 1 ] && [ $ms -lt 2000 ] && echo "$out" | grep -q "deep.yaml:2: nested deeper than 32 levels"; then
	ok "deeply nested policy refused with file:line in ${ms} ms"
else
	bad "deeply nested policy: rc=$rc in ${ms} ms: $out"
fi
mkdir -p "$TMP/deeptests"
python3 -c "print('to: housing\npurpose: meeting\ncase: ' + '{a: ' * 100000 + '}' * 100000)" \
	>"$TMP/deeptests/deep.test.yaml"
start=$(date +%s%N)
out=$(timeout 60 "$MARAC" policy test --policy "$SRC/policy/default.yaml" "$TMP/deeptests" 2>&1)
rc=$?
ms=$((($(date +%s%N) - start) / 1000000))
if [ $rc -eq 1 ] && [ $ms -lt 2000 ] &&
	echo "$out" | grep -q "^FAIL deep.test.yaml: .*deep.test.yaml:3: nested deeper than 32 levels" &&
	echo "$out" | tail -1 | grep -q '^0 passed, 1 failed$'; then
	ok "deeply nested policy test refused with file:line in ${ms} ms"
else
	bad "deeply nested policy test: rc=$rc in ${ms} ms: $out"
fi
start=$(date +%s%N)
out=$(timeout 60 "$MARAC" policy test --policy "$TMP/deep.yaml" "$SRC/policy/tests" 2>&1)
rc=$?
ms=$((($(date +%s%N) - start) / 1000000))
if [ $rc -eq 1 ] && [ $ms -lt 2000 ] && echo "$out" | grep -q "deep.yaml:2: nested deeper"; then
	ok "policy test with a deeply nested policy refused in ${ms} ms"
else
	bad "policy test with a deeply nested policy: rc=$rc in ${ms} ms: $(echo "$out" | tail -3)"
fi

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
