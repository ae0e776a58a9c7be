# shellcheck shell=bash
# The operations checks of docs/operations.md, run by ./tribu test after Maven (they use what it built:
# listening's jar, and the chart's alert rules rendered by the k8s module into k8s/target/prometheus/),
# or alone with ./tribu ops-check. Sourced by ./tribu.
#   forced_alert_check  a real Prometheus scrapes a real listening-service whose broker is dead and sees
#                       TribuOutboxStuck fire
#   restore_check       listening's database dumped and restored into a fresh one: the service resumes
#                       and every event reaches Kafka exactly once
#   consumer_restore_check  analytics' database dumped while it consumes, restored into a fresh one, its
#                       group's offsets moved back: it resumes and counts every event exactly once
#   upgrade_check       this round's migrations expand only; the previous release's schema of every service
#                       whose migrations changed is migrated by its new code, which relays what waited in it
# Ports 9181 (the service), 9183 (the dead broker: nothing listens there), 9184 (Prometheus).

OPS_SERVICE_PORT=9181
OPS_DEAD_BROKER_PORT=9183
OPS_PROMETHEUS_PORT=9184
OPS_DIR="$TRIBU_HOME/ops"
OPS_STARTED=()

# psql as the cluster's superuser (databases are created and dropped here), or as tribu on one database.
ops_admin_sql() {
  PGOPTIONS="-c client_min_messages=warning" pg_as_owner "$PG_BIN/psql" -q -X -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$PG_PORT" -U postgres -d postgres "$@"
}
ops_sql() {
  local db="$1"
  shift
  PGPASSWORD=tribu "$PG_BIN/psql" -q -X -tA -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U tribu -d "$db" "$@"
}

ops_fresh_database() {
  ops_admin_sql -c "drop database if exists $1 with (force)" -c "create database $1 owner tribu" >/dev/null \
    || die "could not create database $1"
}

# A service ($1: listening, moderation, publishing, analytics) from its jar on the ops port, against database $2
# and broker $3; OIDC off (nothing here calls its API: events are appended to the outbox as the service itself
# would, or produced to the topics it reads). Publishing and listening get a credentials keyring of their own.
ops_start_service() {
  local name="$1" db="$2" bootstrap="$3" log="$TRIBU_LOGS/ops-$1.log" pid keys="" active_key=""
  [[ -f "$(service_jar "$name")" ]] || die "no $name jar: run mvn package (./tribu test builds it)"
  port_open "$OPS_SERVICE_PORT" && die "port $OPS_SERVICE_PORT is taken"
  if [[ "$name" == publishing || "$name" == listening ]]; then keys="ops:$(head -c 32 /dev/urandom | base64)" active_key=ops; fi
  TRIBU_CREDENTIALS_KEYS="$keys" TRIBU_CREDENTIALS_ACTIVE_KEY="$active_key" \
  TRIBU_DB_HOST=127.0.0.1 TRIBU_DB_PORT="$PG_PORT" TRIBU_DB_NAME="$db" TRIBU_DB_USER=tribu TRIBU_DB_PASSWORD=tribu \
  TRIBU_KAFKA_BOOTSTRAP="$bootstrap" QUARKUS_OIDC_TENANT_ENABLED=false QUARKUS_HTTP_PORT="$OPS_SERVICE_PORT" \
    start_detached "ops-$name" "$log" java -Xmx256m -jar "$(service_jar "$name")"
  OPS_STARTED+=("ops-$name")
  pid="$(live_pid "ops-$name")"
  wait_until "$name-service on :$OPS_SERVICE_PORT (/q/health/ready)" 120 "$pid" "$log" service_ready "$OPS_SERVICE_PORT"
}

# One event appended to the outbox of database $1 (id $2, key $3, topic $4: listening's mentions by default), as a
# service does in its transaction (id, topic, key, payload).
ops_append_event() {
  local db="$1" id="$2" key="${3:-ops-check}" topic="${4:-tribu.listening.mentions}"
  ops_sql "$db" -c "insert into outbox_event (id, topic, message_key, payload, created_at)
    values ('$id', '$topic', '$key',
            '{\"specversion\":\"1.0\",\"id\":\"$id\",\"type\":\"tribu.ops.check.v1\",\"source\":\"ops-check\"}',
            now())" >/dev/null || die "could not append an event to $db's outbox"
}

