# Shared by the fault scripts: build once, start and stop GridCare nodes on loopback, query PostgreSQL.
# Ports 8092 and 8093 only; database hardening_cluster (recreated by each script); work files in reliability/work.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$ROOT/reliability/work
DB=${GRIDCARE_RELIABILITY_DB:-hardening_cluster}
PGHOST=127.0.0.1
PGPORT=5432
JAR=$ROOT/target/gridcare-0.1.0-SNAPSHOT.jar
mkdir -p "$WORK"

sql() { psql -h $PGHOST -p $PGPORT -U postgres -d "$DB" -tAq -c "$1"; }

build() {
  if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/src" "$ROOT/processes" "$ROOT/rules" "$ROOT/forms" -newer "$JAR" -print -quit)" ]; then
    (cd "$ROOT" && mvn -q -o -DskipTests -Dbpmnlint.skip=true package)
  fi
}

reset_database() {
  psql -h $PGHOST -p $PGPORT -U postgres -d postgres -tAq -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
  psql -h $PGHOST -p $PGPORT -U postgres -d postgres -tAq -c "CREATE DATABASE $DB"
}

# start_node PORT [JDBC_URL]: GridCare with demo users and customers, the dispatcher sending through the log
start_node() {
  local port=$1 url=${2:-jdbc:postgresql://$PGHOST:$PGPORT/$DB}
  (cd "$ROOT" && exec java -Xmx768m -XX:+UseSerialGC -jar "$JAR" --server.port="$port" \
      --spring.datasource.url="$url" --spring.datasource.username=postgres --spring.datasource.password= \
      --gridcare.models.watch=false --gridcare.rules.watch=false --gridcare.rules.warm-up-rounds=0 \
      --gridcare.rules.cache-dir="$WORK/rules-cache-$port" \
      --gridcare.notification.dispatcher.interval=1s \
      --logging.file.name="$WORK/node-$port.log" >"$WORK/node-$port.out" 2>&1) &
  echo $! >"$WORK/node-$port.pid"
}

node_pid() { cat "$WORK/node-$1.pid"; }

wait_healthy() {
  local port=$1 deadline=$((SECONDS + ${2:-180}))
  until curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; do
    if [ $SECONDS -gt $deadline ]; then echo "node $port did not start"; tail -50 "$WORK/node-$port.out"; return 1; fi
    sleep 1
  done
}

stop_node() {
  local pid
  pid=$(node_pid "$1" 2>/dev/null) || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || return 0; sleep 1; done
  kill -9 "$pid" 2>/dev/null || true
}

deploy_escalation_model() {
  local port=$1
  curl -fs -u admin:demo -F "deployment-name=reliability" -F "deployment-source=reliability" \
      -F "data=@$ROOT/reliability/escalation-timers.bpmn" \
      "http://127.0.0.1:$port/engine-rest/deployment/create" >/dev/null
}

# start_escalations PORT COUNT FROM TO CASES: COUNT timers due FROM..TO seconds from now, one per case of the file
start_escalations() {
  local port=$1 count=$2 from=$3 to=$4 cases=$5
  local i=0
  while read -r case_id && [ $i -lt "$count" ]; do
    i=$((i + 1))
    local delay=$((from + (to - from) * i / count))
    curl -fs -u admin:demo -H 'Content-Type: application/json' \
        -d "{\"variables\":{\"delaySeconds\":{\"value\":$delay,\"type\":\"Integer\"},\"caseId\":{\"value\":\"$case_id\"},\"replyBy\":{\"value\":\"2026-12-31 10:00\"}}}" \
        "http://127.0.0.1:$port/engine-rest/process-definition/key/reliability-escalation/start" >/dev/null
  done <"$cases"
}
