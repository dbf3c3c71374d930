#!/usr/bin/env bash
# Runs the training benchmark: builds model-service (main + test classes, no tests run), compiles the
# harness against its test classpath, and runs it. Usage: bench/training/run.sh [epochs] [repeats]
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/bench.sh
OUT=bench/training/target
mlops_bench_build model-service "$OUT"
mkdir -p "$OUT/classes"
javac -d "$OUT/classes" -cp "$CP" bench/training/src/io/mlops/model/training/TrainingBench.java
exec java --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -Xmx1g ${BENCH_JAVA_OPTS:-} \
  -cp "$OUT/classes:$CP" io.mlops.model.training.TrainingBench "$OUT" "${1:-100}" "${2:-5}"
