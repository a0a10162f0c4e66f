#!/usr/bin/env bash
# GridCare's performance suite: every workload of issue 8 against GridCare as shipped (port 8090, database
# bench_gridcare) and then against the same jar, models and delegates on Camunda's stock engine configuration
# (Spring profile "stock", port 8091, database bench_stock), each in its own JVM on an emptied PostgreSQL
# database; then GridCare's start-up on H2. Prints every figure and writes bench/results/performance-*.md.
# The stock side runs the workloads compared with it (intake, completion, storm, idle-timers, inbox) unless named.
# Every workload also runs alone on an empty database, registering what it needs first.
#
#   bench/performance.sh [workload,...]     (intake,completion,storm,idle-timers,soak,inbox,night)
#
# Sizes: -Dbench.NAME=VALUE through BENCH_JAVA_OPTS (see bench/src/com/gridcare/performance/Sizes.java),
# e.g. BENCH_JAVA_OPTS="-Dbench.soak-seconds=600" bench/performance.sh. PostgreSQL: -Dbench.postgres=jdbc:postgresql://host:port/
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
JAVA="java -Xms1g -Xmx3g ${BENCH_JAVA_OPTS:-} -cp $BENCH_CP"
rm -rf target/bench/performance
status=0
started=$(date +%s)
for side in gridcare stock; do
  $JAVA com.gridcare.performance.PerformanceSuite "$side" ${1:-} || status=1
done
# start-up on PostgreSQL is each side's first boot above (empty database); on H2 here
$JAVA com.gridcare.performance.PerformanceSuite startup gridcare h2 || status=1
echo "suite took $(( $(date +%s) - started )) s"
$JAVA com.gridcare.performance.PerformanceReport "bench/performance.sh ${1:-}" "${BENCH_JAVA_OPTS:-}"
exit $status
