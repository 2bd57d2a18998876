#!/usr/bin/env bash
# Runs before `npm test`. The Docker tests start a private dockerd (Debian: docker.io) and build their
# image from a static busybox (Debian: busybox-static); the ssh:// test runs a throwaway sshd on
# loopback (Debian: openssh-server). As root on Debian, install them if missing;
# otherwise say exactly what is missing (the Docker tests then fail with the same hint).
set -euo pipefail
missing=()
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
[ -x /bin/busybox ] || missing+=(busybox-static)
[ -x /usr/sbin/sshd ] || missing+=(openssh-server)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} for the Docker tests (apt-get)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "The Docker tests need: ${missing[*]}. Install them as root with: apt-get install -y ${missing[*]}" >&2
fi
