#!/usr/bin/env bash
# Database outage: one GridCare node reaches PostgreSQL through a TCP proxy (socat on port B, loopback); under
# load the proxy is killed for 20 s (every connection cut, nothing listening) and started again. Measures the
# answers during the outage (503, never 500, no hang), the time to recover after the database is back, and
# that nothing acknowledged is lost. The shared PostgreSQL itself is never stopped.
source "$(dirname "$0")/common.sh"
OUTAGE=${OUTAGE:-20}; DURATION=${DURATION:-75}
trap 'stop_node $A; stop_proxy' EXIT

start_proxy() {
  setsid socat TCP-LISTEN:$B,bind=127.0.0.1,fork,reuseaddr TCP:$PGHOST:$PGPORT &
  echo $! >"$WORK/proxy.pid"
  sleep 0.5
}
stop_proxy() {
  local pid; pid=$(cat "$WORK/proxy.pid" 2>/dev/null) || return 0
  kill -- -"$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
  sleep 0.5
}

build
reset_database
rm -f "$WORK"/node-$A.log
start_proxy
start_node $A "jdbc:postgresql://127.0.0.1:$B/$DB?connectTimeout=3&socketTimeout=35" && wait_healthy $A
sql "SELECT id FROM customer ORDER BY id" >"$WORK/customers.txt"
python3 "$ROOT/reliability/loadgen.py" --nodes http://127.0.0.1:$A --clients 8 --duration "$DURATION" \
    --customers "$WORK/customers.txt" --out "$WORK/db-outage.json" --key-prefix do --give-up-after 120 &
LOAD=$!
sleep 15
DOWN=$(date +%s.%N); stop_proxy
echo "db-outage: database unreachable at +15 s for $OUTAGE s"
sleep "$OUTAGE"
start_proxy; UP=$(date +%s.%N)
echo "db-outage: database reachable again"
wait $LOAD
status=0
python3 "$ROOT/reliability/outage_figures.py" "$WORK/db-outage.json" "$DOWN" "$UP" || status=1
python3 "$ROOT/reliability/check.py" --results "$WORK/db-outage.json" --key-prefix do --db "$DB" \
    --logs "$WORK/node-$A.log" || status=1
exit $status
