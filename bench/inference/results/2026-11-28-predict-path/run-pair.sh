#!/usr/bin/env bash
# run-pair.sh TAG SECONDS REPEATS FILTER : base, new, base, new
TAG=$1; S=$2; R=$3; F=$4
for side in base new base new; do
  dir=/work/wt-path-base; [ $side = new ] && dir=/work/wt-inf-path
  n=$(ls /tmp/pair/$TAG-$side-*.out 2>/dev/null | wc -l)
  out=/tmp/pair/$TAG-$side-$((n+1)).out
  echo "$(date -u +%T) $side start load $(cut -d' ' -f1-3 /proc/loadavg)" >> /tmp/pair/$TAG.log
  (cd $dir && BENCH_JAVA_OPTS="-Dbench.warmup-seconds=5" bench/inference/run.sh $S $R "$F" > $out 2>&1)
  echo "$(date -u +%T) $side end load $(cut -d' ' -f1-3 /proc/loadavg)" >> /tmp/pair/$TAG.log
done
echo done >> /tmp/pair/$TAG.log
