#!/usr/bin/env bash
# Loads the demo data into the running suite; ./tribu up runs it at the end, every time. Idempotent: a
# second run leaves the same data.
#   - mentions carry an externalId (listening stores a (tenant, brand, source, externalId) once);
#   - what has a name (channel, saved reply, charter rule, campaign, post title) is looked up first
#     and created only when missing;
#   - every creating POST also sends an Idempotency-Key derived from its body, so a retried request
#     creates nothing twice.
# cafe-lumiere gets a Mastodon channel on the local fake instance (dev/fake-mastodon, FAKE_MASTODON_URL),
# comments written there by its fans (one insult, which the demo charter hides on that instance), a
# saved reply, a campaign and posts in every status of the workflow, one of them published to the fake.
# Needs Keycloak, the four services and the fake Mastodon running (./tribu up).
set -euo pipefail
shopt -s inherit_errexit  # a failing call inside $(...) stops the script too

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LISTENING_URL="${LISTENING_URL:-http://localhost:8081}"
MODERATION_URL="${MODERATION_URL:-http://localhost:8082}"
PUBLISHING_URL="${PUBLISHING_URL:-http://localhost:8083}"
FAKE_MASTODON_URL="${FAKE_MASTODON_URL:-http://127.0.0.1:8090}"
# The fake's accounts and tokens (dev/fake-mastodon/server.mjs).
BRAND_ACCOUNT=cafelumiere
BRAND_ACCOUNT_TOKEN=demo-cafelumiere-token

RESPONSE="$(mktemp)"
trap 'rm -f "$RESPONSE"' EXIT

# Messages go to stderr: stdout carries the ids some functions print.
say()  { printf '%s\n' "[demo-data] $*" >&2; }
fail() { printf '%s\n' "[demo-data] ERROR: $*" >&2; exit 1; }

# request METHOD URL TOKEN [BODY]: the answer's body goes to $RESPONSE, its status to $STATUS. A POST
# carries an Idempotency-Key made of its URL and body: a retry of the same request is recognised.
request() {
  local method="$1" url="$2" token="$3" body="${4:-}" args=()
  args=(-sS -o "$RESPONSE" -w '%{http_code}' -X "$method" "$url" -H "Authorization: Bearer $token")
  if [[ -n "$body" ]]; then args+=(-H 'Content-Type: application/json' --data-binary "$body"); fi
  if [[ "$method" == POST ]]; then
    args+=(-H "Idempotency-Key: demo-$(printf '%s %s' "$url" "$body" | sha256sum | cut -c1-40)")
  fi
  STATUS="$(curl "${args[@]}")"
}

# call METHOD URL TOKEN [BODY]: prints the answer's body; fails unless the status is 2xx.
call() {
  request "$@"
  if [[ "$STATUS" != 2* ]]; then
    cat "$RESPONSE" >&2
    fail "$1 $2 answered $STATUS"
  fi
  cat "$RESPONSE"
}

require_up() {
  local name url
  for name in listening:"$LISTENING_URL/q/health/ready" moderation:"$MODERATION_URL/q/health/ready" \
              publishing:"$PUBLISHING_URL/q/health/ready" fake-mastodon:"$FAKE_MASTODON_URL/api/v1/instance"; do
    url="${name#*:}"
    curl -fs -o /dev/null "$url" || fail "${name%%:*} is not up at $url (start everything with ./tribu up)"
  done
}

ago()   { date -u -d "$1 ago" +%Y-%m-%dT%H:%M:%SZ; }
ahead() { date -u -d "+$1" +%Y-%m-%dT%H:%M:%SZ; }

# --- listening ----------------------------------------------------------------------------------

# mention TOKEN BRAND JSON: records a mention; the JSON holds its externalId, so a second run stores nothing.
mention() {
  local token="$1" brand="$2" body="$3"
  request POST "$LISTENING_URL/brands/$brand/mentions" "$token" "$body"
  case "$STATUS" in
    201) say "$brand <- $(jq -r '.author + ": " + .text' <<<"$body" | cut -c1-90)" ;;
    200) ;;  # recorded before (same source and externalId)
    *) cat "$RESPONSE" >&2; fail "POST /brands/$brand/mentions answered $STATUS" ;;
  esac
}

