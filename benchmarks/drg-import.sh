#!/usr/bin/env bash
# DRG case import (issue #6): import + QC + grouping + storage of N synthetic discharges through the API.
# Generates a settlement-list export with the documented Chinese headers (benchmarks' DischargeFile,
# DischargeGenerator: no real person's data), starts the packaged server with the demo community on a
# fresh database — PostgreSQL (database openhqd_drgimport on 127.0.0.1:5432, user postgres, dropped and
# created for the run) or embedded H2 (a fresh data directory) — POSTs the file to /api/v1/drg/imports
# as the HIS integration (demo-his), polls the batch every second until COMMITTED (at most 30 minutes),
# and prints elapsed seconds (upload included), cases/s and the server's peak RSS (VmHWM).
# Usage: benchmarks/drg-import.sh [rows=1000000] [postgres|h2] [csv|xlsx]
set -euo pipefail
rows="${1:-1000000}"
db="${2:-postgres}"
format="${3:-csv}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/target/drg-import"
port="${HQD_PORT:-8099}"
url="http://127.0.0.1:$port"
pgdb=openhqd_drgimport
mkdir -p "$work"
# HQD_SKIP_BUILD=1 reuses the jars already built
[ -n "${HQD_SKIP_BUILD:-}" ] || (cd "$root" && ./mvnw -q -B -DskipTests -pl platform,benchmarks -am package) > "$work/build.log" 2>&1

file="$work/cases-$rows.$format"
if [ ! -f "$file" ]; then
  java -Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory \
    -cp "$root/benchmarks/target/benchmarks.jar" org.openhqd.benchmarks.DischargeFile "$file" "$rows" "$format"
fi
bytes=$(stat -c %s "$file")

rm -rf "$work/data"
args=(serve --demo --port "$port" --data-dir "$work/data")
if [ "$db" = "postgres" ]; then
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $pgdb" -c "CREATE DATABASE $pgdb"
  args+=(--db-url "jdbc:postgresql://127.0.0.1:5432/$pgdb" --db-user postgres)
fi
"$root/hqd" "${args[@]}" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2> /dev/null || true' EXIT
for _ in $(seq 1 240); do curl -sf "$url/actuator/health" > /dev/null && break; sleep 0.5; done
until grep -q "demo data loaded" "$work/server.log"; do
  grep -q "Application run failed" "$work/server.log" && { echo "server failed: $work/server.log" >&2; exit 1; }
  sleep 0.5
done
java_pid=$(pgrep -P "$server" java || echo "$server")

token=$(curl -sf -X POST "$url/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"demo-his","password":"Demo@2026"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
if [ "$format" = "xlsx" ]; then
  type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
else
  type="text/csv;charset=UTF-8"
fi
echo "importing $file ($rows rows, $bytes bytes) into $db; the machine is shared (2 cores), so figures are indicative"
cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
cpu0=$(cpu "$java_pid")
t0=$(date +%s.%N)
answer=$(curl -sf -X POST "$url/api/v1/drg/imports?fileName=$(basename "$file")" -H "Authorization: Bearer $token" \
  -H "Content-Type: $type" --data-binary "@$file")
t_up=$(date +%s.%N)
id=$(echo "$answer" | sed 's/.*"id":\([0-9]*\).*/\1/')
status=""
for _ in $(seq 1 1800); do
  batch=$(curl -sf "$url/api/v1/drg/imports/$id" -H "Authorization: Bearer $token")
  status=$(echo "$batch" | sed 's/.*"status":"\([A-Z]*\)".*/\1/')
  [ "$status" = "COMMITTED" ] || [ "$status" = "FAILED" ] && break
  sleep 1
done
t1=$(date +%s.%N)
echo "$batch"
rss=$(awk '/VmHWM/ { print $2 }' "/proc/$java_pid/status" 2> /dev/null || echo 0)
cpu1=$(cpu "$java_pid")
echo "server CPU during the import: $(( (cpu1 - cpu0) / $(getconf CLK_TCK) )) s (both cores: wall x 2 at most)"
awk -v a="$t0" -v u="$t_up" -v b="$t1" -v n="$rows" -v rss="$rss" -v s="$status" 'BEGIN {
  printf "status %s; upload %.1f s; total %.1f s (upload + import, polled every second); %.0f cases/s; server peak RSS %.0f MB\n",
    s, u - a, b - a, n / (b - a), rss / 1024 }'
grep "DRG import $id" "$work/server.log" | sed 's/.*DrgImports *: /server: /' || true
if [ "$db" = "postgres" ]; then
  psql -h 127.0.0.1 -U postgres -d "$pgdb" -tAc "SELECT 'cases stored: ' || COUNT(*) FROM drg_case WHERE batch_id = $id"
  psql -h 127.0.0.1 -U postgres -d "$pgdb" -tAc "SELECT 'findings stored: ' || COUNT(*) FROM drg_qc_finding"
fi
