#!/usr/bin/env bash
# First start on an empty data folder, as a new user runs it: how long until the API answers, and until the national
# picture (an async projection) counts the imported history. Builds first so build time is not counted.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-5098}
dir=$(mktemp -d /tmp/tracker-first-start.XXXXXX)
dotnet build src/Host -c Debug -v q >/dev/null
export Tracker__Postgres__DataDirectory="$dir/pg"
start=$(date +%s.%N)
dotnet run --no-build --project src/Host --urls "http://127.0.0.1:$port" >"$dir/host.log" 2>&1 &
host=$!
trap 'kill $host 2>/dev/null; wait $host 2>/dev/null; rm -rf "$dir"' EXIT
url="http://127.0.0.1:$port/api/national?area=overall&asOf=2024-03-31"
answered=""
for _ in $(seq 1 600); do
  body=$(curl -sf "$url" || true)
  if [ -n "$body" ] && [ -z "$answered" ]; then answered=$(echo "$(date +%s.%N) - $start" | bc); fi
  graded=$(echo "${body:-{\}}" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("graded",0))' 2>/dev/null || echo 0)
  if [ "${graded:-0}" -ge 150 ]; then break; fi
  sleep 0.1
done
complete=$(echo "$(date +%s.%N) - $start" | bc)
echo "first answer after ${answered}s; national picture complete (graded=${graded}) after ${complete}s"
echo "$body"
