#!/usr/bin/env bash
# Debian packages the real-cluster tests need beyond `npm run setup`: containerd, runc, the CNI
# plugins, iptables and conntrack for kube-proxy, busybox-static and a static libc for the
# images built locally. Installs only what is missing; one line per package.
set -euo pipefail

# package → a file it installs
declare -A WANT=(
  [containerd]=/usr/bin/containerd
  [runc]=/usr/sbin/runc
  [containernetworking-plugins]=/usr/lib/cni/bridge
  [iptables]=/usr/sbin/iptables
  [conntrack]=/usr/sbin/conntrack
  [busybox-static]=/bin/busybox
  [gcc]=/usr/bin/gcc
  [libc6-dev]=/usr/lib/x86_64-linux-gnu/libc.a
  [haproxy]=/usr/sbin/haproxy
  [nats-server]=/usr/sbin/nats-server
  [openssl]=/usr/bin/openssl
)

missing=()
for pkg in containerd runc containernetworking-plugins iptables conntrack busybox-static gcc libc6-dev haproxy nats-server openssl; do
  if [[ -e "${WANT[$pkg]}" ]]; then
    printf '[test-packages] %s: installed\n' "$pkg" >&2
  else
    printf '[test-packages] %s: missing\n' "$pkg" >&2
    missing+=("$pkg")
  fi
done
if ((${#missing[@]} > 0)); then
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  printf '[test-packages] installing %s\n' "${missing[*]}" >&2
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  printf '[test-packages] installed %s\n' "${missing[*]}" >&2
fi
