#!/usr/bin/env bash
# Proves that running GridCare needs Java and Maven only: starts `mvn spring-boot:run` (demo on H2, in a
# scratch data folder) with node, npm and npx removed from PATH, waits until /actuator/health/readiness answers,
# then stops it. Exits non-zero when Node is still reachable, or GridCare does not come up within the limit.
#   tools/run-without-node.sh [seconds]     (default 180)
set -euo pipefail
cd "$(dirname "$0")/.."
limit=${1:-180}
port=${GRIDCARE_CHECK_PORT:-18089}
scratch=$(mktemp -d)
app=""
cleanup() {
  if [ -n "$app" ] && kill -0 "$app" 2>/dev/null; then
    kill -TERM -- "-$app" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$app" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$app" 2>/dev/null || true
  fi
  rm -rf "$scratch"
}
trap cleanup EXIT

# the same PATH, with every folder that holds node, npm or npx replaced by a copy of links without them
path_without_node=""
i=0
IFS=: read -ra folders <<< "$PATH"
for folder in "${folders[@]}"; do
  [ -d "$folder" ] || continue
  if [ -e "$folder/node" ] || [ -e "$folder/npm" ] || [ -e "$folder/npx" ]; then
    i=$((i + 1))
    copy="$scratch/bin$i"
    mkdir -p "$copy"
    for entry in "$folder"/*; do
      case "$(basename "$entry")" in node|nodejs|npm|npx|corepack) continue ;; esac
      ln -s "$entry" "$copy/$(basename "$entry")"
    done
    folder="$copy"
  fi
  path_without_node="${path_without_node:+$path_without_node:}$folder"
done
if PATH="$path_without_node" command -v node >/dev/null || PATH="$path_without_node" command -v npm >/dev/null; then
  echo "run without Node: node or npm is still on the PATH given to Maven" >&2
  exit 1
fi

start=$(date +%s)
echo "run without Node: mvn spring-boot:run with PATH lacking node/npm (port $port)"
mkdir -p "$scratch/data"
PATH="$path_without_node" PORT=$port setsid mvn -B -ntp -q spring-boot:run \
  -Dspring-boot.run.arguments="--spring.datasource.url=jdbc:h2:file:$scratch/data/gridcare;DB_CLOSE_ON_EXIT=FALSE" \
  > "$scratch/run.log" 2>&1 &
app=$!
while true; do
  # the readiness probe answers without a login (the rest of the actuator needs an operator)
  if curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"'; then
    echo "run without Node: GridCare up after $(( $(date +%s) - start )) s; /actuator/health/readiness answers UP"
    exit 0
  fi
  if ! kill -0 "$app" 2>/dev/null; then
    echo "run without Node: mvn spring-boot:run ended before GridCare came up; its output:" >&2
    tail -40 "$scratch/run.log" >&2
    exit 1
  fi
  if [ $(( $(date +%s) - start )) -ge "$limit" ]; then
    echo "run without Node: GridCare not up after $limit s; its output:" >&2
    tail -40 "$scratch/run.log" >&2
    exit 1
  fi
  sleep 2
done
