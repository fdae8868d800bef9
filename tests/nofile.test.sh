#!/usr/bin/env bash
# tests/nofile.test.sh BUILD_DIR SOURCE_DIR: connections at scale.
#   - started with a soft RLIMIT_NOFILE below the hard limit, the daemon
#     raises the soft limit to the hard one (at most 262144) and logs
#     nofile_raised: without it a large max_connections would meet EMFILE;
#   - limits.max_connections accepts 65536 and refuses 65537 (--check-config);
#   - with a hard limit too low for max_connections, the daemon still starts
#     and logs nofile_too_low with what it needs.
set -euo pipefail
build=$(cd "$1" && pwd); src=$(cd "$2" && pwd)
work=$(mktemp -d /tmp/marac-nofile-XXXXXX)
gw=
trap '[ -n "$gw" ] && kill -9 "$gw" 2>/dev/null; rm -rf "$work"' EXIT
MARAC_POLICY="$src/policy/default.yaml" bash "$src/certs/gen.sh" "$work/pki"
cfg="$work/pki/gateway.yaml"
with_limit() { # N: a copy of the config with limits.max_connections N
  sed "s/^nodes:/limits:\n  max_connections: $1\nnodes:/" "$cfg" >"$work/pki/gw-$1.yaml"
  echo "$work/pki/gw-$1.yaml"
}
stop() { kill "$gw"; wait "$gw" 2>/dev/null || true; gw=; }
fail=0

hard=$(ulimit -Hn)
[ "$hard" = unlimited ] && hard=1048576
want=$(( hard < 262144 ? hard : 262144 ))
if [ "$want" -le 256 ]; then
  echo "SKIP raise: hard limit $hard leaves nothing to raise"
else
  rm -f "$work/pki/port"
  (ulimit -Sn 256; exec "$build/marac-gateway" --config "$cfg" 2>"$work/gw.log") &
  gw=$!
  for _ in $(seq 100); do [ -s "$work/pki/port" ] && break; sleep 0.1; done
  soft=$(awk '/^Max open files/ {print $4}' "/proc/$gw/limits")
  if [ "$soft" = "$want" ] && grep -q '"event":"nofile_raised".*"from":"256"' "$work/gw.log"; then
    echo "PASS soft RLIMIT_NOFILE 256 raised to $soft and logged"
  else
    echo "FAIL soft limit $soft (want $want)"; grep nofile "$work/gw.log" || true; fail=1
  fi
  stop
fi

if "$build/marac-gateway" --config "$(with_limit 65536)" --check-config >/dev/null &&
   ! "$build/marac-gateway" --config "$(with_limit 65537)" --check-config 2>"$work/check.err" &&
   grep -q max_connections "$work/check.err"; then
  echo "PASS max_connections 65536 accepted, 65537 refused"
else
  echo "FAIL max_connections bounds"; cat "$work/check.err"; fail=1
fi

rm -f "$work/pki/port"
(ulimit -n 512; exec "$build/marac-gateway" --config "$(with_limit 4000)" 2>"$work/gw.log") &
gw=$!
for _ in $(seq 100); do [ -s "$work/pki/port" ] && break; sleep 0.1; done
if kill -0 "$gw" 2>/dev/null &&
   grep -q '"event":"nofile_too_low","limit":"512","needed":"8064"' "$work/gw.log"; then
  echo "PASS a hard limit of 512 for 4000 connections is warned about, and the daemon serves"
else
  echo "FAIL no nofile_too_low warning"; cat "$work/gw.log"; fail=1
fi
stop
exit "$fail"
