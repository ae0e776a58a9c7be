#!/usr/bin/env bash
# Fills an analytics database with benchmark data for the dashboard and the agency overview: agency TENANT's brand
# bench-1m with 1,000,000 mentions and bench-01 .. bench-49 with 10,000 each, over the 90 days ending at END
# (see bench/generate-brand.sql for what is generated). Idempotent: a rerun with the same arguments deletes those 50
# brands' rows and writes the same ones again, in one transaction. Touches no other brand.
#   bench/generate.sh [DATABASE_URL=postgresql://tribu:tribu@127.0.0.1:55432/analytics] [END=now, cut to the hour]
#                     [TENANT=soleil] [BIG=1000000] [SMALL=10000]
# The database must already hold analytics' schema (the service migrates it at start).
set -euo pipefail
cd "$(dirname "$0")"
URL=${1:-postgresql://tribu:tribu@127.0.0.1:55432/analytics}
END=${2:-$(date -u +%Y-%m-%dT%H:00:00Z)}
TENANT=${3:-soleil}
BIG=${4:-1000000}
SMALL=${5:-10000}
printf '[%s] generating for %s, tenant %s, 90 days ending %s\n' "$(date -u +%T)" "${URL%%\?*}" "$TENANT" "$END"
START=$(date +%s)
psql "$URL" -X -q -v end="$END" -v tenant="$TENANT" -v big="$BIG" -v small="$SMALL" -f generate-brand.sql
printf '[%s] done in %d s\n' "$(date -u +%T)" "$(( $(date +%s) - START ))"