ops_stop_started() {
  local name
  for name in "${OPS_STARTED[@]}"; do
    if live_pid "$name" >/dev/null; then stop_detached "$name" 20; fi
  done
  OPS_STARTED=()
}

# Every process a check may have started, whichever check: for ./tribu test, whose checks run in the background and
# are stopped from outside (Ctrl-C) by their pid files.
ops_stop_all() {
  local entry name
  for name in ops-prometheus $(for entry in "${ALL_SERVICES[@]}"; do echo "ops-${entry%%:*}"; done); do
    if live_pid "$name" >/dev/null; then stop_detached "$name" 20; fi
  done
}

forced_alert_check() {
  local started rules="$TRIBU_ROOT/k8s/target/prometheus/tribu-alerts-fast.yaml" dir="$OPS_DIR/prometheus" state
  started="$(now)"
  [[ -f "$(service_jar listening)" ]] || die "no listening jar: run mvn package (./tribu test builds it)"
  [[ -f "$rules" ]] || die "no $rules: run mvn -pl k8s verify (./tribu test does)"
  port_open "$OPS_DEAD_BROKER_PORT" && die "port $OPS_DEAD_BROKER_PORT must be free: it plays the dead broker"
  ops_fresh_database ops_forced
  ops_start_service listening ops_forced "127.0.0.1:$OPS_DEAD_BROKER_PORT"

  rm -rf "$dir" && mkdir -p "$dir"
  cat >"$dir/prometheus.yml" <<EOF
global:
  scrape_interval: 2s
  evaluation_interval: 2s
rule_files:
  - $rules
scrape_configs:
  - job_name: tribu-listening
    metrics_path: /q/metrics
    static_configs:
      - targets: ['127.0.0.1:$OPS_SERVICE_PORT']
        labels: {namespace: ops-check}
EOF
  start_detached ops-prometheus "$TRIBU_LOGS/ops-prometheus.log" prometheus --config.file="$dir/prometheus.yml" \
    --storage.tsdb.path="$dir/data" --web.listen-address="127.0.0.1:$OPS_PROMETHEUS_PORT"
  OPS_STARTED+=(ops-prometheus)
  wait_until "Prometheus on :$OPS_PROMETHEUS_PORT" 60 "$(live_pid ops-prometheus)" "$TRIBU_LOGS/ops-prometheus.log" \
    curl -fsS -o /dev/null "http://127.0.0.1:$OPS_PROMETHEUS_PORT/-/ready"

  # Nothing waits yet: the alert stays quiet while Prometheus scrapes a few times.
  sleep 6
  state="$(ops_alert_state TribuOutboxStuck)"
  [[ "$state" == none ]] || die "TribuOutboxStuck is $state before any event waited"
  ops_append_event ops_forced "$(cat /proc/sys/kernel/random/uuid)"
  say "an event appended to listening's outbox; its broker is dead: waiting for TribuOutboxStuck to fire"
  local appended deadline
  appended="$(now)"
  deadline=$(( appended + 90 ))
  until [[ "$(ops_alert_state TribuOutboxStuck)" == firing ]]; do
    (( $(now) < deadline )) || { ops_alerts_json; die "TribuOutboxStuck did not fire within 90 s"; }
    sleep 2
  done
  say "TribuOutboxStuck firing in Prometheus' API $(since "$appended") after the event was appended: $(ops_alerts_json \
    | jq -c '.data.alerts[] | select(.labels.alertname == "TribuOutboxStuck") | .labels')"
  # Its Kafka producer waits for the dead broker on close: no point in a long grace.
  stop_detached ops-listening 5
  ops_stop_started
  ops_admin_sql -c "drop database ops_forced with (force)" >/dev/null
  say "forced-alert check passed in $(since "$started")"
}

ops_alerts_json() { curl -fsS "http://127.0.0.1:$OPS_PROMETHEUS_PORT/api/v1/alerts"; }

