#!/usr/bin/env bash
# Turns the CSV sources of GridCare's shipped rule tables and examples (tools/rule-tables/<package>/*.csv)
# into the spreadsheets under rules/<package>/ with LibreOffice, exactly as an analyst's spreadsheet
# program would save them. The spreadsheets in rules/ are what is published; edit those, or edit the
# CSV here and run this script. Usage: tools/rule-tables.sh [package ...]
#   tools/rule-tables.sh fixtures   converts the test fixtures in src/test/resources/rules-fixtures/
set -euo pipefail
cd "$(dirname "$0")/.."
convert() { # CSV import: comma separated, double-quoted text, UTF-8, from line 1
  soffice --headless --calc --infilter="CSV:44,34,76,1" --convert-to xlsx --outdir "$2" "$1" >/dev/null 2> >(grep -v javaldx >&2)
  echo "$2/$(basename "${1%.csv}").xlsx"
}
if [ "${1:-}" = fixtures ]; then
  for csv in src/test/resources/rules-fixtures/*.csv; do convert "$csv" src/test/resources/rules-fixtures; done
  exit 0
fi
packages=("$@")
[ ${#packages[@]} -eq 0 ] && packages=($(ls tools/rule-tables))
for package in "${packages[@]}"; do
  for csv in tools/rule-tables/"$package"/*.csv; do convert "$csv" "rules/$package"; done
done
