#!/usr/bin/env bash
# Analytics benchmark: ingest rate through Kafka and the real intake (EventIntake, one transaction per
# poll batch), then p95 latency of every dashboard query over aggregates equivalent to SCALE mentions of
# 50 brands, plus engagement snapshots (Kafka) and POSTS published post variants (SQL) for the engagement
# and best-time queries. Uses the shared PostgreSQL (database analytics, tenant "bench", cleaned first) and Kafka.
#   bench/ingest.sh [KAFKA_EVENTS=50000] [SCALE=10000000] [PARTITIONS=2] [REQUESTS=40] [ENGAGEMENT_EVENTS=20000] [POSTS=200000]
set -euo pipefail
cd "$(dirname "$0")/.."
KAFKA_EVENTS=${1:-50000}
SCALE=${2:-10000000}
PARTITIONS=${3:-2}
REQUESTS=${4:-40}
ENGAGEMENT_EVENTS=${5:-20000}
POSTS=${6:-200000}
BOOTSTRAP=${TRIBU_KAFKA_BOOTSTRAP:-127.0.0.1:59092}
PORT=18084
RUN=$(date +%s)
WORK=target/bench-$RUN
mkdir -p "$WORK"
export PGPASSWORD=${TRIBU_DB_PASSWORD:-tribu}
PSQL=(psql -h 127.0.0.1 -p 55432 -U tribu -d analytics -v ON_ERROR_STOP=1 -qAt)
# Events of TYPE stored since TS per second, from the first batch stored to the last: the consumer's rate.
intake_rate() { "${PSQL[@]}" -c "select round(count(*) / greatest(extract(epoch from max(processed_at) - min(processed_at)), 1)) from processed_event where type = '$1' and processed_at >= '$2'"; }
# Polls COUNT_SQL every 5 s until it reaches TARGET, printing the rate since START.
wait_for() {
  local sql=$1 target=$2 count=0 now
  while [ "$count" -lt "$target" ]; do
    sleep 5
    count=$("${PSQL[@]}" -c "$sql")
    now=$(date +%s.%N)
    printf '  ingested %8d / %d  (%.0f events/s so far)\n' "$count" "$target" "$(echo "$count / ($now - $START)" | bc -l)"
  done
}
log() { printf '[%s] %s\n' "$(date -u +%T)" "$*"; }

log "building analytics-service"
(cd .. && mvn -B -q -o -pl analytics-service package -DskipTests)
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null

# A local key pair stands in for Keycloak: the service verifies the bench token with the public key.
openssl genrsa -out "$WORK/key.pem" 2048 2>/dev/null
PUBLIC_KEY=$(openssl rsa -in "$WORK/key.pem" -pubout 2>/dev/null | grep -v -- '-----' | tr -d '\n')
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
BRANDS=$(printf '"bench-%02d",' $(seq 0 49)); BRANDS="[${BRANDS%,}]"
HEADER=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
PAYLOAD=$(printf '{"iss":"bench","aud":"tribu-api","sub":"bench","upn":"bench","groups":["analyst"],"tenant":"bench","brands":%s,"iat":%d,"exp":%d}' \
  "$BRANDS" "$(date +%s)" "$(( $(date +%s) + 7200 ))" | b64url)
SIGNATURE=$(printf '%s.%s' "$HEADER" "$PAYLOAD" | openssl dgst -sha256 -sign "$WORK/key.pem" -binary | b64url)
TOKEN="$HEADER.$PAYLOAD.$SIGNATURE"

SKIP_LOAD=${SKIP_LOAD:-0}   # 1: keep the rows of the previous run, only measure the queries
if [ "$SKIP_LOAD" != 1 ]; then
log "removing earlier bench rows (tenant bench)"
for table in mention_volume mention_breakdown mention_by_query listening_query mention_by_party mention_text mention_term mention_term_day mention_term_id mention_author raised_alert post_engagement; do
  "${PSQL[@]}" -c "delete from $table where tenant = 'bench'" 2>/dev/null || true
done
fi

# The topic exists with its partitions before the service subscribes (else it is auto-created with one).
java -cp "$(cat "$WORK/cp.txt")" bench/MentionProducer.java "$BOOTSTRAP" tribu.bench.mentions.$RUN 0 50 bench "$PARTITIONS" 2>/dev/null
# Engagement snapshots wait on their topic before the service starts, so their intake rate is the
# consumer's own (a backlog), not the producer's.
ENGAGEMENT_COUNT=0
[ "$SKIP_LOAD" != 1 ] && ENGAGEMENT_COUNT=$ENGAGEMENT_EVENTS
log "producing $ENGAGEMENT_COUNT engagement snapshots (10 per post variant, some late and older) before the service starts"
java -cp "$(cat "$WORK/cp.txt")" bench/EngagementProducer.java "$BOOTSTRAP" tribu.bench.engagement.$RUN "$ENGAGEMENT_COUNT" 50 bench "$PARTITIONS" 2>/dev/null

