#!/usr/bin/env bash
# Time from a changed rules/customer/tier.drl.xlsx to the new rules serving, while load threads decide
# continuously; counts failed and mixed-version decisions (must be 0). Prints a Markdown table.
#   bench/rules-publish.sh [changes=5] [load threads=2] [folder poll ms=500]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/classpath.sh
exec java -Xms1g -Xmx2g ${BENCH_JAVA_OPTS:-} -cp "$BENCH_CP" com.gridcare.bench.RulesPublishBenchmark "$@"
