#!/usr/bin/env bash
# Start time of the standalone suite: from launching `java -jar` to all five readiness endpoints answering 200,
# for a first start (fresh home: initdb, Kafka format) and a restart on the same home, REPEATS times each.
# Usage: bench/standalone-start/run.sh [REPEATS]   (needs the exec jar: ./mvnw -B -ntp -DskipTests -pl standalone -am package)
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/jdk.sh && mlops_find_jdk
REPEATS=${1:-3}
JAR=standalone/target/standalone-0.1.0-SNAPSHOT-exec.jar
[ -f "$JAR" ] || { echo "build the jar first: ./mvnw -B -ntp -DskipTests -pl standalone -am package" >&2; exit 1; }
BASE_PORT=${BENCH_BASE_PORT:-18081}
PORTS=($BASE_PORT $((BASE_PORT + 1)) $((BASE_PORT + 2)) $((BASE_PORT + 3)) $((BASE_PORT + 4)))
OPTS=${MLOPS_JAVA_OPTS:--Xmx2g}

now_ms() { date +%s%3N; }

# one start: prints "<ms to five ready> <ms after JVM start>/<JVM CPU ms>, as the suite logs them"
start_once() {
  local home=$1 log=$1.log t0 ready pid p
  t0=$(now_ms)
  "$JAVA_HOME/bin/java" $OPTS --enable-native-access=ALL-UNNAMED -Dai.djl.offline=true -jar "$JAR" "--mlops.standalone.home=$home" \
    --mlops.standalone.ports.data=${PORTS[0]} --mlops.standalone.ports.feature=${PORTS[1]} --mlops.standalone.ports.model=${PORTS[2]} \
    --mlops.standalone.ports.inference=${PORTS[3]} --mlops.standalone.ports.monitoring=${PORTS[4]} >"$log" 2>&1 &
  pid=$!
  while :; do
    ready=0
    for p in "${PORTS[@]}"; do
      [ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$p/actuator/health/readiness" || true)" = 200 ] && ready=$((ready + 1))
    done
    [ "$ready" = 5 ] && break
    kill -0 "$pid" 2>/dev/null || { echo "the suite exited; see $log" >&2; exit 1; }
    sleep 0.2
  done
  echo "$(( $(now_ms) - t0 )) $(grep -o 'up [0-9]* ms after the JVM started' "$log" | grep -o '[0-9]*' || echo '?')/$(grep -o 'JVM CPU time [0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')"
  kill -TERM "$pid"; wait "$pid" || true
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }

first=() restart=()
echo "load before: $(uptime)"
for i in $(seq 1 "$REPEATS"); do
  home=$(mktemp -d /tmp/mlops-start-bench.XXXXXX)
  f=$(start_once "$home"); r=$(start_once "$home")
  echo "run $i: first start ${f%% *} ms (suite log: uptime/CPU ${f#* } ms), restart ${r%% *} ms (${r#* } ms); load $(cut -d' ' -f1-3 /proc/loadavg)"
  first+=("${f%% *}"); restart+=("${r%% *}")
  rm -rf "$home" "$home.log"
done
echo "median first start $(printf '%s\n' "${first[@]}" | median) ms, restart $(printf '%s\n' "${restart[@]}" | median) ms; load after: $(uptime)"
