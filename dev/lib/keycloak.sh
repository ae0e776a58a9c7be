# shellcheck shell=bash
# Local Keycloak 26 for Tribu: dev mode on http://localhost:8180 with the realm of
# dev/keycloak/tribu-realm.json (demo users, roles, token mappers). Sourced by ./tribu.

KC_VERSION=26.7.0
KC_PORT=8180
KC_URL="http://localhost:$KC_PORT"
KC_REALM_URL="$KC_URL/realms/tribu"
KC_DIR="$TRIBU_HOME/keycloak"
KC_HOME="$KC_DIR/keycloak-$KC_VERSION"
KC_LOG="$TRIBU_LOGS/keycloak.log"
KC_REALM_FILE="$TRIBU_ROOT/dev/keycloak/tribu-realm.json"
KC_CLIENT_ID=tribu-cli
DEMO_PASSWORD=tribu

# The server is the keycloak-quarkus-dist zip from Maven, unpacked once.
install_keycloak() {
  [[ -x "$KC_HOME/bin/kc.sh" ]] && return 0
  local zip="$TRIBU_DOWNLOADS/keycloak-quarkus-dist-$KC_VERSION.zip" started
  maven_fetch "Keycloak $KC_VERSION" dependency:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory="$TRIBU_DOWNLOADS"
  started="$(now)"
  say "unpacking Keycloak into $KC_DIR"
  rm -rf "$KC_HOME"
  mkdir -p "$KC_DIR"
  if command -v unzip >/dev/null 2>&1; then
    unzip -q "$zip" -d "$KC_DIR"
  else
    (cd "$KC_DIR" && jar xf "$zip")     # the JDK's jar loses the exec bits: restored below
  fi
  chmod +x "$KC_HOME"/bin/*.sh
  rm -f "$zip"                          # Maven's local repository still has it
  say "unpacked Keycloak in $(since "$started")"
}

# Dev mode keeps its data in an H2 file and --import-realm skips a realm that already exists, so
# when the realm file changed the old database is dropped: the file stays the source of truth.
stage_realm_import() {
  local import_dir="$KC_HOME/data/import" stamp="$KC_DIR/realm-file.sha256" sum
  sum="$(sha256sum "$KC_REALM_FILE" | cut -d' ' -f1)"
  if [[ -d "$KC_HOME/data/h2" && "$(cat "$stamp" 2>/dev/null)" != "$sum" ]]; then
    say "realm file changed since the last import: resetting Keycloak's dev database"
    rm -rf "$KC_HOME/data/h2"
  fi
  mkdir -p "$import_dir"
  cp "$KC_REALM_FILE" "$import_dir/tribu-realm.json"
  echo "$sum" >"$stamp"
}

keycloak_ready() { curl -fsS -o /dev/null "$KC_REALM_URL/.well-known/openid-configuration"; }

start_keycloak_server() {
  if port_open "$KC_PORT"; then
    die "port $KC_PORT is already taken by a process ./tribu did not start"
  fi
  local started pid
  started="$(now)"
  say "starting Keycloak $KC_VERSION (dev mode) on $KC_URL (log: $KC_LOG); ~40 s the first time, ~10 s later"
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    start_detached keycloak "$KC_LOG" "$KC_HOME/bin/kc.sh" start-dev \
      --http-port="$KC_PORT" --http-host=127.0.0.1 --import-realm
  pid="$(live_pid keycloak)"
  wait_until "Keycloak realm tribu" "${KC_START_TIMEOUT:-300}" "$pid" "$KC_LOG" keycloak_ready
  say "Keycloak started in $(since "$started")"
}

keycloak_up() {
  local pid
  require_command curl
  require_command jq
  if pid="$(live_pid keycloak)"; then
    say "Keycloak already running on $KC_URL (pid $pid); reusing it"
  else
    install_keycloak
    stage_realm_import
    start_keycloak_server
  fi
  verify_token_claims camille
}

keycloak_down() { stop_detached keycloak 30; }

keycloak_status() {
  local pid
  if pid="$(live_pid keycloak)"; then
    say "Keycloak    running  $KC_URL  pid $pid  rss $(group_rss_mb "$pid")"
  else
    say "Keycloak    stopped"
  fi
}

# --- tokens ---------------------------------------------------------------------------------

# A password-grant access token for a demo user from the public client tribu-cli. The token is
# asked of "localhost" on purpose: its issuer must equal the services' TRIBU_OIDC_ISSUER.
access_token() {
  local user="$1" response
  response="$(curl -sS -X POST "$KC_REALM_URL/protocol/openid-connect/token" \
    -d grant_type=password -d client_id="$KC_CLIENT_ID" \
    -d username="$user" -d password="$DEMO_PASSWORD")" \
    || die "Keycloak does not answer on $KC_URL: start it with ./tribu keycloak up"
  jq -er '.access_token // empty' <<<"$response" 2>/dev/null \
    || die "no token for '$user': $(jq -c . <<<"$response" 2>/dev/null || echo "$response")"
}

# The JSON payload of a JWT (base64url, unpadded).
jwt_claims() {
  local payload
  payload="$(cut -d. -f2 <<<"$1" | tr '_-' '/+')"
  while (( ${#payload} % 4 )); do payload+="="; done
  base64 -d <<<"$payload" | jq .
}

# Proves the realm does what CONTRACT.md says: tenant (string), brands (array), groups (roles),
# aud containing tribu-api.
verify_token_claims() {
  local user="$1" claims
  claims="$(jwt_claims "$(access_token "$user")")"
  if jq -e '(.tenant | type == "string")
            and (.brands | type == "array" and length > 0)
            and (.groups | type == "array" and length > 0)
            and ([.aud] | flatten | index("tribu-api") != null)' <<<"$claims" >/dev/null; then
    say "token for $user carries $(jq -c '{tenant, brands, groups, aud}' <<<"$claims")"
  else
    printf '%s\n' "$claims" >&2
    die "the token for $user lacks a claim CONTRACT.md promises (tenant, brands, groups, aud=tribu-api)"
  fi
}
