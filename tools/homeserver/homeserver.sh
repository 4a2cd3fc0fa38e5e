#!/usr/bin/env bash
# The project's local Matrix homeserver: Synapse from Debian's package, run in
# its own root filesystem.
#
#   tools/homeserver/homeserver.sh start|stop|status|reset|url
#
# - The root filesystem is built once with mmdebstrap (Debian sid has the
#   matrix-synapse package) and cached outside the clone, in
#   ${SBD_CACHE_DIR:-~/.cache/safety-by-design-chat}/synapse-rootfs.
# - Each instance ("demo" on 127.0.0.1:8008, "test" on 127.0.0.1:8118; choose
#   with HOMESERVER_INSTANCE and HOMESERVER_PORT) keeps its data (database,
#   keys, media, logs) in .local/homeserver/<instance>/ in the clone. That
#   folder is bind-mounted at /data inside a private mount namespace, so no
#   mount outlives the process and two instances never see each other's data.
# - With MATRIX_HOMESERVER_URL set, nothing is provisioned: the script only
#   checks that the given homeserver answers.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
instance=${HOMESERVER_INSTANCE:-demo}
case "$instance" in
  demo) default_port=8008 ;;
  test) default_port=8118 ;;
  integration) default_port=8128 ;;
  *) default_port=8008 ;;
esac
port=${HOMESERVER_PORT:-$default_port}
server_name=${HOMESERVER_SERVER_NAME:-localhost}
cache=${SBD_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/safety-by-design-chat}
rootfs="$cache/synapse-rootfs"
data="$repo/.local/homeserver/$instance"
url="http://127.0.0.1:$port"

say() { printf '[homeserver:%s] %s\n' "$instance" "$*" >&2; }
die() { say "$*"; exit 1; }

answers() { curl -sf -m 2 "$1/_matrix/client/versions" >/dev/null 2>&1; }

