#!/usr/bin/env bash
# GridCare's performance suite: every workload of issue 8 against GridCare as shipped (port 8090, database
# bench_gridcare) and against the same jar, models and delegates on Camunda's stock engine configuration
# (Spring profile "stock", port 8091, database bench_stock), each in its own JVM on an emptied PostgreSQL
# database, both up throughout and measured one at a time (the other idle); intake and completion in three
# alternating rounds (GridCare, stock, GridCare, …), reported as each side's median; then GridCare's start-up
# on H2. The stock side runs every workload but the night run. Prints every figure and the time each phase
# took, and writes bench/results/performance-*.md. Every workload also runs alone on an empty database,
# registering what it needs first.
#
#   bench/performance.sh [workload,...]     (intake,completion,storm,idle-timers,soak,inbox,night)
#
# Sizes: -Dbench.NAME=VALUE through BENCH_JAVA_OPTS (see bench/src/com/gridcare/performance/Sizes.java),
# e.g. BENCH_JAVA_OPTS="-Dbench.soak-seconds=600" bench/performance.sh. PostgreSQL: -Dbench.postgres=jdbc:postgresql://host:port/,
# databases PREFIX_gridcare and PREFIX_stock with -Dbench.database-prefix=PREFIX (bench by default).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
# the side JVMs inherit these options; the CPU profiles of intake and completion keep 256 frames a sample
JAVA="java -Xms1g -Xmx3g -XX:FlightRecorderOptions:stackdepth=256 ${BENCH_JAVA_OPTS:-} -cp $BENCH_CP"
rm -rf target/bench/performance
status=0
# starts each side's JVM with these same options, then GridCare's start-up on H2; prints "suite took N s"
$JAVA com.gridcare.performance.PerformanceSuite ${1:-} || status=1
$JAVA com.gridcare.performance.PerformanceReport "bench/performance.sh ${1:-}" "${BENCH_JAVA_OPTS:-}"
exit $status
