#!/usr/bin/env bash
# Runs the training benchmark: builds model-service (main + test classes, no tests run), compiles the
# harness against its test classpath, and runs it. Usage: bench/training/run.sh [epochs] [repeats]
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/jdk.sh
mlops_find_jdk
OUT=bench/training/target
mkdir -p "$OUT/classes"
./mvnw -B -ntp -q -pl model-service -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$OUT/classpath.txt" -DskipTests
CP="model-service/target/classes:model-service/target/test-classes:$(cat "$OUT/classpath.txt")"
javac -d "$OUT/classes" -cp "$CP" bench/training/src/io/mlops/model/training/TrainingBench.java
exec java --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -Xmx1g ${BENCH_JAVA_OPTS:-} \
  -cp "$OUT/classes:$CP" io.mlops.model.training.TrainingBench "$OUT" "${1:-100}" "${2:-5}"