# none, pending or firing
ops_alert_state() {
  ops_alerts_json | jq -r --arg name "$1" \
    '[.data.alerts[] | select(.labels.alertname == $name) | .state] | if length == 0 then "none" else .[0] end'
}

# The events of this run on topic $2 (listening's mentions by default) with key $1, as "count id" lines.
ops_event_counts() {
  kafka_probe values "$KAFKA_BOOTSTRAP" "${2:-tribu.listening.mentions}" "$1" | jq -r .id | sort | uniq -c
}

ops_wait_outbox_empty() {
  local db="$1" deadline=$(( $(now) + 60 ))
  until [[ "$(ops_sql "$db" -c 'select count(*) from outbox_event')" == 0 ]]; do
    (( $(now) < deadline )) || die "the outbox in $db did not drain within 60 s"
    sleep 1
  done
}

# A backup taken while events wait in the outbox (the service stopped, as for a broker away), the
# database lost, restored from the dump into a fresh one: the events sent before the dump are not sent
# again, those waiting in it are sent once the service runs on the restored database.
restore_check() {
  local started key ids_sent=() ids_waiting=() id dump="$OPS_DIR/listening.dump" counts expected
  started="$(now)"
  [[ -f "$(service_jar listening)" ]] || die "no listening jar: run mvn package (./tribu test builds it)"
  mkdir -p "$OPS_DIR"
  key="ops-restore-$(date -u +%s)"
  ops_fresh_database ops_restore
  ops_start_service listening ops_restore "$KAFKA_BOOTSTRAP"
  for _ in 1 2 3; do id="$(cat /proc/sys/kernel/random/uuid)"; ids_sent+=("$id"); ops_append_event ops_restore "$id" "$key"; done
  ops_wait_outbox_empty ops_restore
  say "3 events sent through the outbox; stopping the service, 2 more appended while it is away"
  ops_stop_started
  for _ in 1 2; do id="$(cat /proc/sys/kernel/random/uuid)"; ids_waiting+=("$id"); ops_append_event ops_restore "$id" "$key"; done

  PGPASSWORD=tribu "$PG_BIN/pg_dump" -h 127.0.0.1 -p "$PG_PORT" -U tribu -Fc -f "$dump" ops_restore || die "pg_dump failed"
  say "pg_dump -Fc: $(du -h "$dump" | cut -f1) with $(ops_sql ops_restore -c 'select count(*) from outbox_event') events waiting; the database is lost"
  ops_admin_sql -c "drop database ops_restore with (force)" >/dev/null
  ops_fresh_database ops_restore
  PGPASSWORD=tribu "$PG_BIN/pg_restore" -h 127.0.0.1 -p "$PG_PORT" -U tribu -d ops_restore --no-owner "$dump" || die "pg_restore failed"
  ops_start_service listening ops_restore "$KAFKA_BOOTSTRAP"
  ops_wait_outbox_empty ops_restore
  ops_stop_started

  counts="$(ops_event_counts "$key")"
  expected="$(for id in "${ids_sent[@]}" "${ids_waiting[@]}"; do printf '      1 %s\n' "$id"; done | sort -k2)"
  if [[ "$(sort -k2 <<<"$counts")" != "$expected" ]]; then
    printf 'expected each once:\n%s\ngot:\n%s\n' "$expected" "$counts"
    die "restore check: events lost or sent twice"
  fi
  ops_admin_sql -c "drop database ops_restore with (force)" >/dev/null
  say "restore check passed in $(since "$started"): 5 events on the topic, each once (3 sent before the dump, 2 waiting in it)"
}

# N mention.recorded events of brand $1 (tenant ops), listening's example with fresh ids, one JSON per line; their
# event ids are appended to the file $3.
ops_mentions() {
  local brand="$1" n="$2" ids="$3" example="$TRIBU_ROOT/listening-service/src/main/resources/events/mention-recorded.v1.example.json" id i
  for (( i = 0; i < n; i++ )); do
    id="$(cat /proc/sys/kernel/random/uuid)"
    echo "$id" >>"$ids"
    jq -c --arg id "$id" --arg mention "$(cat /proc/sys/kernel/random/uuid)" --arg brand "$brand" \
      --arg at "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
      '.id = $id | .tenant = "ops" | .subject = $brand | .time = $at
       | .data.mentionId = $mention | .data.storyId = $mention | .data.brandId = $brand | .data.publishedAt = $at' "$example"
  done
}

