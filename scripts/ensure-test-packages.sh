#!/usr/bin/env bash
# Runs before `npm test`. The Docker tests start a private dockerd (Debian: docker.io) and build their
# image from a static busybox (Debian: busybox-static); the TLS test makes throwaway certificates
# (openssl), the ssh:// test runs a throwaway sshd on loopback (openssh-server), the deploy test
# resolves deploy/compose.yaml with docker-compose, and the store tests start their own PostgreSQL
# server (postgresql) and mark a file immutable (chattr: e2fsprogs). As root on
# Debian, install what is missing; otherwise say exactly what (the tests then fail with the same hint).
set -euo pipefail
missing=()
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
[ -x /bin/busybox ] || missing+=(busybox-static)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
[ -x /usr/sbin/sshd ] || missing+=(openssh-server)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing+=(postgresql)
command -v chattr >/dev/null 2>&1 || missing+=(e2fsprogs)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} for the Docker tests (apt-get)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  # The tests start their own daemons; keep the packages from starting system-wide dockerd, sshd
  # (port 22) or PostgreSQL (5432) as a side effect, unless the machine already has a policy of its own.
  guard=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    guard=/usr/sbin/policy-rc.d
    printf '#!/bin/sh\nexit 101\n' > "$guard" && chmod +x "$guard"
    trap 'rm -f "$guard"' EXIT
  fi
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "The Docker tests need: ${missing[*]}. Install them as root with: apt-get install -y ${missing[*]}" >&2
fi
