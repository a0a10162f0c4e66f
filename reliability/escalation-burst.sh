#!/usr/bin/env bash
# Escalation burst: TIMERS (2,000) escalation timers due at the same moment on two GridCare nodes sharing one
# PostgreSQL (started through node A, fired by whichever node's job executor acquires them). Each must fire
# exactly once, both nodes must be seen holding some of them, and their lateness (fired minus due) is measured.
# Scale: TIMERS (2000), LEAD (seconds from the first start to the due moment, 900: every start must be in before
# it; on two cores loaded by other work, 1.5 starts a second were measured), SPREAD (0: all due in the same second; n: spread over n seconds), STARTERS (parallel starts, 8).
source "$(dirname "$0")/common.sh"
TIMERS=${TIMERS:-2000}; LEAD=${LEAD:-900}; SPREAD=${SPREAD:-0}; STARTERS=${STARTERS:-8}
trap 'stop_node $A; stop_node $B' EXIT
build
reset_database
rm -f "$WORK"/node-$A.log "$WORK"/node-$B.log
start_node $A && wait_healthy $A   # one after the other: the first creates the schema
start_node $B && wait_healthy $B
deploy_escalation_model $A
sql "SELECT id FROM customer ORDER BY id" >"$WORK/customers.txt"
python3 "$ROOT/reliability/loadgen.py" --nodes http://127.0.0.1:$A --clients 4 --complaints 20 \
    --customers "$WORK/customers.txt" --out "$WORK/burst-cases.json" --key-prefix burstpre
CASE=$(sql "SELECT id FROM service_case WHERE description LIKE 'fault test complaint burstpre-%' LIMIT 1")
[ -n "$CASE" ] || { echo "escalation-burst: FAILED: no case to escalate"; exit 1; }
# every instance gets the delay that makes its timer due at DUE (plus i mod SPREAD+1 seconds)
DUE=$(( $(date +%s) + LEAD ))
echo "escalation-burst: starting $TIMERS timers due at $(date -u -d @$DUE +%H:%M:%S) UTC (spread ${SPREAD} s), two nodes"
STARTING=$SECONDS
# the due dates are recorded while the timers are started (a timer that fired before its record would be lost)
(while :; do record_timers; sleep 5; done) &
RECORDER=$!
seq 1 "$TIMERS" | xargs -P "$STARTERS" -I{} sh -c 'd=$(( '"$DUE"' - $(date +%s) + {} % ('"$SPREAD"' + 1) )); [ $d -gt 0 ] && curl -fs -u admin:demo \
    -H "Content-Type: application/json" -d "{\"variables\":{\"delaySeconds\":{\"value\":$d,\"type\":\"Integer\"},\"caseId\":{\"value\":\"'"$CASE"'\"},\"replyBy\":{\"value\":\"x\"}}}" \
    -o /dev/null http://127.0.0.1:'"$A"'/engine-rest/process-definition/key/reliability-escalation/start' || true
kill $RECORDER 2>/dev/null || true
record_timers
RECORDED=$(sql "SELECT COUNT(*) FROM reliability_timer")
echo "escalation-burst: $RECORDED timers started in $((SECONDS - STARTING)) s and recorded with their due dates; $(( DUE - $(date +%s) )) s to go"
if [ "$RECORDED" -ne "$TIMERS" ]; then
  echo "escalation-burst: FAILED: $RECORDED of $TIMERS timers started before the due moment (raise LEAD)"; exit 1
fi
# until every timer has fired (at most 10 minutes after the due moment): which node holds which timer
until [ "$(escalation_jobs)" -eq 0 ] || [ "$(date +%s)" -gt $((DUE + SPREAD + 600)) ]; do
  [ "$(date +%s)" -ge $((DUE - 2)) ] && record_owners || sleep 1
done
echo "escalation-burst: all fired $(( $(date +%s) - DUE )) s after the due moment (or gave up: $(escalation_jobs) left)"
python3 "$ROOT/reliability/check.py" --db "$DB" --escalations --timer-nodes 2
