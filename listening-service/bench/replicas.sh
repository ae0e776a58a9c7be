#!/usr/bin/env bash
# Three listening replicas on one machine share the ingest topic (its partitions split by their consumer group);
# one is killed with SIGKILL under load. Reads the mentions topic read_committed and prints the mentions received
# each second, then how many were lost or announced twice (by mention and by event id) and how long the rate and
# the backlog took to come back after the kill. Own database (listening_bench) and topics, deleted at the end. Not
# part of the test suite.
#
#   listening-service/bench/replicas.sh                 # 3 replicas of 3 lanes, 9 partitions, 1000/s for 90 s, kill at 30 s
#   listening-service/bench/replicas.sh 500 60 20 3     # rate, seconds, kill time (s), partitions
#   TRIBU_HOME=/work/homes/x TRIBU_DB_PORT=55437 TRIBU_BENCH_KAFKA=127.0.0.1:59100 listening-service/bench/replicas.sh
#                                                       # on infrastructure already running (own PostgreSQL, a broker)
#   TRIBU_BENCH_SKIP_BUILD=1 ...                        # the service and driver built by the previous run
rate="${1:-1000}"
seconds="${2:-90}"
kill_at="${3:-30}"
partitions="${4:-9}"
replicas=3
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

bench_prepare
bench_database listening_bench
bench_topics
java -cp "listening-service/target/test-classes:$(cat "$cp_file")" io.tribu.listening.source.ingest.ReplicasBench \
  create "$kafka" "$ingest_topic" "$mentions_topic" "$partitions"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
for i in $(seq 1 $replicas); do
  # the first replica migrates the database alone; the others start once it is ready
  bench_start_service listening_bench $((8090 + i)) 384m "$(mktemp)"
  pids+=("$service_pid")
done

bench_sources bench-a bench-b bench-c bench-d bench-e bench-f
# the victim: the second replica
java -Xmx512m -cp "listening-service/target/test-classes:$(cat "$cp_file")" \
  io.tribu.listening.source.ingest.ReplicasBench "$kafka" "$sources" "$rate" "$seconds" "$kill_at" "${pids[1]}" \
  "$ingest_topic" "$mentions_topic" "$partitions"
echo "[bench] mentions stored: $(db listening_bench -tAc 'select count(*) from mention'), distinct items: $(db listening_bench -tAc 'select count(distinct (source_id, external_id)) from mention')"