pid_alive() {
  [ -f "$data/synapse.pid" ] || return 1
  local pid
  pid=$(cat "$data/synapse.pid")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# The apt mirror this machine already uses. Read at run time: the repository
# must never name a mirror host.
machine_mirror() {
  local m=""
  if compgen -G "/etc/apt/sources.list.d/*.sources" >/dev/null; then
    m=$(grep -h '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v -- '-security' | head -n 1 || true)
  fi
  if [ -z "$m" ] && [ -f /etc/apt/sources.list ]; then
    m=$(grep -E '^deb ' /etc/apt/sources.list | awk '{print $2}' | grep -v -- '-security' | head -n 1 || true)
  fi
  [ -n "$m" ] || die "cannot find a Debian mirror in this machine's apt sources; set SBD_DEBIAN_MIRROR"
  printf '%s' "${SBD_DEBIAN_MIRROR:-$m}"
}

cannot_provision() {
  cat >&2 <<EOF
[homeserver:$instance] Cannot provision a local homeserver here: $1
Do one of these:
  - run as root on Debian or Ubuntu (the script installs mmdebstrap with apt and
    builds Synapse's root filesystem once, about 450 MB, in $cache);
  - point the project at a homeserver you already run:
      export MATRIX_HOMESERVER_URL=https://matrix.example.org
      export MATRIX_REGISTRATION_SHARED_SECRET=...   # for the demo accounts
  - with Docker: docker run -d -p 127.0.0.1:$port:8008 -v "$data:/data" matrixdotorg/synapse
    (render the config first with: tools/homeserver/homeserver.sh render), then set
    MATRIX_HOMESERVER_URL=$url
EOF
  exit 2
}

ensure_rootfs() {
  if [ -x "$rootfs/usr/bin/python3" ] && [ -f "$rootfs/.complete" ]; then return 0; fi
  [ "$(id -u)" = 0 ] || cannot_provision "building the root filesystem needs root"
  command -v apt-get >/dev/null || cannot_provision "no apt-get on this machine"
  if ! command -v mmdebstrap >/dev/null; then
    say "installing mmdebstrap with apt-get"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mmdebstrap) >&2 \
      || cannot_provision "apt-get install mmdebstrap failed"
  fi
  local mirror tmp
  mirror=$(machine_mirror)
  tmp="$rootfs.partial"
  rm -rf "$tmp"
  mkdir -p "$cache"
  say "building Synapse's root filesystem (Debian sid, once; about a minute)"
  mmdebstrap --quiet --variant=apt --aptopt='Acquire::Check-Valid-Until "false"' \
    --include=matrix-synapse,curl sid "$tmp" "$mirror" >&2 \
    || die "mmdebstrap failed; see the output above"
  mkdir -p "$tmp/data"
  touch "$tmp/.complete"
  rm -rf "$rootfs"
  mv "$tmp" "$rootfs"
}

random_secret() { head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n'; }

# Runs a command inside the root filesystem with this instance's data at /data.
in_rootfs() {
  unshare --mount --propagation private -- /bin/sh -c '
    mount --bind "$1" "$2/data" || exit 1
    mount -t proc proc "$2/proc" 2>/dev/null || true
    rootfs=$2; shift 2
    exec chroot "$rootfs" "$@"
  ' in_rootfs "$data" "$rootfs" "$@"
}

render_config() {
  mkdir -p "$data"
  if [ ! -f "$data/secrets.env" ]; then
    {
      echo "REGISTRATION_SHARED_SECRET=$(random_secret)"
      echo "MACAROON_SECRET_KEY=$(random_secret)"
      echo "FORM_SECRET=$(random_secret)"
    } >"$data/secrets.env"
    chmod 600 "$data/secrets.env"
  fi
  # shellcheck disable=SC1091
  . "$data/secrets.env"
  sed -e "s|@SERVER_NAME@|$server_name|g" -e "s|@PORT@|$port|g" \
    -e "s|@REGISTRATION_SHARED_SECRET@|$REGISTRATION_SHARED_SECRET|g" \
    -e "s|@MACAROON_SECRET_KEY@|$MACAROON_SECRET_KEY|g" \
    -e "s|@FORM_SECRET@|$FORM_SECRET|g" \
    "$here/homeserver.template.yaml" >"$data/homeserver.yaml"
  cp "$here/log.template.yaml" "$data/log.config"
  # What the project's Node tools need to reach this instance.
  cat >"$data/instance.json" <<EOF
{
  "homeserverUrl": "$url",
  "serverName": "$server_name",
  "registrationSharedSecret": "$REGISTRATION_SHARED_SECRET",
  "dataDir": "$data"
}
EOF
}

start() {
  if [ -n "${MATRIX_HOMESERVER_URL:-}" ]; then
    answers "$MATRIX_HOMESERVER_URL" || die "MATRIX_HOMESERVER_URL=$MATRIX_HOMESERVER_URL does not answer /_matrix/client/versions"
    say "using the existing homeserver at $MATRIX_HOMESERVER_URL"
    return 0
  fi
  if pid_alive && answers "$url"; then
    say "already running at $url (pid $(cat "$data/synapse.pid"))"
    return 0
  fi
  if answers "$url"; then
    die "something else already answers at $url; stop it or set HOMESERVER_PORT"
  fi
  [ "$(id -u)" = 0 ] || cannot_provision "running Synapse in its root filesystem needs root (chroot)"
  ensure_rootfs
  render_config
  if [ ! -f "$data/signing.key" ]; then
    in_rootfs python3 -m synapse.app.homeserver -c /data/homeserver.yaml --generate-keys >>"$data/synapse.out.log" 2>&1 \
      || die "generating the signing key failed; see $data/synapse.out.log"
  fi
  say "starting Synapse at $url (logs: $data/homeserver.log)"
  # setsid: its own process group, so Ctrl-C in a terminal that started the
  # demo reaches the demo tool, which stops Synapse cleanly through this script.
  setsid bash -c "$(declare -f in_rootfs); data='$data'; rootfs='$rootfs'; \
    in_rootfs python3 -m synapse.app.homeserver -c /data/homeserver.yaml" \
    >>"$data/synapse.out.log" 2>&1 </dev/null &
  echo $! >"$data/synapse.pid"
  local waited=0
  until answers "$url"; do
    if ! pid_alive; then
      tail -n 30 "$data/synapse.out.log" >&2 || true
      die "Synapse exited during start-up; see $data/synapse.out.log and $data/homeserver.log"
    fi
    sleep 0.5
    waited=$((waited + 1))
    [ "$waited" -lt 240 ] || die "Synapse did not answer within 120 s; see $data/homeserver.log"
  done
  say "ready at $url"
}

stop() {
  if [ -n "${MATRIX_HOMESERVER_URL:-}" ]; then say "external homeserver: nothing to stop"; return 0; fi
  if ! pid_alive; then
    rm -f "$data/synapse.pid"
    say "not running"
    return 0
  fi
  local pid waited=0
  pid=$(cat "$data/synapse.pid")
  # The pid is the process group leader (setsid): signal the whole group.
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do
    sleep 0.2
    waited=$((waited + 1))
    if [ "$waited" -ge 100 ]; then
      say "Synapse did not stop in 20 s; killing it"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  rm -f "$data/synapse.pid"
  say "stopped"
}

status() {
  if [ -n "${MATRIX_HOMESERVER_URL:-}" ]; then
    answers "$MATRIX_HOMESERVER_URL" && { say "external homeserver answers at $MATRIX_HOMESERVER_URL"; return 0; }
    say "external homeserver at $MATRIX_HOMESERVER_URL does not answer"; return 1
  fi
  if pid_alive && answers "$url"; then say "running at $url (pid $(cat "$data/synapse.pid"))"; return 0; fi
  if pid_alive; then say "starting (pid $(cat "$data/synapse.pid")), not answering yet"; return 1; fi
  say "not running"; return 3
}

reset() {
  stop
  rm -rf "$data"
  say "data removed ($data); the next start begins from an empty homeserver"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  restart) stop; start ;;
  status) status ;;
  reset) reset ;;
  render) render_config; say "config rendered in $data" ;;
  rootfs) ensure_rootfs; say "root filesystem ready at $rootfs" ;;
  url) printf '%s\n' "${MATRIX_HOMESERVER_URL:-$url}" ;;
  *) echo "usage: $0 start|stop|restart|status|reset|render|rootfs|url" >&2; exit 64 ;;
esac