log "starting the service on :$PORT (topic tribu.bench.mentions.$RUN, $PARTITIONS consumer threads)"
java -Dquarkus.http.port=$PORT -Dquarkus.oidc.public-key="$PUBLIC_KEY" -Dquarkus.oidc.auth-server-url= \
  -Dquarkus.oidc.discovery-enabled=false \
  -Dmp.messaging.incoming.mentions.topic=tribu.bench.mentions.$RUN \
  -Dmp.messaging.incoming.mentions.group.id=analytics-bench-$RUN \
  -Dmp.messaging.incoming.mentions.partitions=$PARTITIONS \
  -Dmp.messaging.incoming.decisions.group.id=analytics-bench-$RUN \
  -Dmp.messaging.incoming.posts.group.id=analytics-bench-$RUN \
  -Dmp.messaging.incoming.engagement.topic=tribu.bench.engagement.$RUN \
  -Dmp.messaging.incoming.engagement.group.id=analytics-bench-$RUN \
  -Dmp.messaging.incoming.engagement.partitions=$PARTITIONS \
  -Dtribu.crisis.check-interval=1h \
  -jar target/quarkus-app/quarkus-run.jar > "$WORK/service.log" 2>&1 &
SERVICE=$!
SERVICE_START_TS=$("${PSQL[@]}" -c "select now()")
trap 'kill $SERVICE 2>/dev/null || true' EXIT INT TERM
until curl -sf "http://localhost:$PORT/q/health/ready" >/dev/null; do sleep 1; done

INGEST_RATE=0
MENTION_INTAKE_RATE=0
ENGAGEMENT_RATE=0
if [ "$SKIP_LOAD" != 1 ]; then
log "waiting for the $ENGAGEMENT_EVENTS engagement snapshots to be stored"
START=$(date +%s.%N)
wait_for "select count(*) from processed_event where type = 'tribu.publishing.engagement.collected.v1' and processed_at >= '$SERVICE_START_TS'" "$ENGAGEMENT_EVENTS"
ENGAGEMENT_RATE=$(intake_rate tribu.publishing.engagement.collected.v1 "$SERVICE_START_TS")
log "$(printf 'engagement ingest: %d snapshots, %d events/s (first to last batch stored)' "$ENGAGEMENT_EVENTS" "$ENGAGEMENT_RATE")"

MENTIONS_START_TS=$("${PSQL[@]}" -c "select now()")
log "producing $KAFKA_EVENTS mention events ($PARTITIONS partitions)"
START=$(date +%s.%N)
java -cp "$(cat "$WORK/cp.txt")" bench/MentionProducer.java "$BOOTSTRAP" tribu.bench.mentions.$RUN "$KAFKA_EVENTS" 50 bench "$PARTITIONS" 2>/dev/null
wait_for "select coalesce(sum(mentions), 0) from mention_volume where tenant = 'bench'" "$KAFKA_EVENTS"
END=$(date +%s.%N)
INGEST_RATE=$(echo "$KAFKA_EVENTS / ($END - $START)" | bc -l)
MENTION_INTAKE_RATE=$(intake_rate tribu.listening.mention.recorded.v1 "$MENTIONS_START_TS")
log "$(printf 'ingest: %d events in %.1f s = %.0f events/s (Kafka -> intake -> PostgreSQL, end to end, 5 s polls); intake %d events/s (first to last batch stored)' "$KAFKA_EVENTS" "$(echo "$END - $START" | bc -l)" "$INGEST_RATE" "$MENTION_INTAKE_RATE")"

"${PSQL[@]}" -c "delete from post_engagement where tenant = 'bench'"

log "generating aggregates equivalent to $SCALE mentions and $POSTS post variants (90 days, 50 brands)"
GEN_START=$(date +%s)
"${PSQL[@]}" -v scale="$SCALE" -v posts="$POSTS" -f bench/generate-scale.sql
log "generated in $(( $(date +%s) - GEN_START )) s; rows: $("${PSQL[@]}" -c "select 'breakdown ' || count(*) from mention_breakdown where tenant = 'bench'") $("${PSQL[@]}" -c "select ', texts ' || count(*) from mention_text where tenant = 'bench'") $("${PSQL[@]}" -c "select ', authors ' || count(*) from mention_author where tenant = 'bench'") $("${PSQL[@]}" -c "select ', term-days ' || sum(length(counts) / 12) from mention_term_day where tenant = 'bench'")"
fi