# What analytics counted of brand $2 in database $1: its mentions (mention_volume) and the events of the file $3 it
# recorded as applied (processed_event), as "mentions events".
ops_counted() {
  ops_sql "$1" -F ' ' -c "select (select coalesce(sum(mentions), 0) from mention_volume where tenant = 'ops' and brand_id = '$2'),
    (select count(*) from processed_event where event_id = any(cast(string_to_array('$(paste -sd, "$3")', ',') as uuid[])))"
}

# Until analytics (database $1) has counted $3 mentions of brand $2, each event of the file $5 applied once, and its
# group $4 has committed every record of the topic.
ops_wait_counted() {
  local db="$1" brand="$2" n="$3" group="$4" ids="$5" deadline=$(( $(now) + 90 ))
  until [[ "$(ops_counted "$db" "$brand" "$ids")" == "$n $n" \
           && "$(kafka_probe lag "$KAFKA_BOOTSTRAP" "$group" tribu.listening.mentions)" == 0 ]]; do
    (( $(now) < deadline )) || die "analytics did not count $n mentions of $brand within 90 s (counted, applied: $(ops_counted "$db" "$brand" "$ids"))"
    sleep 1
  done
}

# A consumer's backup taken while it consumes: analytics (its mention counts show a loss or a double count at
# once) is dumped while it runs, goes on applying events, and its database is lost. Restored from the
# dump, it holds fewer events than its group's Kafka offsets have passed: those offsets are moved back to before
# the dump, and on restart it reads again, skips by event id (processed_event, restored with the counts it
# guards) what the dump holds and applies what came after. Every event is then counted exactly once.
consumer_restore_check() {
  local started brand group ids="$OPS_DIR/consumer-restore.ids" dump="$OPS_DIR/analytics.dump" in_dump
  local rewind_to lag_after_restore
  started="$(now)"
  mkdir -p "$OPS_DIR" && : >"$ids"
  brand="ops-restore-$(date -u +%s)"
  # A group of its own: the check starts from the topic's beginning, whatever earlier runs left.
  group="ops-check-$brand"
  # Before this run's first event: reading again from there re-reads what the dump holds too.
  rewind_to=$(( $(date -u +%s) * 1000 - 1000 ))
  ops_fresh_database ops_consumer
  TRIBU_KAFKA_GROUP="$group" ops_start_service analytics ops_consumer "$KAFKA_BOOTSTRAP"
  ops_mentions "$brand" 6 "$ids" | kafka_probe send "$KAFKA_BOOTSTRAP" tribu.listening.mentions "$brand"
  ops_wait_counted ops_consumer "$brand" 6 "$group" "$ids"
  # The backup of the running service; it goes on consuming three more, which the dump does not hold.
  PGPASSWORD=tribu "$PG_BIN/pg_dump" -h 127.0.0.1 -p "$PG_PORT" -U tribu -Fc -f "$dump" ops_consumer || die "pg_dump failed"
  ops_mentions "$brand" 3 "$ids" | kafka_probe send "$KAFKA_BOOTSTRAP" tribu.listening.mentions "$brand"
  ops_wait_counted ops_consumer "$brand" 9 "$group" "$ids"
  say "analytics counted 9 mentions, each once, 6 before pg_dump -Fc of its running database, 3 after; the database is lost"
  ops_stop_started
  ops_admin_sql -c "drop database ops_consumer with (force)" >/dev/null
  ops_fresh_database ops_consumer
  PGPASSWORD=tribu "$PG_BIN/pg_restore" -h 127.0.0.1 -p "$PG_PORT" -U tribu -d ops_consumer --no-owner "$dump" || die "pg_restore failed"
  in_dump="$(ops_counted ops_consumer "$brand" "$ids")"
  lag_after_restore="$(kafka_probe lag "$KAFKA_BOOTSTRAP" "$group" tribu.listening.mentions)"
  [[ "$in_dump" == "6 6" ]] || die "the dump holds $in_dump (mentions, events) instead of the 6 applied before it: nothing left to test"
  say "restored: 6 of the 9 mentions counted; the group's offsets are past all 9 (lag $lag_after_restore): left there, the 3 after the dump would be lost"
  say "offsets moved back before the run's first event: $(kafka_probe rewind "$KAFKA_BOOTSTRAP" "$group" tribu.listening.mentions "$rewind_to")"
  TRIBU_KAFKA_GROUP="$group" ops_start_service analytics ops_consumer "$KAFKA_BOOTSTRAP"
  ops_wait_counted ops_consumer "$brand" 9 "$group" "$ids"
  # Settled: nothing more comes in a few seconds (a double count would show as more than 9).
  sleep 3
  [[ "$(ops_counted ops_consumer "$brand" "$ids")" == "9 9" ]] \
    || die "consumer restore check: counted $(ops_counted ops_consumer "$brand" "$ids") (mentions, events) instead of 9 9"
  ops_stop_started
  ops_admin_sql -c "drop database ops_consumer with (force)" >/dev/null
  say "consumer restore check passed in $(since "$started"): 9 mentions counted once each (6 from the dump, 3 read again after the rewind; the 6 re-read skipped by event id)"
}