# web_mention TOKEN BRAND ID AGO AUTHOR URL TEXT
web_mention() {
  mention "$1" "$2" "$(jq -nc --arg id "$3" --arg at "$(ago "$4")" --arg author "$5" --arg url "$6" --arg text "$7" \
    '{source: "rss", externalId: $id, author: $author, url: $url, text: $text, publishedAt: $at}')"
}

# owned_comment TOKEN BRAND ID AGO AUTHOR URL TEXT: a comment on one of the brand's own accounts (moderation's inbox).
owned_comment() {
  mention "$1" "$2" "$(jq -nc --arg id "$3" --arg at "$(ago "$4")" --arg author "$5" --arg url "$6" --arg text "$7" \
    '{source: "mastodon", kind: "comment", ownedChannel: true, externalId: $id, author: $author, url: $url,
      text: $text, publishedAt: $at}')"
}

# --- the fake Mastodon instance -------------------------------------------------------------------

# toot TOKEN KEY TEXT [IN_REPLY_TO]: a status on the fake instance, written once per KEY; prints it (JSON).
toot() {
  local body
  body="$(jq -nc --arg text "$3" --arg reply "${4:-}" '{status: $text, visibility: "public"}
    + (if $reply == "" then {} else {in_reply_to_id: $reply} end)')"
  curl -fsS -X POST "$FAKE_MASTODON_URL/api/v1/statuses" -H "Authorization: Bearer $1" \
    -H "Idempotency-Key: $2" -H 'Content-Type: application/json' --data-binary "$body" \
    || fail "the fake Mastodon refused a status ($2)"
}

# fan_comment BRAND_TOKEN FAN AGO TEXT IN_REPLY_TO: the fan answers the brand's status on the fake
# instance, and listening hears it as a comment on cafe-lumiere's own account.
fan_comment() {
  local token="$1" fan="$2" status host
  status="$(toot "demo-$fan-token" "demo-comment-$fan" "$4" "$5")"
  host="${FAKE_MASTODON_URL#*://}"
  owned_comment "$token" cafe-lumiere "$(jq -r .id <<<"$status")" "$3" "@$fan@$host" "$(jq -r .url <<<"$status")" "$4"
}

# --- publishing -----------------------------------------------------------------------------------

# The brand's Mastodon channel on the fake instance; prints its id.
ensure_channel() {
  local token="$1" id
  id="$(call GET "$PUBLISHING_URL/brands/cafe-lumiere/channels" "$token" \
    | jq -r --arg handle "$BRAND_ACCOUNT" 'map(select(.network == "mastodon" and .handle == $handle))[0].id // empty')"
  if [[ -z "$id" ]]; then
    id="$(call POST "$PUBLISHING_URL/brands/cafe-lumiere/channels" "$token" "$(jq -nc --arg url "$FAKE_MASTODON_URL" \
      --arg handle "$BRAND_ACCOUNT" --arg secret "$BRAND_ACCOUNT_TOKEN" \
      '{network: "mastodon", handle: $handle, baseUrl: $url, credentials: {accessToken: $secret}}')" | jq -r .id)"
    say "cafe-lumiere: Mastodon channel @$BRAND_ACCOUNT on $FAKE_MASTODON_URL connected"
  fi
  printf '%s\n' "$id"
}

# ensure_campaign TOKEN NAME COLOR START END: prints the campaign's id.
ensure_campaign() {
  local token="$1" id
  id="$(call GET "$PUBLISHING_URL/brands/cafe-lumiere/campaigns?from=$4&to=$5" "$token" \
    | jq -r --arg name "$2" 'map(select(.name == $name))[0].id // empty')"
  if [[ -z "$id" ]]; then
    id="$(call POST "$PUBLISHING_URL/brands/cafe-lumiere/campaigns" "$token" \
      "$(jq -nc --arg name "$2" --arg color "$3" --arg start "$4" --arg until "$5" \
         '{name: $name, color: $color, startDate: $start, endDate: $until}')" | jq -r .id)"
    say "cafe-lumiere: campaign \"$2\" from $4 to $5"
  fi
  printf '%s\n' "$id"
}

