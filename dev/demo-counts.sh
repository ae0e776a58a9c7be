#!/usr/bin/env bash
# What the running suite holds for the demo brands, one line per brand, as each service's API answers it
# (plus the fake Mastodon's statuses): run it before and after dev/demo-data.sh to see that a second run
# of the demo data changes nothing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FAKE_MASTODON_URL="${FAKE_MASTODON_URL:-http://127.0.0.1:8090}"
camille="$("$ROOT/tribu" token camille)"
noe="$("$ROOT/tribu" token noe)"
from="$(date -u -d '-200 days' +%Y-%m-%dT%H:%M:%SZ)"
to="$(date -u -d '+200 days' +%Y-%m-%dT%H:%M:%SZ)"

get() { curl -fsS "$1" -H "Authorization: Bearer $token"; }

for brand in cafe-lumiere velo-vert biscuits-nord; do
  token="$camille"
  [[ "$brand" == biscuits-nord ]] && token="$noe"
  printf '%s: mentions=%s (with externalId %s) inbox=%s posts=%s campaigns=%s channels=%s savedReplies=%s charterVersions=%s analyticsVolume=%s\n' \
    "$brand" \
    "$(get "http://localhost:8081/brands/$brand/mentions?limit=200" | jq length)" \
    "$(get "http://localhost:8081/brands/$brand/mentions?limit=200" | jq 'map(select(.externalId != null)) | length')" \
    "$(get "http://localhost:8082/brands/$brand/inbox/counts" | jq -c .)" \
    "$(get "http://localhost:8083/brands/$brand/posts?from=$from&to=$to&limit=500" | jq -c '.posts | group_by(.status) | map({(.[0].status): length}) | add // {}')" \
    "$(get "http://localhost:8083/brands/$brand/campaigns?from=${from:0:10}&to=${to:0:10}" | jq length)" \
    "$(get "http://localhost:8083/brands/$brand/channels" | jq length)" \
    "$(get "http://localhost:8082/brands/$brand/saved-replies" | jq length)" \
    "$(curl -sS "http://localhost:8082/brands/$brand/charter/versions" -H "Authorization: Bearer $token" | jq 'if type == "array" then length else 0 end')" \
    "$(get "http://localhost:8084/brands/$brand/mention-volume?from=$from&to=$to" | jq .total)"
done
statuses=0
for account in 110000000000000001 110000000000000002 110000000000000003 110000000000000004 110000000000000005; do
  statuses=$(( statuses + $(curl -fsS "$FAKE_MASTODON_URL/api/v1/accounts/$account/statuses?limit=1000" | jq length) ))
done
printf 'fake Mastodon: %s public statuses (the brand and its four fans)\n' "$statuses"
