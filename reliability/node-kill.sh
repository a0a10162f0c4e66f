#!/usr/bin/env bash
# Node kill: two GridCare nodes on one PostgreSQL, 16 clients send 2,000 complaints with Idempotency-Keys
# (retrying on the other node on connection errors and 503s); halfway, kill -9 one node while it holds
# escalation timers and restart it 10 s later. Meanwhile escalation
# timers fall due on both nodes. Then: one case per key, nothing acknowledged lost, no message delivered
# twice, every timer due fired exactly once, the dead node did hold jobs, and how late its timers were.
# Usage: reliability/node-kill.sh [--graceful]   (SIGTERM instead of SIGKILL: the graceful-stop variant, which
# also checks that every request the node had in flight when it got SIGTERM was answered)
# Scale: COMPLAINTS (2000), CLIENTS (16), TIMERS (300), TIMERS_FROM/TIMERS_TO (20/140 s from their start),
# BURST (100 more timers, due together just before the kill; the cases' timers started again as needed).
source "$(dirname "$0")/common.sh"
SIGNAL=-9; NAME=node-kill; PREFIX=nk
if [ "${1:-}" = "--graceful" ]; then SIGNAL=-TERM; NAME=graceful-stop; PREFIX=gs; fi
COMPLAINTS=${COMPLAINTS:-2000}; CLIENTS=${CLIENTS:-16}; TIMERS=${TIMERS:-300}
TIMERS_FROM=${TIMERS_FROM:-20}; TIMERS_TO=${TIMERS_TO:-140}; BURST=${BURST:-100}
trap 'stop_node $A; stop_node $B' EXIT

build
reset_database
rm -f "$WORK"/node-$A.log "$WORK"/node-$B.log "$WORK/$NAME.progress"
start_node $A && wait_healthy $A   # one after the other: the first creates the schema
start_node $B && wait_healthy $B
deploy_escalation_model $B
sql "SELECT id FROM customer ORDER BY id" >"$WORK/customers.txt"
# the cases the escalation timers belong to: complaints registered before the run
python3 "$ROOT/reliability/loadgen.py" --nodes http://127.0.0.1:$B --clients 4 --complaints "$TIMERS" \
    --customers "$WORK/customers.txt" --out "$WORK/$NAME-cases.json" --key-prefix "${PREFIX}pre"
sql "SELECT id FROM service_case WHERE description LIKE 'fault test complaint ${PREFIX}pre-%' ORDER BY id" >"$WORK/cases.txt"
echo "$NAME: nodes up, $(wc -l <"$WORK/customers.txt") customers; starting $TIMERS escalation timers due in $TIMERS_FROM..$TIMERS_TO s"
start_escalations $B "$TIMERS" "$TIMERS_FROM" "$TIMERS_TO" "$WORK/cases.txt"
echo "$NAME: $(sql "SELECT COUNT(*) FROM reliability_timer") timers recorded with their due dates from the job table"

python3 "$ROOT/reliability/loadgen.py" --nodes http://127.0.0.1:$A,http://127.0.0.1:$B --clients "$CLIENTS" \
    --complaints "$COMPLAINTS" --customers "$WORK/customers.txt" --out "$WORK/$NAME.json" \
    --progress "$WORK/$NAME.progress" --key-prefix "$PREFIX" &
LOAD=$!
progress() { local p; p=$(cat "$WORK/$NAME.progress" 2>/dev/null || true); echo "${p:-0}"; }
until [ "$(progress)" -ge $((COMPLAINTS / 2)) ]; do
  kill -0 $LOAD 2>/dev/null || { echo "$NAME: the load ended before halfway"; exit 1; }
  sleep 0.2
done
# the lock-expiry takeover is only tested when the dead node held jobs: a burst of BURST timers due at the same
# moment keeps both nodes' job executors busy (10 acquired at a time), and node A is killed as soon as it holds one;
# when node B took the whole burst, another burst follows (at most three)
if [ "$SIGNAL" = -9 ]; then
  HOLDS=0
  for attempt in 1 2 3; do
    for _ in 1 2 3; do cat "$WORK/cases.txt"; done | head -n "$BURST" | xargs -P 8 -I{} curl -fs -u admin:demo \
        -H 'Content-Type: application/json' \
        -d '{"variables":{"delaySeconds":{"value":20,"type":"Integer"},"caseId":{"value":"{}"},"replyBy":{"value":"2026-12-31 10:00"}}}' \
        -o /dev/null "http://127.0.0.1:$B/engine-rest/process-definition/key/reliability-escalation/start" \
        || echo "$NAME: some of the $BURST timers could not be started; the checks count the timers recorded"
    record_timers
    echo "$NAME: $BURST more timers due in 20 s; waiting (at most 45 s) for node $A to hold one (burst $attempt)"
    WAITED=$SECONDS
    # node A is paused (SIGSTOP) while its locks are read, so a job seen locked is still locked at the kill
    until [ $((SECONDS - WAITED)) -ge 45 ]; do
      kill -STOP "$(node_pid $A)"
      if [ "$(locked_timers $A)" -gt 0 ]; then HOLDS=1; break; fi
      kill -CONT "$(node_pid $A)"
      sleep 0.05
    done
    [ "$HOLDS" = 1 ] && break
  done
fi
STOPPED_AT=$(date +%s.%N)
kill $SIGNAL "$(node_pid $A)"
KILLED_AT=$(date +%s)
if [ "$SIGNAL" = -9 ]; then
  LOCKED=$(record_locks $A); KILLED=(--killed-node $A)
  echo "$NAME: kill -9 of node $A after $(progress) acknowledged complaints; it held $LOCKED jobs"
else
  # the requests node A (index 0 of the load's nodes) had in flight at the SIGTERM must all be answered
  KILLED=(--stopped-at "$STOPPED_AT" --stopped-node 0)
  echo "$NAME: SIGTERM to node $A after $(progress) acknowledged complaints"
fi
sleep 10
start_node $A
wait $LOAD
wait_healthy $A
echo "$NAME: node $A back $(( $(date +%s) - KILLED_AT )) s after the stop"
# every timer due by now, plus the stated bound for a dead node's locks (lockTimeInMillis 60 s + acquisition)
while [ "$(escalation_jobs)" -gt 0 ] && [ $(( $(date +%s) - KILLED_AT )) -lt 300 ]; do record_timers; sleep 2; done
sleep 5  # the dispatchers deliver what the last complaints queued
python3 "$ROOT/reliability/check.py" --results "$WORK/$NAME.json" --key-prefix "$PREFIX" --db "$DB" \
    --logs "$WORK/node-$A.log" "$WORK/node-$B.log" --escalations "${KILLED[@]}"
