#!/usr/bin/env bash
# The long run, by hand (well over an hour on two cores shared with other work), the short suite's scripts at full scale, one after the
# other: kill -9 of one of two nodes under 16 clients x 2,000 complaints with Idempotency-Keys, a 20 s database
# outage under load, an escalation burst of 2,000 timers due at once across two nodes, 12,000 generated bad
# requests over every /api/v1 operation, and a graceful stop under load. Each phase prints its figures and the
# machine's load average before and after it; the run fails when a phase fails, and each phase fails when what it
# checks is missing (no complaint acknowledged, no timer fired, no request during the outage or in flight at the
# stop, fewer bad requests than asked for). Output also goes to reliability/work/run-all.log.
# Sizes: COMPLAINTS (2000), CLIENTS (16), KILL_TIMERS (300), OUTAGE (20), OUTAGE_LOAD (75 s), BURST_TIMERS (2000),
# BAD_REQUESTS (12000), BAD_SEED (random); PHASES to run a subset ("kill outage burst bad-input graceful").
# Nodes' database, ports and JVM options as for every script (GRIDCARE_RELIABILITY_DB, _PORTS, _JAVA_OPTS).
set -uo pipefail
cd "$(dirname "$0")"
mkdir -p work
exec > >(tee work/run-all.log) 2>&1
COMPLAINTS=${COMPLAINTS:-2000}; CLIENTS=${CLIENTS:-16}; KILL_TIMERS=${KILL_TIMERS:-300}
OUTAGE=${OUTAGE:-20}; OUTAGE_LOAD=${OUTAGE_LOAD:-75}; BURST_TIMERS=${BURST_TIMERS:-2000}
BAD_REQUESTS=${BAD_REQUESTS:-12000}; BAD_SEED=${BAD_SEED:-}
PHASES=${PHASES:-kill outage burst bad-input graceful}
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "-- long run on $(nproc) cores, $(date -u '+%F %T') UTC, load average $(load); phases: $PHASES"
started=$SECONDS
status=0
summary=()
run() {
  local name=$1; shift
  local t=$SECONDS before; before=$(load)
  echo "-- long run: $name (load average $before)"
  if env "$@"; then result=passed; else result=FAILED; status=1; fi
  summary+=("$name: $result in $((SECONDS - t)) s, load average $before -> $(load)")
  echo "-- $name: $result in $((SECONDS - t)) s (load average now $(load))"
}
for phase in $PHASES; do
  case $phase in
    kill) run "kill -9 of a node" COMPLAINTS="$COMPLAINTS" CLIENTS="$CLIENTS" TIMERS="$KILL_TIMERS" ./node-kill.sh ;;
    outage) run "${OUTAGE} s database outage" OUTAGE="$OUTAGE" DURATION="$OUTAGE_LOAD" ./db-outage.sh ;;
    burst) run "escalation burst on two nodes" TIMERS="$BURST_TIMERS" ./escalation-burst.sh ;;
    bad-input) run "bad input" ./bad-input.sh "$BAD_REQUESTS" $BAD_SEED ;;
    graceful) run "graceful stop of a node" COMPLAINTS="$COMPLAINTS" CLIENTS="$CLIENTS" TIMERS="$KILL_TIMERS" ./node-kill.sh --graceful ;;
    *) echo "unknown phase $phase"; status=1 ;;
  esac
done
echo "-- long run: $([ $status = 0 ] && echo passed || echo FAILED) in $((SECONDS - started)) s"
printf '   %s\n' "${summary[@]}"
exit $status
