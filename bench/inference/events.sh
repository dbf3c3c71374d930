#!/usr/bin/env bash
# The PredictionMade pipeline alone (no HTTP): CPU per event by thread group for a few producer settings.
# Usage: bench/inference/events.sh [events/s=5000] [seconds=8] [repeats=3] [compression,lingerMs,drainMs[,batchKB[,predictionsPerRecord[,avro|json[,digits|fractional]]]] ...]
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/bench.sh
OUT=bench/inference/target
mlops_bench_build inference-service "$OUT"
mkdir -p "$OUT/classes"
javac -d "$OUT/classes" -cp "$CP" bench/inference/src/EventsBench.java bench/inference/src/InferenceBench.java
exec java ${BENCH_JAVA_OPTS:-} -Xmx1g -cp "$OUT/classes:$CP" EventsBench "$@"
