#!/bin/bash
# unitclf_check.sh UNITS_TOOL SRCDIR: the committed unit model
# (gateway/redact/failsafe_model.c) is what train_unitclf.py writes from the
# units of the twenty-three development sets as the C code computes them today. Fails
# when the features (failsafe.c), a set or the script changed and nobody
# retrained: run the two commands below and commit the result.
set -euo pipefail
units=$1
src=$2
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
"$units" "$src/tests/redaction/holdout" "$src/tests/redaction/exam" \
	"$src/tests/redaction/corpus" "$src/tests/redaction/exam2" \
	"$src/tests/redaction/exam3" "$src/tests/redaction/exam4" \
	"$src/tests/redaction/exam5" "$src/tests/redaction/exam6" \
	"$src/tests/redaction/exam7" "$src/tests/redaction/exam8" \
	"$src/tests/redaction/exam9" "$src/tests/redaction/exam10" \
	"$src/tests/redaction/exam11" "$src/tests/redaction/exam12" \
	"$src/tests/redaction/exam13" "$src/tests/redaction/exam14" \
	"$src/tests/redaction/exam15" "$src/tests/redaction/exam16" \
	"$src/tests/redaction/exam17" "$src/tests/redaction/exam18" \
	"$src/tests/redaction/exam19" "$src/tests/redaction/exam20" \
	"$src/tests/redaction/exam21" >"$tmp"
python3 "$src/tests/redaction/train_unitclf.py" --units "$tmp" \
	--check "$src/gateway/redact/failsafe_model.c"
