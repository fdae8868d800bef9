#!/bin/bash
# The exam corpus is sound (ctest redaction_exam_labels):
#  - the committed JSON is what build.py writes from src/*.yaml;
#  - with every recipient given the whole case (--redactor identity) every
#    labelled span is found (recall 0) and no must-keep text is lost (0):
#    a label that is not where it says, or that a search cannot find, fails;
#  - it holds at least MIN cases (the count committed when it was written).
# usage: check.sh MEASURE_BINARY EXAM_DIR
set -eu
M=$1
D=$2
MIN=${3:-40}
fail() { echo "redaction exam check: $*" >&2; exit 1; }
python3 "$D/build.py" --check --quiet || fail "exam JSON differs from build.py output: run build.py and commit"
got=$("$M" --redactor identity --json "$D" | jq -c "[.cases >= $MIN, .overall.recall, .overall.over]")
[ "$got" = '[true,0,0]' ] || fail "exam labels: $got, want [true,0,0]"
echo "redaction exam check: ok"
