#!/usr/bin/env bash
# The monthly service report and the service dashboard over 1,000,000 cases on PostgreSQL: seeds them once into
# the schema insight_bench of the database (bench/insight-seed.sql, generate_series; kept for the next run), then
# times over HTTP, as a service manager, the report for last month (with and without a group), the current month,
# the workbook, the CSV, a drill-down and a month 18 months back. Prints p50, p95 and max of each.
#
#   bench/insight.sh                                               # database gc_ins on 127.0.0.1
#   POSTGRES_DB=bench CASES=200000 SAMPLES=20 bench/insight.sh
set -euo pipefail
cd "$(dirname "$0")/.."
db="${POSTGRES_DB:-gc_ins}"
psql -h 127.0.0.1 -U "${POSTGRES_USER:-postgres}" -d "$db" -qc "CREATE SCHEMA IF NOT EXISTS insight_bench"
mvn -B -ntp -q test -Dtest=ServiceReportBenchmark -Dgridcare.bench=true -Dpostgres.skip=true -Dexec.skip=true \
  -Dsurefire.failIfNoSpecifiedTests=false \
  -Dgridcare.bench.cases="${CASES:-1000000}" -Dgridcare.bench.samples="${SAMPLES:-40}" \
  -Dspring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db?currentSchema=insight_bench" \
  -Dcamunda.bpm.database.schema-name=insight_bench -Dcamunda.bpm.database.table-prefix=insight_bench. \
  -Dspring.datasource.username="${POSTGRES_USER:-postgres}" -Dspring.datasource.password= 2>&1 \
  | sed -n '/^bench service report/,/^$/p'
