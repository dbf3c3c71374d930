#!/usr/bin/env bash
# One digits batch-32 model call in the contexts a server puts it in (src/ModelCallContext.java): why the in-process
# floor's tight loop is faster than the same call inside the server. Usage: bench/inference/context.sh [seconds] [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/jdk.sh
mlops_find_jdk
OUT=bench/inference/target
mkdir -p "$OUT/classes"
./mvnw -B -ntp -q -pl inference-service -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$OUT/classpath.txt" -DskipTests
CP="inference-service/target/classes:inference-service/target/test-classes:$(cat "$OUT/classpath.txt")"
javac -d "$OUT/classes" -cp "$CP" bench/inference/src/ModelCallContext.java
exec java --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -Xmx512m -cp "$OUT/classes:$CP" ModelCallContext "$@"
