# shellcheck shell=bash
# Shared helpers for ./tribu: paths, messages, timing, pid files, waiting, fetching through Maven.
# Sourced by ./tribu; not meant to be run on its own.

TRIBU_ROOT="${TRIBU_ROOT:?TRIBU_ROOT must be set by ./tribu}"
TRIBU_HOME="${TRIBU_HOME:-$TRIBU_ROOT/.tribu}"  # every bit of local state lives here: rm -rf .tribu resets; a second
                                          # checkout (git worktree) can share one by setting TRIBU_HOME
TRIBU_LOGS="$TRIBU_HOME/logs"
TRIBU_RUN="$TRIBU_HOME/run"              # pid files of the processes ./tribu started
TRIBU_DOWNLOADS="$TRIBU_HOME/downloads"

mkdir -p "$TRIBU_LOGS" "$TRIBU_RUN" "$TRIBU_DOWNLOADS"

# --- messages -------------------------------------------------------------------------------

say()  { printf '%s\n' "[tribu] $*"; }
warn() { printf '%s\n' "[tribu] WARNING: $*" >&2; }
die()  { printf '%s\n' "[tribu] ERROR: $*" >&2; exit 1; }

# Seconds since the epoch; elapsed time is always printed as "N s" from one of these.
now() { date +%s; }
since() { echo "$(( $(now) - $1 )) s"; }

# Shows the last lines of a log when something failed, so nobody has to go looking.
show_log_tail() {
  local log="$1" lines="${2:-40}"
  [[ -f "$log" ]] || return 0
  printf '%s\n' "----- last $lines lines of $log -----" >&2
  tail -n "$lines" "$log" >&2
  printf '%s\n' "-----" >&2
}

# --- processes and pid files ----------------------------------------------------------------

pid_file() { echo "$TRIBU_RUN/$1.pid"; }

# The pid recorded for NAME if that process is still alive, else nothing (and a stale file is removed).
live_pid() {
  local file pid
  file="$(pid_file "$1")"
  [[ -f "$file" ]] || return 1
  pid="$(cat "$file")"
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    echo "$pid"
    return 0
  fi
  rm -f "$file"
  return 1
}

# Starts a command detached in its own session (setsid), so that stopping it later can end its
# whole process group (kc.sh forks java, for instance) and nothing else.
start_detached() {
  local name="$1" log="$2"
  shift 2
  # The previous run's log is kept beside the new one (a restart must not erase why it was needed).
  if [[ -s "$log" ]]; then mv -f "$log" "$log.1"; fi
  setsid "$@" >>"$log" 2>&1 </dev/null &
  echo $! >"$(pid_file "$name")"
}

# Stops what start_detached started: TERM to the process group, then KILL after a grace period.
stop_detached() {
  local name="$1" grace="${2:-30}" pid started
  if ! pid="$(live_pid "$name")"; then
    say "$name: not running"
    return 0
  fi
  started="$(now)"
  say "$name: stopping (pid $pid)"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do
    if (( $(now) - started >= grace )); then
      warn "$name did not stop within $grace s; killing it"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.5
  done
  rm -f "$(pid_file "$name")"
  say "$name: stopped in $(since "$started")"
}

# Resident memory, in MB, of every process in a process group (kc.sh and its java, say). The
# processes ./tribu starts lead their own group (setsid), so their pid is the group id.
group_rss_mb() {
  ps -eo pgid=,rss= | awk -v g="$1" '$1 == g { kb += $2 } END { printf "%d MB\n", kb / 1024 }'
}

# --- waiting --------------------------------------------------------------------------------

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Waits until CHECK (a command) succeeds, printing a dot every second and the elapsed time at the
# end. Fails early if the watched pid dies, showing its log, rather than waiting for the timeout.
wait_until() {
  local what="$1" timeout="$2" pid="$3" log="$4"
  shift 4
  local started ticks=0
  started="$(now)"
  printf '%s' "[tribu] waiting for $what "
  until "$@" >/dev/null 2>&1; do
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      printf '\n'
      show_log_tail "$log"
      die "$what: the process exited before it was ready (log: $log)"
    fi
    if (( $(now) - started >= timeout )); then
      printf '\n'
      show_log_tail "$log"
      die "$what: not ready after $timeout s (log: $log)"
    fi
    sleep 1
    ticks=$(( ticks + 1 ))
    if (( ticks % 10 == 0 )); then printf '%s' "$(since "$started")"; else printf '.'; fi
  done
  (( ticks == 0 )) || printf ' '
  printf 'ready after %s\n' "$(since "$started")"
}

# Waits for several processes started side by side, each "LABEL|PID|LOG|URL" (ready when URL answers 2xx): one
# line of dots for all, a line per process as it becomes ready. The first that exits, or is still not ready after
# TIMEOUT seconds, stops the wait with its name and the end of its log.
wait_all_ready() {
  local timeout="$1"
  shift
  local started ticks=0 entry label pid log url pending=("$@") still labels
  started="$(now)"
  while (( ${#pending[@]} )); do
    still=()
    for entry in "${pending[@]}"; do
      IFS='|' read -r label pid log url <<<"$entry"
      if curl -fsS -o /dev/null "$url" >/dev/null 2>&1; then
        (( ticks == 0 )) || printf '\n'
        ticks=0
        say "$label ready after $(since "$started")"
      elif ! kill -0 "$pid" 2>/dev/null; then
        printf '\n'
        show_log_tail "$log"
        die "$label: the process exited before it was ready (log: $log)"
      else
        still+=("$entry")
      fi
    done
    pending=("${still[@]}")
    (( ${#pending[@]} )) || break
    if (( $(now) - started >= timeout )); then
      printf '\n'
      for entry in "${pending[@]}"; do
        IFS='|' read -r label pid log url <<<"$entry"
        show_log_tail "$log" 20
      done
      labels="$(for entry in "${pending[@]}"; do printf '%s ' "${entry%%|*}"; done)"
      die "not ready after $timeout s: ${labels% } (logs above)"
    fi
    if (( ticks == 0 )); then
      labels="$(for entry in "${pending[@]}"; do printf '%s ' "${entry%%|*}"; done)"
      printf '%s' "[tribu] waiting for ${labels% } "
    fi
    sleep 1
    ticks=$(( ticks + 1 ))
    if (( $(now) - started > 0 && ticks % 10 == 0 )); then printf '%s' "$(since "$started")"; else printf '.'; fi
  done
}

# --- fetching artifacts ---------------------------------------------------------------------

# Maven is the one artifact source every machine (dev or CI) reaches, so Kafka and Keycloak come
# through it. Output goes to a log: it is noise unless something fails.
maven_fetch() {
  local what="$1" log="$TRIBU_LOGS/maven-fetch.log" started
  shift
  started="$(now)"
  say "fetching $what through Maven (log: $log)"
  if ! mvn -B -ntp -q -Dstyle.color=never -f "$TRIBU_ROOT/dev/tools/pom.xml" "$@" >"$log" 2>&1; then
    show_log_tail "$log"
    die "could not fetch $what through Maven"
  fi
  say "fetched $what in $(since "$started")"
}

require_command() {
  command -v "$1" >/dev/null 2>&1 || die "'$1' is needed but not installed${2:+ ($2)}"
}
