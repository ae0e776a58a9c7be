#!/usr/bin/env bash
# Whole listening service, Kafka in to Kafka out with enrichment: pushes mentions into the ingest topic at a
# fixed rate and measures them arriving on the mentions topic (throughput, ingest -> event latency, service memory,
# and CPU time per mention of every process: the service, PostgreSQL with its backends, Kafka, the driver); the run
# uses its own topics and deletes them at the end.
# Starts PostgreSQL and Kafka (./tribu infra up), builds and starts the service on a fresh database
# listening_bench, optionally stores mentions first (bench/prefill.sql), runs the driver, stops the service. Not part
# of the test suite.
#
#   listening-service/bench/firehose.sh                 # 6000 mentions/s for 600 s
#   listening-service/bench/firehose.sh 2000 120        # another rate (per second) and duration (seconds)
#   listening-service/bench/firehose.sh 2000 120 10000000
#                                                       # the same with 10 million mentions stored before (50 brands,
#                                                       # a year of publication times)
#   TRIBU_HOME=/work/homes/x TRIBU_DB_PORT=55437 TRIBU_BENCH_KAFKA=127.0.0.1:59100 listening-service/bench/firehose.sh
#                                                       # on infrastructure already running (own PostgreSQL, a broker)
#   TRIBU_BENCH_SKIP_BUILD=1 ...                        # the service and driver built by the previous run
#   JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/firehose.jfr listening-service/bench/firehose.sh 6000 180
#                                                       # JAVA_OPTS go to the service's JVM (here: profile it)
set -euo pipefail

rate="${1:-6000}"
seconds="${2:-600}"
stored="${3:-0}"
kafka="${TRIBU_BENCH_KAFKA:-127.0.0.1:59092}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$repo"
port=8091
TRIBU_ROOT="$repo"
# shellcheck source=../../dev/lib/common.sh
source dev/lib/common.sh
# shellcheck source=../../dev/lib/postgres.sh
source dev/lib/postgres.sh
db() { PGPASSWORD=tribu "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U tribu -d "$1" -v ON_ERROR_STOP=1 "${@:2}"; }

if [[ -z "${TRIBU_BENCH_KAFKA:-}" ]]; then
  echo "[bench] infrastructure"
  ./tribu infra up
fi
cp_file="listening-service/target/firehose-classpath.txt"
if [[ -z "${TRIBU_BENCH_SKIP_BUILD:-}" || ! -f "$cp_file" ]]; then
  echo "[bench] building the service"
  # one reactor run: the platform's classes come from its module, not from a stale local repository
  mvn -B -o -q -pl listening-service -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
    -Dmdep.outputFile="$(pwd)/$cp_file"
fi

echo "[bench] fresh database listening_bench"
printf '%s\n' "drop database if exists listening_bench;" "create database listening_bench owner tribu;" \
  | pg_as_owner "$PG_BIN/psql" -q -X -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$PG_PORT" -U postgres -d postgres

# the run's own topics: a backlog left in the shared ones would flood every test consumer reading from the start
run_id="$(date +%s)"
ingest_topic="tribu.bench.listening.ingest.$run_id"
mentions_topic="tribu.bench.listening.mentions.$run_id"
dlq_topic="tribu.bench.listening.ingest-dlq.$run_id"
log="$(mktemp)"
echo "[bench] starting listening-service on :$port (log $log)"
TRIBU_DB_NAME=listening_bench TRIBU_KAFKA_BOOTSTRAP="$kafka" QUARKUS_HTTP_PORT=$port TRIBU_TOPICS_MENTIONS="$mentions_topic" \
  MP_MESSAGING_INCOMING_INGEST_TOPIC="$ingest_topic" MP_MESSAGING_OUTGOING_INGEST_REJECTED_TOPIC="$dlq_topic" \
   QUARKUS_OIDC_TENANT_ENABLED=false \
  java -Xmx512m ${JAVA_OPTS:-} -jar listening-service/target/quarkus-app/quarkus-run.jar >"$log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  curl -sf "http://localhost:$port/q/health/ready" >/dev/null && break
  sleep 1
done
curl -sf "http://localhost:$port/q/health/ready" >/dev/null || { tail -50 "$log"; echo "[bench] service not ready"; exit 1; }

if (( stored > 0 )); then
  echo "[bench] storing $stored mentions first (bench/prefill.sql)"
  started=$(date +%s)
  db listening_bench -v count="$stored" -f listening-service/bench/prefill.sql 2>&1 | grep -v '^$' || exit 1
  echo "[bench] stored in $(( $(date +%s) - started )) s; database $(db listening_bench -tAc \
    "select pg_size_pretty(pg_database_size('listening_bench'))")"
fi
# what the CPU per mention is counted for, besides the service and the driver
pid_on_port() { ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
processes="postgres=$(postgres_pid),kafka=$(pid_on_port "${kafka##*:}")"

sources=""
for brand in bench-a bench-b bench-c bench-d; do
  id="$(cat /proc/sys/kernel/random/uuid)"
  db listening_bench -c "insert into source (id, tenant, brand_id, type, webhook_secret, poll_interval_seconds, owned_channel, enabled, created_at, next_poll_at)
                         values ('$id', 'bench', '$brand', 'webhook', 'unused', 900, false, true, now(), now())"
  sources="${sources:+$sources,}$id"
done

java -Xmx1g -cp "listening-service/target/test-classes:$(cat "$cp_file")" \
  io.tribu.listening.source.ingest.FirehoseBench "$kafka" "$sources" "$rate" "$seconds" "$service" \
  "$ingest_topic" "$mentions_topic" "$processes" "$dlq_topic"
echo "[bench] mentions stored: $(db listening_bench -tAc 'select count(*) from mention')"
