# Sourced by the bench/*/ scripts that run a harness against a service's test classpath.
. "$(dirname "${BASH_SOURCE[0]}")/jdk.sh"

# mlops_bench_build MODULE OUT: finds a JDK 21+, builds MODULE's main and test classes (no tests run) and sets CP to
# them plus MODULE's test-scope dependencies (listed in OUT/classpath.txt).
mlops_bench_build() {
  local module=$1 out=$2
  mlops_find_jdk
  mkdir -p "$out"
  ./mvnw -B -ntp -q -pl "$module" -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$out/classpath.txt" -DskipTests
  CP="$module/target/classes:$module/target/test-classes:$(cat "$out/classpath.txt")"
}
