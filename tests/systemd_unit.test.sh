#!/usr/bin/env bash
# tests/systemd_unit.test.sh BUILD_DIR SOURCE_DIR: deploy/marac-gateway.service
# passes `systemd-analyze verify` (with the binary paths pointed at this
# build, since verify checks that ExecStart programs exist) with no output,
# and carries the hardening the operations issue asks for.
set -euo pipefail
build=$(cd "$1" && pwd); src=$(cd "$2" && pwd)
unit="$src/deploy/marac-gateway.service"
fail=0
for want in "Type=notify" "ProtectSystem=strict" "NoNewPrivileges=yes" "PrivateTmp=yes" \
            "User=marac" "CapabilityBoundingSet=" "ExecReload=/bin/kill -HUP"; do
  if grep -qx "$want.*" "$unit" && { [ "$want" != "CapabilityBoundingSet=" ] ||
       grep -qx "CapabilityBoundingSet=" "$unit"; }; then
    echo "PASS $want"
  else
    echo "FAIL $unit lacks $want"; fail=1
  fi
done
if ! command -v systemd-analyze >/dev/null; then
  echo "SKIP systemd-analyze verify: systemd-analyze is not installed"
  exit "$fail"
fi
work=$(mktemp -d /tmp/marac-unit-XXXXXX)
trap 'rm -rf "$work"' EXIT
sed "s|/usr/sbin/marac-gateway|$build/marac-gateway|g" "$unit" >"$work/marac-gateway.service"
out=$(systemd-analyze verify "$work/marac-gateway.service" 2>&1) && rc=0 || rc=$?
if [ "$rc" -ne 0 ] || [ -n "$out" ]; then
  echo "FAIL systemd-analyze verify (exit $rc):"; echo "$out"; fail=1
else
  echo "PASS systemd-analyze verify: no findings"
fi
exit "$fail"
