#!/usr/bin/env bash
# The full bad-input run: 12,000 generated malformed requests against every GridCare API operation
# (CI runs 1,000 of them), plus the parser attacks, on H2 in a test JVM. Prints the figures.
# Usage: reliability/bad-input.sh [REQUESTS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
ARGS=(-o -Dbpmnlint.skip=true -Dpostgres.skip=true -DexcludedGroups=browser -Dtest='BadInputTest,ParserAttackTest'
      -Dsurefire.failIfNoSpecifiedTests=false -Dgridcare.bad-input.requests="${1:-12000}")
[ -n "${2:-}" ] && ARGS+=(-Dgridcare.bad-input.seed="$2")
mvn "${ARGS[@]}" test | grep -E "bad-input run|Tests run:|FAIL"
