#!/usr/bin/env bash
# Runs the monitoring consume benchmark: builds monitoring-service (main + test classes, no tests run), compiles the
# harness against its test classpath and runs it with an embedded KRaft broker in the same JVM.
# Usage: [REPEATS=n] [BENCH_JAVA_OPTS=-Dbench.records=single|json-batch|avro-batch] bench/monitoring/run.sh [events] [jdbc-url] [db-user] [profile true|false] [--extra.property=value ...]
#        [@variant --property=value ... @other-variant ...]   (variants run in turn, REPEATS rounds, medians reported)
# The default database is the machine's own Postgres (127.0.0.1:5432, database test, trust auth); schema
# monitoring_bench is dropped and recreated on every run. With profile=true a JFR recording of the service phase is
# written to bench/monitoring/target/service.jfr and its hot methods printed.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/bench.sh
OUT=bench/monitoring/target
mlops_bench_build monitoring-service "$OUT"
mkdir -p "$OUT/classes"
javac -d "$OUT/classes" -cp "$CP" bench/monitoring/src/MonitoringConsumeBench.java
EVENTS=${1:-300000}; URL=${2:-jdbc:postgresql://127.0.0.1:5432/test}; DBUSER=${3:-postgres}; PROFILE=${4:-false}
shift $(( $# < 4 ? $# : 4 ))
java -Xmx2g ${BENCH_JAVA_OPTS:-} -Dmlops.test.infrastructure=embedded -Drepeats="${REPEATS:-1}" -cp "$OUT/classes:$CP" \
  MonitoringConsumeBench "$OUT" "$EVENTS" "$URL" "$DBUSER" "$PROFILE" "$@"
if [ "$PROFILE" = true ]; then
  jfr view --width 200 hot-methods "$OUT/service.jfr" | head -40
fi
