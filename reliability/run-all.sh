#!/usr/bin/env bash
# The whole fault suite, one test after the other (about 30 minutes on two cores): node kill, graceful stop,
# database outage, escalation burst, bad input. Each prints its figures; the script fails when one of them fails.
set -uo pipefail
cd "$(dirname "$0")"
status=0
./node-kill.sh || status=1
./node-kill.sh --graceful || status=1
./db-outage.sh || status=1
./escalation-burst.sh || status=1
./bad-input.sh || status=1
exit $status
