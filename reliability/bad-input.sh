#!/usr/bin/env bash
# The full bad-input run: 12,000 generated malformed requests against every GridCare API operation
# (CI runs 1,000 of them), plus the parser attacks, on H2 in a test JVM. Prints the figures; fails on a 5xx,
# on fewer requests than asked for, and when an operation got none (a run that tested nothing fails too).
# Usage: reliability/bad-input.sh [REQUESTS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${1:-12000}
ARGS=(-o -Dbpmnlint.skip=true -Dpostgres.skip=true -DexcludedGroups=browser -Dtest='BadInputTest,ParserAttackTest'
      -Dsurefire.failIfNoSpecifiedTests=false -Dgridcare.bad-input.requests="$REQUESTS")
[ -n "${2:-}" ] && ARGS+=(-Dgridcare.bad-input.seed="$2")
mkdir -p reliability/work
status=0
mvn "${ARGS[@]}" test >reliability/work/bad-input.log 2>&1 || status=1
grep -E "bad-input run|Tests run:|FAIL" reliability/work/bad-input.log || true
line=$(grep -o "bad-input run: .*" reliability/work/bad-input.log | tail -1)
if [ -z "$line" ]; then
  echo "bad-input: FAILED: the run printed no figures (see reliability/work/bad-input.log)"; exit 1
fi
read -r operations hit tried fives < <(sed -E 's/.*operations ([0-9]+), operations hit ([0-9]+).*requests tried ([0-9]+).*5xx ([0-9]+).*/\1 \2 \3 \4/' <<<"$line")
[ "$tried" -ge "$REQUESTS" ] && [ "$tried" -gt 0 ] || { echo "bad-input: FAILED: $tried of $REQUESTS requests sent"; status=1; }
[ "$operations" -gt 0 ] && [ "$hit" -eq "$operations" ] || { echo "bad-input: FAILED: $hit of $operations operations received requests"; status=1; }
[ "$fives" -eq 0 ] || { echo "bad-input: FAILED: $fives answers were 5xx"; status=1; }
exit $status
