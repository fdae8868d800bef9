#!/bin/bash
# allsets.sh [TREE [sets...]]: recall / never-share / over-redaction (percent) of every
# annotated set, from TREE/build/tests/redaction_measure (TREE: a checkout, default .),
# two sets at a time. A quick before/after for a change to gateway/redact/.
B=${1:-.}; shift
S=${*:-exam66 exam65 exam64 exam63 exam62 exam61 exam60 exam59 exam58 exam57 exam56 exam55 exam54 exam53 exam52 exam51 exam50 exam49 exam48 exam47 exam46 exam45 exam44 exam43 exam42 exam41 exam40 exam39 exam38 exam37 exam36 exam35 exam34 exam33 exam32 exam31 exam30 exam29 exam28 exam27 exam26 exam25 exam23 exam24 exam22 exam21 exam20 exam19 exam18 exam17 exam16 exam15 exam14 exam13 exam12 exam11 exam10 exam9 exam8 exam7 exam6 exam5 exam4 exam3 exam2 exam holdout corpus}
for s in $S; do
  ( out=$($B/build/tests/redaction_measure $B/tests/redaction/$s 2>/dev/null)
    r=$(echo "$out" | awk '/^ALL WITHHELD/{printf "%.2f", $5*100}')
    n=$(echo "$out" | awk '/^NEVER-SHARE/{printf "%.2f", $4*100}')
    o=$(echo "$out" | awk '/^ALL KEEP/{printf "%.2f", $5*100}')
    echo "$s $r / $n / $o" ) &
  while [ $(jobs -r | wc -l) -ge 2 ]; do sleep 0.1; done
done | sort -V
wait
