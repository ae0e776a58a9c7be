#!/bin/bash
# Response times of the brand vs per channel (issue 28): the execution time (ms, EXPLAIN ANALYZE) of one of the two
# statements ModerationMeasures runs, over 90 days of `bench/response-channels.sql`'s first responses.
# Usage: bench/response-channels.sh N brand|channel   (N: the rows written by `psql -v n=N -f bench/response-channels.sql`)
# DATABASE: PGHOST/PGPORT/PGDATABASE as psql reads them (default below: a test infrastructure's analytics_test).
if [ "$2" = channel ]; then K=source; G="group by source order by count(*) desc, source nulls last"; else K="cast(null as text)"; G=""; fi
PGPASSWORD=${PGPASSWORD:-tribu} psql -h ${PGHOST:-127.0.0.1} -p ${PGPORT:-55432} -U ${PGUSER:-tribu} -d ${PGDATABASE:-analytics_test} -qAt -c "explain (analyze, format json) select $K, count(*), percentile_cont(0.5) within group (order by seconds), percentile_cont(0.9) within group (order by seconds), avg(seconds), count(*) filter (where seconds <= 3600) from (select source, extract(epoch from responded_at - item_published_at) as seconds from first_response where tenant = 'bench-a28' and brand_id = 'bench-$1' and responded_at is not null and item_published_at >= '2026-09-08T00:00:00Z' and item_published_at < '2026-12-07T00:00:00Z') answered $G" | python3 -c "import json,sys; print(json.load(sys.stdin)[0]['Execution Time'])"
