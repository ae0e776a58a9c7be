# shellcheck shell=bash
# The four Tribu services, run from their Quarkus fast-jars on ports 8081..8084. Sourced by ./tribu.

# name:port, in the order they start (CONTRACT.md).
ALL_SERVICES=(listening:8081 moderation:8082 publishing:8083 analytics:8084)
SERVICE_HEAP="${TRIBU_SERVICE_HEAP:--Xmx256m}"
# Further JVM options of the services and the console: none for ./tribu up; ./tribu e2e sets its own (./tribu).
SERVICE_JVM_OPTS=()

# TRIBU_SERVICES="listening moderation" runs a subset, e.g. while a service is still being written.
selected_services() {
  local entry name
  for entry in "${ALL_SERVICES[@]}"; do
    name="${entry%%:*}"
    if [[ -z "${TRIBU_SERVICES:-}" || " $TRIBU_SERVICES " == *" $name "* ]]; then
      echo "$entry"
    fi
  done
}

service_dir() { echo "$TRIBU_ROOT/$1-service"; }
service_jar() { echo "$(service_dir "$1")/target/quarkus-app/quarkus-run.jar"; }

# Fails at once, before any build, when a service has no module yet.
require_service_modules() {
  local entry name missing=()
  for entry in $(selected_services); do
    name="${entry%%:*}"
    [[ -f "$(service_dir "$name")/pom.xml" ]] || missing+=("$name-service")
  done
  if (( ${#missing[@]} )); then
    die "no module yet for: ${missing[*]}. Run the others with e.g. TRIBU_SERVICES=\"listening\" ./tribu up"
  fi
}

# A build is needed when a jar is missing or a pom or source file is newer than it. Kept simple on
# purpose: a false "yes" costs one Maven run, nothing worse.
build_needed() {
  local entry name jar
  for entry in $(selected_services); do
    name="${entry%%:*}"
    jar="$(service_jar "$name")"
    [[ -f "$jar" ]] || return 0
    [[ -n "$(find "$TRIBU_ROOT/pom.xml" "$(service_dir "$name")/pom.xml" "$(service_dir "$name")/src" \
              -newer "$jar" -type f -print -quit 2>/dev/null)" ]] && return 0
  done
  console_build_needed
}

# Maven is quiet (-q) to keep its noise in the log, so a ticker shows that it is still working.
build_services() {
  if ! build_needed; then
    say "service jars are up to date; not building"
    return 0
  fi
  local log="$TRIBU_LOGS/build.log" started pid
  started="$(now)"
  say "building the services and the console: mvn -B -q package -DskipTests (log: $log)"
  (cd "$TRIBU_ROOT" && mvn -B -q -ntp package -DskipTests) >"$log" 2>&1 &
  pid=$!
  printf '%s' "[tribu] building "
  while kill -0 "$pid" 2>/dev/null; do
    sleep 5
    printf '%s ' "$(since "$started")"
  done
  printf '\n'
  if ! wait "$pid"; then
    show_log_tail "$log" 60
    die "the build failed after $(since "$started") (log: $log)"
  fi
  say "built in $(since "$started")"
}

require_service_jars() {
  local entry name missing=()
  for entry in $(selected_services); do
    name="${entry%%:*}"
    [[ -f "$(service_jar "$name")" ]] || missing+=("$(service_jar "$name")")
  done
  (( ${#missing[@]} == 0 )) || die "no jar after the build: ${missing[*]} (is the module listed in pom.xml?)"
}

service_ready() { curl -fsS -o /dev/null "http://localhost:$1/q/health/ready"; }

# Publishing seals channel tokens, listening YouTube API keys, with this key (AES-256): made once per checkout, kept in
# .tribu/.
local_credentials_key() {
  local key="$TRIBU_HOME/credentials.key"
  [[ -s "$key" ]] || { head -c 32 /dev/urandom | base64 >"$key"; chmod 600 "$key"; }
}

# Entries for wait_all_ready: what launch_service and launch_console started and are not ready yet.
SUITE_WAITS=()

# Starts one service from its jar without waiting for it (suite_up waits for all at once).
launch_service() {
  local name="$1" port="$2" pid log heap
  log="$TRIBU_LOGS/$name-service.log"
  if pid="$(live_pid "$name-service")"; then
    say "$name-service already running on :$port (pid $pid); reusing it"
    return 0
  fi
  port_open "$port" && die "port $port is already taken by a process ./tribu did not start"
  say "starting $name-service on http://localhost:$port (log: $log)"
  read -r -a heap <<<"$SERVICE_HEAP"
  local_credentials_key
  # Publishing's channels may use one private address: the demo's fake Mastodon (dev/lib/fake-network.sh).
  local extra_env=()
  [[ "$name" == publishing ]] && extra_env=(TRIBU_CHANNELS_ALLOWED_PRIVATE_NETWORKS="$FAKE_MASTODON_NETWORK")
  # The settings of CONTRACT.md, spelled out so that the running values are visible here.
  TRIBU_DB_HOST=localhost TRIBU_DB_PORT="$PG_PORT" TRIBU_DB_NAME="$name" \
  TRIBU_DB_USER=tribu TRIBU_DB_PASSWORD=tribu \
  TRIBU_KAFKA_BOOTSTRAP="localhost:$KAFKA_PORT" \
  TRIBU_OIDC_ISSUER="$KC_REALM_URL" TRIBU_OIDC_AUDIENCE=tribu-api \
  TRIBU_CREDENTIALS_KEYS="local1:$(cat "$TRIBU_HOME/credentials.key")" TRIBU_CREDENTIALS_ACTIVE_KEY=local1 \
  QUARKUS_HTTP_PORT="$port" \
    start_detached "$name-service" "$log" env "${extra_env[@]}" java "${heap[@]}" "${SERVICE_JVM_OPTS[@]}" -jar "$(service_jar "$name")"
  SUITE_WAITS+=("$name-service|$(live_pid "$name-service")|$log|http://localhost:$port/q/health/ready")
}

# The selected services and the console, started side by side and waited for together (a start waits on Flyway,
# Kafka and OIDC discovery as well as computing; docs/benchmarks/suite.md has the figures): each has its own log, and
# the first that exits, or what is not ready within 180 s per process, is named.
suite_up() {
  local entry started
  require_service_modules
  build_services
  require_service_jars
  started="$(now)"
  SUITE_WAITS=()
  for entry in $(selected_services); do
    launch_service "${entry%%:*}" "${entry##*:}"
  done
  launch_console
  # The budget the one-after-the-other start had, 180 s each: at load 35 the last of five took 172 s and more.
  (( ${#SUITE_WAITS[@]} == 0 )) || wait_all_ready $(( 180 * ${#SUITE_WAITS[@]} )) "${SUITE_WAITS[@]}"
  say "services and console ready in $(since "$started")"
}

# Stops every service that has a pid file, whatever TRIBU_SERVICES says. In parallel: each takes
# a few seconds to shut down gracefully (Kafka clients close, pools drain).
services_down() {
  local entry stopping=()
  for entry in "${ALL_SERVICES[@]}"; do
    stop_detached "${entry%%:*}-service" 30 & stopping+=($!)
  done
  # These stops only: processes this shell started in the background (start_detached) are its jobs too.
  wait "${stopping[@]}"
}

services_status() {
  local entry name port pid health
  for entry in "${ALL_SERVICES[@]}"; do
    name="${entry%%:*}"
    port="${entry##*:}"
    if pid="$(live_pid "$name-service")"; then
      health="$(service_ready "$port" && echo ready || echo 'not ready')"
      say "$(printf '%-11s' "$name") running  http://localhost:$port  pid $pid  rss $(group_rss_mb "$pid")  $health"
    else
      say "$(printf '%-11s' "$name") stopped"
    fi
  done
}

print_service_urls() {
  local entry name port
  cat <<EOF

Tribu is up.
  console              $CONSOLE_URL   sign in as camille / $DEMO_PASSWORD (or alice anna claire nora noe)
EOF
  for entry in $(selected_services); do
    name="${entry%%:*}"
    port="${entry##*:}"
    printf '  %-20s http://localhost:%s/q/swagger-ui   health /q/health   metrics /q/metrics\n' \
      "$name-service" "$port"
  done
  cat <<EOF
  Keycloak admin       $KC_URL/admin/  (admin / admin, realm tribu)
  fake Mastodon        $FAKE_MASTODON_URL/  (cafe-lumiere's channel: its posts and comments, what publishing sent)
  PostgreSQL           psql postgresql://tribu:tribu@127.0.0.1:$PG_PORT/listening
  Kafka                $KAFKA_BOOTSTRAP
  Logs                 $TRIBU_LOGS/

A token (users: alice camille anna claire nora noe, password tribu):
  ./tribu token camille
or with curl alone:
  curl -s -X POST $KC_REALM_URL/protocol/openid-connect/token \\
       -d grant_type=password -d client_id=$KC_CLIENT_ID -d username=camille -d password=$DEMO_PASSWORD | jq -r .access_token
Then, for example:
  curl -i -X POST http://localhost:8081/brands/cafe-lumiere/mentions \\
       -H "Authorization: Bearer \$(./tribu token camille)" -H 'Content-Type: application/json' \\
       -d '{"source":"rss","author":"Léa","text":"Le café du matin est parfait","url":"https://example.org/a","publishedAt":"2026-11-20T10:00:00Z"}'

Stop everything with ./tribu down.
EOF
}
