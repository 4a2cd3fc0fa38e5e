#!/usr/bin/env bash
# The project's local Matrix homeserver: Synapse from Debian's package, run in
# its own root filesystem.
#
#   tools/homeserver/homeserver.sh start|stop|restart|status|reset|url
#   tools/homeserver/homeserver.sh rootfs [--rebuild]   build the root filesystem
#   tools/homeserver/homeserver.sh render                only write the config
#   tools/homeserver/homeserver.sh docker                config + signing key for
#                                                        the official Docker image
#
# - The root filesystem is built once with mmdebstrap (Debian sid has the
#   matrix-synapse package; the version is pinned in synapse.pin and checked at
#   every start) and cached outside the clone, in
#   ${SBD_CACHE_DIR:-~/.cache/safety-by-design-chat}/ (SBD_SYNAPSE_ROOTFS
#   names another one). The Debian mirror comes from this machine's apt
#   sources or SBD_DEBIAN_MIRROR (lib.sh).
# - HOMESERVER_DATABASE=postgres runs the instance on PostgreSQL (Debian's
#   package, in the same root filesystem, one cluster per instance in its data
#   folder, reached over a Unix socket only); the default is SQLite.
# - HOMESERVER_FEDERATION_ADDRESS=127.0.0.N (with HOMESERVER_FEDERATION_PEERS)
#   makes the instance federate with the named peers over TLS on that loopback
#   alias, its server name "127.0.0.N:8448", certificates from the clone's
#   local CA (federation.template.yaml; docs/setup.md, "Federation").
# - Each instance ("demo" on 127.0.0.1:8008, "test" on 127.0.0.1:8118, "test-b"
#   on 8138, "integration" on 8128, "integration-b" on 8148; choose
#   with HOMESERVER_INSTANCE and HOMESERVER_PORT) keeps its data (database,
#   keys, media, logs) in .local/homeserver/<instance>/ in the clone. That
#   folder is bind-mounted at /data inside a private mount namespace, so no
#   mount outlives the process and two instances never see each other's data.
# - With MATRIX_HOMESERVER_URL set, nothing is provisioned: the script only
#   checks that the given homeserver answers.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"
instance=${HOMESERVER_INSTANCE:-demo}
case "$instance" in
  demo) default_port=8008 ;;
  test) default_port=8118 ;;
  test-b) default_port=8138 ;;
  integration) default_port=8128 ;;
  integration-b) default_port=8148 ;;
  *) default_port=8008 ;;
esac
port=${HOMESERVER_PORT:-$default_port}
server_name=${HOMESERVER_SERVER_NAME:-localhost}
cache=${SBD_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/safety-by-design-chat}
# Per pinned version: a pin change builds a new one and keeps the old.
rootfs=${SBD_SYNAPSE_ROOTFS:-$cache/synapse-$SYNAPSE_VERSION}
# HOMESERVER_DATABASE=postgres|sqlite; unset, an instance keeps what it was
# made with (instance.json), so a later `npm start` does not silently switch.
database=${HOMESERVER_DATABASE:-}
if [ -z "$database" ]; then
  database=sqlite
  grep -qs '"database": "postgres"' "$repo/.local/homeserver/$instance/instance.json" && database=postgres
fi
case "$database" in
  sqlite | postgres) ;;
  *) echo "HOMESERVER_DATABASE must be sqlite or postgres, not '$database'" >&2; exit 64 ;;
esac
data="$repo/.local/homeserver/$instance"
url="http://127.0.0.1:$port"
# Federation (off by default): this instance's loopback alias for other
# servers (127.0.0.2, ...), its TLS port there, and the peers' server names.
# Its server name is then "<address>:<port>" unless HOMESERVER_SERVER_NAME says.
federation_address=${HOMESERVER_FEDERATION_ADDRESS:-}
federation_port=${HOMESERVER_FEDERATION_PORT:-8448}
if [ -n "$federation_address" ]; then
  case "$federation_address" in
    127.*) ;;
    *) echo "HOMESERVER_FEDERATION_ADDRESS must be a loopback address (127.0.0.0/8), not '$federation_address'" >&2; exit 64 ;;
  esac
  [ -n "${HOMESERVER_FEDERATION_PEERS:-}" ] || { echo "HOMESERVER_FEDERATION_PEERS must name the peers' server names (comma-separated)" >&2; exit 64; }
  server_name=${HOMESERVER_SERVER_NAME:-$federation_address:$federation_port}