# Each query: REQUESTS calls on random brands after 3 warm-up calls; curl's total time (HTTP included).
measure() {
  local name=$1 path=$2 times=() brand
  for i in 1 2 3; do curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" "http://localhost:$PORT/brands/bench-00$path"; done
  for i in $(seq 1 "$REQUESTS"); do
    brand=$(printf 'bench-%02d' $(( RANDOM % 50 )))
    times+=("$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN" "http://localhost:$PORT/brands/$brand$path")")
  done
  local bad sorted n
  bad=$(printf '%s\n' "${times[@]}" | awk '$1 != 200' | wc -l)
  sorted=$(printf '%s\n' "${times[@]}" | awk '{ printf "%.1f\n", $2 * 1000 }' | sort -n)
  n=$(echo "$sorted" | wc -l)
  pick() { echo "$sorted" | sed -n "$(( ($1 * n + 99) / 100 ))p"; }
  printf '| %-40s | %4d | %7s | %7s | %7s | %s |\n' "$name" "$n" "$(pick 50)" "$(pick 95)" "$(pick 100)" \
    "$([ "$bad" -eq 0 ] && echo ok || echo "$bad non-200")"
}
M30="from=2026-10-01T22:00:00Z&to=2026-10-31T23:00:00Z"
M90="from=2026-08-03T00:00:00Z&to=2026-11-01T00:00:00Z"
echo
echo "| query (aggregates of $SCALE mentions)  |    n | p50 ms  | p95 ms  | max ms  | status |"
echo "|---|---|---|---|---|---|"
measure "mention-volume 30 d (hourly)"           "/mention-volume?$M30"
measure "mention-volume/breakdown by source 30 d" "/mention-volume/breakdown?by=source&$M30"
measure "sentiment 30 d by day (Paris)"          "/sentiment?granularity=day&tz=Europe/Paris&$M30"
measure "sentiment 7 d by hour"                  "/sentiment?granularity=hour&from=2026-10-24T00:00:00Z&to=2026-10-31T00:00:00Z"
measure "sentiment 90 d by week"                 "/sentiment?granularity=week&$M90"
measure "sentiment/breakdown by query 30 d"      "/sentiment/breakdown?by=query&$M30"
measure "sentiment/breakdown by language 90 d"   "/sentiment/breakdown?by=language&$M90"
measure "share-of-voice 30 d"                    "/share-of-voice?$M30"
measure "share-of-voice 90 d"                    "/share-of-voice?$M90"
measure "sentiment/drivers 7 d"                  "/sentiment/drivers?from=2026-10-24T00:00:00Z&to=2026-10-31T00:00:00Z"
measure "sentiment/drivers 30 d"                 "/sentiment/drivers?$M30"
measure "sentiment/drivers 90 d"                 "/sentiment/drivers?$M90"
measure "authors 30 d"                           "/authors?$M30"
measure "crisis 7 d (8-week baseline)"           "/crisis?from=2026-10-24T00:00:00Z&to=2026-10-31T00:00:00Z"
measure "sentiment 30 d by day, CSV"             "/sentiment?granularity=day&format=csv&$M30"
measure "engagement 30 d by day (Paris)"         "/engagement?granularity=day&tz=Europe/Paris&$M30"
measure "engagement 90 d by week"                "/engagement?granularity=week&$M90"
measure "engagement/posts top 50, 30 d"          "/engagement/posts?$M30"
measure "engagement/breakdown by channel 90 d"   "/engagement/breakdown?by=channel&$M90"
measure "engagement/breakdown by contentType 90 d" "/engagement/breakdown?by=contentType&$M90"
measure "engagement/breakdown by tag 90 d"       "/engagement/breakdown?by=tag&$M90"
measure "best-time 90 d (Paris)"                 "/best-time?tz=Europe/Paris&$M90"
measure "best-slots 7 d ahead (90 d history)"    "/best-slots?count=5&tz=Europe/Paris"
measure "engagement/posts 30 d, CSV"             "/engagement/posts?format=csv&$M30"
echo
printf 'ingest (Kafka, %d partitions, %d events): %.0f events/s end to end, %d events/s intake\n' "$PARTITIONS" "$KAFKA_EVENTS" "$INGEST_RATE" "$MENTION_INTAKE_RATE"
printf 'engagement ingest (Kafka backlog, %d partitions, %d snapshots): %d events/s intake\n' "$PARTITIONS" "$ENGAGEMENT_EVENTS" "$ENGAGEMENT_RATE"
log "done; service log in $WORK/service.log"
