#!/usr/bin/env bash
# deploy/test.sh: install missing packages, build, and run the whole test
# suite twice: a plain build, then AddressSanitizer + UndefinedBehaviorSanitizer
# (any ASan/UBSan/LSan report fails the run).
#
#   deploy/test.sh            both builds
#   MARAC_SANITIZE=0 MARAC_TSAN=0 deploy/test.sh   plain build only (quick local runs)
#
# Then the scenario tests once more with the daemon under ThreadSanitizer.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=deploy/deps.sh
. "$root/deploy/deps.sh"
marac_ensure_packages

jobs=$(nproc 2>/dev/null || echo 2)

run_suite() { # name, build dir, ctest exclude regex, extra cmake args...
  local name=$1 dir=$2 exclude=$3; shift 3
  echo "== $name build ($dir)"
  cmake -S "$root" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  # Warnings are errors for our own code: the build log must stay clean.
  if cmake --build "$dir" -j "$jobs" 2>&1 | tee "$dir/build.log" | grep -E "warning:|error:"; then
    echo "marac: the $name build has warnings or errors (above)" >&2
    return 1
  fi
  echo "== $name tests"
  (cd "$dir" && ctest --output-on-failure -j "$jobs" --timeout 900 ${exclude:+-E "$exclude"})
}

# After a sanitized suite: any report file fails the run (printed whether or
# not a test failed), then the suite's own status. label, reports dir, lines
# of each report to print, the suite's exit status.
verdict() {
  if [ -n "$(ls -A "$2")" ]; then
    echo "marac: $1 reports (the run fails):" >&2
    for f in "$2"/*; do echo "---- $f" >&2; head -"$3" "$f" >&2; done
    exit 1
  fi
  [ "$4" -eq 0 ] || exit "$4"
}

# The plain build runs everything: units, scenarios, policy tests, fuzz replay
# and short libFuzzer runs, the crash test and the TLS scan.
run_suite plain "$root/build" ""
if [ "${MARAC_SANITIZE:-1}" != 0 ]; then
  # The same units, scenarios and fuzz replays under ASan+UBSan (the daemon
  # and the CLI are sanitized too; scenario teardown fails on any report).
  # The libFuzzer runs are sanitized already; crash and TLS scan run once.
  # Every report goes to a file as well: Criterion passes a test whose worker
  # process LeakSanitizer flags at exit, so the files are the verdict.
  logs="$root/build-asan/sanitizer-reports"
  rm -rf "$logs" && mkdir -p "$logs"
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1:strict_string_checks=1:log_path=$logs/asan"
  export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:log_path=$logs/ubsan"
  export LSAN_OPTIONS="log_path=$logs/lsan"
  # The reports are printed whether or not a test failed: with log_path a
  # report goes only to its file, so a test the sanitizer stopped shows empty
  # output in ctest's log.
  rc=0
  run_suite "asan+ubsan" "$root/build-asan" "sh_fuzz|sh_crash|sh_tls_scan" -DMARAC_SANITIZE=ON || rc=$?
  verdict sanitizer "$logs" 40 "$rc"
fi
if [ "${MARAC_TSAN:-1}" != 0 ]; then
  # The scenario tests again with the daemon built under ThreadSanitizer
  # (reload races: SIGHUP under load). A report in a daemon's log fails its
  # test; the reports also go to files, and any file fails the run.
  tlogs="$root/build-tsan/tsan-reports"
  rm -rf "$tlogs" && mkdir -p "$tlogs"
  unset ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS
  export TSAN_OPTIONS="halt_on_error=0:second_deadlock_stack=1:log_path=$tlogs/tsan"
  rc=0
  run_suite "tsan (scenarios)" "$root/build-tsan" "^(unit_|sh_|replay_|redaction_)" -DMARAC_TSAN=ON || rc=$?
  verdict ThreadSanitizer "$tlogs" 60 "$rc"
fi
echo "== all tests passed"
