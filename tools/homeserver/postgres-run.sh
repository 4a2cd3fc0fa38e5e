# tools/homeserver, run inside the root filesystem before Synapse for
# HOMESERVER_DATABASE=postgres (homeserver.sh puts it at the head of
# /data/run.sh, under `set -e`). The instance's cluster lives in
# /data/postgres, owned by the root filesystem's postgres user, and listens on
# a Unix socket only. PostgreSQL runs in the same process group as Synapse, so
# the TERM that stops Synapse stops it too (a smart shutdown that ends when
# Synapse has closed its connections).
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
mkdir -p /data/postgres /data/postgres-socket
chown postgres:postgres /data/postgres /data/postgres-socket
chmod 700 /data/postgres
if [ ! -f /data/postgres/PG_VERSION ]; then
  setpriv --reuid=postgres --regid=postgres --init-groups \
    "$pg_bin/initdb" -D /data/postgres -U synapse -E UTF8 --locale=C --auth=trust >/dev/null
fi
setpriv --reuid=postgres --regid=postgres --init-groups \
  "$pg_bin/postgres" -D /data/postgres -c listen_addresses= \
  -c unix_socket_directories=/data/postgres-socket -c synchronous_commit=off \
  >>/data/postgres.log 2>&1 &
waited=0
until "$pg_bin/pg_isready" -q -h /data/postgres-socket -U synapse -d postgres; do
  waited=$((waited + 1))
  if [ "$waited" -gt 60 ]; then
    echo "PostgreSQL did not start within 30 s; see /data/postgres.log" >&2
    exit 1
  fi
  sleep 0.5
done
if [ -z "$("$pg_bin/psql" -h /data/postgres-socket -U synapse -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'synapse'")" ]; then
  "$pg_bin/createdb" -h /data/postgres-socket -U synapse -E UTF8 --locale=C -T template0 synapse
fi
