#!/usr/bin/env bash
# Whole listening service, Kafka in to Kafka out with enrichment: pushes mentions into the ingest topic at a
# fixed rate and measures them arriving on the mentions topic (throughput, latency, service memory and CPU time
# per mention); the run uses its own topics and deletes them at the end.
# Starts PostgreSQL and Kafka (./tribu infra up), builds and starts the service on a fresh database
# listening_bench, runs the driver, stops the service. Not part of the test suite.
#
#   listening-service/bench/firehose.sh                 # 6000 mentions/s for 600 s
#   listening-service/bench/firehose.sh 2000 120        # another rate (per second) and duration (seconds)
#   JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/firehose.jfr listening-service/bench/firehose.sh 6000 180
#                                                       # JAVA_OPTS go to the service's JVM (here: profile it)
set -euo pipefail

rate="${1:-6000}"
seconds="${2:-600}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$repo"
port=8091
TRIBU_ROOT="$repo"
# shellcheck source=../../dev/lib/common.sh
source dev/lib/common.sh
# shellcheck source=../../dev/lib/postgres.sh
source dev/lib/postgres.sh
db() { PGPASSWORD=tribu "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U tribu -d "$1" -v ON_ERROR_STOP=1 "${@:2}"; }

echo "[bench] infrastructure"
./tribu infra up
echo "[bench] building the service"
mvn -B -o -q -pl listening-service package -DskipTests
cp_file="$(mktemp)"
mvn -B -o -q -pl listening-service dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
mvn -B -o -q -pl listening-service test-compile

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
TRIBU_DB_NAME=listening_bench QUARKUS_HTTP_PORT=$port TRIBU_TOPICS_MENTIONS="$mentions_topic" \
  MP_MESSAGING_INCOMING_INGEST_TOPIC="$ingest_topic" MP_MESSAGING_OUTGOING_INGEST_REJECTED_TOPIC="$dlq_topic" \
   QUARKUS_OIDC_TENANT_ENABLED=false \
  java -Xmx512m ${JAVA_OPTS:-} -jar listening-service/target/quarkus-app/quarkus-run.jar >"$log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true; rm -f "$cp_file"' EXIT
for _ in $(seq 1 60); do
  curl -sf "http://localhost:$port/q/health/ready" >/dev/null && break
  sleep 1
done
curl -sf "http://localhost:$port/q/health/ready" >/dev/null || { tail -50 "$log"; echo "[bench] service not ready"; exit 1; }

sources=""
for brand in bench-a bench-b bench-c bench-d; do
  id="$(cat /proc/sys/kernel/random/uuid)"
  db listening_bench -c "insert into source (id, tenant, brand_id, type, webhook_secret, poll_interval_seconds, owned_channel, enabled, created_at, next_poll_at)
                         values ('$id', 'bench', '$brand', 'webhook', 'unused', 900, false, true, now(), now())"
  sources="${sources:+$sources,}$id"
done

java -Xmx1g -cp "listening-service/target/test-classes:$(cat "$cp_file")" \
  io.tribu.listening.source.ingest.FirehoseBench 127.0.0.1:59092 "$sources" "$rate" "$seconds" "$service" \
  "$ingest_topic" "$mentions_topic" "$dlq_topic"
echo "[bench] mentions stored: $(db listening_bench -tAc 'select count(*) from mention')"