fi
# The project's local certificate authority for federation, shared by the
# clone's instances (so every peer trusts every other) and by nothing else.
ca_dir="$repo/.local/homeserver/federation-ca"

say() { printf '[homeserver:%s] %s\n' "$instance" "$*" >&2; }
die() { say "$*"; exit 1; }

answers() { curl -sf -m 2 "$1/_matrix/client/versions" >/dev/null 2>&1; }

pid_alive() {
  [ -f "$data/synapse.pid" ] || return 1
  local pid
  pid=$(cat "$data/synapse.pid")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
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
  - with Docker or Podman and the official Synapse image (docs/setup.md):
      tools/homeserver/homeserver.sh docker    # writes the config and signing key,
                                               # prints the compose command
EOF
  exit 2
}

rootfs_ready() { [ -x "$rootfs/usr/bin/python3" ] && [ -f "$rootfs/.complete" ]; }

# Builds the root filesystem once (or again with --rebuild), under a lock so
# two instances starting together build it once.
ensure_rootfs() {
  local rebuild=${1:-}
  if [ -z "$rebuild" ] && rootfs_ready; then return 0; fi
  can_chroot || cannot_provision "building the root filesystem needs root or user namespaces (on Ubuntu 24.04 and later AppArmor restricts them: sysctl kernel.apparmor_restrict_unprivileged_userns=0)"
  command -v apt-get >/dev/null || cannot_provision "no apt-get on this machine"
  [ "$(id -u)" = 0 ] || command -v mmdebstrap >/dev/null \
    || cannot_provision "without root the build needs mmdebstrap installed once by an administrator (apt-get install $(build_host_packages))"
  mkdir -p "$(dirname "$rootfs")"
  exec 9>"$rootfs.lock"
  flock 9
  if [ -z "$rebuild" ] && rootfs_ready; then return 0; fi
  local host_packages missing="" package
  host_packages=$(build_host_packages)
  for package in $host_packages; do
    [ "$(id -u)" = 0 ] || break
    dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"
  done
  if [ -n "$missing" ]; then
    say "installing$missing with apt-get"
    # shellcheck disable=SC2086
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing) >&2 \
      || cannot_provision "apt-get install$missing failed"
  fi
  local mirror tmp
  mirror=$(find_debian_mirror "$SYNAPSE_SUITE") || die "no Debian mirror; see above"
  tmp="$rootfs.partial"
  rm -rf "$tmp"
  say "building Synapse's root filesystem (matrix-synapse $SYNAPSE_VERSION from Debian $SYNAPSE_SUITE, once; a few minutes)"
  # Without root, mmdebstrap builds in a user namespace into a tarball, which
  # unpacks owned by this user (root inside the namespace in_rootfs opens).
  local target=$tmp mode=root
  if [ "$(id -u)" != 0 ]; then target=$tmp.tar; mode=unshare; fi
  # shellcheck disable=SC2046
  mmdebstrap --quiet --mode="$mode" --variant=apt --aptopt='Acquire::Check-Valid-Until "false"' \
    $(mmdebstrap_keyring_args) \
    --include="matrix-synapse=$SYNAPSE_VERSION,curl,ca-certificates,openssl,postgresql" \
    "$SYNAPSE_SUITE" "$target" "$mirror" >&2 \
    || die "mmdebstrap failed; see the output above. If it says matrix-synapse $SYNAPSE_VERSION was not found, Debian $SYNAPSE_SUITE has moved on: use a dated snapshot that has it (SBD_DEBIAN_MIRROR) or upgrade the pin (docs/setup.md, \"Upgrading Synapse\")"
  if [ "$mode" = unshare ]; then
    mkdir -p "$tmp"
    tar -C "$tmp" -xf "$target" --no-same-owner --exclude='./dev/*' || die "unpacking $target failed"
    rm -f "$target"
  fi
  mkdir -p "$tmp/data"
  touch "$tmp/.complete"
  rm -rf "$rootfs"
  mv "$tmp" "$rootfs"
  flock -u 9
}

