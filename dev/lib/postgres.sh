# shellcheck shell=bash
# Local PostgreSQL 15 for Tribu: one cluster in .tribu/pg, port 55432, role tribu/tribu and one
# database per service (plus *_test for the test suite). Sourced by ./tribu.

PG_PORT="${TRIBU_DB_PORT:-55432}"  # overridable: a second checkout can run its own cluster beside this one
PG_BIN=/usr/lib/postgresql/15/bin
PG_DIR="$TRIBU_HOME/pg"
PG_LOG="$TRIBU_LOGS/postgres.log"
PG_DATABASES=(listening moderation publishing analytics listening_test moderation_test publishing_test analytics_test platform_test)

# initdb and pg_ctl refuse to run as root, so as root the cluster belongs to the `postgres` system
# user; anyone else simply owns it themselves.
pg_as_owner() {
  if [[ "$(id -u)" == 0 ]]; then
    # From /, since the checkout may be a folder postgres cannot enter (paths here are absolute).
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# A fresh CI machine may lack the server binaries: install them from Debian when we can.
ensure_postgres_installed() {
  [[ -x "$PG_BIN/initdb" ]] && return 0
  [[ "$(id -u)" == 0 ]] || die "PostgreSQL 15 server not found in $PG_BIN; install it: sudo apt-get install postgresql-15"
  local started
  started="$(now)"
  say "installing PostgreSQL 15 from Debian packages (apt-get)"
  apt-get update -qq >"$TRIBU_LOGS/apt.log" 2>&1 || { show_log_tail "$TRIBU_LOGS/apt.log"; die "apt-get update failed"; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >>"$TRIBU_LOGS/apt.log" 2>&1 \
    || { show_log_tail "$TRIBU_LOGS/apt.log"; die "apt-get install postgresql-15 failed"; }
  say "installed PostgreSQL 15 in $(since "$started")"
}

# Where the cluster's files are. .tribu/pg is normally a folder; when it is a link (see
# prepare_postgres_dir) every path goes through the link's target, which `postgres` can reach.
use_postgres_paths() {
  local dir="$PG_DIR"
  if [[ -L "$PG_DIR" ]]; then
    dir="$(readlink -f "$PG_DIR")"
    PG_LOG="$dir/postgres.log"
  fi
  PG_DATA="$dir/data"
  PG_SOCKET_DIR="$dir/socket"
}
use_postgres_paths

# As root the `postgres` user must be able to reach .tribu/pg. When the checkout sits somewhere it
# cannot enter (under /root, say), the cluster lives in a postgres-owned folder that .tribu/pg links to.
prepare_postgres_dir() {
  mkdir -p "$TRIBU_HOME"
  if [[ "$(id -u)" != 0 ]]; then
    mkdir -p "$PG_DIR"
    return 0
  fi
  if [[ ! -L "$PG_DIR" ]]; then
    mkdir -p "$PG_DIR"
    chown postgres: "$PG_DIR"
    if ! runuser -u postgres -- test -w "$PG_DIR"; then
      local elsewhere
      elsewhere="/var/lib/postgresql/tribu-$(printf '%s' "$TRIBU_ROOT" | cksum | cut -d' ' -f1)"
      warn "user postgres cannot enter $PG_DIR; the cluster goes to $elsewhere, linked from .tribu/pg"
      rmdir "$PG_DIR"
      mkdir -p "$elsewhere"
      chown postgres: "$elsewhere"
      ln -s "$elsewhere" "$PG_DIR"
      use_postgres_paths
    fi
  fi
  # The server writes its own log file, so it must own it.
  touch "$PG_LOG"
  chown postgres: "$PG_LOG"
}

postgres_running() { pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; }

postgres_pid() { head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null; }

# Creates the cluster once. The speed settings trade durability for fast tests: this cluster holds
# nothing that cannot be recreated (rm -rf .tribu).
init_postgres_cluster() {
  [[ -f "$PG_DATA/PG_VERSION" ]] && return 0
  local started
  started="$(now)"
  say "creating PostgreSQL cluster in $PG_DATA"
  pg_as_owner mkdir -p "$PG_SOCKET_DIR"
  pg_as_owner "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >"$TRIBU_LOGS/initdb.log" 2>&1 \
    || { show_log_tail "$TRIBU_LOGS/initdb.log"; die "initdb failed"; }
  pg_as_owner tee -a "$PG_DATA/postgresql.conf" >/dev/null <<EOF

# --- Tribu local settings (dev/lib/postgres.sh) ---
port = $PG_PORT
listen_addresses = 'localhost'
unix_socket_directories = '$PG_SOCKET_DIR'
# four services with their pools plus a test run at the same time
max_connections = 200
shared_buffers = 128MB
# throw-away data: skip what only protects against power loss, tests run faster
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  say "created the cluster in $(since "$started")"
}

start_postgres_server() {
  if port_open "$PG_PORT"; then
    die "port $PG_PORT is already taken by a process that is not this cluster (.tribu/pg)"
  fi
  local started
  started="$(now)"
  say "starting PostgreSQL on 127.0.0.1:$PG_PORT (log: $PG_LOG)"
  pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 start >/dev/null \
    || { show_log_tail "$PG_LOG"; die "PostgreSQL did not start"; }
  wait_until "PostgreSQL (pg_isready)" 60 "" "$PG_LOG" \
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"
  say "PostgreSQL started in $(since "$started")"
}

# Role and databases, created only when missing, so this runs on every start.
provision_postgres() {
  local sql db
  sql="DO \$\$ BEGIN
         IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tribu') THEN
           CREATE ROLE tribu LOGIN PASSWORD 'tribu';
         END IF;
       END \$\$;"
  for db in "${PG_DATABASES[@]}"; do
    sql+="
SELECT 'CREATE DATABASE $db OWNER tribu' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db') \\gexec"
  done
  printf '%s\n' "$sql" | pg_as_owner "$PG_BIN/psql" -q -X -v ON_ERROR_STOP=1 \
    -h "$PG_SOCKET_DIR" -p "$PG_PORT" -U postgres -d postgres >/dev/null \
    || die "could not create the tribu role and databases"
  say "PostgreSQL role tribu and databases ready: ${PG_DATABASES[*]}"
}

postgres_up() {
  ensure_postgres_installed
  prepare_postgres_dir
  if postgres_running; then
    say "PostgreSQL already running on 127.0.0.1:$PG_PORT (pid $(postgres_pid)); reusing it"
  else
    init_postgres_cluster
    start_postgres_server
  fi
  provision_postgres
}

postgres_down() {
  if [[ ! -x "$PG_BIN/pg_ctl" || ! -f "$PG_DATA/PG_VERSION" ]] || ! postgres_running; then
    say "PostgreSQL: not running"
    return 0
  fi
  local started
  started="$(now)"
  say "PostgreSQL: stopping (pid $(postgres_pid))"
  pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null
  say "PostgreSQL: stopped in $(since "$started")"
}

postgres_status() {
  if [[ -f "$PG_DATA/PG_VERSION" ]] && postgres_running; then
    local pid rss pss
    pid="$(postgres_pid)"
    rss="$(ps -o rss= -p "$pid" | tr -d ' ')"
    # Every backend maps the shared buffers, so summed RSS over-counts; PSS shares them out fairly.
    pss="$(for p in $pid $(pgrep -P "$pid"); do cat "/proc/$p/smaps_rollup" 2>/dev/null; done \
           | awk '/^Pss:/ { kb += $2 } END { print int(kb / 1024) }')"
    say "PostgreSQL  running  127.0.0.1:$PG_PORT  pid $pid  rss $(( rss / 1024 )) MB (postmaster), pss ${pss} MB (all its processes)"
  else
    say "PostgreSQL  stopped"
  fi
}
