#!/bin/bash
# A hand-written corpus is sound (ctest redaction_holdout_labels, redaction_exam_labels):
#  - the committed JSON is what handwritten.py writes from DIR/src/*.yaml;
#  - with every recipient given the whole case (--redactor identity) every
#    labelled span is found (recall 0) and no must-keep text is lost (0):
#    a label that is not where it says, or that a search cannot find, fails;
#  - it holds at least MIN cases (the count committed when it was written).
# usage: check_handwritten.sh MEASURE_BINARY DIR MIN
set -eu
M=$1
D=$2
MIN=$3
here=$(cd "$(dirname "$0")" && pwd)
name=$(basename "$D")
fail() { echo "redaction $name check: $*" >&2; exit 1; }
python3 "$here/handwritten.py" "$D" --check --quiet ||
  fail "JSON differs from handwritten.py's output: run python3 tests/redaction/handwritten.py $D and commit"
got=$("$M" --redactor identity --json "$D" | jq -c "[.cases >= $MIN, .overall.recall, .overall.over]")
[ "$got" = '[true,0,0]' ] || fail "labels: $got, want [true,0,0]"
echo "redaction $name check: ok"
