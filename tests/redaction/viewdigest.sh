#!/bin/sh
# viewdigest.sh [BUILD_DIR]: one SHA-256 over every recipient's view of every
# case of every annotated set in tests/redaction (corpus, holdout, exam..exam8;
# only the digest is printed, so a sealed set's text is never shown), and the
# measure report of each, as redaction_measure --dump all prints them with policy/default.yaml.
# A change meant to make the scrubber faster, not different, must leave this
# digest unchanged. Prints "<digest>  views" and, with -v, one digest per set.
set -e
verbose=0
if [ "$1" = "-v" ]; then verbose=1; shift; fi
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
m=$build/tests/redaction_measure
[ -x "$m" ] || { echo "viewdigest: no $m (build first)" >&2; exit 2; }
tmp=$(mktemp)
trap 'rm -f "$tmp" "$tmp.one"' EXIT
# Relative paths: the dump names the policy and each case file, and the
# digest must not depend on where the checkout is.
cd "$src"
for set in corpus holdout exam exam2 exam3 exam4 exam5 exam6 exam7 exam8; do
	"$m" --policy policy/default.yaml --dump all "tests/redaction/$set" >"$tmp.one" || [ $? -eq 1 ]
	[ $verbose -eq 1 ] && echo "$(sha256sum <"$tmp.one" | cut -d' ' -f1)  $set"
	echo "== $set" >>"$tmp"
	cat "$tmp.one" >>"$tmp"
done
echo "$(sha256sum <"$tmp" | cut -d' ' -f1)  views"
