# Sourced by ./mlops and .ci/run: export a JAVA_HOME of JDK 21 or newer.
# The default `java` on many machines is older (17 here); we keep JAVA_HOME when it is already
# good, otherwise take the newest JDK under /usr/lib/jvm (or $MLOPS_JDK_SEARCH_PATH).
mlops_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}

mlops_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] \
     && [ "$(mlops_java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  local best="" best_major=0 dir major
  for dir in ${MLOPS_JDK_SEARCH_PATH:-/usr/lib/jvm/* /opt/java/* /opt/jdk*}; do
    [ -x "$dir/bin/javac" ] || continue
    major=$(mlops_java_major "$dir")
    [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ] && best=$dir best_major=$major
  done
  if [ -z "$best" ] && command -v javac >/dev/null; then
    dir=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(mlops_java_major "$dir")
    [ -n "$major" ] && [ "$major" -ge 21 ] && best=$dir
  fi
  if [ -z "$best" ]; then
    echo "mlops: no JDK 21+ found; install one (e.g. Temurin 21) or set JAVA_HOME" >&2
    return 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
}
