#!/usr/bin/env bash
# How long the "Customer / 客户" tab in Tasklist takes to open for a customer with 50 cases and 24 months of
# consumption among other customers' cases: in headless Chromium (click → chart drawn and timeline shown), over
# HTTP (the tab's three calls together) and server side (the three services). Prints p50, p95 and max of each.
# Needs chromium and chromium-driver, as the browser tests do.
#
#   bench/customer-tab.sh                                     # H2 in memory
#   SAMPLES=500 OTHER_CUSTOMERS=300 bench/customer-tab.sh
#   POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/bench bench/customer-tab.sh   # that database is reset!
set -euo pipefail
cd "$(dirname "$0")/.."
args=(-B -ntp -q test -Dtest=CustomerTabBenchmark -Dgridcare.bench=true -Dgroups=browser
      -Dgridcare.bench.samples="${SAMPLES:-200}" -Dgridcare.bench.other-customers="${OTHER_CUSTOMERS:-100}"
      -Dpostgres.skip=true -Dbpmnlint.skip=true -Dsurefire.failIfNoSpecifiedTests=false)
if [[ -n "${POSTGRES_URL:-}" ]]; then
  args+=(-Dspring.datasource.url="$POSTGRES_URL" -Dspring.datasource.username="${POSTGRES_USER:-postgres}"
         -Dspring.datasource.password= -Dgridcare.test.reset-database=true)
fi
mvn "${args[@]}" 2>&1 | sed -n '/^bench customer tab/,/^$/p'
