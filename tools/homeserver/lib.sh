# tools/homeserver, shell library: the decisions homeserver.sh makes about the
# machine it runs on, as functions that tools/homeserver/homeserver-lib.test.ts
# runs against fake machines (an Ubuntu os-release, apt sources without a
# Debian mirror, a stale root filesystem).
#
# Sourced, not run. Reads these overridable inputs:
#   SBD_OS_RELEASE       the os-release file (default /etc/os-release)
#   SBD_APT_DIR          apt's configuration folder (default /etc/apt)
#   SBD_DEBIAN_MIRROR    a Debian mirror (or a dated snapshot) to use instead
#                        of the ones in this machine's apt sources
# Never names a mirror host: mirrors come from the machine or the environment.

lib_here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# The pinned Synapse (SYNAPSE_VERSION, SYNAPSE_SUITE).
# shellcheck source=synapse.pin
. "$lib_here/synapse.pin"

# One field of os-release (ID, ID_LIKE, VERSION_CODENAME, ...), unquoted.
os_release_field() {
  local file=${SBD_OS_RELEASE:-/etc/os-release}
  [ -f "$file" ] || return 0
  sed -n "s/^$1=//p" "$file" | head -n 1 | tr -d '"'"'"
}

# "debian" on Debian itself; "derivative" on Ubuntu, Mint, Pop!_OS and every
# other system whose ID_LIKE names debian or ubuntu; "other" elsewhere.
host_family() {
  local id like
  id=$(os_release_field ID)
  like=$(os_release_field ID_LIKE)
  if [ "$id" = debian ]; then
    echo debian
  elif [ "$id" = ubuntu ] || [[ " $like " == *" debian "* ]] || [[ " $like " == *" ubuntu "* ]]; then
    echo derivative
  else
    echo other
  fi
}

