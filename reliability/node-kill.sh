#!/usr/bin/env bash
# Node kill: two GridCare nodes on one PostgreSQL, 16 clients send 2,000 complaints with Idempotency-Keys
# (retrying on the other node on connection errors and 503s); halfway, kill -9 one node and restart it.
# Meanwhile escalation timers fall due on both nodes. Then: one case per key, nothing acknowledged lost,
# no message delivered twice, every timer due fired exactly once, and how late the dead node's timers were.
# Usage: reliability/node-kill.sh [--graceful]   (SIGTERM instead of SIGKILL: the graceful-stop variant)
source "$(dirname "$0")/common.sh"
SIGNAL=-9; NAME=node-kill; PREFIX=nk
if [ "${1:-}" = "--graceful" ]; then SIGNAL=-TERM; NAME=graceful-stop; PREFIX=gs; fi
COMPLAINTS=${COMPLAINTS:-2000}; CLIENTS=${CLIENTS:-16}; TIMERS=${TIMERS:-300}
trap 'stop_node 8092; stop_node 8093' EXIT

build
reset_database
rm -f "$WORK"/node-809?.log "$WORK/$NAME.progress"
start_node 8092 && wait_healthy 8092
start_node 8093 && wait_healthy 8093
deploy_escalation_model 8093
sql "SELECT id FROM customer ORDER BY id" >"$WORK/customers.txt"
# the cases the escalation timers belong to: complaints registered before the run
python3 "$ROOT/reliability/loadgen.py" --nodes http://127.0.0.1:8093 --clients 4 --complaints "$TIMERS" \
    --customers "$WORK/customers.txt" --out "$WORK/$NAME-cases.json" --key-prefix "${PREFIX}pre"
sql "SELECT id FROM service_case WHERE description LIKE 'fault test complaint ${PREFIX}pre-%' ORDER BY id" >"$WORK/cases.txt"
echo "$NAME: nodes up, $(wc -l <"$WORK/customers.txt") customers; starting $TIMERS escalation timers due in 20..140 s"
start_escalations 8093 "$TIMERS" 20 140 "$WORK/cases.txt"

python3 "$ROOT/reliability/loadgen.py" --nodes http://127.0.0.1:8092,http://127.0.0.1:8093 --clients "$CLIENTS" \
    --complaints "$COMPLAINTS" --customers "$WORK/customers.txt" --out "$WORK/$NAME.json" \
    --progress "$WORK/$NAME.progress" --key-prefix "$PREFIX" &
LOAD=$!
progress() { local p; p=$(cat "$WORK/$NAME.progress" 2>/dev/null || true); echo "${p:-0}"; }
until [ "$(progress)" -ge $((COMPLAINTS / 2)) ]; do
  kill -0 $LOAD 2>/dev/null || { echo "$NAME: the load ended before halfway"; exit 1; }
  sleep 0.2
done
LOCKED=$(sql "SELECT COUNT(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL")
kill $SIGNAL "$(node_pid 8092)"
KILLED_AT=$(date +%s)
echo "$NAME: signal $SIGNAL to node 8092 after $(progress) acknowledged complaints; jobs locked at that moment: $LOCKED"
sleep 10
start_node 8092
wait $LOAD
wait_healthy 8092
echo "$NAME: node 8092 back $(( $(date +%s) - KILLED_AT )) s after the stop"
# every timer due by now, plus the stated bound for a dead node's locks (lockTimeInMillis 60 s + acquisition)
while [ "$(sql "SELECT COUNT(*) FROM act_ru_job j JOIN act_ru_execution e ON e.id_ = j.execution_id_
                 JOIN act_re_procdef d ON d.id_ = e.proc_def_id_ WHERE d.key_ = 'reliability-escalation'")" -gt 0 ] \
      && [ $(( $(date +%s) - KILLED_AT )) -lt 300 ]; do sleep 2; done
sleep 5  # the dispatchers deliver what the last complaints queued
python3 "$ROOT/reliability/check.py" --results "$WORK/$NAME.json" --key-prefix "$PREFIX" --db "$DB" \
    --logs "$WORK/node-8092.log" "$WORK/node-8093.log" --escalations
