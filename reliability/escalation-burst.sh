#!/usr/bin/env bash
# Escalation burst: 2,000 escalation timers falling due within the same minute on one node; all must fire
# exactly once, and their lateness (fired minus due) is measured.
source "$(dirname "$0")/common.sh"
TIMERS=${TIMERS:-2000}
trap 'stop_node $A' EXIT
build
reset_database
start_node $A && wait_healthy $A
deploy_escalation_model $A
sql "SELECT id FROM customer ORDER BY id" >"$WORK/customers.txt"
python3 "$ROOT/reliability/loadgen.py" --nodes http://127.0.0.1:$A --clients 4 --complaints 200 \
    --customers "$WORK/customers.txt" --out "$WORK/burst-cases.json" --key-prefix burstpre
CASE=$(sql "SELECT id FROM service_case WHERE description LIKE 'fault test complaint burstpre-%' LIMIT 1")
# every instance's timer is due at the same wall-clock minute: start them all, then the minute comes
DUE=$(( ($(date +%s) / 60 + 4) * 60 ))
echo "escalation-burst: starting $TIMERS timers due at $(date -u -d @$DUE +%H:%M:%S) (+0..59 s)"
seq 1 "$TIMERS" | xargs -P 8 -I{} sh -c 'd=$(( '"$DUE"' - $(date +%s) + {} % 60 )); curl -fs -u admin:demo \
    -H "Content-Type: application/json" -d "{\"variables\":{\"delaySeconds\":{\"value\":$d,\"type\":\"Integer\"},\"caseId\":{\"value\":\"'"$CASE"'\"},\"replyBy\":{\"value\":\"x\"}}}" \
    http://127.0.0.1:$A/engine-rest/process-definition/key/reliability-escalation/start >/dev/null'
record_timers
echo "escalation-burst: $(sql "SELECT COUNT(*) FROM reliability_timer") timers recorded with their due dates"
echo '{"clients":0,"started":0,"keys":[],"answers":[]}' >"$WORK/burst.json"
until [ "$(sql "SELECT COUNT(*) FROM act_ru_job j JOIN act_re_procdef d ON d.id_ = j.process_def_id_
                WHERE d.key_ = 'reliability-escalation'")" -eq 0 ] || [ $(date +%s) -gt $((DUE + 600)) ]; do sleep 2; done
python3 "$ROOT/reliability/check.py" --results "$WORK/burst.json" --key-prefix none --db "$DB" --escalations
