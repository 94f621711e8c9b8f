#!/usr/bin/env bash
# Start Debian's PostgreSQL 15 cluster and make the test role and database with PostGIS.
# Idempotent. The tests read the connection from tests/postgis.env.
set -euo pipefail
cd "$(dirname "$0")/.."
source tests/postgis.env

# The superuser connects over the local socket, without the test role's PG* variables.
as_postgres() {
  local clean=(env -u PGHOST -u PGUSER -u PGPASSWORD -u PGDATABASE)
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "${clean[@]}" "$@";
  else sudo -u postgres "${clean[@]}" "$@"; fi
}
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! pg_lsclusters -h 2>/dev/null | grep -q '^15 *main'; then
  as_root pg_createcluster 15 main
fi
if ! pg_lsclusters -h | grep -q '^15 *main .* online'; then
  as_root pg_ctlcluster 15 main start
fi
for _ in $(seq 1 30); do pg_isready -q -h "$PGHOST" -p "$PGPORT" && break; sleep 0.5; done

as_postgres psql -q -v ON_ERROR_STOP=1 -p "$PGPORT" <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PGUSER') THEN
    CREATE ROLE $PGUSER LOGIN PASSWORD '$PGPASSWORD' CREATEDB;
  ELSE
    ALTER ROLE $PGUSER LOGIN PASSWORD '$PGPASSWORD';
  END IF;
END \$\$;
SQL
if ! as_postgres psql -p "$PGPORT" -tAc "SELECT 1 FROM pg_database WHERE datname = '$PGDATABASE'" | grep -q 1; then
  as_postgres createdb -p "$PGPORT" -O "$PGUSER" "$PGDATABASE"
fi
as_postgres psql -q -p "$PGPORT" -d "$PGDATABASE" -c 'CREATE EXTENSION IF NOT EXISTS postgis'
echo "postgis: ready ($PGUSER@$PGHOST:$PGPORT/$PGDATABASE)"
