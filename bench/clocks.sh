#!/usr/bin/env bash
# Benchmark of GridCare's working-time clock: due-date computations per second over random instants
# and targets, on the calendars in rules/calendars/. Prints the figures.
#
#   bench/clocks.sh [instants, default 1000000] [rounds, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp test-compile -Dbpmnlint.skip=true
mvn -B -q -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
exec java -Xms512m -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  com.gridcare.clock.ClockBenchmark "$@"
