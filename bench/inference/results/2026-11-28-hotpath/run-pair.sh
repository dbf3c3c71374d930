#!/usr/bin/env bash
# run-pair.sh TAG SECONDS REPEATS WARMUP FILTER ORDER... : runs each side in the given order (base|new)
TAG=$1; S=$2; R=$3; W=$4; F=$5; shift 5
for side in "$@"; do
  dir=/work/wt-hotpath-base; [ $side = new ] && dir=/work/wt-hotpath
  n=$(ls /tmp/pair/$TAG-$side-*.out 2>/dev/null | wc -l)
  out=/tmp/pair/$TAG-$side-$((n+1)).out
  echo "$(date -u +%T) $side start load $(cut -d' ' -f1-3 /proc/loadavg)" >> /tmp/pair/$TAG.log
  (cd $dir && BENCH_JAVA_OPTS="-Dbench.warmup-seconds=$W" bench/inference/run.sh $S $R "$F" > $out 2>&1)
  echo "$(date -u +%T) $side end load $(cut -d' ' -f1-3 /proc/loadavg) rc=$?" >> /tmp/pair/$TAG.log
done
echo done >> /tmp/pair/$TAG.log
