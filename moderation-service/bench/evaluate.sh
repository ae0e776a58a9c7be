#!/usr/bin/env bash
# Quality of the moderation classifiers on your own labelled CSV files: any folders or files, any names, columns
# text,label[,functionality][,language] (or a file name starting with the language, "fr-..."). Labels: hateful,
# offensive/toxic, spam, or a Tribu label name are positives; anything else (non-hateful, ham, none) negatives.
# Prints accuracy, macro-F1, precision/recall/F1 per label, per-functionality accuracy, and two baselines.
# Usage: moderation-service/bench/evaluate.sh path/to/folder-or-file.csv... [--latency]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
[ $# -gt 0 ] || { echo "usage: $0 <folder or csv>... [--latency]" >&2; exit 2; }
args=()
for a in "$@"; do
  if [ "$a" = "--latency" ]; then args+=("$a"); else args+=("$(cd "$(dirname "$a")" && pwd)/$(basename "$a")"); fi
done
cd "$here/.."
mvn -B -q -o -pl moderation-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$here/target/bench-classpath.txt" > /dev/null
cd "$here"
cp="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
exec java -XX:ActiveProcessorCount=1 -cp "$cp" io.tribu.moderation.classify.ClassifierEvaluation "${args[@]}"
