#!/bin/bash
# The held-out corpus is sound (ctest redaction_holdout_labels):
#  - the committed JSON is what build.py writes from src/*.yaml;
#  - with every recipient given the whole case (--redactor identity) every
#    labelled span is found (recall 0) and no must-keep text is lost (0):
#    a label that is not where it says, or that a search cannot find, fails;
#  - it holds at least 90 cases.
# usage: check.sh MEASURE_BINARY HOLDOUT_DIR
set -eu
M=$1
D=$2
fail() { echo "redaction holdout check: $*" >&2; exit 1; }
python3 "$D/build.py" --check --quiet || fail "holdout JSON differs from build.py output: run build.py and commit"
got=$("$M" --redactor identity --json "$D" | jq -c '[.cases >= 90, .overall.recall, .overall.over]')
[ "$got" = '[true,0,0]' ] || fail "holdout labels: $got, want [true,0,0]"
echo "redaction holdout check: ok"
