#!/usr/bin/env bash
# Delivery benchmark: N posts (default 10,000) due at the same instant (or SPREAD over a minute), 3 replicas of the packaged
# service on one database, a fake Mastodon counting posts per idempotency key; one replica is killed
# with kill -9 once about half are published. Prints published count, duplicates and lateness.
# Uses the publishing_test database (emptied first; the tests recreate it anyway), ports 18091-18093
# and 18099-18100, and the Kafka topic tribu.bench.publishing.posts.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-10000}
LATENCY_MS=${LATENCY_MS:-20}
# FAKE_LOOPS: event loops of the fake network (1 = the first three rounds' fake, which capped the drain).
FAKE_LOOPS=${FAKE_LOOPS:-4}
LEASE=${LEASE:-5s}
CONCURRENCY=${CONCURRENCY:-16}
BATCH=${BATCH:-100}
LOOKAHEAD=${LOOKAHEAD:-3s}
# JFR=1: each replica records a profile to target/bench/replica-N.jfr (written when it stops; not the killed one).
JFR=${JFR:-}
# SPREAD=60: due times spread uniformly over that many seconds (the same minute) instead of one instant.
SPREAD=${SPREAD:-0}
# WARMUP=2000: first publish that many posts (due at once) and wait for them, so the measured run finds the
# replicas' JIT warm, as long-running replicas are; 0 measures fresh replicas.
WARMUP=${WARMUP:-0}
# JVM_OPTS: more options for the replicas' JVMs (e.g. -Djava.util.concurrent.ForkJoinPool.common.parallelism=4).
JVM_OPTS=${JVM_OPTS:-}
# KILL=0: no replica is killed (to tell the cost of a crash from the rest).
KILL=${KILL:-1}
DB_NAME=publishing_test
JDBC="jdbc:postgresql://127.0.0.1:55432/$DB_NAME"
export PGPASSWORD=tribu
PSQL="psql -h 127.0.0.1 -p 55432 -U tribu -d $DB_NAME -Atq"
KEY="bench1:$(head -c32 /dev/urandom | base64)"
WORK=target/bench
mkdir -p $WORK
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

echo "== build"
mvn -B -q -o package -DskipTests -f pom.xml
mvn -B -q -o test-compile -f pom.xml
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=$WORK/cp.txt -Dmdep.includeScope=test -f pom.xml >/dev/null
CP="target/test-classes:target/classes:$(cat $WORK/cp.txt)"

echo "== fake network"
java -Xmx512m -cp "$CP" io.tribu.publishing.bench.BenchFakeMastodon 18099 "$LATENCY_MS" "$FAKE_LOOPS" > $WORK/fake.log 2>&1 &
PIDS+=($!)

echo "== 3 replicas (JVM_OPTS: ${JVM_OPTS:-none})"
REPLICAS=()
for i in 1 2 3; do
  PROFILE=()
  [[ -n "$JFR" ]] && PROFILE=("-XX:StartFlightRecording=filename=$WORK/replica-$i.jfr,settings=profile")
  # shellcheck disable=SC2206 # several options, split on spaces
  [[ -n "$JVM_OPTS" ]] && PROFILE+=($JVM_OPTS)
  TRIBU_DB_NAME=$DB_NAME TRIBU_CREDENTIALS_KEYS="$KEY" TRIBU_CREDENTIALS_ACTIVE_KEY=bench1 \
  java -Xmx384m "${PROFILE[@]}" -Dquarkus.http.port=1809$i -Dquarkus.oidc.tenant-enabled=false \
       -Dtribu.topics.posts=tribu.bench.publishing.posts -Dtribu.delivery.lease=$LEASE \
       -Dtribu.delivery.worker-id=replica-$i -Dtribu.delivery.concurrency=$CONCURRENCY \
       -Dtribu.delivery.batch-size=$BATCH -Dtribu.delivery.lookahead=$LOOKAHEAD \
       -jar target/quarkus-app/quarkus-run.jar > $WORK/replica-$i.log 2>&1 &
  PIDS+=($!); REPLICAS+=($!)
done
for i in 1 2 3; do
  for _ in $(seq 1 120); do curl -sf http://127.0.0.1:1809$i/q/health/live >/dev/null && break; sleep 1; done
done

if (( WARMUP > 0 )); then
  echo "== warm-up: $WARMUP posts"
  java -cp "$CP" io.tribu.publishing.bench.BenchSeed "$JDBC" tribu tribu "$WARMUP" "$(date -u -d "+5 seconds" +%Y-%m-%dT%H:%M:%S.000Z)" \
       http://127.0.0.1:18099 "$KEY" bench1 0
  until [[ "$($PSQL -c "select count(*) from delivery where state in ('pending','leased','sent-intent')")" -eq 0 ]]; do sleep 1; done
