#!/usr/bin/env bash
# Imports the sample report files with the production (Release) build of the CLI, into a fresh embedded database that
# holds the sample history, and prints wall time and the import process's peak RSS. With COPIES=N the folder is
# imported N times over under new names (the same files, so duplicates are parsed and skipped), to show that memory
# stays flat whatever the number of files.
#   bash benchmarks/report-import.sh [reports-folder]        (default ../shared/data/reports)
set -euo pipefail
cd "$(dirname "$0")/.."
reports=$(cd "${1:-../shared/data/reports}" && pwd)
copies=${COPIES:-1}
work=$(mktemp -d /tmp/tracker-report-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
dotnet build src/Host -c Release -v q >/dev/null
host="src/Host/bin/Release/net10.0/Tracker.Host.dll"
export Tracker__Postgres__DataDirectory="$work/pg"
# As `dotnet run` does; production nodes load pre-generated code instead (see README, Production mode).
export ASPNETCORE_ENVIRONMENT=Development
dotnet "$host" import data/sources/ofsted-csc-inspections-sample.csv >/dev/null
folder="$work/reports"
mkdir -p "$folder"
head -1 "$reports/manifest.csv" >"$folder/manifest.csv"
for i in $(seq 1 "$copies"); do
  for f in "$reports"/*.pdf; do ln -s "$f" "$folder/c$i-$(basename "$f")"; done
  tail -n +2 "$reports/manifest.csv" | sed "s/^/c$i-/" >>"$folder/manifest.csv"
done
/usr/bin/time -f '%e %M' -o "$work/time" dotnet "$host" import "$folder" >"$work/log"
read -r seconds kb <"$work/time"
grep 'Import summary' "$work/log"
echo "files: $(ls "$folder"/*.pdf | wc -l); wall: ${seconds} s; peak RSS: $((kb / 1024)) MB"
