# shellcheck shell=bash
# The demo's fake social network: a small Mastodon instance (dev/fake-mastodon/server.mjs, Node, no
# dependencies) on 127.0.0.1:8090, so that publishing and moderation's network actions work locally.
# Sourced by ./tribu; needs common.sh.

FAKE_MASTODON_PORT=8090
FAKE_MASTODON_URL="http://127.0.0.1:$FAKE_MASTODON_PORT"
# Publishing refuses private addresses for channels; the local run opens exactly this one.
FAKE_MASTODON_NETWORK=127.0.0.1/32

fake_mastodon_ready() { curl -fsS -o /dev/null "$FAKE_MASTODON_URL/api/v1/instance"; }

fake_mastodon_up() {
  local pid log="$TRIBU_LOGS/fake-mastodon.log"
  if pid="$(live_pid fake-mastodon)"; then
    say "fake Mastodon already running on $FAKE_MASTODON_URL (pid $pid); reusing it"
    return 0
  fi
  require_command node "Node 20"
  port_open "$FAKE_MASTODON_PORT" && die "port $FAKE_MASTODON_PORT is already taken by a process ./tribu did not start"
  say "starting the fake Mastodon on $FAKE_MASTODON_URL (log: $log)"
  FAKE_MASTODON_PORT="$FAKE_MASTODON_PORT" FAKE_MASTODON_STATE="$TRIBU_HOME/fake-mastodon/state.json" \
    start_detached fake-mastodon "$log" node "$TRIBU_ROOT/dev/fake-mastodon/server.mjs"
  wait_until "fake Mastodon" 20 "$(live_pid fake-mastodon)" "$log" fake_mastodon_ready
}

fake_mastodon_down() { stop_detached fake-mastodon 10; }

fake_mastodon_status() {
  local pid
  if pid="$(live_pid fake-mastodon)"; then
    say "fake-mastodon running  $FAKE_MASTODON_URL  pid $pid  rss $(group_rss_mb "$pid")"
  else
    say "fake-mastodon stopped"
  fi
}
