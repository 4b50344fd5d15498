# Shared helpers of bin/run and bin/test: sourced, never run on its own.
# Everything lives under .local/ (git-ignored): the PostgreSQL cluster, Odoo's data dir, logs.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL="$ROOT/.local"
PGDATA="$LOCAL/pgdata"
PGSOCK="$LOCAL/pgsock"
# A free TCP port on 127.0.0.1 from $1 on (another checkout's cluster or Odoo runner may hold the usual one).
free_port() {
    "${PYTHON:-python3}" -c '
import socket, sys
for port in range(int(sys.argv[1]), int(sys.argv[1]) + 100):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            continue
    print(port)
    break' "$1"
}
# The cluster's port: SUITE_PGPORT, else the one this checkout's cluster was created with, else 54329 when
# free, else a free port after it.
_pick_pgport() {
    if [ -n "${SUITE_PGPORT:-}" ]; then echo "$SUITE_PGPORT"
    elif [ -f "$LOCAL/pgport" ]; then cat "$LOCAL/pgport"
    elif [ -f "$PGDATA/PG_VERSION" ]; then echo 54329
    else free_port 54329
    fi
}
PGPORT="$(_pick_pgport)"
PGBIN="/usr/lib/postgresql/15/bin"
PYTHON="${PYTHON:-python3}"
RUNUSER="$(command -v runuser || echo /usr/sbin/runuser)"
LINT_VENV="$LOCAL/lint-venv"
export PGHOST=127.0.0.1 PGPORT PGUSER=odoo PGPASSWORD=odoo

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

require_odoo() {
    if ! "$PYTHON" -c "import odoo.release" >/dev/null 2>&1; then
        die "Odoo 19.0 is not importable by '$PYTHON'. Install Odoo 19.0 Community into this Python first \
(its source, then 'pip install -r requirements.txt' and 'pip install -e .' in it), so that \
'$PYTHON -c \"import odoo\"' works. See README.md."
    fi
    local v
    v="$("$PYTHON" -c "import odoo.release as r; print(r.version_info[0])")"
    [ "$v" = "19" ] || die "Odoo $v is installed; this suite needs Odoo 19.0."
}

# Install the Debian packages we need, only those missing (apt-get only runs when something is).
ensure_debs() {
    local missing=() pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    say "Installing from Debian: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# pip install into Odoo's Python, every package already there kept at its version (Odoo's pins).
pip_keep_pins() {
    mkdir -p "$LOCAL"
    "$PYTHON" -m pip freeze --exclude-editable > "$LOCAL/constraints.txt"
    "$PYTHON" -m pip install -q -c "$LOCAL/constraints.txt" "$@"
}

# The OCA addons of requirements-oca.txt, installed the way a user installs them: their odoo-addon-* wheels
# into Odoo's Python (each lands in site-packages/odoo/addons/, part of the odoo.addons namespace), Odoo's
# pins kept. A wheel requires odoo==19.0.*: when pip would fetch Odoo itself rather than take the editable
# one, the wheels go in with --no-deps (each OCA dependency is listed in requirements-oca.txt itself).
# Skipped when requirements-oca.txt has not changed since the last install and the addons import.
ensure_oca_addons() {
    local req="$ROOT/requirements-oca.txt" stamp modules
    [ -f "$req" ] || return 0
    stamp="$(sha256sum "$req" | cut -c1-16)"
    modules="$(sed -n 's/^odoo-addon-\([a-z0-9_]*\).*/\1/p' "$req")"
    if [ "$(cat "$LOCAL/oca-addons.stamp" 2>/dev/null)" = "$stamp" ] \
            && "$PYTHON" -c "import importlib, sys
for m in sys.argv[1:]: importlib.import_module('odoo.addons.' + m)" $modules >/dev/null 2>&1; then
        return 0
    fi
    say "Installing the OCA addons (requirements-oca.txt)"
    local nodeps=() report="$LOCAL/oca-addons-plan.json"
    mkdir -p "$LOCAL"
    "$PYTHON" -m pip freeze --exclude-editable > "$LOCAL/constraints.txt"
    "$PYTHON" -m pip install --dry-run -q --report "$report" -c "$LOCAL/constraints.txt" -r "$req" >/dev/null 2>&1 || true
    if [ ! -s "$report" ] || "$PYTHON" -c "import json, sys
sys.exit(0 if any(i['metadata']['name'].lower() == 'odoo' for i in json.load(open(sys.argv[1]))['install']) else 1)" "$report"; then
        nodeps=(--no-deps)
    fi
    pip_keep_pins "${nodeps[@]}" -r "$req"
    echo "$stamp" > "$LOCAL/oca-addons.stamp"
}

# PostgreSQL refuses to run as root: the cluster then belongs to the 'postgres' system user.
_pg() {
    if [ "$(id -u)" -eq 0 ]; then
        "$RUNUSER" -u postgres -- "$@"
    else
        "$@"
    fi
}

# As root the cluster runs as 'postgres', which must be able to reach the project folder; where a
# parent folder is closed to it (a checkout under /root), the cluster goes to /var/tmp instead.
_pg_paths() {
    if [ "$(id -u)" -eq 0 ] && id postgres >/dev/null 2>&1 && ! "$RUNUSER" -u postgres -- test -x "$ROOT"; then
        PGDATA="/var/tmp/suite-pg-$(printf '%s' "$ROOT" | md5sum | cut -c1-8)/pgdata"
        PGSOCK="${PGDATA%/pgdata}/pgsock"
    fi
}

pg_running() { [ -f "$PGDATA/postmaster.pid" ] && _pg "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; }

pg_start() {
    ensure_debs postgresql-15
    _pg_paths
    mkdir -p "$LOCAL"
    if [ ! -f "$PGDATA/PG_VERSION" ]; then
        say "Creating the PostgreSQL 15 cluster in .local/pgdata (port $PGPORT)"
        mkdir -p "$PGDATA" "$PGSOCK"
        chmod 700 "$PGDATA"
        [ "$(id -u)" -eq 0 ] && chown postgres: "$PGDATA" "$PGSOCK"
        local pwfile; pwfile="$(mktemp)"; echo odoo > "$pwfile"; chmod 644 "$pwfile"
        _pg "$PGBIN/initdb" -D "$PGDATA" -U odoo --pwfile="$pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
        rm -f "$pwfile"
        echo "$PGPORT" > "$LOCAL/pgport"
    fi
    if ! pg_running; then
        say "Starting PostgreSQL on 127.0.0.1:$PGPORT"
        # A throwaway cluster of test and development databases: durability traded for speed.
        _pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -o "-p $PGPORT -k $PGSOCK \
-c listen_addresses=127.0.0.1 -c synchronous_commit=off -c fsync=off -c full_page_writes=off" start >/dev/null \
            || die "PostgreSQL did not start; see $PGDATA/server.log"
    fi
}

pg_stop() {
    _pg_paths
    if pg_running; then
        say "Stopping PostgreSQL"
        _pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null
    else
        say "PostgreSQL is not running"
    fi
}

db_exists() { "$PGBIN/psql" -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname='$1'" | grep -q 1; }

# Module names of our addons, from their folders.
suite_addons() { (cd "$ROOT/addons" && ls -d */ | tr -d / | tr '\n' ',' | sed 's/,$//'); }

odoo_bin() { (cd "$ROOT" && "$PYTHON" -m odoo -c "$ROOT/odoo.conf" --db_port="$PGPORT" "$@"); }
