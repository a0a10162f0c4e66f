#!/usr/bin/env bash
# Figures for an outage's notices: an outage affecting 100,000 customers queues one notice per
# customer (one INSERT ... SELECT into the notification outbox) while complaints keep arriving over
# HTTP (their p50/p99 latency is printed), then two dispatchers deliver to a loopback gateway for a
# bounded time, checking that every customer has exactly one notice and no key reached the gateway twice.
#
#   bench/outage-notices.sh                                  # H2 in memory, 100,000 customers
#   CUSTOMERS=20000 DELIVER_SECONDS=30 bench/outage-notices.sh
#   POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/bench bench/outage-notices.sh   # that database is reset!
set -euo pipefail
cd "$(dirname "$0")/.."
args=(-B -ntp -q test -Dtest=OutageNoticesBenchmark -Dgridcare.bench=true
      -Dgridcare.bench.customers="${CUSTOMERS:-100000}" -Dgridcare.bench.deliver-seconds="${DELIVER_SECONDS:-60}"
      -Dpostgres.skip=true -Dbpmnlint.skip=true -Dsurefire.failIfNoSpecifiedTests=false)
if [[ -n "${POSTGRES_URL:-}" ]]; then
  args+=(-Dspring.datasource.url="$POSTGRES_URL" -Dspring.datasource.username="${POSTGRES_USER:-postgres}"
         -Dspring.datasource.password= -Dgridcare.test.reset-database=true)
fi
mvn "${args[@]}" 2>&1 | sed -n '/^bench outage notices/,/^$/p'
