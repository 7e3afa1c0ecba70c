#!/bin/sh
# The figures of benchmarks/README.md, in one run (short settings: compare ratios within the run only).
# Usage, from the repository root:  ./mvnw -B -pl benchmarks -am package -DskipTests && sh benchmarks/run-figures.sh
set -e
JAR=benchmarks/target/benchmarks.jar
JMH="java -Xms1g -Xmx1g -jar $JAR -f 1 -wi 2 -i 3 -w 1s -r 1s -jvmArgs -Xms1g -jvmArgs -Xmx1g"
echo "load before: $(cat /proc/loadavg)"
$JMH 'DecodeBenchmark.(alp|tree|v1|btse.*Frame)' -prof gc
$JMH BookFrameBenchmark -prof gc
$JMH TradeStreamBenchmark
$JMH SignedRestBenchmark
java -Xms1g -Xmx1g -cp $JAR io.exflux.benchmarks.TradeLatency 3
java -cp $JAR io.exflux.benchmarks.AlpBookFrames benchmarks/target/frames
if [ -d benchmarks/node/node_modules/ccxt ]; then
  (cd benchmarks/node && node ccxt-book.mjs ../target/frames 3)
else
  echo "ccxt harness skipped: run 'npm ci' in benchmarks/node first"
fi
echo "load after: $(cat /proc/loadavg)"
