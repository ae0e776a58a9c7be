#!/usr/bin/env bash
# Builds ONCE a database holding stored mentions, for firehose.sh to copy (TRIBU_BENCH_TEMPLATE=<db>): the service
# migrates it, then prefill.sql fills it. Prints the time each step took and the database's size. Not part of the
# test suite.
#   listening-service/bench/template.sh                          # listening_10m: 10,000,000 mentions
#   listening-service/bench/template.sh 1000000 listening_1m     # another count and name
#   TRIBU_HOME=/work/homes/x TRIBU_DB_PORT=55437 TRIBU_BENCH_KAFKA=127.0.0.1:59100 listening-service/bench/template.sh
count="${1:-10000000}"
name="${2:-listening_10m}"
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

bench_prepare
TRIBU_BENCH_TEMPLATE="" bench_database "$name"
bench_start_service "$name" 8091 512m "$(mktemp)"
kill "$service_pid"
wait "$service_pid" || true
workers="${TRIBU_BENCH_WORKERS:-4}"
fill() { db "$name" -v phase="$1" "${@:2}" -f listening-service/bench/prefill.sql 2>&1 | grep -v '^$' || true; }
started=$(date +%s)
fill prepare
echo "[bench] storing $count mentions, $workers sessions at once (bench/prefill.sql)"
for k in $(seq 0 $((workers - 1))); do
  fill rows -v from=$((k * count / workers + 1)) -v to=$(((k + 1) * count / workers)) &
done
wait
rows=$(date +%s)
echo "[bench] rows in $((rows - started)) s; building the indexes, $workers sessions at once"
for k in $(seq 0 $((workers - 1))); do
  fill indexes -v worker="$k" -v workers="$workers" >/dev/null &
done
wait
indexes=$(date +%s)
echo "[bench] indexes in $((indexes - rows)) s; freezing and analysing"
fill finish
echo "[bench] $name: $(db "$name" -tAc 'select count(*) from mention') mentions in $(( $(date +%s) - started )) s \
(rows $((rows - started)) s, indexes $((indexes - rows)) s, vacuum $(( $(date +%s) - indexes )) s); \
$(db "$name" -tAc "select pg_size_pretty(pg_database_size('$name'))")"
