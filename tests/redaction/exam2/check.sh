#!/bin/bash
# ctest redaction_exam2_labels: the committed xNNN.json are what build.py
# writes from src/, there are at least MIN cases, and every label is findable:
# with --redactor identity (every recipient gets the whole case) nothing may
# count as removed (recall 0) and no must-keep text as lost (over-redaction 0).
# A label whose text is not where it says fails here.
# usage: check.sh REDACTION_MEASURE EXAM2_DIR MIN_CASES
set -eu
measure=$1 dir=$2 min=$3
python3 "$dir/build.py" --check --quiet
n=$(ls "$dir"/x[0-9][0-9][0-9].json | wc -l)
if [ "$n" -lt "$min" ]; then
	echo "check.sh: $n cases, fewer than $min" >&2
	exit 1
fi
# every label's text stands at each of its offsets (code points) in its field
python3 - "$dir" <<'PY'
import glob, json, re, sys
bad = 0
for p in sorted(glob.glob(sys.argv[1] + "/x[0-9][0-9][0-9].json")):
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
out=$("$measure" --redactor identity "$dir")
echo "$out" | awk '
	$1 == "ALL" && $2 == "WITHHELD" { seen++; if ($4 != 0) { print "labels: identity removed " $4; bad = 1 } }
	$1 == "ALL" && $2 == "KEEP" { seen++; if ($4 != 0) { print "labels: identity lost " $4; bad = 1 } }
	END { if (seen != 2) { print "labels: no totals in the table"; bad = 1 } exit bad }'
echo "check.sh: $n cases, labels consistent"
