#!/usr/bin/env bash
# The intake's decode of PredictionMadeBatch records, JSON against Avro binary, in memory (no broker, no database):
# CPU µs per prediction to read a 500-prediction record and make its COPY rows. Usage: bench/monitoring/decode.sh [rounds=6]
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/jdk.sh
mlops_find_jdk
OUT=bench/monitoring/target
mkdir -p "$OUT/decode-classes"
./mvnw -B -ntp -q -pl monitoring-service -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$OUT/classpath.txt" -DskipTests
CP="monitoring-service/target/classes:monitoring-service/target/test-classes:$(cat "$OUT/classpath.txt")"
javac -d "$OUT/decode-classes" -cp "$CP" bench/monitoring/src/BatchDecodeBench.java
exec java -Xmx1g -cp "$OUT/decode-classes:$CP" BatchDecodeBench "$@"