# This instance's TLS key and certificate for its federation address, signed
# by the local CA (made once, with openssl; the CA's key never leaves ca_dir).
federation_certificates() {
  command -v openssl >/dev/null || die "federation needs openssl (apt-get install openssl)"
  mkdir -p "$ca_dir" "$data/tls"
  (
    umask 077
    exec 8>"$ca_dir/.lock"
    flock 8
    if [ ! -f "$ca_dir/ca.crt" ]; then
      openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 \
        -subj "/CN=safety-by-design chat local federation CA" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
        -keyout "$ca_dir/ca.key" -out "$ca_dir/ca.crt" 2>/dev/null
    fi
  ) || die "making the local CA failed"
  if [ ! -f "$data/tls/server.crt" ] || ! openssl x509 -in "$data/tls/server.crt" -noout -checkip "$federation_address" >/dev/null 2>&1 \
    || ! openssl verify -CAfile "$ca_dir/ca.crt" "$data/tls/server.crt" >/dev/null 2>&1; then
    (
      umask 077
      openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
        -subj "/CN=$federation_address" -keyout "$data/tls/server.key" -out "$data/tls/server.csr" 2>/dev/null
      printf 'subjectAltName=IP:%s\nextendedKeyUsage=serverAuth,clientAuth\nbasicConstraints=CA:FALSE\n' \
        "$federation_address" >"$data/tls/server.ext"
      openssl x509 -req -in "$data/tls/server.csr" -CA "$ca_dir/ca.crt" -CAkey "$ca_dir/ca.key" \
        -set_serial "0x$(openssl rand -hex 16)" -days 825 -extfile "$data/tls/server.ext" -out "$data/tls/server.crt" 2>/dev/null
    ) || die "making the TLS certificate for $federation_address failed"
    rm -f "$data/tls/server.csr" "$data/tls/server.ext"
  fi
  cp "$ca_dir/ca.crt" "$data/tls/ca.crt"
}

