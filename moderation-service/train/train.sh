#!/usr/bin/env bash
# Trains the moderation label model (toxicity and insult, each combined with the rules) on the permissively licensed corpora in
# ../shared/data/train, writes src/main/resources/classify/label-model.bin.gz and prints the held-out figures
# (precision, recall, F1, expected calibration error). Same data, same weights (fixed seed).
# Usage: moderation-service/train/train.sh [path/to/shared/data/train]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
train="${1:-$here/../../shared/data/train}"
if [ ! -d "$train/hate" ]; then
  echo "training corpora not found in $train; pass the folder, e.g. train/train.sh /work/shared/data/train" >&2
  exit 2
fi
train="$(cd "$train" && pwd)"
cd "$here/.."
# -am: the platform library is built from this checkout, not taken from a local repository
mvn -B -q -o -pl moderation-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$here/target/bench-classpath.txt" > /dev/null
cd "$here"
cp="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
java -Xmx3g -XX:+UseSerialGC -cp "$cp" io.tribu.moderation.classify.LabelModelTrainer "$train" \
  src/main/resources/classify/label-model.bin.gz
