#!/usr/bin/env bash
# Starts a local PostgreSQL (Debian 12: version 15) for the integration tests and prints the
# admin URL on stdout; everything else goes to stderr, so callers can do
#   export TEST_POSTGRES_URL="$(scripts/start-test-postgres.sh)"
# The tests create (and drop) their own lorascope_test_* database through this URL.
# Installs the server only when running as root (CI); otherwise it must already be installed.
set -euo pipefail

PG_VERSION="${PG_VERSION:-15}"
PG_PORT="${PG_PORT:-5432}"
PG_PASSWORD="${PG_PASSWORD:-postgres}"
URL="postgres://postgres:${PG_PASSWORD}@127.0.0.1:${PG_PORT}/postgres"
as_root() { [ "$(id -u)" -eq 0 ]; }
as_postgres() { if as_root; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ ! -x "/usr/lib/postgresql/${PG_VERSION}/bin/postgres" ]; then
  as_root || { echo "PostgreSQL ${PG_VERSION} is missing: apt-get install -y postgresql (as root)" >&2; exit 1; }
  echo "Installing PostgreSQL ${PG_VERSION}…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q postgresql >&2 || { apt-get update -q >&2 && apt-get install -y -q postgresql >&2; }
fi

# Containers sometimes get the package without its default cluster.
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "${PG_VERSION} main"; then
  as_root && pg_createcluster "${PG_VERSION}" main --port "${PG_PORT}" >&2
fi

# TCP on loopback (Debian's pg_hba.conf already asks for a password there). A conf.d drop-in
# rather than pg_conftool, whose `set` writes string values unquoted.
CONF_D="/etc/postgresql/${PG_VERSION}/main/conf.d"
if as_root && [ -d "${CONF_D}" ]; then
  printf "listen_addresses = '127.0.0.1'\nport = %s\n" "${PG_PORT}" > "${CONF_D}/lorascope-test.conf"
fi

if ! pg_ctlcluster "${PG_VERSION}" main status >/dev/null 2>&1; then
  # No systemd in containers: start the server directly.
  if as_root; then pg_ctlcluster --skip-systemctl-redirect "${PG_VERSION}" main start >&2
  else pg_ctlcluster "${PG_VERSION}" main start >&2; fi
fi

for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "${PG_PORT}" && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p "${PG_PORT}" >&2

# Known password for the tests (peer auth over the local socket lets us set it).
if as_root; then
  as_postgres psql -q -v ON_ERROR_STOP=1 -p "${PG_PORT}" \
    -c "ALTER USER postgres PASSWORD '${PG_PASSWORD}'" >&2
fi

PGPASSWORD="${PG_PASSWORD}" psql -q -h 127.0.0.1 -p "${PG_PORT}" -U postgres -d postgres -c "SELECT 1" >/dev/null \
  || { echo "Cannot log in at ${URL/${PG_PASSWORD}@/***@}" >&2; exit 1; }
echo "${URL}"
