#!/usr/bin/env bash
# Full customer evaluation (tier, flags, segments, offers) over synthetic customers, 1 and 2 threads:
# evaluations/s and allocation per evaluation for GridCare's rules (Drools), the same tier table in
# Camunda's DMN engine, and the same rules hand-written in Java. Prints a Markdown table.
#   bench/rules-evaluation.sh [customers=1000000] [threads=1,2]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
exec java -Xms3g -Xmx3g ${BENCH_JAVA_OPTS:-} -cp "$BENCH_CP" com.gridcare.bench.RulesEvaluationBenchmark "$@"
