#!/usr/bin/env bash
# Benchmark of GridCare's working-time clock: due-date computations per second over random instants
# and targets, on the calendars in rules/calendars/. Prints the figures.
#
#   bench/clocks.sh [instants, default 1000000] [rounds, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
exec java -Xms512m -Xmx1g -cp "$BENCH_CP" \
  com.gridcare.clock.ClockBenchmark "$@"
