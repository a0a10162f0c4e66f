#!/usr/bin/env bash
# Figures for the customer-notification outbox: queueing rate (one transaction per message, as a
# process step does) and delivery rate of two dispatchers through the HTTP gateway sender to a
# gateway on loopback, with a check that no message reached the gateway twice.
#
#   bench/notifications.sh                 # H2 in memory, 1000 messages
#   MESSAGES=5000 bench/notifications.sh
#   POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/bench bench/notifications.sh   # that database is reset!
set -euo pipefail
cd "$(dirname "$0")/.."
args=(-B -ntp -q test -Dtest=NotificationOutboxBenchmark -Dgridcare.bench=true
      -Dgridcare.bench.messages="${MESSAGES:-1000}" -Dpostgres.skip=true -Dbpmnlint.skip=true
      -Dsurefire.failIfNoSpecifiedTests=false)
if [[ -n "${POSTGRES_URL:-}" ]]; then
  args+=(-Dspring.datasource.url="$POSTGRES_URL" -Dspring.datasource.username="${POSTGRES_USER:-postgres}"
         -Dspring.datasource.password= -Dgridcare.test.reset-database=true)
fi
mvn "${args[@]}" 2>&1 | sed -n '/^bench notifications/,/^$/p'
