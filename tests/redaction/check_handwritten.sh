#!/bin/bash
# A hand-written corpus is sound (ctest redaction_holdout_labels, redaction_exam_labels):
#  - the committed JSON is what handwritten.py writes from DIR/src/*.yaml;
#  - with every recipient given the whole case (--redactor identity) every
#    labelled span is found (recall 0) and no must-keep text is lost (0):
#    a label that is not where it says, or that a search cannot find, fails;
#  - every label's text stands at each of its offsets;
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
# every label's text stands at each of its offsets (code points) in its field:
# the tool counts occurrences, so a must-keep label at a wrong offset would pass
python3 - "$D" <<'PY' || fail "a label is not at its offset (above)"
import glob, json, re, sys
bad = 0
for p in sorted(glob.glob(sys.argv[1] + "/*.json")):
    d = json.load(open(p, encoding="utf-8"))
    for s in d["spans"]:
        cur = d["case"]
        for part in re.findall(r"[a-z_]+|\[\d+\]", s["field"]):
            if part.startswith("["):
                cur = cur[int(part[1:-1])]
            else:
                cur = cur[re.sub(r"_([a-z])", lambda m: m.group(1).upper(), part)]
        for at in s["at"]:
            if cur[at:at + len(s["text"])] != s["text"]:
                print("labels: %s %s %r not at %d" % (d["id"], s["field"], s["text"], at))
                bad = 1
sys.exit(bad)
PY
got=$("$M" --redactor identity --json "$D" | jq -c "[.cases >= $MIN, .overall.recall, .overall.over]")
[ "$got" = '[true,0,0]' ] || fail "labels: $got, want [true,0,0]"
echo "redaction $name check: ok"
