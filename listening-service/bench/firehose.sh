#!/usr/bin/env bash
# Whole listening service, Kafka in to Kafka out with enrichment: pushes mentions into the ingest topic at a
# fixed rate and measures them arriving on the mentions topic (throughput, ingest -> event latency, service memory,
# and CPU time per mention of every process: the service, PostgreSQL with its backends, Kafka, the driver); the run
# uses its own topics and deletes them at the end.
# Starts PostgreSQL and Kafka (./tribu infra up), builds and starts the service on a fresh database
# listening_bench (empty, or a copy of a template holding stored mentions), runs the driver, stops the service. Not
# part of the test suite.
#
#   listening-service/bench/firehose.sh                 # 6000 mentions/s for 600 s
#   listening-service/bench/firehose.sh 2000 120        # another rate (per second) and duration (seconds)
#   TRIBU_BENCH_TEMPLATE=listening_10m listening-service/bench/firehose.sh 500 120
#                                                       # with 10 million mentions stored before (50 brands, a year of
#                                                       # publication times): the template made once by template.sh
#   TRIBU_HOME=/work/homes/x TRIBU_DB_PORT=55437 TRIBU_BENCH_KAFKA=127.0.0.1:59100 listening-service/bench/firehose.sh
#                                                       # on infrastructure already running (own PostgreSQL, a broker)
#   TRIBU_BENCH_SKIP_BUILD=1 ...                        # the service and driver built by the previous run
#   TRIBU_BENCH_PORT=8093 ...                           # the service's HTTP port (8091), when another bench has it
#   JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/firehose.jfr listening-service/bench/firehose.sh 6000 180
#                                                       # JAVA_OPTS go to the service's JVM (here: profile it)
rate="${1:-6000}"
seconds="${2:-600}"
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
port="${TRIBU_BENCH_PORT:-8091}"

bench_prepare
bench_database listening_bench
bench_topics
bench_start_service listening_bench "$port" 512m "$(mktemp)"
service=$service_pid
trap 'kill $service 2>/dev/null || true' EXIT

# what the CPU per mention is counted for, besides the service and the driver
pid_on_port() { ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
processes="postgres=$(postgres_pid),kafka=$(pid_on_port "${kafka##*:}")"

# twelve brands (keys) over the ingest topic's 3 partitions: each partition, so each lane of the service, gets some
bench_sources bench-a bench-b bench-c bench-d bench-e bench-f bench-g bench-h bench-i bench-j bench-k bench-l
java -Xmx1g -cp "listening-service/target/test-classes:$(cat "$cp_file")" \
  io.tribu.listening.source.ingest.FirehoseBench "$kafka" "$sources" "$rate" "$seconds" "$service" \
  "$ingest_topic" "$mentions_topic" "$processes" "$dlq_topic"
echo "[bench] mentions stored: $(db listening_bench -tAc 'select count(*) from mention')"
# the batch cycle, from the service's meters (KafkaIngest): records per batch, ms to store and to commit one
{ curl -sf "http://localhost:$port/q/metrics" || true; } | awk '
  /^tribu_ingest_batch_records_count/ {n=$2} /^tribu_ingest_batch_records_sum/ {r=$2}
  /^tribu_ingest_batch_records_max/ {m=$2}
  /^tribu_ingest_batch_store_seconds_sum/ {s=$2} /^tribu_ingest_batch_commit_seconds_count/ {cn=$2}
  /^tribu_ingest_batch_commit_seconds_sum/ {c=$2}
  END { if (n > 0) printf "[bench] batches: %d, %.0f records each (max %d), store %.0f ms, commit %.0f ms each\n",
          n, r / n, m, 1000 * s / n, (cn > 0 ? 1000 * c / cn : 0) }'
