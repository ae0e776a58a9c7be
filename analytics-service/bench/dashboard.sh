#!/usr/bin/env bash
# Server time of the dashboard and the agency overview on the data of bench/generate.sh: starts this checkout's
# service on :18085 against database DB (a local key pair in place of Keycloak, Kafka channels on fresh bench
# topics, scheduled jobs off), then prints p50 / p95 / max of curl's total time (HTTP on localhost included) for
#   - the dashboard of bench-1m over the 90 days ending at END: cold (the first REQUESTS calls after the start, each
#     on another period, 90 days shifted by one hour) and warm (REQUESTS calls on one period after 5 warm-ups);
#   - the agency overview of the 50 bench brands, cold then warm the same way;
#   - each section's own endpoint, warm, to show where the dashboard's time goes.
#   bench/dashboard.sh [DB=analytics] [END=now, cut to the hour: the END given to generate.sh] [REQUESTS=20]
# Take the shared lock: flock /tmp/tribu-bench.lock bench/dashboard.sh ...
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-analytics}
END=${2:-$(date -u +%Y-%m-%dT%H:00:00Z)}
REQUESTS=${3:-20}
PORT=18085
RUN=$(date +%s)
WORK=target/bench-dashboard-$RUN
mkdir -p "$WORK"
log() { printf '[%s] %s\n' "$(date -u +%T)" "$*"; }

log "building analytics-service"
(cd .. && mvn -B -q -o -pl analytics-service -am package -DskipTests)

openssl genrsa -out "$WORK/key.pem" 2048 2>/dev/null
PUBLIC_KEY=$(openssl rsa -in "$WORK/key.pem" -pubout 2>/dev/null | grep -v -- '-----' | tr -d '\n')
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
BRANDS=$(printf '"bench-%02d",' $(seq 1 49)); BRANDS="[\"bench-1m\",${BRANDS%,}]"
HEADER=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
PAYLOAD=$(printf '{"iss":"bench","aud":"tribu-api","sub":"bench","upn":"bench","groups":["analyst"],"tenant":"soleil","brands":%s,"iat":%d,"exp":%d}' \
  "$BRANDS" "$(date +%s)" "$(( $(date +%s) + 7200 ))" | b64url)
SIGNATURE=$(printf '%s.%s' "$HEADER" "$PAYLOAD" | openssl dgst -sha256 -sign "$WORK/key.pem" -binary | b64url)
TOKEN="$HEADER.$PAYLOAD.$SIGNATURE"

log "starting the service on :$PORT (database $DB)"
TOPICS=()
for channel in mentions decisions actions posts engagement; do
  TOPICS+=("-Dmp.messaging.incoming.$channel.topic=tribu.bench.$channel.$RUN" "-Dmp.messaging.incoming.$channel.group.id=analytics-bench-$RUN")
done
TRIBU_DB_NAME=$DB java -Dquarkus.http.port=$PORT -Dquarkus.oidc.public-key="$PUBLIC_KEY" -Dquarkus.oidc.auth-server-url= \
  -Dquarkus.oidc.discovery-enabled=false -Dquarkus.scheduler.enabled=false "${TOPICS[@]}" \
  -Dmp.messaging.outgoing.outbox.topic=tribu.bench.alerts.$RUN \
  -jar target/quarkus-app/quarkus-run.jar > "$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT INT TERM
until curl -sf "http://localhost:$PORT/q/health/ready" >/dev/null; do sleep 1; done

call() { curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $TOKEN" "http://localhost:$PORT$1"; }
# Prints n, p50, p95, max (ms) of the "status seconds" lines on stdin, and how many were not 200.
summary() {
  local name=$1 lines sorted n bad
  lines=$(cat)
  bad=$(echo "$lines" | awk '$1 != 200' | wc -l)
  sorted=$(echo "$lines" | awk '{ printf "%.1f\n", $2 * 1000 }' | sort -n)
  n=$(echo "$sorted" | wc -l)
  pick() { echo "$sorted" | sed -n "$(( ($1 * n + 99) / 100 ))p"; }
  printf '| %-44s | %3d | %8s | %8s | %8s | %s |\n' "$name" "$n" "$(pick 50)" "$(pick 95)" "$(pick 100)" \
    "$([ "$bad" -eq 0 ] && echo ok || echo "$bad non-200")"
}
period() { # the 90 days ending SHIFT hours before END
  local to from
  to=$(date -u -d "$END - $1 hours" +%Y-%m-%dT%H:00:00Z)
  from=$(date -u -d "$END - $1 hours - 90 days" +%Y-%m-%dT%H:00:00Z)
  echo "from=$from&to=$to"
}
P90=$(period 0)
DASHBOARD="/brands/bench-1m/dashboard?$P90&granularity=day&tz=Europe/Paris"

echo
echo "| call (bench-1m: 1,000,000 mentions over 90 days; 50 brands) | n | p50 ms | p95 ms | max ms | status |"
echo "|---|---|---|---|---|---|"
for i in $(seq 1 "$REQUESTS"); do call "/brands/bench-1m/dashboard?$(period "$i")&granularity=day&tz=Europe/Paris"; done \
  | summary "dashboard 90 d, cold (first calls, new periods)"
for i in $(seq 1 5); do call "$DASHBOARD" >/dev/null; done
for i in $(seq 1 "$REQUESTS"); do call "$DASHBOARD"; done | summary "dashboard 90 d, warm"
for i in $(seq 1 "$REQUESTS"); do call "/brands/bench-1m/dashboard?$(period 0 | sed 's/from=[^&]*/from='"$(date -u -d "$END - 30 days" +%Y-%m-%dT%H:00:00Z)"'/')&tz=Europe/Paris"; done \
  | summary "dashboard 30 d, warm"
for i in $(seq 1 "$REQUESTS"); do call "/agency/overview?hours=$(( 24 + i ))"; done | summary "agency overview, 50 brands, cold (new windows)"
for i in $(seq 1 5); do call "/agency/overview" >/dev/null; done
for i in $(seq 1 "$REQUESTS"); do call "/agency/overview"; done | summary "agency overview, 50 brands, warm"
for section in "sentiment?$P90&granularity=day&tz=Europe/Paris" "crisis?$P90" "share-of-voice?$P90" \
               "sentiment/drivers?$P90&limit=10" "authors?$P90&limit=10" "moderation/response-times?$P90" \
               "moderation/response-times/breakdown?by=channel&$P90" "moderation/decisions?$P90" "engagement?$P90&granularity=day&tz=Europe/Paris" \
               "engagement/breakdown?by=channel&$P90" "engagement/breakdown?by=tag&$P90" "engagement/posts?$P90&limit=10" \
               "best-time?$P90&tz=Europe/Paris" "reviews/ratings?$P90&granularity=day&tz=Europe/Paris"; do
  for i in 1 2 3; do call "/brands/bench-1m/$section" >/dev/null; done
  for i in $(seq 1 10); do call "/brands/bench-1m/$section"; done | summary "  section: ${section%%\?*}$(grep -o 'by=[a-zA-Z]*' <<<"$section" | sed 's/by=/ by /')"
done
echo
log "done; service log in $WORK/service.log"
