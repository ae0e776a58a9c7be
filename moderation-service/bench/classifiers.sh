#!/usr/bin/env bash
# Quality of the classifiers on ../shared/data (precision/recall/F1 per label and language, HateCheck
# accuracy per functionality) and latency of classify + a 50-rule charter per comment on one thread.
# Usage: moderation-service/bench/classifiers.sh [path/to/shared/data]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:-$here/../../shared/data}"
if [ ! -d "$data/toxicity" ]; then
  echo "labelled data not found in $data; pass the shared data folder, e.g. bench/classifiers.sh /work/shared/data" >&2
  exit 2
fi
data="$(cd "$data" && pwd)"
cd "$here/.."
mvn -B -q -o -pl moderation-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$here/target/bench-classpath.txt" > /dev/null
cd "$here"
# One core: a single benchmark thread, and the JIT's compiler threads limited to one.
cp="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
java -XX:ActiveProcessorCount=1 -cp "$cp" io.tribu.moderation.classify.ClassifierEvaluation \
  "$data/toxicity" "$data/spam" --latency
exec java -XX:ActiveProcessorCount=1 -cp "$cp" io.tribu.moderation.charter.CharterBench "$data"