POSTS_FROM="$(ago '200 days')"
POSTS_TO="$(ahead '200 days')"

# ensure_post WRITER APPROVER TARGET_STATUS JSON: the post with that title, created when missing, then moved
# along draft -> in-review -> approved -> scheduled until it reaches TARGET_STATUS (claire approves: the
# writer may not). Prints the post's id.
ensure_post() {
  local writer="$1" approver="$2" target="$3" body="$4" title post id status planned step
  title="$(jq -r .title <<<"$body")"
  post="$(call GET "$PUBLISHING_URL/brands/cafe-lumiere/posts?from=$POSTS_FROM&to=$POSTS_TO&limit=500" "$writer" \
    | jq -c --arg title "$title" '.posts | map(select(.title == $title))[0] // empty')"
  if [[ -z "$post" ]]; then
    post="$(call POST "$PUBLISHING_URL/brands/cafe-lumiere/posts" "$writer" "$body")"
    say "cafe-lumiere: post \"$title\""
  fi
  id="$(jq -r .id <<<"$post")"
  status="$(jq -r .status <<<"$post")"
  planned="$(jq -r .plannedAt <<<"$post")"
  for step in draft:submit:"$writer" in-review:approve:"$approver" approved:schedule:"$writer"; do
    [[ "$status" == "$target" ]] && break
    [[ "$status" == "${step%%:*}" ]] || continue
    if [[ "$step" == approved:* && "$(date -u -d "$planned" +%s)" -le "$(date +%s)" ]]; then
      say "cafe-lumiere: \"$title\" is planned in the past ($planned): left approved"
      break
    fi
    step="${step#*:}"
    status="$(call POST "$PUBLISHING_URL/brands/cafe-lumiere/posts/$id/transitions" "${step#*:}" \
      "$(jq -nc --arg action "${step%%:*}" '{action: $action}')" | jq -r .status)"
  done
  printf '%s\n' "$id"
}

# The published post's link: its status on the fake instance (publishing keeps it with the delivery).
wait_for_publication() {
  local writer="$1" id="$2" text="$3" status="" waited=0 url
  while (( waited < 60 )); do
    status="$(call GET "$PUBLISHING_URL/brands/cafe-lumiere/posts/$id" "$writer" | jq -r .status)"
    [[ "$status" == published || "$status" == failed ]] && break
    sleep 2
    waited=$(( waited + 2 ))
  done
  url="$(curl -fsS "$FAKE_MASTODON_URL/api/v1/accounts/verify_credentials" -H "Authorization: Bearer $BRAND_ACCOUNT_TOKEN" \
    | jq -r .id | xargs -I{} curl -fsS "$FAKE_MASTODON_URL/api/v1/accounts/{}/statuses?limit=40" \
    | jq -r --arg text "<p>$text</p>" 'map(select(.content == $text))[0].url // empty')"
  say "cafe-lumiere: the welcome post is $status${url:+: $url}"
}

# --- moderation -----------------------------------------------------------------------------------

ensure_saved_reply() {
  local token="$1" name="$2" text="$3"
  if ! call GET "$MODERATION_URL/brands/cafe-lumiere/saved-replies" "$token" | jq -e --arg name "$name" 'any(.[]; .name == $name)' >/dev/null; then
    call POST "$MODERATION_URL/brands/cafe-lumiere/saved-replies" "$token" \
      "$(jq -nc --arg name "$name" --arg text "$text" '{name: $name, language: "fr", text: $text}')" >/dev/null
    say "cafe-lumiere: saved reply \"$name\""
  fi
}

