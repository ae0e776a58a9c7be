#!/usr/bin/env bash
# Quality and speed of language detection and sentiment on the shared development sets (../shared/data,
# never copied into the repository). Not part of the test suite.
#
#   listening-service/bench/enrichment-eval.sh            # benchmark, 5-fold cross-validation
#   listening-service/bench/enrichment-eval.sh --folds 10 # another fold count
#   listening-service/bench/enrichment-eval.sh --speed    # language accuracy and the speed figures only (no
#                                                         # sentiment cross-validation)
#   listening-service/bench/enrichment-eval.sh --train    # retrain the bundled sentiment model from the shared
#                                                         # sentiment sets, then run the benchmark
#
# Set TRIBU_SHARED_DATA=/path/to/shared/data when the sets are not in ../shared/data beside the repository.
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$repo"
folds=5
train=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --folds) folds="$2"; shift 2 ;;
    --train) train=true; shift ;;
    --speed) folds=speed; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

mvn -B -q -pl listening-service test-compile
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -B -q -pl listening-service dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
classpath="listening-service/target/test-classes:listening-service/target/classes:$(cat "$cp_file")"
java_opts=(-Xmx1g -XX:+UseSerialGC)

if [[ "$train" == true ]]; then
  java "${java_opts[@]}" -cp "$classpath" io.tribu.listening.enrich.SentimentModelTrainer \
    listening-service/src/main/resources/enrich/sentiment-model.bin.gz
  # the benchmark reads the model from the class path
  cp listening-service/src/main/resources/enrich/sentiment-model.bin.gz listening-service/target/classes/enrich/
fi
java "${java_opts[@]}" -cp "$classpath" io.tribu.listening.enrich.EnrichmentBenchmark "$folds"
