# Shared by the fault scripts: build once, start and stop GridCare nodes on loopback, query PostgreSQL.
# Ports 8092 and 8093 (GRIDCARE_RELIABILITY_PORTS="A B", the second also the outage's proxy); database
# hardening_cluster (GRIDCARE_RELIABILITY_DB; recreated by each script); work files in reliability/work
# (GRIDCARE_RELIABILITY_WORK: scripts run side by side need their own, and their own ports and database).
set -euo pipefail
# a step that fails ends the script (set -e): say which, so a failed part never ends without a word
trap 'echo "$(basename "$0"): FAILED: \"$BASH_COMMAND\" exited $? (line $LINENO)"' ERR
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${GRIDCARE_RELIABILITY_WORK:-$ROOT/reliability/work}
DB=${GRIDCARE_RELIABILITY_DB:-hardening_cluster}
PGHOST=127.0.0.1
PGPORT=5432
JAR=$ROOT/target/gridcare-0.1.0-SNAPSHOT.jar
read -r A B <<<"${GRIDCARE_RELIABILITY_PORTS:-8092 8093}"
mkdir -p "$WORK"

sql() { PGOPTIONS="-c client_min_messages=warning" psql -h $PGHOST -p $PGPORT -U postgres -d "$DB" -tAq -c "$1"; }

build() {
  if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/src" "$ROOT/processes" "$ROOT/rules" "$ROOT/forms" -newer "$JAR" -print -quit)" ]; then
    (cd "$ROOT" && mvn -q -ntp -DskipTests -Dbpmnlint.skip=true package)
  fi
}

reset_database() {
  psql -h $PGHOST -p $PGPORT -U postgres -d postgres -tAq -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
  psql -h $PGHOST -p $PGPORT -U postgres -d postgres -tAq -c "CREATE DATABASE $DB"
}

# start_node PORT [JDBC_URL]: GridCare with demo users and customers, the dispatcher sending through the log
start_node() {
  local port=$1 url=${2:-jdbc:postgresql://$PGHOST:$PGPORT/$DB}
  (cd "$ROOT" && exec java ${GRIDCARE_RELIABILITY_JAVA_OPTS:--Xmx768m} -XX:+UseSerialGC -jar "$JAR" --server.port="$port" \
      --spring.datasource.url="$url" --spring.datasource.username=postgres --spring.datasource.password= \
      --gridcare.models.watch=false --gridcare.rules.watch=false --gridcare.rules.warm-up-rounds=0 \
      --gridcare.rules.cache-dir="$WORK/rules-cache" \
      --gridcare.notification.dispatcher.interval=1s \
      --logging.file.name="$WORK/node-$port.log" ${GRIDCARE_RELIABILITY_NODE_ARGS:-} >"$WORK/node-$port.out" 2>&1) &
  echo $! >"$WORK/node-$port.pid"
}

node_pid() { cat "$WORK/node-$1.pid"; }

# the readiness probe answers without a login (the rest of the actuator needs an operator)
wait_healthy() {
  local port=$1 deadline=$((SECONDS + ${2:-${GRIDCARE_RELIABILITY_START_TIMEOUT:-300}}))
  until curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1; do
    if [ $SECONDS -gt $deadline ] || ! kill -0 "$(node_pid "$port")" 2>/dev/null; then
      echo "node $port did not start"; tail -50 "$WORK/node-$port.out"; return 1
    fi
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
    [ $((i % 20)) -eq 0 ] && record_timers
    local delay=$((from + (to - from) * i / count))
    curl -fs -u admin:demo -H 'Content-Type: application/json' \
        -d "{\"variables\":{\"delaySeconds\":{\"value\":$delay,\"type\":\"Integer\"},\"caseId\":{\"value\":\"$case_id\"},\"replyBy\":{\"value\":\"2026-12-31 10:00\"}}}" \
        "http://127.0.0.1:$port/engine-rest/process-definition/key/reliability-escalation/start" >/dev/null \
      || echo "escalation timer $i (case $case_id) could not be started; the checks count the timers recorded"
  done <"$cases"
  record_timers
}

# record_timers: the escalation timers' due dates, read from the engine's jobs before they fire (a fired
# timer's job is gone, and history keeps no variables); called while timers are started and until they are due
record_timers() {
  sql "CREATE TABLE IF NOT EXISTS reliability_timer (proc_inst_id varchar(64) PRIMARY KEY, due timestamp NOT NULL);
       INSERT INTO reliability_timer SELECT j.process_instance_id_, j.duedate_ FROM act_ru_job j
         JOIN act_re_procdef d ON d.id_ = j.process_def_id_
        WHERE d.key_ = 'reliability-escalation' AND j.duedate_ IS NOT NULL ON CONFLICT DO NOTHING" >/dev/null
}

# record_owners: which node's job executor holds each escalation timer right now (the first holder seen is kept);
# sampled while a burst is worked off, to show that both nodes fired timers
record_owners() {
  sql "CREATE TABLE IF NOT EXISTS reliability_timer_owner (proc_inst_id varchar(64) PRIMARY KEY, lock_owner varchar(255) NOT NULL);
       INSERT INTO reliability_timer_owner SELECT j.process_instance_id_, j.lock_owner_ FROM act_ru_job j
         JOIN act_re_procdef d ON d.id_ = j.process_def_id_
        WHERE d.key_ = 'reliability-escalation' AND j.lock_owner_ IS NOT NULL ON CONFLICT DO NOTHING" >/dev/null
}

# escalation_jobs: escalation timers not fired yet
escalation_jobs() {
  sql "SELECT COUNT(*) FROM act_ru_job j JOIN act_re_procdef d ON d.id_ = j.process_def_id_ WHERE d.key_ = 'reliability-escalation'"
}

# record_locks PORT: the jobs the (just killed) node on PORT held; its job executor is named host:PORT/pid
record_locks() {
  sql "CREATE TABLE IF NOT EXISTS reliability_locked (job_id varchar(64), proc_inst_id varchar(64), lock_owner varchar(255));
       INSERT INTO reliability_locked SELECT id_, process_instance_id_, lock_owner_ FROM act_ru_job
        WHERE lock_owner_ LIKE '%:$1/%'" >/dev/null
  sql "SELECT COUNT(*) FROM reliability_locked"
}

# locked_timers PORT: escalation timers the node on PORT holds right now
locked_timers() {
  sql "SELECT COUNT(*) FROM act_ru_job j JOIN act_re_procdef d ON d.id_ = j.process_def_id_
        WHERE d.key_ = 'reliability-escalation' AND j.lock_owner_ LIKE '%:$1/%'"
}