# The release the rolling-upgrade rule is checked against: main when this round began (there are no
# release tags yet). Move it to each release's tag once there are some.
OPS_PREVIOUS_RELEASE="${TRIBU_PREVIOUS_RELEASE:-3378a66}"

# Contracting statements that would break the previous release's pods while they run on the new schema
# (docs/operations.md, Upgrades). A migration that contracts on purpose, a release after the code stopped
# using what it removes, says so on a line of its own: -- contract: <what>, unused since <release>.
OPS_CONTRACTING='drop[[:space:]]+(table|column)|rename[[:space:]]+(column|to)|alter[[:space:]]+column[[:space:]]+[^[:space:]]+[[:space:]]+(type|set[[:space:]]+not[[:space:]]+null)'
# A column added not null contracts unless it has a default (the previous release's inserts leave it out).
OPS_NOT_NULL_ADDED='add[[:space:]]+column[^;]*not[[:space:]]+null'

# The topic each service's outbox writes to, for the event the upgrade check leaves waiting in the previous schema.
declare -A OPS_OUTBOX_TOPIC=([listening]=tribu.listening.mentions [moderation]=tribu.moderation.decisions
                            [publishing]=tribu.publishing.posts [analytics]=tribu.analytics.alerts)

# The services with migrations added since the previous release, one per line.
ops_upgraded_services() {
  git -C "$TRIBU_ROOT" diff --name-only --diff-filter=A "$OPS_PREVIOUS_RELEASE" -- '*-service/src/main/resources/db/migration/*.sql' \
    | sed -E 's#^([a-z]+)-service/.*#\1#' | sort -u
}

