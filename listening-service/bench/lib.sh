# shellcheck shell=bash
# What the listening benches share (sourced by firehose.sh, replicas.sh, template.sh): the infrastructure, the build,
# a fresh database listening_bench (optionally a copy of a template), the run's own topics, a service started and
# waited for, and webhook sources for the driver. Not meant to be run on its own.
#   TRIBU_BENCH_KAFKA=127.0.0.1:59100   a broker already running (else ./tribu infra up starts the default ones)
#   TRIBU_BENCH_SKIP_BUILD=1            the service and driver built by the previous run
#   TRIBU_BENCH_TEMPLATE=listening_10m  listening_bench made as a copy of this database (see template.sh)
set -euo pipefail

kafka="${TRIBU_BENCH_KAFKA:-127.0.0.1:59092}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
TRIBU_ROOT="$repo"
# shellcheck source=../../dev/lib/common.sh
source dev/lib/common.sh
# shellcheck source=../../dev/lib/postgres.sh
source dev/lib/postgres.sh
cp_file="listening-service/target/firehose-classpath.txt"

db() { PGPASSWORD=tribu "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U tribu -d "$1" -v ON_ERROR_STOP=1 "${@:2}"; }
db_as_owner() { pg_as_owner "$PG_BIN/psql" -q -X -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$PG_PORT" -U postgres -d postgres "$@"; }

# PostgreSQL and Kafka (unless a broker is given), then the service and the drivers (one reactor run: the platform's
# classes come from its module, not from a stale local repository).
bench_prepare() {
  if [[ -z "${TRIBU_BENCH_KAFKA:-}" ]]; then
    echo "[bench] infrastructure"
    ./tribu infra up
  fi
  if [[ -z "${TRIBU_BENCH_SKIP_BUILD:-}" || ! -f "$cp_file" ]]; then
    echo "[bench] building the service"
    mvn -B -o -q -pl listening-service -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
      -Dmdep.outputFile="$(pwd)/$cp_file"
  fi
}

# A fresh database $1 (default listening_bench): empty, or a file copy of $TRIBU_BENCH_TEMPLATE (no WAL written).
bench_database() {
  local name="${1:-listening_bench}" started
  started=$(date +%s)
  if [[ -n "${TRIBU_BENCH_TEMPLATE:-}" ]]; then
    echo "[bench] database $name, a copy of $TRIBU_BENCH_TEMPLATE"
    printf '%s\n' "drop database if exists $name with (force);" \
      "create database $name owner tribu template $TRIBU_BENCH_TEMPLATE strategy file_copy;" | db_as_owner
    echo "[bench] copied in $(( $(date +%s) - started )) s: $(db "$name" -tAc 'select count(*) from mention') mentions"
  else
    echo "[bench] fresh database $name"
    printf '%s\n' "drop database if exists $name with (force);" "create database $name owner tribu;" | db_as_owner
  fi
}

# The run's own topics: a backlog left in the shared ones would flood every test consumer reading from the start.
bench_topics() {
  local run_id
  run_id="$(date +%s)"
  ingest_topic="tribu.bench.listening.ingest.$run_id"
  mentions_topic="tribu.bench.listening.mentions.$run_id"
  dlq_topic="tribu.bench.listening.ingest-dlq.$run_id"
}

# The keyring sealing sources' API keys (issue 28): one random key per run, the same for every replica of the run.
bench_credentials_keys="bench1:$(head -c32 /dev/urandom | base64)"

# Starts the service on database $1, HTTP port $2, heap $3, log $4 (JAVA_OPTS added), waits until it is ready;
# its pid in $service_pid.
bench_start_service() {
  local database="$1" port="$2" heap="$3" log="$4"
  echo "[bench] starting listening-service on :$port (log $log)"
  TRIBU_DB_NAME="$database" TRIBU_KAFKA_BOOTSTRAP="$kafka" QUARKUS_HTTP_PORT="$port" \
    TRIBU_TOPICS_MENTIONS="${mentions_topic:-tribu.listening.mentions}" \
    MP_MESSAGING_INCOMING_INGEST_TOPIC="${ingest_topic:-tribu.listening.ingest}" \
    TRIBU_TOPICS_INGEST_DEAD_LETTERS="${dlq_topic:-tribu.listening.ingest.dlq}" QUARKUS_OIDC_TENANT_ENABLED=false \
    TRIBU_CREDENTIALS_KEYS="$bench_credentials_keys" TRIBU_CREDENTIALS_ACTIVE_KEY=bench1 \
    java "-Xmx$heap" ${JAVA_OPTS:-} -jar listening-service/target/quarkus-app/quarkus-run.jar >"$log" 2>&1 &
  service_pid=$!
  for _ in $(seq 1 180); do
    curl -sf "http://localhost:$port/q/health/ready" >/dev/null && return 0
    kill -0 "$service_pid" 2>/dev/null || break
    sleep 1
  done
  tail -50 "$log"
  echo "[bench] listening-service on :$port not ready"
  return 1
}

# One enabled webhook source of tenant 'bench' per brand given, in listening_bench; their ids, comma-separated, in
# $sources.
bench_sources() {
  local id brand
  sources=""
  for brand in "$@"; do
    id="$(cat /proc/sys/kernel/random/uuid)"
    db listening_bench -c "insert into source (id, tenant, brand_id, type, webhook_secret, poll_interval_seconds, owned_channel, enabled, created_at, next_poll_at)
                           values ('$id', 'bench', '$brand', 'webhook', 'unused', 900, false, true, now(), now())"
    sources="${sources:+$sources,}$id"
  done
}
