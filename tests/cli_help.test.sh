#!/usr/bin/env bash
# Every `marac audit` subcommand answers --help with its usage on stdout and
# exit 0 ("marac audit query --help" used to fail with "--help needs a value").
set -u
BUILD=$1
MARAC="$BUILD/marac"
fail=0
for sub in query report export verify proof; do
	for h in --help -h; do
		out=$("$MARAC" audit "$sub" $h 2>&1)
		rc=$?
		if [ $rc -ne 0 ] || ! grep -q "marac audit $sub " <<<"$out"; then
			echo "FAIL: marac audit $sub $h: exit $rc: ${out:0:200}"
			fail=1
		fi
	done
	# --help after other options too
	out=$("$MARAC" audit "$sub" --gateway wss://127.0.0.1:1/v1 --help 2>&1)
	rc=$?
	if [ $rc -ne 0 ]; then
		echo "FAIL: marac audit $sub --gateway URL --help: exit $rc: $out"
		fail=1
	fi
done
# A bad record number is a usage error, not record 0.
"$MARAC" audit proof --seq 12abc >/dev/null 2>&1
rc=$?
if [ $rc -ne 2 ]; then
	echo "FAIL: marac audit proof --seq 12abc: exit $rc, want 2"
	fail=1
fi
# h12-actions: the follow-up verbs answer --help on stdout with exit 0.
for cmd in "action add" "action update" "action list" "marker add" "marker inform" \
	   "marker review" "marker list"; do
	# shellcheck disable=SC2086
	out=$("$MARAC" $cmd --help 2>&1)
	rc=$?
	if [ $rc -ne 0 ] || ! grep -q "marac ${cmd%% *} " <<<"$out"; then
		echo "FAIL: marac $cmd --help: exit $rc: ${out:0:200}"
		fail=1
	fi
done
"$MARAC" action update --id A-000001 --status finished >/dev/null 2>&1
rc=$?
if [ $rc -ne 2 ]; then
	echo "FAIL: marac action update --status finished: exit $rc, want 2"
	fail=1
fi
[ $fail -eq 0 ] && echo "ok: marac audit --help"
exit $fail
