#!/usr/bin/env bash
# Posts a handful of demo mentions, in French and English, to the listening service as camille
# (agency soleil) and noe (agency nord), so that a fresh ./tribu up has something to look at.
# Needs Keycloak and listening-service running (./tribu up runs this at the end).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LISTENING_URL="${LISTENING_URL:-http://localhost:8081}"

fail() { printf '%s\n' "[demo-data] ERROR: $*" >&2; exit 1; }

require_listening_up() {
  curl -fs -o /dev/null "$LISTENING_URL/q/health/ready" \
    || fail "listening-service is not up at $LISTENING_URL (start everything with ./tribu up)"
}

# post_mention TOKEN BRAND AUTHOR URL PUBLISHED_AT TEXT: expects 201 Created.
post_mention() {
  local token="$1" brand="$2" author="$3" url="$4" published_at="$5" text="$6" body status
  body="$(jq -n --arg author "$author" --arg text "$text" --arg url "$url" --arg at "$published_at" \
    '{source: "rss", author: $author, text: $text, url: $url, publishedAt: $at}')"
  status="$(curl -sS -o /tmp/tribu-demo-response.$$ -w '%{http_code}' -X POST \
    "$LISTENING_URL/brands/$brand/mentions" \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$body")"
  if [[ "$status" != 201 ]]; then
    cat /tmp/tribu-demo-response.$$ >&2; rm -f /tmp/tribu-demo-response.$$
    fail "POST /brands/$brand/mentions answered $status, expected 201"
  fi
  rm -f /tmp/tribu-demo-response.$$
  printf '%s\n' "[demo-data] $brand <- $author: $text"
}

# post_comment TOKEN BRAND AUTHOR TEXT: a comment on one of the brand's own Mastodon accounts, an
# hour ago (ownedChannel: moderation puts it in the inbox).
post_comment() {
  local token="$1" brand="$2" author="$3" text="$4" body status at
  at="$(date -u -d '1 hour ago' +%Y-%m-%dT%H:%M:%SZ)"
  body="$(jq -n --arg author "$author" --arg text "$text" --arg at "$at" \
    '{source: "mastodon", kind: "comment", ownedChannel: true, author: $author, text: $text, publishedAt: $at}')"
  status="$(curl -sS -o /tmp/tribu-demo-response.$$ -w '%{http_code}' -X POST \
    "$LISTENING_URL/brands/$brand/mentions" \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$body")"
  if [[ "$status" != 201 ]]; then
    cat /tmp/tribu-demo-response.$$ >&2; rm -f /tmp/tribu-demo-response.$$
    fail "POST /brands/$brand/mentions (owned comment) answered $status, expected 201"
  fi
  rm -f /tmp/tribu-demo-response.$$
  printf '%s\n' "[demo-data] $brand <- $author (own account): $text"
}

main() {
  require_listening_up
  local camille noe
  camille="$("$ROOT/tribu" token camille)"
  noe="$("$ROOT/tribu" token noe)"

  post_mention "$camille" cafe-lumiere "Léa Martin" "https://blog.example.fr/cafe-lumiere-avis" \
    2026-11-20T08:15:00Z "Le flat white du Café Lumière est incroyable, et l'équipe toujours souriante !"
  post_mention "$camille" cafe-lumiere "Tom Baker" "https://reviews.example.com/cafe-lumiere" \
    2026-11-20T10:00:00Z "Cafe Lumiere: great coffee, but the queue on Saturday morning was 30 minutes long."
  post_mention "$camille" cafe-lumiere "Hugo R." "https://forum.example.fr/t/brunch-lyon" \
    2026-11-20T12:30:00Z "Déçu par le brunch au Café Lumière, les croissants étaient froids."
  post_mention "$camille" velo-vert "Sofia Green" "https://news.example.org/velo-vert-ebike" \
    2026-11-20T09:45:00Z "Velo Vert's new e-bike is the best commuter bike I've tried this year."
  post_mention "$camille" velo-vert "Julien D." "https://velo.example.fr/essai-velo-vert" \
    2026-11-20T14:05:00Z "Essai du vélo cargo Vélo Vert : solide, mais la batterie tient à peine 40 km."
  post_mention "$noe" biscuits-nord "Marie L." "https://gourmand.example.fr/biscuits-nord" \
    2026-11-20T11:20:00Z "Les spéculoos de Biscuits du Nord, une tuerie avec le café !"
  post_mention "$noe" biscuits-nord "Peter J." "https://snacks.example.com/biscuits-nord-review" \
    2026-11-20T16:40:00Z "Biscuits Nord ginger cookies: too sweet for me, nice packaging though."
  # Comments heard on the brands' own accounts: they fill the console's inbox (moderation).
  post_comment "$camille" cafe-lumiere "@julien@piaille.fr" \
    "Toujours pas livré, ma commande de café en grains date de dix jours…"
  post_comment "$camille" cafe-lumiere "@sam@mastodon.example" \
    "Do you have oat milk now? Asking for the whole office."
  post_comment "$camille" velo-vert "@claire.v@piaille.fr" \
    "Mon vélo cargo fait un bruit bizarre depuis la révision, qui peut m'aider ?"
  post_comment "$noe" biscuits-nord "@ben@mastodon.example" \
    "Where can I buy the ginger cookies in Lille?"
  printf '%s\n' "[demo-data] 7 demo mentions and 4 comments on the brands' own accounts recorded"
}

main "$@"