random_secret() { head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n'; }

# A Synapse signing key (what `--generate-keys` writes): "ed25519", a key id
# "a_" + four letters, and the unpadded base64 of a 32-byte Ed25519 seed.
# Written here for the Docker image, whose run mode never generates one.
write_signing_key() {
  local id seed
  # 256 random bytes hold about 50 letters; a pipe that stops reading early
  # would fail under pipefail.
  id=$(head -c 256 /dev/urandom | LC_ALL=C tr -dc 'A-Za-z')
  id=${id:0:4}
  seed=$(head -c 32 /dev/urandom | base64 | tr -d '=\n')
  umask 077
  printf 'ed25519 a_%s %s\n' "$id" "$seed" >"$1"
}

# Runs a command inside the root filesystem with this instance's data at /data.
# Without root, a user namespace maps this user to root for the mounts and the
# chroot, and the rootless root filesystem (no device files) gets the host's /dev.
in_rootfs() {
  local namespaces=(--mount --propagation private)
  [ "$(id -u)" = 0 ] || namespaces=(--user --map-root-user "${namespaces[@]}")
  # A user's PATH may lack /usr/sbin, where chroot lives.
  unshare "${namespaces[@]}" -- /bin/sh -c '
    PATH=$PATH:/usr/sbin:/sbin
    mount --bind "$1" "$2/data" || exit 1
    mount -t proc proc "$2/proc" 2>/dev/null || mount --rbind /proc "$2/proc" 2>/dev/null || true
    [ -c "$2/dev/null" ] || mount --rbind /dev "$2/dev" || exit 1
    rootfs=$2; shift 2
    exec chroot "$rootfs" "$@"
  ' in_rootfs "$data" "$rootfs" "$@"
}

# Root, or a user namespace this user may open (Linux without root).
can_chroot() {
  [ "$(id -u)" = 0 ] || unshare --user --map-root-user true 2>/dev/null
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
  # Inside the Docker image Synapse listens on 8008 on every interface of its
  # container (the host publishes it on loopback only); here on loopback.
  local listen_port=${1:-$port} bind_address=${2:-127.0.0.1}
  sed -e "s|@SERVER_NAME@|$server_name|g" -e "s|@PORT@|$port|g" \
    -e "s|@LISTEN_PORT@|$listen_port|g" -e "s|@BIND_ADDRESS@|$bind_address|g" \
    -e "s|@REGISTRATION_SHARED_SECRET@|$REGISTRATION_SHARED_SECRET|g" \
    -e "s|@MACAROON_SECRET_KEY@|$MACAROON_SECRET_KEY|g" \
    -e "s|@FORM_SECRET@|$FORM_SECRET|g" \
    "$here/homeserver.template.yaml" >"$data/homeserver.yaml"
  cp "$here/log.template.yaml" "$data/log.config"
  # The database, as a second config file that replaces the template's
  # SQLite block (Synapse reads every -c file, later keys win).
  if [ "$database" = postgres ]; then
    cp "$here/database.postgres.yaml" "$data/database.yaml"
  else
    rm -f "$data/database.yaml"
  fi
  if [ -n "$federation_address" ]; then
    federation_certificates
    local peers=""
    peers=$(printf '%s' "$HOMESERVER_FEDERATION_PEERS" | awk -v RS=, 'NF { gsub(/[ \n]/, ""); printf "%s\"%s\"", (n++ ? ", " : ""), $0 }')
    sed -e "s|@PORT@|$port|g" -e "s|@FEDERATION_PORT@|$federation_port|g" \
      -e "s|@FEDERATION_ADDRESS@|$federation_address|g" -e "s|@FEDERATION_PEERS@|$peers|g" \
      "$here/federation.template.yaml" >"$data/federation.yaml"
  else
    rm -f "$data/federation.yaml"
  fi
  # What the project's Node tools need to reach this instance.
  cat >"$data/instance.json" <<EOF
{
  "homeserverUrl": "$url",
  "serverName": "$server_name",
  "registrationSharedSecret": "$REGISTRATION_SHARED_SECRET",
  "database": "$database",
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
  can_chroot || cannot_provision "running Synapse in its root filesystem needs root or user namespaces"
  if [ "$database" = postgres ] && [ "$(id -u)" != 0 ]; then
    die "HOMESERVER_DATABASE=postgres needs root (PostgreSQL runs as its own user inside the root filesystem); without root use the default SQLite"
  fi
  ensure_rootfs
  check_synapse_pin "$rootfs" || die "wrong Synapse version in $rootfs; see above"
  if [ "$database" = postgres ] && [ ! -x "$rootfs/usr/bin/pg_ctlcluster" ]; then
    die "the root filesystem at $rootfs has no PostgreSQL (built before the PostgreSQL profile); rebuild it: bash tools/homeserver/homeserver.sh rootfs --rebuild"
  fi
  render_config
  if [ ! -f "$data/signing.key" ]; then
    in_rootfs python3 -m synapse.app.homeserver -c /data/homeserver.yaml --generate-keys >>"$data/synapse.out.log" 2>&1 \
      || die "generating the signing key failed; see $data/synapse.out.log"
  fi
  # What runs inside the root filesystem: PostgreSQL first for that profile
  # (it stops with Synapse, when the process group gets TERM), then Synapse.
  {
    echo "set -e"
    [ "$database" = postgres ] && cat "$here/postgres-run.sh"
    printf 'exec python3 -m synapse.app.homeserver -c /data/homeserver.yaml'
    [ -f "$data/database.yaml" ] && printf ' -c /data/database.yaml'
    [ -f "$data/federation.yaml" ] && printf ' -c /data/federation.yaml'
    echo
  } >"$data/run.sh"
  say "starting Synapse $SYNAPSE_VERSION ($database) at $url (logs: $data/homeserver.log)"
  # setsid: its own process group, so Ctrl-C in a terminal that started the
  # demo reaches the demo tool, which stops Synapse cleanly through this script.
  setsid bash -c "$(declare -f in_rootfs); data='$data'; rootfs='$rootfs'; \
    in_rootfs /bin/sh /data/run.sh" \
    >>"$data/synapse.out.log" 2>&1 </dev/null 9>&- &
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

# The config for the official Synapse image (deploy/docker/compose.yaml):
# Synapse listens on 0.0.0.0:8008 inside its container, the host publishes it
# on 127.0.0.1:$port, and the signing key exists before the first start.
docker_config() {
  [ "$database" = sqlite ] || die "the Docker set-up runs SQLite only (HOMESERVER_DATABASE=postgres needs the root filesystem)"
  render_config 8008 0.0.0.0
  [ -f "$data/signing.key" ] || write_signing_key "$data/signing.key"
  # The image's user (SBD_UID, see the compose file) reads the key.
  chmod 644 "$data/signing.key"
  say "config for the Docker image written in $data"
  cat >&2 <<EOF
Start it (Docker or Podman; the data folder must be writable by the image's user):
  SBD_HOMESERVER_DATA="$data" HOMESERVER_PORT=$port SBD_UID=\$(id -u) SBD_GID=\$(id -g) \\
    docker compose -f "$repo/deploy/docker/compose.yaml" up -d
Then point the project at it:
  export MATRIX_HOMESERVER_URL=$url MATRIX_SERVER_NAME=$server_name
  export MATRIX_REGISTRATION_SHARED_SECRET=$REGISTRATION_SHARED_SECRET
EOF
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
  stop_postgres
  rm -f "$data/synapse.pid"
  say "stopped"
}

# The PostgreSQL profile's cluster got the group's TERM with Synapse; wait for
# it to finish, so a start right after finds its data folder free.
stop_postgres() {
  local lock="$data/postgres/postmaster.pid" pg waited=0
  [ -f "$lock" ] || return 0
  pg=$(head -n 1 "$lock")
  while [ -n "$pg" ] && kill -0 "$pg" 2>/dev/null; do
    sleep 0.2
    waited=$((waited + 1))
    if [ "$waited" -eq 100 ]; then
      say "PostgreSQL did not stop in 20 s; asking for a fast shutdown"
      kill -INT "$pg" 2>/dev/null || true
    fi
    [ "$waited" -lt 200 ] || { kill -KILL "$pg" 2>/dev/null || true; break; }
  done
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

# Start, stop and reset of one instance never overlap: two starts at once (a
# test restarting the homeserver while a tool starts it) would both launch
# Synapse, and the loser's pid file would orphan the winner, which then holds
# the port with no pid file to stop it by. The lock lives beside, not in, the
# instance's folder, which reset removes.
control_lock() {
  mkdir -p "$repo/.local/homeserver"
  exec 9>"$repo/.local/homeserver/.$instance.lock"
  if command -v flock >/dev/null; then flock 9; fi
}

case "${1:-}" in
  start) control_lock; start ;;
  stop) control_lock; stop ;;
  restart) control_lock; stop; start ;;
  status) status ;;
  reset) control_lock; reset ;;
  render) render_config; say "config rendered in $data" ;;
  docker) docker_config ;;
  rootfs)
    case "${2:-}" in
      "") ensure_rootfs ;;
      --rebuild) ensure_rootfs rebuild ;;
      *) echo "usage: $0 rootfs [--rebuild]" >&2; exit 64 ;;
    esac
    check_synapse_pin "$rootfs" || exit 1
    say "root filesystem ready at $rootfs (matrix-synapse $SYNAPSE_VERSION)"
    ;;
  url) printf '%s\n' "${MATRIX_HOMESERVER_URL:-$url}" ;;
  *) echo "usage: $0 start|stop|restart|status|reset|render|docker|rootfs [--rebuild]|url" >&2; exit 64 ;;
esac
