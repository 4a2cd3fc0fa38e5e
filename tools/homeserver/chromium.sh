#!/usr/bin/env bash
# Debian's Chromium in a root filesystem of its own, for the e2e tests on
# machines whose Chromium is a snap stub (Ubuntu and its derivatives) or that
# cannot install Debian's package (no root). tools/bootstrap.mjs uses it when
# lib.sh's chromium_plan says "rootfs".
#
#   tools/homeserver/chromium.sh build        build it once (mmdebstrap; as root,
#                                             or rootless with user namespaces)
#   tools/homeserver/chromium.sh launch ARGS  run it (CHROMIUM_PATH points at
#                                             chromium-launch, which calls this)
#
# Cached in ${SBD_CACHE_DIR:-~/.cache/safety-by-design-chat}/chromium-rootfs
# (SBD_CHROMIUM_ROOTFS names another), from Debian stable on the mirror that
# lib.sh finds (or SBD_DEBIAN_MIRROR).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"
rootfs=$(chromium_rootfs)
suite=stable

build() {
  if [ -x "$rootfs/usr/bin/chromium" ] && [ -f "$rootfs/.complete" ]; then
    echo "[chromium] ready in $rootfs" >&2
    return 0
  fi
  command -v mmdebstrap >/dev/null || {
    echo "[chromium] needs mmdebstrap (apt-get install $(build_host_packages))" >&2
    exit 1
  }
  local mirror tmp="$rootfs.partial" mode=root
  mirror=$(find_debian_mirror "$suite") || exit 1
  [ "$(id -u)" = 0 ] || mode=unshare
  mkdir -p "$(dirname "$rootfs")"
  rm -rf "$tmp"
  echo "[chromium] building Debian's Chromium ($suite) in $rootfs (once; a few minutes)" >&2
  # shellcheck disable=SC2046
  mmdebstrap --quiet --mode="$mode" --variant=apt $(mmdebstrap_keyring_args) \
    --include=chromium,fonts-dejavu-core,fonts-liberation2 \
    "$suite" "$tmp" "$mirror" >&2
  touch "$tmp/.complete"
  rm -rf "$rootfs"
  mv "$tmp" "$rootfs"
}

# Chromium sees the host's /tmp (Playwright's profile and downloads), /dev,
# /proc and /sys; everything else is Debian's. Without root, a user namespace
# maps this user to root for the mounts and the chroot.
launch() {
  [ -x "$rootfs/usr/bin/chromium" ] || {
    echo "[chromium] no Chromium in $rootfs; run: bash tools/homeserver/chromium.sh build" >&2
    exit 1
  }
  local userns=()
  [ "$(id -u)" = 0 ] || userns=(--user --map-root-user)
  exec unshare "${userns[@]}" --mount --propagation private -- /bin/sh -c '
    PATH=$PATH:/usr/sbin:/sbin
    r=$1
    shift
    for d in /tmp /dev /proc /sys; do mount --rbind "$d" "$r$d" || exit 1; done
    exec chroot "$r" /usr/bin/chromium "$@"
  ' launch "$rootfs" "$@"
}

case "${1:-}" in
  build) build ;;
  launch) shift; launch "$@" ;;
  path) printf '%s\n' "$here/chromium-launch" ;;
  *) echo "usage: $0 build|launch ARGS|path" >&2; exit 64 ;;
esac
