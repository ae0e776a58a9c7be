#!/bin/sh
# The database side of one outbox relay batch, before (listening's relay) and after (the platform's): usage
#   TRIBU_DB_PORT=55432 platform/bench/relay-batch.sh old|new
# Builds schema bench in the listening database (a 100,000-row backlog), runs 40 batches of 500, each its own
# transaction, and prints the mean, median and p90 milliseconds a batch.
cd "$(dirname "$0")"
export PGPASSWORD="${TRIBU_DB_PASSWORD:-tribu}"
P="psql -h 127.0.0.1 -p ${TRIBU_DB_PORT:-55432} -U ${TRIBU_DB_USER:-tribu} -d listening -q"
$P -f relay-batch-setup.sql >/dev/null 2>&1
$P -f relay-batch-functions.sql >/dev/null
{ printf '%s\n' '\timing on'; for i in $(seq 40); do echo "select bench.relay_$1(500);"; done; } | $P -At 2>&1 \
  | grep '^Time' | awk '{print $2}' | sort -n \
  | awk -v k="$1" '{a[NR]=$1; s+=$1} END {printf "%s: %d batches, mean %.1f ms, median %.1f ms, p90 %.1f ms\n", k, NR, s/NR, a[int(NR/2)+1], a[int(NR*0.9)]}'
