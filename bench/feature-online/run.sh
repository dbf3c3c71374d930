#!/usr/bin/env bash
# feature-service benchmark: online lookups over loopback HTTP next to a raw Lettuce MGET (same run),
# Redis INFO commandstats per request, and materialization rows/s (seattle-weather, flights 3M) with
# -Xmx512m. Needs Redis on 127.0.0.1:6379 and Postgres on 127.0.0.1:5432 (trust auth; database from
# PGDATABASE, default "test"). Usage:
#   bench/feature-online/run.sh [PARQUET] [WARMUP_S=1] [SECONDS=3] [REPEATS=3]
#   ONLY=online | ONLY=materialize runs one part; PARQUET "-" skips the 3M flights part.
#   CELLS=100x4,100x16 runs only those online cells; MODES=wrk,raw only those clients;
#   KEY_PREFIX=fs: for a baseline build from before the JSON-text layout; SERVICE_JAVA_OPTS extra JVM options (both parts); JFR=1 records the online JVM (target/online.jfr).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
parquet=${1:-$root/../shared/fixtures/datasets/flights-3m.parquet}
warmup=${2:-1}; seconds=${3:-3}; repeats=${4:-3}
[ "$parquet" = - ] || [ -f "$parquet" ] || { echo "no Parquet file at $parquet (pass its path, or -)" >&2; exit 2; }
[ "$parquet" = - ] || parquet=$(cd "$(dirname "$parquet")" && pwd)/$(basename "$parquet")

. scripts/jdk.sh
mlops_find_jdk
out=bench/feature-online/target
mkdir -p "$out/classes"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -B -ntp -pl feature-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$root/$out/classpath.txt" -Dmdep.includeScope=test >/dev/null
# DuckDB (Parquet -> CSV) is the data-service's dependency, not the feature-service's: take its jar by version
duckdb_version=$(sed -n 's:.*<duckdb.version>\(.*\)</duckdb.version>.*:\1:p' pom.xml)
duckdb_jar=$HOME/.m2/repository/org/duckdb/duckdb_jdbc/$duckdb_version/duckdb_jdbc-$duckdb_version.jar
[ -f "$duckdb_jar" ] || ./mvnw -q -B -ntp -pl data-service dependency:resolve >/dev/null
cp="feature-service/target/test-classes:feature-service/target/classes:$(cat "$out/classpath.txt"):$duckdb_jar"
javac -d "$out/classes" -cp "$cp" $(find bench/feature-online/src -name '*.java')
java_cmd=(java --enable-native-access=ALL-UNNAMED -XX:+EnableDynamicAgentLoading -Dbench.pgDatabase="${PGDATABASE:-test}" -cp "$out/classes:$cp")

echo "JDK: $JAVA_HOME  cores: $(nproc)  load: $(cut -d' ' -f1-3 /proc/loadavg)  redis: $(redis-cli -h 127.0.0.1 info server 2>/dev/null | sed -n 's/^redis_version:\(.*\)\r$/\1/p')"
if [ "${ONLY:-online}" = online ]; then
  echo "== online lookups (heap 1 GB)"
  extra=()
  [ -z "${CELLS:-}" ] || extra+=(-Dbench.cells="$CELLS")
  [ -z "${MODES:-}" ] || extra+=(-Dbench.modes="$MODES")
  [ -z "${KEY_PREFIX:-}" ] || extra+=(-Dbench.keyPrefix="$KEY_PREFIX")
  [ -z "${SERVICE_JAVA_OPTS:-}" ] || extra+=($SERVICE_JAVA_OPTS)
  [ -z "${JFR:-}" ] || extra+=(-XX:StartFlightRecording=filename="$root/$out/online.jfr",settings=profile)
  "${java_cmd[@]}" -Xmx1g "${extra[@]}" io.mlops.feature.bench.OnlineBench "$work" "$warmup" "$seconds" "$repeats" 2>"$work/online.err" \
    || { tail -50 "$work/online.err" >&2; exit 1; }
  cp "$work/online-medians.md" "$out/online-medians.md"
fi
if [ "${ONLY:-materialize}" = materialize ]; then
  echo "== materialization (heap capped: -Xmx512m)"
  run=("${java_cmd[@]}" -Xmx512m -XX:+ExitOnOutOfMemoryError ${READ_TIMEOUT:+-Dbench.readTimeout=$READ_TIMEOUT} ${SERVICE_JAVA_OPTS:-} io.mlops.feature.bench.MaterializationBench "$work"
       "$root/feature-service/src/test/resources/datasets/seattle-weather.csv" "$parquet" 2)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v "${run[@]}" 2>"$work/mat.err" || { tail -60 "$work/mat.err" >&2; exit 1; }
    grep -E "Maximum resident set size|Elapsed \(wall" "$work/mat.err" | sed 's/^\s*/  /'
  else
    "${run[@]}" 2>"$work/mat.err" || { tail -60 "$work/mat.err" >&2; exit 1; }
  fi
fi
