#!/usr/bin/env bash
# GridCare's performance suite: every workload of issue 8 against GridCare as shipped (port 8090, database
# bench_gridcare) and then against the same jar, models and delegates on Camunda's stock engine configuration
# (Spring profile "stock", port 8091, database bench_stock), each in its own JVM on an emptied PostgreSQL
# database; then start-up on PostgreSQL and H2. Prints every figure and writes bench/results/performance-*.md.
#
#   bench/performance.sh [workload,...]     (intake,completion,inbox,storm,idle-timers,soak,night)
#
# Sizes: -Dbench.NAME=VALUE through BENCH_JAVA_OPTS (see src/test/java/com/gridcare/performance/Sizes.java),
# e.g. BENCH_JAVA_OPTS="-Dbench.soak-seconds=600" bench/performance.sh. PostgreSQL: -Dbench.postgres=jdbc:postgresql://host:port/
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp test-compile -Dbpmnlint.skip=true
if [ ! -f target/bench.classpath ] || [ pom.xml -nt target/bench.classpath ]; then
  mvn -B -q -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
fi
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
JAVA="java -Xms1g -Xmx3g ${BENCH_JAVA_OPTS:-} -cp $CP"
rm -rf target/bench/performance
status=0
started=$(date +%s)
for side in gridcare stock; do
  $JAVA com.gridcare.performance.PerformanceSuite "$side" ${1:-} || status=1
  $JAVA com.gridcare.performance.PerformanceSuite startup "$side" postgres || status=1
  $JAVA com.gridcare.performance.PerformanceSuite startup "$side" h2 || status=1
done
echo "suite took $(( $(date +%s) - started )) s"
$JAVA com.gridcare.performance.PerformanceReport "bench/performance.sh ${1:-}" "${BENCH_JAVA_OPTS:-}"
exit $status