# The demo charter hides insults and threats (on the fake instance: the author is muted). A brand whose
# charter already has the rule keeps its charter as it is; one with a charter of its own is left alone.
ensure_charter() {
  local token="$1"
  request GET "$MODERATION_URL/brands/cafe-lumiere/charter" "$token"
  if [[ "$STATUS" == 200 ]]; then
    jq -e 'any(.document.rules[]?; .id == "hide-insults")' "$RESPONSE" >/dev/null \
      || say "cafe-lumiere has a charter of its own without the demo's hide-insults rule: left as it is"
    return 0
  fi
  [[ "$STATUS" == 404 ]] || { cat "$RESPONSE" >&2; fail "GET /brands/cafe-lumiere/charter answered $STATUS"; }
  call PUT "$MODERATION_URL/brands/cafe-lumiere/charter" "$token" '{
    "timezone": "Europe/Paris", "topics": ["café", "brunch", "livraison", "torréfaction"],
    "rules": [{"id": "hide-insults", "name": "Masquer les insultes", "priority": 1, "stopAfterMatch": true,
               "when": {"any": [{"label": {"name": "insult", "minScore": 0.6}}, {"label": {"name": "threat"}}]},
               "then": [{"action": "hide"}, {"action": "tag", "tags": ["insulte"]}]}]}' >/dev/null
  say "cafe-lumiere: demo charter saved (hides insults and threats)"
}

