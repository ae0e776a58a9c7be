# shellcheck shell=bash
# The console (port 8080): the web page and its backend-for-frontend, run from its Quarkus fast-jar
# like the services. Sourced by ./tribu; needs common.sh, keycloak.sh and services.sh.

CONSOLE_PORT=8080
CONSOLE_URL="http://localhost:$CONSOLE_PORT"
CONSOLE_DIR="$TRIBU_ROOT/console"
CONSOLE_JAR="$CONSOLE_DIR/target/quarkus-app/quarkus-run.jar"
# The dev secret of the tribu-console client in dev/keycloak/tribu-realm.json (a Secret in Kubernetes).
CONSOLE_CLIENT_SECRET=tribu-console-dev-secret

# True when the console's jar is missing or older than its pom, Java sources or page sources.
console_build_needed() {
  [[ -f "$CONSOLE_JAR" ]] || return 0
  [[ -n "$(find "$TRIBU_ROOT/pom.xml" "$CONSOLE_DIR/pom.xml" "$CONSOLE_DIR/src" "$CONSOLE_DIR/web/src" \
            "$CONSOLE_DIR/web/public" "$CONSOLE_DIR/web/package.json" "$CONSOLE_DIR/web/index.html" \
            -newer "$CONSOLE_JAR" -type f -print -quit 2>/dev/null)" ]]
}

# The key that encrypts the session cookie: made once per checkout and kept, so a restart does not
# sign everybody out.
console_session_key() {
  local key="$TRIBU_HOME/console-session.key"
  [[ -s "$key" ]] || { head -c 32 /dev/urandom | base64 | tr -d '\n' >"$key"; chmod 600 "$key"; }
  cat "$key"
}

# Starts the console without waiting for it: suite_up (dev/lib/services.sh) waits for it with the services.
launch_console() {
  local pid log="$TRIBU_LOGS/console.log" heap
  if pid="$(live_pid console)"; then
    say "console already running on $CONSOLE_URL (pid $pid); reusing it"
    return 0
  fi
  [[ -f "$CONSOLE_JAR" ]] || die "no console jar ($CONSOLE_JAR): build it with mvn -pl console -am package -DskipTests"
  port_open "$CONSOLE_PORT" && die "port $CONSOLE_PORT is already taken by a process ./tribu did not start"
  say "starting the console on $CONSOLE_URL (log: $log)"
  read -r -a heap <<<"$SERVICE_HEAP"
  # Plain HTTP on localhost: the cookies cannot be Secure here (they are in production).
  TRIBU_OIDC_ISSUER="$KC_REALM_URL" TRIBU_CONSOLE_CLIENT_SECRET="$CONSOLE_CLIENT_SECRET" \
  TRIBU_CONSOLE_SESSION_KEY="$(console_session_key)" \
  TRIBU_CONSOLE_SECURE_COOKIES=false QUARKUS_OIDC_AUTHENTICATION_COOKIE_FORCE_SECURE=false \
  TRIBU_LISTENING_URL=http://localhost:8081 TRIBU_MODERATION_URL=http://localhost:8082 \
  TRIBU_PUBLISHING_URL=http://localhost:8083 TRIBU_ANALYTICS_URL=http://localhost:8084 \
  QUARKUS_HTTP_PORT="$CONSOLE_PORT" \
    start_detached console "$log" java "${heap[@]}" "${SERVICE_JVM_OPTS[@]}" -jar "$CONSOLE_JAR"
  SUITE_WAITS+=("console|$(live_pid console)|$log|$CONSOLE_URL/q/health/ready")
}

console_down() { stop_detached console 30; }

console_status() {
  local pid
  if pid="$(live_pid console)"; then
    say "console     running  $CONSOLE_URL  pid $pid  rss $(group_rss_mb "$pid")"
  else
    say "console     stopped"
  fi
}
