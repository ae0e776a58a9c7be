#!/usr/bin/env bash
# End to end on this machine: owned-channel comments into Kafka at a fixed rate (half of them insults) ->
# moderation (classify, 51-rule charter, store, audit) -> a hide requested from publishing for each insult.
# Prints p50/p95/p99 from the comment's send to the hide request, and the service's memory.
# Starts PostgreSQL and Kafka (./tribu infra up), builds and starts the service on a fresh database
# moderation_bench with its own topics (deleted at the end). Not part of the test suite.
#
#   moderation-service/bench/charter-e2e.sh             # 500 comments/s for 180 s, the first 60 s as JIT warm-up
#   moderation-service/bench/charter-e2e.sh 800 60 20   # another rate (per second), duration and warm-up (seconds)
#   BENCH_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/m.jfr moderation-service/bench/charter-e2e.sh   # with a profile
set -euo pipefail

rate="${1:-500}"
seconds="${2:-180}"
warmup="${3:-60}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$repo"
port=8092
TRIBU_ROOT="$repo"
# shellcheck source=../../dev/lib/common.sh
source dev/lib/common.sh
# shellcheck source=../../dev/lib/postgres.sh
source dev/lib/postgres.sh
db() { PGPASSWORD=tribu "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U tribu -d "$1" -v ON_ERROR_STOP=1 "${@:2}"; }

echo "[bench] infrastructure"
./tribu infra up
echo "[bench] building the service"
cp_file="$(mktemp)"
# one reactor run: the platform's classes come from its module, not from a stale local repository
mvn -B -q -o -pl moderation-service -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
  -Dmdep.outputFile="$cp_file"
bench_cp="$repo/moderation-service/target/test-classes:$repo/moderation-service/target/classes:$(cat "$cp_file")"

echo "[bench] fresh database moderation_bench"
printf '%s\n' "drop database if exists moderation_bench;" "create database moderation_bench owner tribu;" \
  | pg_as_owner "$PG_BIN/psql" -q -X -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$PG_PORT" -U postgres -d postgres

run_id="$(date +%s)"
mentions_topic="tribu.bench.moderation.mentions.$run_id"
actions_topic="tribu.bench.moderation.actions.$run_id"
decisions_topic="tribu.bench.moderation.decisions.$run_id"
outcomes_topic="tribu.bench.moderation.outcomes.$run_id"
sla_topic="tribu.bench.moderation.sla.$run_id"
dlq_topic="tribu.bench.moderation.dlq.$run_id"
log="$(mktemp)"
echo "[bench] starting moderation-service on :$port (log $log)"
TRIBU_DB_NAME=moderation_bench QUARKUS_HTTP_PORT=$port TRIBU_KAFKA_GROUP="moderation-bench-$run_id" \
  MP_MESSAGING_INCOMING_MENTIONS_TOPIC="$mentions_topic" MP_MESSAGING_INCOMING_MENTIONS_DEAD_LETTER_QUEUE_TOPIC="$dlq_topic" \
  MP_MESSAGING_INCOMING_ACTION_OUTCOMES_TOPIC="$outcomes_topic" MP_MESSAGING_INCOMING_ACTION_OUTCOMES_DEAD_LETTER_QUEUE_TOPIC="$dlq_topic" \
  TRIBU_TOPICS_ACTIONS="$actions_topic" TRIBU_TOPICS_DECISIONS="$decisions_topic" TRIBU_TOPICS_SLA="$sla_topic" \
  QUARKUS_OIDC_TENANT_ENABLED=false \
  java -Xmx512m ${BENCH_JAVA_OPTS:-} -jar moderation-service/target/quarkus-app/quarkus-run.jar >"$log" 2>&1 &
service=$!
cleanup() {
  kill $service 2>/dev/null || true
  java -cp "$bench_cp" io.tribu.moderation.inbox.BenchTopics 127.0.0.1:59092 delete "$mentions_topic" "$actions_topic" \
    "$decisions_topic" "$outcomes_topic" "$sla_topic" "$dlq_topic" || true
  rm -f "$cp_file"
}
trap cleanup EXIT
for _ in $(seq 1 60); do
  curl -sf "http://localhost:$port/q/health/ready" >/dev/null && break
  sleep 1
done
curl -sf "http://localhost:$port/q/health/ready" >/dev/null || { tail -50 "$log"; echo "[bench] service not ready"; exit 1; }

echo "[bench] the brand's charter: hide insults + 50 varied rules"
charter="$(cd moderation-service && java -cp "$bench_cp" io.tribu.moderation.inbox.CommentFloodBench charter)"
echo "insert into charter_revision (tenant, brand_id, version, document, saved_by, saved_at)
      values ('bench', 'bench-brand', 1, :'doc'::jsonb, 'bench', now());" | db moderation_bench -v doc="$charter"

(cd moderation-service && java -Xmx1g -cp "$bench_cp" io.tribu.moderation.inbox.CommentFloodBench 127.0.0.1:59092 \
  "$rate" "$seconds" "$service" "$mentions_topic" "$actions_topic" bench bench-brand "$warmup")
# Where the time goes: comment sent (publishedAt) -> item stored in the intake transaction (received_at);
# the rest of the hide latency is the commit and the outbox relay to Kafka.
echo "[bench] comment sent -> item stored, after the warm-up (ms): $(db moderation_bench -tAc "
  select string_agg(p || ' ' || round(v), ', ') from (
    select unnest(array['p50','p95','p99','max']) p,
           unnest(percentile_cont(array[0.5,0.95,0.99,1.0]) within group (order by extract(epoch from received_at - published_at) * 1000)) v
    from inbox_item where published_at > (select min(published_at) + interval '$warmup seconds' from inbox_item)) q")"
echo "[bench] items stored: $(db moderation_bench -tAc 'select count(*) from inbox_item'), hidden: $(db moderation_bench -tAc "select count(*) from inbox_item where status = 'hidden'"), decisions: $(db moderation_bench -tAc 'select count(*) from decision')"
