#!/usr/bin/env bash
# deploy/deps.sh: make sure the Debian 12 packages marac-gateway needs are
# installed. As root it installs what is missing with apt-get; otherwise it
# prints the exact apt-get line and exits 1. Sourced by test.sh and demo.sh;
# run it alone to check a machine.
set -euo pipefail

MARAC_PACKAGES=(
  build-essential cmake pkg-config git
  libwebsockets-dev libprotobuf-c-dev protobuf-c-compiler
  libssl-dev openssl libsqlite3-dev sqlite3 libyaml-dev libjansson-dev libsystemd-dev
  libcriterion-dev
  clang libclang-rt-14-dev    # libFuzzer targets and sanitizer runtimes
  python3                     # build: the lexicon generator; small JSON checks in the shell tests
  python3-protobuf protobuf-compiler  # tests/interop: a client in another language (Python) from proto/README.md
  testssl.sh                  # the TLS scan test
  wbritish miscfiles libtext-names-perl  # the name lexicon (gateway/redact/lexicon.h), read at build time
  chromium                    # the agenda HTML render test (headless)
  mosquitto libmosquitto-dev  # tests/bench/bench_vs_mosquitto: the broker it is measured against
)

marac_missing_packages() {
  local p missing=()
  for p in "${MARAC_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  echo "${missing[@]:-}"
}

marac_ensure_packages() {
  local missing
  missing=$(marac_missing_packages)
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "marac: missing Debian packages. Install them with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y $missing" >&2
    return 1
  fi
  echo "marac: installing: $missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  marac_ensure_packages && echo "marac: all packages present"
fi