# Every migration added since the previous release expands only; then, for each service with such migrations, the
# previous release's schema, with an event waiting in its outbox, is migrated by the service's new code, which
# starts and relays that event.
upgrade_check() {
  local started file found=() services=() service
  started="$(now)"
  git -C "$TRIBU_ROOT" cat-file -e "$OPS_PREVIOUS_RELEASE^{commit}" 2>/dev/null \
    || die "the previous release $OPS_PREVIOUS_RELEASE is not in this clone (a shallow clone? git fetch --unshallow)"
  while IFS= read -r file; do
    [[ -n "$file" ]] || continue
    grep -qiE -- '^--[[:space:]]*contract:' "$TRIBU_ROOT/$file" && continue
    if grep -qiE -- "$OPS_CONTRACTING" <(sed 's/--.*//' "$TRIBU_ROOT/$file") \
        || sed 's/--.*//' "$TRIBU_ROOT/$file" | grep -iE -- "$OPS_NOT_NULL_ADDED" | grep -qviE -- 'default'; then
      found+=("$file")
    fi
  done < <(git -C "$TRIBU_ROOT" diff --name-only --diff-filter=A "$OPS_PREVIOUS_RELEASE" -- '*-service/src/main/resources/db/migration/*.sql')
  (( ${#found[@]} == 0 )) || die "migrations that contract in the release that stops using what they remove: ${found[*]} (docs/operations.md, Upgrades)"
  # A migration the previous release applied is never edited, renamed or removed: its pods and Flyway's
  # checksums would disagree with what the new release's Flyway validates.
  mapfile -t found < <(git -C "$TRIBU_ROOT" diff --name-only --diff-filter=MDR "$OPS_PREVIOUS_RELEASE" \
    -- '*-service/src/main/resources/db/migration/*' '*-service/src/main/java/db/migration/*')
  (( ${#found[@]} == 0 )) || die "migrations of the previous release edited, renamed or removed: ${found[*]} (add a new one instead)"
  mapfile -t services < <(ops_upgraded_services)
  say "migrations added since $OPS_PREVIOUS_RELEASE: $(git -C "$TRIBU_ROOT" diff --name-only --diff-filter=A "$OPS_PREVIOUS_RELEASE" -- '*-service/src/main/resources/db/migration/*.sql' | wc -l), none contracting, in ${services[*]:-no service}"
  for service in "${services[@]}"; do
    ops_upgrade_service "$service"
  done
  say "upgrade check passed in $(since "$started")"
}

# The previous release's schema of one service, with an event waiting in its outbox, migrated by the new code
# (Flyway from the previous release's last version), which starts and relays that event once.
ops_upgrade_service() {
  local service="$1" old_dir="$OPS_DIR/previous-migrations" migrations key id last db="ops_upgrade_$1" topic
  topic="${OPS_OUTBOX_TOPIC[$service]:-}"
  [[ -n "$topic" ]] || die "upgrade check: no outbox topic known for $service (OPS_OUTBOX_TOPIC in dev/lib/ops.sh)"
  migrations="$old_dir/$service-service/src/main/resources/db/migration"
  rm -rf "$old_dir" && mkdir -p "$old_dir"
  git -C "$TRIBU_ROOT" archive "$OPS_PREVIOUS_RELEASE" "$service-service/src/main/resources/db/migration" | tar -x -C "$old_dir"
  ops_fresh_database "$db"
  # Each in one transaction, as Flyway runs it (a temporary table "on commit drop" lives through its migration).
  # Java migrations (analytics' V9) only rewrite rows, of which this schema has none: they are not run here.
  for file in $(ls "$migrations"/V*.sql | sort -V); do
    ops_sql "$db" --single-transaction -f "$file" >/dev/null || die "the previous release's $service $(basename "$file") failed"
  done
  last="$(ls "$migrations" | sed -E 's/^V([0-9]+)__.*/\1/' | sort -n | tail -1)"
  key="ops-upgrade-$service-$(date -u +%s)"
  id="$(cat /proc/sys/kernel/random/uuid)"
  ops_append_event "$db" "$id" "$key" "$topic"
  # The previous release's schema as Flyway left it at V$last; the new code migrates what came after.
  QUARKUS_FLYWAY_BASELINE_ON_MIGRATE=true QUARKUS_FLYWAY_BASELINE_VERSION="$last" \
    ops_start_service "$service" "$db" "$KAFKA_BOOTSTRAP"
  ops_wait_outbox_empty "$db"
  ops_stop_started
  [[ "$(ops_event_counts "$key" "$topic")" == "$(printf '      1 %s' "$id")" ]] \
    || die "upgrade check: the event waiting in $service's previous outbox did not reach $topic once"
  say "$service's new code migrated the schema of $OPS_PREVIOUS_RELEASE (V$last to V$(ops_sql "$db" -c "select max(version::int) from flyway_schema_history where version ~ '^[0-9]+\$'")) and relayed its waiting event"
  ops_admin_sql -c "drop database $db with (force)" >/dev/null
}

# The four checks, each stopping what it started even when it fails.
ops_checks() {
  require_promtool
  ( trap ops_stop_started EXIT; forced_alert_check ) || return 1
  ( trap ops_stop_started EXIT; restore_check ) || return 1
  ( trap ops_stop_started EXIT; consumer_restore_check ) || return 1
  ( trap ops_stop_started EXIT; upgrade_check ) || return 1
}
