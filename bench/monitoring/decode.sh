#!/usr/bin/env bash
# The intake's decode of PredictionMadeBatch records, JSON against Avro binary, in memory (no broker, no database):
# CPU µs per prediction to read a 500-prediction record and make its COPY rows. Usage: bench/monitoring/decode.sh [rounds=6]
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/bench.sh
OUT=bench/monitoring/target
mlops_bench_build monitoring-service "$OUT"
mkdir -p "$OUT/decode-classes"
javac -d "$OUT/decode-classes" -cp "$CP" bench/monitoring/src/BatchDecodeBench.java
exec java -Xmx1g -cp "$OUT/decode-classes:$CP" BatchDecodeBench "$@"
