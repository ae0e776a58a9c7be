#!/usr/bin/env bash
# Three listening replicas on one machine share the ingest topic (its partitions split by their consumer group);
# one is killed with SIGKILL under load. Reads the mentions topic read_committed and prints the mentions received
# each second, then how many were lost or announced twice (by mention and by event id) and how long the rate and
# the backlog took to come back after the kill. Own database (listening_bench) and topics, deleted at the end. Not
# part of the test suite.
#
#   listening-service/bench/replicas.sh                 # 3 replicas, 6 partitions, 1000 mentions/s for 90 s, kill at 30 s
#   listening-service/bench/replicas.sh 500 60 20 3     # rate, seconds, kill time (s), partitions
#   TRIBU_HOME=/work/homes/x TRIBU_DB_PORT=55437 TRIBU_BENCH_KAFKA=127.0.0.1:59100 listening-service/bench/replicas.sh
#                                                       # on infrastructure already running (own PostgreSQL, a broker)
#   TRIBU_BENCH_SKIP_BUILD=1 ...                        # the service and driver built by the previous run
set -euo pipefail

rate="${1:-1000}"
seconds="${2:-90}"
kill_at="${3:-30}"
partitions="${4:-6}"
replicas=3
kafka="${TRIBU_BENCH_KAFKA:-127.0.0.1:59092}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$repo"
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
  mvn -B -o -q -pl listening-service -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
    -Dmdep.outputFile="$(pwd)/$cp_file"
fi

echo "[bench] fresh database listening_bench"
printf '%s\n' "drop database if exists listening_bench;" "create database listening_bench owner tribu;" \
  | pg_as_owner "$PG_BIN/psql" -q -X -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$PG_PORT" -U postgres -d postgres

run_id="$(date +%s)"
ingest_topic="tribu.bench.listening.ingest.$run_id"
mentions_topic="tribu.bench.listening.mentions.$run_id"
dlq_topic="tribu.bench.listening.ingest-dlq.$run_id"
java -cp "listening-service/target/test-classes:$(cat "$cp_file")" io.tribu.listening.source.ingest.ReplicasBench \
  create "$kafka" "$ingest_topic" "$mentions_topic" "$partitions"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
for i in $(seq 1 $replicas); do
  port=$((8090 + i))
  log="$(mktemp)"
  echo "[bench] starting replica $i on :$port (log $log)"
  # the first replica migrates the database alone; the others start once it is ready
  TRIBU_DB_NAME=listening_bench TRIBU_KAFKA_BOOTSTRAP="$kafka" QUARKUS_HTTP_PORT=$port TRIBU_TOPICS_MENTIONS="$mentions_topic" \
    MP_MESSAGING_INCOMING_INGEST_TOPIC="$ingest_topic" MP_MESSAGING_OUTGOING_INGEST_REJECTED_TOPIC="$dlq_topic" \
    QUARKUS_OIDC_TENANT_ENABLED=false \
    java -Xmx384m ${JAVA_OPTS:-} -jar listening-service/target/quarkus-app/quarkus-run.jar >"$log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 180); do
    curl -sf "http://localhost:$port/q/health/ready" >/dev/null && break
    sleep 1
  done
  curl -sf "http://localhost:$port/q/health/ready" >/dev/null || { tail -50 "$log"; echo "[bench] replica $i not ready"; exit 1; }
done

sources=""
for brand in bench-a bench-b bench-c bench-d bench-e bench-f; do
  id="$(cat /proc/sys/kernel/random/uuid)"
  db listening_bench -c "insert into source (id, tenant, brand_id, type, webhook_secret, poll_interval_seconds, owned_channel, enabled, created_at, next_poll_at)
                         values ('$id', 'bench', '$brand', 'webhook', 'unused', 900, false, true, now(), now())"
  sources="${sources:+$sources,}$id"
done

# the victim: the second replica
java -Xmx512m -cp "listening-service/target/test-classes:$(cat "$cp_file")" \
  io.tribu.listening.source.ingest.ReplicasBench "$kafka" "$sources" "$rate" "$seconds" "$kill_at" "${pids[1]}" \
  "$ingest_topic" "$mentions_topic" "$partitions"
echo "[bench] mentions stored: $(db listening_bench -tAc 'select count(*) from mention'), distinct items: $(db listening_bench -tAc 'select count(distinct (source_id, external_id)) from mention')"