# Every archive URI in this machine's apt sources (one-line .list files and
# deb822 .sources files), in order, security archives left out.
apt_source_uris() {
  local dir=${SBD_APT_DIR:-/etc/apt} file
  {
    for file in "$dir/sources.list" "$dir"/sources.list.d/*.list; do
      [ -f "$file" ] || continue
      sed -n -E 's/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+).*/\2/p' "$file"
    done
    for file in "$dir"/sources.list.d/*.sources; do
      [ -f "$file" ] || continue
      awk '/^URIs:/ { for (i = 2; i <= NF; i++) print $i }' "$file"
    done
  } | grep -v -E -- '-security|/security' | awk '!seen[$0]++'
}

# True when URI is a Debian archive that has SUITE. Tests replace it.
mirror_has_suite() {
  curl -sf -m 15 -o /dev/null "${1%/}/dists/$2/InRelease" \
    || curl -sf -m 15 -o /dev/null "${1%/}/dists/$2/Release"
}

# Prints the Debian mirror to build from: SBD_DEBIAN_MIRROR when set, else the
# first of this machine's apt sources that has the pinned suite. Fails with a
# message that names SBD_DEBIAN_MIRROR (an Ubuntu archive has no Debian sid).
find_debian_mirror() {
  local suite=${1:-$SYNAPSE_SUITE} uri tried=()
  if [ -n "${SBD_DEBIAN_MIRROR:-}" ]; then
    if mirror_has_suite "$SBD_DEBIAN_MIRROR" "$suite"; then
      printf '%s\n' "${SBD_DEBIAN_MIRROR%/}"
      return 0
    fi
    printf 'SBD_DEBIAN_MIRROR=%s has no Debian suite "%s" (no dists/%s/Release there).\n' \
      "$SBD_DEBIAN_MIRROR" "$suite" "$suite" >&2
    return 1
  fi
  while IFS= read -r uri; do
    [ -n "$uri" ] || continue
    tried+=("$uri")
    if mirror_has_suite "$uri" "$suite"; then
      printf '%s\n' "${uri%/}"
      return 0
    fi
  done < <(apt_source_uris)
  {
    printf 'No Debian mirror with the suite "%s" in this machine'"'"'s apt sources' "$suite"
    if [ "${#tried[@]}" -gt 0 ]; then printf ' (tried: %s)' "${tried[*]}"; fi
    printf '.\n'
    if [ "$(host_family)" = derivative ]; then
      printf 'This is %s, whose own archive has no Debian "%s".\n' \
        "$(os_release_field NAME)" "$suite"
    fi
    printf 'Set SBD_DEBIAN_MIRROR to a Debian mirror your network reaches (the folder that holds dists/), for example:\n'
    printf '  SBD_DEBIAN_MIRROR=http://<your Debian mirror>/debian npm start\n'
  } >&2
  return 1
}

# mmdebstrap's extra options for this host: outside Debian, apt does not trust
# Debian's archive keys until they are named (Ubuntu's debian-archive-keyring).
mmdebstrap_keyring_args() {
  if [ "$(host_family)" != debian ]; then
    echo "--keyring=/usr/share/keyrings/debian-archive-keyring.gpg"
  fi
}

# The host packages building the root filesystem needs, for apt-get install.
build_host_packages() {
  if [ "$(host_family)" = debian ]; then
    echo "mmdebstrap"
  else
    echo "mmdebstrap debian-archive-keyring"
  fi
}

# The installed version of a package in a root filesystem (empty if none),
# read from dpkg's status file without entering the root filesystem.
rootfs_package_version() {
  local status="$1/var/lib/dpkg/status"
  [ -f "$status" ] || return 0
  awk -v pkg="$2" '
    /^Package: / { name = $2 }
    /^Status: / { ok = ($0 ~ / installed$/) }
    /^Version: / && name == pkg && ok { print $2; exit }
  ' "$status"
}

# Fails, with what to do, when the root filesystem's Synapse is not the pin.
check_synapse_pin() {
  local found
  found=$(rootfs_package_version "$1" matrix-synapse)
  if [ "$found" = "$SYNAPSE_VERSION" ]; then return 0; fi
  {
    printf 'The root filesystem at %s has matrix-synapse %s; the project pins %s (tools/homeserver/synapse.pin).\n' \
      "$1" "${found:-(none)}" "$SYNAPSE_VERSION"
    printf 'Rebuild it with: bash tools/homeserver/homeserver.sh rootfs --rebuild\n'
  } >&2
  return 1
}

# --- The e2e browser -------------------------------------------------------

# Debian's Chromium in a root filesystem of its own, for machines whose
# Chromium is a snap (Ubuntu) or that have none and no root (chromium.sh).
chromium_rootfs() {
  printf '%s\n' "${SBD_CHROMIUM_ROOTFS:-${SBD_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/safety-by-design-chat}/chromium-rootfs}"
}

# True for Ubuntu's chromium / chromium-browser, which only hand over to the
# snap (a container or CI machine without snapd cannot run it).
is_snap_stub() {
  local real
  real=$(readlink -f "$1")
  case "$real" in /snap/*) return 0 ;; esac
  grep -Iq . "$real" 2>/dev/null && grep -Eq '/snap/|snap (run|install)' "$real"
}

# How tools/bootstrap.mjs gets the browser for the e2e tests, one line:
#   "path FILE"  a usable Chromium (CHROMIUM_PATH, or chromium on PATH)
#   "apt"        install Debian's chromium package (Debian, as root)
#   "rootfs"     Debian's Chromium in its own root filesystem (chromium.sh)
chromium_plan() {
  if [ -n "${CHROMIUM_PATH:-}" ]; then
    echo "path $CHROMIUM_PATH"
    return 0
  fi
  local name file
  for name in chromium chromium-browser; do
    file=$(command -v "$name" 2>/dev/null) || continue
    is_snap_stub "$file" && continue
    echo "path $file"
    return 0
  done
  if [ -x "$(chromium_rootfs)/usr/bin/chromium" ]; then
    echo rootfs
  elif [ "$(host_family)" = debian ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo apt
  else
    echo rootfs
  fi
}
