# Sourced by `make test`: exports DATABASE_URL for a PostgreSQL the tests can use.
#   1. DATABASE_URL as given;
#   2. else the local server on 127.0.0.1:5432 (user postgres);
#   3. else a throwaway server in var/pg, installing Debian's postgresql when it is missing.
_pg_ok() { psql "$1" -tAc 'select 1' >/dev/null 2>&1; }

if [ -n "${DATABASE_URL:-}" ]; then
  echo "Tests use PostgreSQL at \$DATABASE_URL."
elif command -v psql >/dev/null && _pg_ok "postgres://postgres@127.0.0.1:5432/postgres"; then
  export DATABASE_URL="postgres://postgres@127.0.0.1:5432/aantafel"
  echo "Tests use the local PostgreSQL server on 127.0.0.1:5432."
else
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$PGBIN" ]; then
    echo "Installing Debian's postgresql for a throwaway test server…"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  PGDIR="$(pwd)/var/pg"; PGPORT=54329
  AS=""; if [ "$(id -u)" -eq 0 ]; then AS="runuser -u postgres --"; mkdir -p "$PGDIR"; chown postgres "$PGDIR"; fi
  if [ ! -f "$PGDIR/PG_VERSION" ]; then
    mkdir -p "$PGDIR"; [ -n "$AS" ] && chown postgres "$PGDIR"
    $AS "$PGBIN/initdb" -D "$PGDIR" -U postgres -A trust >/dev/null
  fi
  if ! _pg_ok "postgres://postgres@127.0.0.1:$PGPORT/postgres"; then
    $AS "$PGBIN/pg_ctl" -D "$PGDIR" -o "-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off" -l "$PGDIR/server.log" -w start >/dev/null
  fi
  export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/aantafel"
  echo "Tests use a throwaway PostgreSQL server on 127.0.0.1:$PGPORT (data in var/pg)."
fi
