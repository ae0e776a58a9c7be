#!/usr/bin/env bash
# Media benchmark: what downloading and uploading a post's media costs a delivery. Publishes POSTS posts through
# the real Mastodon or Bluesky adapter (NETWORK) against in-process fakes (a local media host, the network),
# CONCURRENCY at a time, each with MEDIA images of SIZE bytes; MEDIA=0 is a text-only post, as every post was
# before media were uploaded. Prints posts/s, latency p50/p99/max, MB moved, CPU per post and the heap
# high-water mark. No database or Kafka. Env: NETWORK (mastodon), POSTS (400), MEDIA (4), SIZE (900000),
# CONCURRENCY (16, tribu.delivery.concurrency's default), WARMUP (100 posts first), HEAP (512m: -Xmx).
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=target/bench
mkdir -p $WORK
mvn -B -q -o test-compile -f pom.xml
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=$WORK/cp.txt -Dmdep.includeScope=test -f pom.xml >/dev/null
CP="target/test-classes:target/classes:$(cat $WORK/cp.txt)"
java -Xmx"${HEAP:-512m}" -cp "$CP" io.tribu.publishing.bench.MediaBench
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