fi

DUE=$(date -u -d "+20 seconds" +%Y-%m-%dT%H:%M:%S.000Z)
echo "== seed $COUNT posts due at $DUE (spread over ${SPREAD}s)"
java -cp "$CP" io.tribu.publishing.bench.BenchSeed "$JDBC" tribu tribu "$COUNT" "$DUE" http://127.0.0.1:18099 "$KEY" bench1 "$SPREAD"

# CPU time (clock ticks) of processes, and of the whole machine (busy idle), to tell where the time goes.
ticks() { local t=0; for p in "$@"; do [[ -r /proc/$p/stat ]] && t=$((t + $(awk '{print $14+$15}' /proc/$p/stat))); done; echo $t; }
machine() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9, $5+$6}' /proc/stat; }
# PostgreSQL: its processes (a backend per pooled connection) plus what its exited children spent; other
# databases' work of the same server is included.
postgres() { local t=0 p; for p in $(pgrep -u postgres); do t=$((t + $(awk '{print $14+$15}' /proc/$p/stat 2>/dev/null || echo 0))); done
  echo $((t + $(awk '{print $16+$17}' /proc/$(pgrep -u postgres -o)/stat))); }
# Counted from the due instant: before it the machine only waits, and its idle seconds said nothing of the drain.
sleep "$(awk -v ms=$(( $(date -d "$DUE" +%s%3N) - $(date +%s%3N) )) 'BEGIN { print (ms > 0 ? ms / 1000 : 0) }')"
read -r BUSY0 IDLE0 <<<"$(machine)"
REPLICAS0=$(ticks "${REPLICAS[@]}"); FAKE0=$(ticks "${PIDS[0]}"); KILLED_TICKS=0; POSTGRES0=$(postgres)

echo "== deliver (kill -9 replica 2 at half)"
KILLED=""
START=$(date +%s)
while true; do
  read -r published open <<<"$($PSQL -F ' ' -c "select count(*) filter (where state='published'), count(*) filter (where state in ('pending','leased','sent-intent')) from delivery")"
  if [[ "$KILL" == 1 && -z "$KILLED" && "$published" -ge $((COUNT / 2)) ]]; then
    KILLED_TICKS=$(ticks "${REPLICAS[1]}")
    kill -9 "${REPLICAS[1]}"; KILLED="at $published published"
    echo "   kill -9 replica 2 $KILLED"
  fi
  if [[ "$open" -eq 0 ]]; then
    echo "   all recorded $(( $(date +%s%3N) - $(date -d "$DUE" +%s%3N) )) ms after the first due time"
    break
  fi
  (( $(date +%s) - START > 600 )) && { echo "   timeout with $open open"; break; }
  sleep 0.5
done

read -r BUSY1 IDLE1 <<<"$(machine)"
HZ=$(getconf CLK_TCK)
echo "   cpu s from the due instant on: machine busy $(( (BUSY1 - BUSY0) / HZ )) idle $(( (IDLE1 - IDLE0) / HZ )) (all cores, other users' work included);" \
  "3 replicas $(( ($(ticks "${REPLICAS[@]}") + KILLED_TICKS - REPLICAS0) / HZ )), fake network $(( ($(ticks "${PIDS[0]}") - FAKE0) / HZ ))," \
  "PostgreSQL $(( ($(postgres) - POSTGRES0) / HZ ))," \
  "load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== results"
$PSQL -F ' ' -c "select 'deliveries', count(*), 'published', count(*) filter (where state='published'),
  'failed', count(*) filter (where state='failed'), 'open', count(*) filter (where state in ('pending','leased','sent-intent')),
  'reconciled (attempts>1)', count(*) filter (where attempts > 1) from delivery"
$PSQL -F ' ' -c "select 'lateness_ms p50', round(percentile_cont(0.5) within group (order by extract(epoch from published_at - due_at) * 1000)),
  'p99', round(percentile_cont(0.99) within group (order by extract(epoch from published_at - due_at) * 1000)),
  'max', round(max(extract(epoch from published_at - due_at) * 1000)) from delivery where state = 'published'"
echo "published per second of lateness (second: count): $($PSQL -c "select string_agg(s || ':' || n, ' ' order by s) from
  (select floor(extract(epoch from published_at - due_at))::int s, count(*) n from delivery where state = 'published' group by 1) t")"
$PSQL -F ' ' -c "select 'posts', status, count(*) from post group by status"
$PSQL -F ' ' -c "select 'events not yet relayed to Kafka (outbox rows)', count(*) from outbox_event"
$PSQL -F ' ' -c "select 'by replica (last holder unknown after publish): lease owners now', count(distinct lease_owner) from delivery"
echo "fake network: $(curl -s http://127.0.0.1:18100/stats)"
