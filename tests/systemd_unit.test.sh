#!/usr/bin/env bash
# tests/systemd_unit.test.sh BUILD_DIR SOURCE_DIR: deploy/marac-gateway.service
# carries the hardening the operations issue asks for and passes
# `systemd-analyze verify` with no findings.
#
# Directives (the effective value: the last assignment in [Service]):
# Type=notify, ProtectSystem=strict, NoNewPrivileges=yes, PrivateTmp=yes,
# a User= other than root, CapabilityBoundingSet= empty (every assignment of
# it empty, since non-empty ones add capabilities), ExecReload sends SIGHUP.
#
# verify checks that Exec* programs exist, so it runs on a copy with
# /usr/sbin/marac-gateway pointed at this build. Any line of its output
# naming the unit fails the test (warnings too); lines about other units of
# the host are shown and ignored. A copy with a planted bad directive must
# produce a finding, so a verify that checks nothing cannot pass. SKIP (exit
# 0) only when systemd-analyze is missing or cannot work here at all.
set -euo pipefail
build=$(cd "$1" && pwd); src=$(cd "$2" && pwd)
unit="$src/deploy/marac-gateway.service"
fail=0

python3 - "$unit" <<'PY' || fail=1
import sys
path = sys.argv[1]
section, svc, lines = None, {}, {}
for no, raw in enumerate(open(path), 1):
    l = raw.strip()
    if not l or l[0] in "#;":
        continue
    if l.startswith("[") and l.endswith("]"):
        section = l[1:-1]
        continue
    if section == "Service" and "=" in l:
        k, v = l.split("=", 1)
        svc.setdefault(k.strip(), []).append(v.strip())
        lines.setdefault(k.strip(), []).append(no)
def last(k):
    return svc.get(k, [None])[-1]
checks = [
    ("Type=notify", last("Type") == "notify"),
    ("ProtectSystem=strict", last("ProtectSystem") == "strict"),
    ("NoNewPrivileges=yes", last("NoNewPrivileges") in ("yes", "true", "1", "on")),
    ("PrivateTmp=yes", last("PrivateTmp") in ("yes", "true", "1", "on")),
    ("User= (not root)", last("User") not in (None, "", "root", "0")),
    ("CapabilityBoundingSet= empty", "CapabilityBoundingSet" in svc
        and all(v == "" for v in svc["CapabilityBoundingSet"])),
    ("ExecReload sends SIGHUP", any("-HUP" in v or "-SIGHUP" in v for v in svc.get("ExecReload", []))),
    ("ExecStart runs marac-gateway --config", any("marac-gateway" in v and "--config" in v
        for v in svc.get("ExecStart", []))),
]
bad = 0
for name, ok in checks:
    print(("PASS " if ok else "FAIL ") + name + ("" if ok else "  (in %s [Service])" % path))
    bad += not ok
sys.exit(1 if bad else 0)
PY

if ! command -v systemd-analyze >/dev/null; then
  echo "SKIP systemd-analyze verify: systemd-analyze is not installed"
  exit "$fail"
fi
work=$(mktemp -d /tmp/marac-unit-XXXXXX)
trap 'rm -rf "$work"' EXIT
[ -x "$build/marac-gateway" ] || { echo "FAIL $build/marac-gateway is not built"; exit 1; }
mkdir -p "$work/ok" "$work/bad"
sed "s|/usr/sbin/marac-gateway|$build/marac-gateway|g" "$unit" >"$work/ok/marac-gateway.service"
# Every Exec* program must now exist (verify would say so, but say it clearly).
for p in $(sed -n 's/^Exec[A-Za-z]*=[-@:+!]*\(\/[^ ]*\).*/\1/p' "$work/ok/marac-gateway.service"); do
  [ -x "$p" ] || echo "note: $p does not exist on this machine (verify will report it)"
done
# The planted fault: an invalid ProtectSystem value.
sed 's/^ProtectSystem=.*/ProtectSystem=strictly/' "$work/ok/marac-gateway.service" \
  >"$work/bad/marac-gateway.service"

verify() { # unit file: output of systemd-analyze verify in $out, exit status in $rc
  out=$(cd "$(dirname "$1")" && SYSTEMD_LOG_COLOR=0 systemd-analyze verify --man=no \
    "./$(basename "$1")" 2>&1) && rc=0 || rc=$?
}
# Lines about the unit under test (its name or its file), the rest is the host's.
about_unit() { grep -E "marac-gateway\.service|$1" || true; }

verify "$work/ok/marac-gateway.service"
ours=$(printf '%s\n' "$out" | about_unit "$work/ok")
others=$(printf '%s\n' "$out" | grep -v -E "marac-gateway\.service|$work/ok" | grep . || true)
if [ -z "$ours" ] && [ "$rc" -ne 0 ] && [ -n "$others" ]; then
  # Nothing about our unit, yet a failure: systemd-analyze cannot work here.
  echo "SKIP systemd-analyze verify cannot run on this machine (exit $rc):"
  printf '  %s\n' "$others"
  exit "$fail"
fi
[ -z "$others" ] || { echo "note: ignored, not about this unit:"; printf '  %s\n' "$others"; }
if [ -n "$ours" ] || [ "$rc" -ne 0 ]; then
  echo "FAIL systemd-analyze verify (exit $rc):"; printf '  %s\n' "${ours:-$out}"; fail=1
else
  echo "PASS systemd-analyze verify: no findings"
fi

verify "$work/bad/marac-gateway.service"
if printf '%s\n' "$out" | grep -q "ProtectSystem\|protect system"; then
  echo "PASS systemd-analyze verify reports a planted bad directive"
else
  echo "FAIL systemd-analyze verify did not report a planted bad ProtectSystem value:"
  printf '  %s\n' "$out"; fail=1
fi

# For information: systemd's own exposure estimate (lower is better).
if score=$(systemd-analyze security --offline=true --no-pager \
    "$work/ok/marac-gateway.service" 2>/dev/null | grep -i "overall exposure"); then
  echo "info: ${score#→ }"
fi
exit "$fail"
