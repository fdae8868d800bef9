#!/usr/bin/env bash
# deploy/test.sh: install missing packages, build, and run the whole test
# suite twice: a plain build, then AddressSanitizer + UndefinedBehaviorSanitizer
# (any ASan/UBSan/LSan report fails the run).
#
#   deploy/test.sh            both builds
#   MARAC_SANITIZE=0 deploy/test.sh   plain build only (quick local runs)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=deploy/deps.sh
. "$root/deploy/deps.sh"
marac_ensure_packages

jobs=$(nproc 2>/dev/null || echo 2)

run_suite() { # name, build dir, extra cmake args...
  local name=$1 dir=$2; shift 2
  echo "== $name build ($dir)"
  cmake -S "$root" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  cmake --build "$dir" -j "$jobs" 2>&1 | grep -E "warning|error" || true
  cmake --build "$dir" -j "$jobs" >/dev/null
  echo "== $name tests"
  (cd "$dir" && ctest --output-on-failure -j "$jobs" --timeout 900)
}

run_suite plain "$root/build"
if [ "${MARAC_SANITIZE:-1}" != 0 ]; then
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1:strict_string_checks=1
  export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
  run_suite "asan+ubsan" "$root/build-asan" -DMARAC_SANITIZE=ON
fi
echo "== all tests passed"
