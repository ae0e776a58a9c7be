#!/usr/bin/env bash
# Listening-query matching throughput, ONE thread: 1k/10k/100k queries x tweets/articles, one mention at a time,
# and the heap the queries take. Prints a markdown table. MONITOR measures the Lucene Monitor it replaced.
# Usage: listening-service/bench/matching.sh [seconds-per-measure=3] [ENGINE|MONITOR] [query counts=1000,10000,100000]
# JAVA_OPTS is passed to the JVM (e.g. -XX:StartFlightRecording=filename=/tmp/matching.jfr to profile).
set -euo pipefail
cd "$(dirname "$0")/../.."
# one reactor run: the platform's classes come from its module, not from a stale local repository
mvn -B -o -q -pl listening-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >&2
cp="listening-service/target/test-classes:listening-service/target/classes:$(cat listening-service/target/bench.classpath)"
# one core for the JIT, the GC and the work: the figures are per core
exec taskset -c 0 java -Xmx3g -XX:ActiveProcessorCount=1 ${JAVA_OPTS:-} -cp "$cp" io.tribu.listening.query.MatchingBenchmark "$@"
