#!/bin/bash
# data/walkup-hub.service passes `systemd-analyze verify` (skipped where
# systemd-analyze is missing or cannot run, as in some containers).
unit=${1:?usage: check-systemd-unit.sh UNIT PATH-TO-walkup-hub}
hub=${2:?usage: check-systemd-unit.sh UNIT PATH-TO-walkup-hub}
if ! command -v systemd-analyze >/dev/null 2>&1; then
  echo "1..0 # SKIP systemd-analyze is not installed"
  exit 0
fi
hub=$(realpath "$hub")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# verify checks that ExecStart= is executable: point it at this build's hub
sed "s#^ExecStart=[^ ]*/walkup-hub #ExecStart=$hub #" "$unit" > "$tmp/walkup-hub.service"
if ! out=$(systemd-analyze verify --man=no "$tmp/walkup-hub.service" 2>&1); then
  if grep -q "Failed to \(initialize\|connect\|setup\)\|System has not been booted" <<<"$out"; then
    echo "1..0 # SKIP systemd-analyze cannot run here: $(head -n1 <<<"$out")"
    exit 0
  fi
  echo "not ok 1 - systemd-analyze verify"
  sed 's/^/# /' <<<"$out"
  echo "1..1"
  exit 1
fi
# a setting systemd ignores is only a warning: count it as a failure
if grep -q "^$tmp/walkup-hub.service:" <<<"$out"; then
  echo "not ok 1 - systemd-analyze verify"
  sed 's/^/# /' <<<"$out"
  echo "1..1"
  exit 1
fi
echo "ok 1 - systemd-analyze verify walkup-hub.service"
n=1
for key in DynamicUser=yes StateDirectory=walkup ProtectSystem=strict ProtectHome=yes \
           NoNewPrivileges=yes PrivateTmp=yes PrivateDevices=yes 'CapabilityBoundingSet=$' \
           'RestrictAddressFamilies=' 'SystemCallFilter=@system-service'; do
  n=$((n + 1))
  if grep -q "^$key" "$unit"; then echo "ok $n - $key"; else echo "not ok $n - $key"; failed=1; fi
done
echo "1..$n"
exit ${failed:-0}
