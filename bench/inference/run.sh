#!/usr/bin/env bash
# Runs the inference benchmark: builds inference-service (main + test classes, no tests run), compiles the
# harness against its test classpath, and runs it. Usage: bench/inference/run.sh [seconds-per-run] [repeats]
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/bench.sh
command -v wrk >/dev/null || { echo "wrk is needed (Debian: apt-get install -y wrk)" >&2; exit 1; }
OUT=bench/inference/target
mlops_bench_build inference-service "$OUT"
mkdir -p "$OUT/classes"
javac -d "$OUT/classes" -cp "$CP" bench/inference/src/InferenceBench.java
exec java ${BENCH_JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -Xmx1g \
  -cp "$OUT/classes:$CP" InferenceBench "$OUT" "${1:-8}" "${2:-3}" ${3:+"$3"}
