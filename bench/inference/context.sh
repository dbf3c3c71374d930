#!/usr/bin/env bash
# One digits batch-32 model call in the contexts a server puts it in (src/ModelCallContext.java): why the in-process
# floor's tight loop is faster than the same call inside the server. Usage: bench/inference/context.sh [seconds] [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/bench.sh
OUT=bench/inference/target
mlops_bench_build inference-service "$OUT"
mkdir -p "$OUT/classes"
javac -d "$OUT/classes" -cp "$CP" bench/inference/src/ModelCallContext.java
exec java --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -Xmx512m -cp "$OUT/classes:$CP" ModelCallContext "$@"