main() {
  require_up
  local camille noe claire today channel campaign welcome published_id
  camille="$("$ROOT/tribu" token camille)"
  noe="$("$ROOT/tribu" token noe)"
  claire="$("$ROOT/tribu" token claire)"
  today="$(date -u +%Y-%m-%d)"

  # What moderation needs before the comments arrive: the channel its actions go through, the charter
  # that judges each comment on arrival, the saved reply the inbox offers.
  channel="$(ensure_channel "$camille")"
  ensure_charter "$camille"
  ensure_saved_reply "$camille" retard-livraison \
    "Bonjour {{author}}, toute l'équipe {{brand}} est désolée pour ce retard : nous regardons votre commande tout de suite. {{agent}}"
  # Planned a few seconds ahead and scheduled before the rest of the demo goes in, so that its delivery to the fake
  # instance happens meanwhile (waited for at the end, rather than ~20 s waited for it alone).
  local welcome_text="Bienvenue sur le compte du Café Lumière ! Nouveautés, ateliers et coulisses de la torréfaction."
  published_id="$(ensure_post "$camille" "$claire" scheduled "$(jq -nc --arg at "$(ahead '15 seconds')" --arg text "$welcome_text" \
    '{title: "Bienvenue sur Mastodon", plannedAt: $at, tags: ["annonce"], variants: [{network: "mastodon", text: $text}]}')")"

  # The web about the brands.
  web_mention "$camille" cafe-lumiere demo-web-lea "50 hours" "Léa Martin" "https://blog.example.fr/cafe-lumiere-avis" \
    "Le flat white du Café Lumière est incroyable, et l'équipe toujours souriante !"
  web_mention "$camille" cafe-lumiere demo-web-tom "30 hours" "Tom Baker" "https://reviews.example.com/cafe-lumiere" \
    "Cafe Lumiere: great coffee, but the queue on Saturday morning was 30 minutes long."
  web_mention "$camille" cafe-lumiere demo-web-hugo "20 hours" "Hugo R." "https://forum.example.fr/t/brunch-lyon" \
    "Déçu par le brunch au Café Lumière, les croissants étaient froids."
  web_mention "$camille" velo-vert demo-web-sofia "40 hours" "Sofia Green" "https://news.example.org/velo-vert-ebike" \
    "Velo Vert's new e-bike is the best commuter bike I've tried this year."
  web_mention "$camille" velo-vert demo-web-julien "10 hours" "Julien D." "https://velo.example.fr/essai-velo-vert" \
    "Essai du vélo cargo Vélo Vert : solide, mais la batterie tient à peine 40 km."
  web_mention "$noe" biscuits-nord demo-web-marie "45 hours" "Marie L." "https://gourmand.example.fr/biscuits-nord" \
    "Les spéculoos de Biscuits du Nord, une tuerie avec le café !"
  web_mention "$noe" biscuits-nord demo-web-peter "15 hours" "Peter J." "https://snacks.example.com/biscuits-nord-review" \
    "Biscuits Nord ginger cookies: too sweet for me, nice packaging though."

  # cafe-lumiere's own account on the fake instance: a status, its fans' answers, heard by listening.
  welcome="$(toot "$BRAND_ACCOUNT_TOKEN" demo-status-carte \
    "Notre carte d'hiver arrive : chocolat chaud maison, cannelés et un nouveau café de Colombie ☕" | jq -r .id)"
  fan_comment "$camille" julien "3 hours" "Toujours pas livré, ma commande de café en grains date de dix jours…" "$welcome"
  fan_comment "$camille" sam "2 hours" "Do you have oat milk now? Asking for the whole office." "$welcome"
  fan_comment "$camille" nadia "90 minutes" "Vos cannelés sont les meilleurs de Lyon, merci !" "$welcome"
  fan_comment "$camille" grincheux "1 hour" "Bande de connards, votre café c'est de la merde." "$welcome"
  # Comments on the other brands' accounts (no channel connected: their hide or reply fails, with the reason).
  owned_comment "$camille" velo-vert demo-comment-claire "4 hours" "@claire.v@piaille.fr" "https://piaille.fr/@claire.v/113650471869034501" \
    "Mon vélo cargo fait un bruit bizarre depuis la révision, qui peut m'aider ?"
  owned_comment "$noe" biscuits-nord demo-comment-ben "5 hours" "@ben@mastodon.example" "https://mastodon.example/@ben/113650471869034502" \
    "Where can I buy the ginger cookies in Lille?"

  # The calendar: a campaign and posts in each status of the workflow.
  campaign="$(ensure_campaign "$camille" "Hiver au Café Lumière" "#8e44ad" "$(date -u -d '-7 days' +%F)" "$(date -u -d '+30 days' +%F)")"
  ensure_post "$camille" "$claire" draft "$(jq -nc --arg at "$(ahead '5 days')" --arg campaign "$campaign" '{title: "Nouvelle carte d’hiver",
    plannedAt: $at, campaignId: $campaign, tags: ["hiver", "carte"], variants: [
      {network: "mastodon", text: "La carte d’hiver est là : chocolat chaud maison, cannelés, café de Colombie. #cafelumiere"},
      {network: "bluesky", text: "La carte d’hiver est là ☕ chocolat chaud maison, cannelés, café de Colombie."}]}')" >/dev/null
  ensure_post "$camille" "$claire" in-review "$(jq -nc --arg at "$(ahead '3 days')" --arg campaign "$campaign" '{title: "Atelier latte art samedi",
    plannedAt: $at, campaignId: $campaign, tags: ["atelier"], variants: [
      {network: "mastodon", text: "Samedi 10 h : atelier latte art avec notre barista. 8 places, inscription au comptoir."}]}')" >/dev/null
  ensure_post "$camille" "$claire" approved "$(jq -nc --arg at "$(ahead '7 days')" --arg campaign "$campaign" '{title: "Chocolat chaud offert",
    plannedAt: $at, campaignId: $campaign, tags: ["hiver"], variants: [
      {network: "mastodon", text: "Ce week-end, un chocolat chaud offert pour deux cannelés achetés."}]}')" >/dev/null
  ensure_post "$camille" "$claire" scheduled "$(jq -nc --arg at "$(ahead '2 days')" --arg campaign "$campaign" '{title: "Torréfaction du mois",
    plannedAt: $at, campaignId: $campaign, tags: ["torrefaction"], variants: [
      {network: "mastodon", text: "Le café du mois : un Colombie lavé, notes de cacao et de mandarine. Torréfié jeudi."}]}')" >/dev/null
  # The welcome post, scheduled first thing (above), went out meanwhile: its link.
  wait_for_publication "$camille" "$published_id" "$welcome_text"
  say "demo data in place (channel $channel on $FAKE_MASTODON_URL)"
}

main "$@"
