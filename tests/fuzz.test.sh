#!/usr/bin/env bash
# tests/fuzz.test.sh BUILD_DIR SOURCE_DIR: a short libFuzzer run of every
# fuzz target (clang, ASan+UBSan), starting from the committed seed corpus.
# Any crash, leak or sanitizer report fails; the input is left in
# BUILD_DIR/fuzz-findings/ to be fixed and added to tests/fuzz/corpus/NAME/.
# MARAC_FUZZ_SECONDS per target (default 15).
set -euo pipefail
build=$(cd "$1" && pwd); src=$(cd "$2" && pwd)
secs=${MARAC_FUZZ_SECONDS:-15}
if ! command -v clang >/dev/null; then echo "fuzz: clang is not installed" >&2; exit 1; fi
fb="$build/fuzz-build"
cmake -S "$src" -B "$fb" -DCMAKE_C_COMPILER=clang -DMARAC_FUZZ=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
targets=$(cd "$src/tests/fuzz" && ls fuzz_*.c | sed 's/\.c$//')
# shellcheck disable=SC2086
cmake --build "$fb" -j "$(nproc)" --target $targets >/dev/null
mkdir -p "$build/fuzz-findings"
pass=0 fail=0
for t in $targets; do
  name=${t#fuzz_}
  corpus=$(mktemp -d)
  cp "$src/tests/fuzz/corpus/$name/"* "$corpus/"
  if (cd "$build/fuzz-findings" && "$fb/tests/$t" -max_total_time="$secs" -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 "$corpus" >"$build/fuzz-findings/$t.log" 2>&1); then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$build/fuzz-findings/$t.log" | grep -o '[0-9]*$')
    echo "fuzz: $t: ${runs:-?} runs in ${secs}s, no finding"
    pass=$((pass + 1))
  else
    echo "fuzz: $t: FINDING (see $build/fuzz-findings/$t.log)"
    tail -20 "$build/fuzz-findings/$t.log"
    fail=$((fail + 1))
  fi
  rm -rf "$corpus"
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
