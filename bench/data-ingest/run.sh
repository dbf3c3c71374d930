#!/usr/bin/env bash
# Ingestion benchmark of data-service: flights-3m.parquet and the same rows as CSV, each ingested with
# profiling and sampling, JVM heap capped at 512 MB, DuckDB on 2 threads. Usage:
#   bench/data-ingest/run.sh [PARQUET] [RUNS]      (ONLY=parquet skips the CSV part;
#   EXACT_DISTINCT_MAX_ROWS=N changes where distinct counts become estimates;
#   DUCKDB_MEMORY=512MB changes DuckDB's memory_limit, 1GB by default as the service's;
#   BENCH_JAVA_OPTS adds JVM options, e.g. -XX:NativeMemoryTracking=summary)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
parquet=${1:-${MLOPS_FLIGHTS:-$root/../shared/fixtures/datasets/flights-3m.parquet}}
runs=${2:-3}
[ -f "$parquet" ] || { echo "no Parquet file at $parquet (pass its path)" >&2; exit 2; }
parquet=$(cd "$(dirname "$parquet")" && pwd)/$(basename "$parquet")

. scripts/jdk.sh
mlops_find_jdk
cpfile=$(mktemp)
work=$(mktemp -d)
trap 'rm -rf "$cpfile" "$work"' EXIT
./mvnw -q -B -ntp -pl data-service -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=test >/dev/null
cp="data-service/target/test-classes:data-service/target/classes:common-domain/target/classes:$(cat "$cpfile")"
jvm=(java -Xmx512m ${BENCH_JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED -Dbench.threads=2 -Dbench.memory=${DUCKDB_MEMORY:-1GB}
     -Dbench.exactDistinctMaxRows="${EXACT_DISTINCT_MAX_ROWS:-100000}" -cp "$cp"
     io.mlops.data.bench.IngestBench)

run() { # label, args...
  local label=$1; shift
  echo "== $label"
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v "${jvm[@]}" "$@" 2> "$work/time.txt"
    grep -E "Maximum resident set size|Elapsed \(wall" "$work/time.txt" | sed 's/^\s*/  /'
  else
    "${jvm[@]}" "$@"
  fi
}

echo "JDK: $JAVA_HOME  cores: $(nproc)  file: $parquet"
run "Parquet ingest" ingest "$parquet" "$runs"
[ "${ONLY:-}" = parquet ] && exit 0
run "convert to CSV (setup, not timed as ingest)" to-csv "$parquet" "$work/flights.csv"
run "CSV ingest" ingest "$work/flights.csv" "$runs"
