#!/usr/bin/env bash
# Near-duplicate detection as a detector: builds the labelled pairs from the shared tweets (../shared/data/sentiment,
# never copied into the repository; NearDuplicateSet, deterministic) and prints recall per kind of copy, precision,
# and how many distinct pairs share a band key. Not part of the test suite.
#
#   listening-service/bench/near-duplicates.sh
#
# Set TRIBU_SHARED_DATA=/path/to/shared/data when the sets are not in ../shared/data beside the repository.
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$repo"
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
# one reactor run: the platform's classes come from its module, not from a stale local repository
mvn -B -q -o -pl listening-service -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$cp_file"
java -Xmx1g -cp "listening-service/target/test-classes:listening-service/target/classes:$(cat "$cp_file")" \
  io.tribu.listening.enrich.NearDuplicateEvaluation
