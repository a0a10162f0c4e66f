#!/usr/bin/env bash
# Monthly personal usage reports for 1,000,000 customers on PostgreSQL: seeds them once into the schema usage_bench of
# the database (bench/usage-reports-seed.sql, generate_series; kept for the next run: 1,000,000 customers with advice
# consent, 13 months of consumption each), then times one run of the month 2026-11 from scratch: every report
# computed (set-based SQL), advised by rules/advice and its message queued in the outbox (batched writes).
# Fails when not every customer's message was queued (nothing queued fails), or when the run took over 10 minutes.
#
#   bench/usage-reports.sh                                  # database gc_usage on 127.0.0.1
#   POSTGRES_DB=bench CUSTOMERS=100000 bench/usage-reports.sh
set -euo pipefail
cd "$(dirname "$0")/.."
db="${POSTGRES_DB:-gc_usage}"
psql -h 127.0.0.1 -U "${POSTGRES_USER:-postgres}" -d postgres -qtAc "SELECT 1 FROM pg_database WHERE datname = '$db'" \
  | grep -q 1 || psql -h 127.0.0.1 -U "${POSTGRES_USER:-postgres}" -d postgres -qc "CREATE DATABASE $db"
psql -h 127.0.0.1 -U "${POSTGRES_USER:-postgres}" -d "$db" -qc "CREATE SCHEMA IF NOT EXISTS usage_bench"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
mvn -B -ntp -q test -Dtest=UsageReportsBenchmark -Dgridcare.bench=true -Dpostgres.skip=true -Dexec.skip=true \
  -Dsurefire.failIfNoSpecifiedTests=false -Dgridcare.bench.customers="${CUSTOMERS:-1000000}" \
  -Dspring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db?currentSchema=usage_bench" \
  -Dcamunda.bpm.database.schema-name=usage_bench -Dcamunda.bpm.database.table-prefix=usage_bench. \
  -Dspring.datasource.username="${POSTGRES_USER:-postgres}" -Dspring.datasource.password= >"$out" 2>&1 || status=$?
sed -n '/^bench usage reports/,/^$/p' "$out"
if [ "$status" -ne 0 ] || ! grep -q '^bench usage reports' "$out"; then
  grep -E 'FAIL|Expect|expected|ERROR' "$out" | head -20
  echo "usage-reports benchmark FAILED" >&2
  exit 1
fi
