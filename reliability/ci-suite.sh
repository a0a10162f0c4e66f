#!/usr/bin/env bash
# The short fault suite CI runs after mvn verify (budget 10 minutes; each part prints its duration), on a PostgreSQL database
# of its own (gridcare_ci_faults, recreated): two nodes, kill -9 of one while it holds jobs under 8 clients
# and 300 complaints with Idempotency-Keys (a tenth of them sent again after their answer) and 60 escalation
# timers; the same with a graceful stop (SIGTERM); a 10 s database outage under load. Fails on a lost or
# duplicated case, a duplicate notification, a missed or doubled escalation, a dead node that held no job,
# or a 5xx other than 503 while the database is away. Each part prints its figures.
# Proving it can fail: GRIDCARE_RELIABILITY_NODE_ARGS=--gridcare.testing.ignore-idempotency-keys=true reliability/ci-suite.sh
set -uo pipefail
cd "$(dirname "$0")"
export GRIDCARE_RELIABILITY_DB=${GRIDCARE_RELIABILITY_DB:-gridcare_ci_faults}
export GRIDCARE_RELIABILITY_JAVA_OPTS=${GRIDCARE_RELIABILITY_JAVA_OPTS:--Xmx512m}
started=$SECONDS
status=0
run() {
  local name=$1; shift
  local t=$SECONDS
  echo "-- fault suite: $name"
  if env "$@"; then echo "-- $name: passed in $((SECONDS - t)) s"; else echo "-- $name: FAILED after $((SECONDS - t)) s"; status=1; fi
}
run "kill -9 of a node" COMPLAINTS=300 CLIENTS=8 TIMERS=60 TIMERS_FROM=15 TIMERS_TO=70 BURST=150 ./node-kill.sh
run "graceful stop of a node" COMPLAINTS=300 CLIENTS=8 TIMERS=20 TIMERS_FROM=10 TIMERS_TO=40 ./node-kill.sh --graceful
run "10 s database outage" OUTAGE=10 DURATION=40 ./db-outage.sh
echo "-- fault suite: $([ $status = 0 ] && echo passed || echo FAILED) in $((SECONDS - started)) s"
exit $status
