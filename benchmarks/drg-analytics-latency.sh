#!/usr/bin/env bash
# Latency of the DRG analytics console page and API with N stored cases (default 1,000,000) on PostgreSQL.
# Starts `./hqd serve --demo` on a fresh database (openhqd_drg_analytics on 127.0.0.1:5432, user postgres),
# loads N synthetic discharges of the county hospital H001, then sends R sequential requests (after 3
# unmeasured warm-up requests) per endpoint on loopback and prints p50/p95/max: every dimension's page and
# API at the institution/year level, the drill-down levels down to the deepest (one doctor's DRGs in one
# department), and the CSV/XLSX exports.
#
# Loading, two ways:
#   default   the import API: benchmarks' DischargeFile writes the CSV (--rows N --out file.csv), it is posted to
#             POST /api/v1/drg/imports (text/csv, 202 {"id":…}), GET /api/v1/drg/imports/{id} is polled until
#             "status" is "COMMITTED", then the script waits until the analytics show the N cases (the cube is
#             rebuilt when the imported cases have been repriced).
#   --direct  benchmarks' DrgCaseLoader generates, checks, groups and prices the cases and COPYs them into
#             drg_case; the cube is then rebuilt through POST /api/v1/drg/analytics/rebuild (timed).
#
# Usage: benchmarks/drg-analytics-latency.sh [--rows N] [--requests R (≤ 1000, default 50)] [--direct]
set -euo pipefail
rows=1000000
requests=50
direct=""
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    --direct) direct=1; shift ;;
    *) echo "usage: $0 [--rows N] [--requests R] [--direct]" >&2; exit 2 ;;
  esac
done
[ "$requests" -gt 1000 ] && requests=1000
command -v jq > /dev/null || { echo "jq is needed (apt-get install jq)" >&2; exit 1; }
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/target/drg-analytics"
port="${HQD_PORT:-8096}"
db=openhqd_drg_analytics
url="http://127.0.0.1:$port"
jdbc="jdbc:postgresql://127.0.0.1:5432/$db"
mkdir -p "$work"
psql_() { psql -h 127.0.0.1 -U postgres -d "$db" -tAq "$@"; }

(cd "$root" && ./mvnw -q -B -DskipTests -pl platform,benchmarks -am package) > "$work/build.log" 2>&1
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
rm -rf "$work/data"
# the demo gives the hospital, its users and its scope; its background jobs (slot release, no-show, referral
# timers) are off: they are not what is measured, and they race the demo's bookings while it loads
"$root/hqd" serve --demo --port "$port" --data-dir "$work/data" --db-url "$jdbc" --db-user postgres \
  --hqd.demo.patients=3000 --hqd.appointments.jobs=false --hqd.appointments.no-show-schedule=false \
  --hqd.referral.jobs=false > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2> /dev/null || true' EXIT
for _ in $(seq 1 240); do curl -sf "$url/actuator/health" > /dev/null && break; sleep 0.5; done
until grep -q "demo data loaded" "$work/server.log"; do
  grep -q "Application run failed" "$work/server.log" && { echo "server failed: $work/server.log" >&2; exit 1; }
  sleep 0.5
done

token=$(curl -sf -X POST "$url/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"demo-insurance","password":"Demo@2026"}' | jq -r .token)
auth=(-H "Authorization: Bearer $token")
hid=$(psql_ -c "SELECT id FROM institution WHERE code = 'H001'")

t0=$(date +%s.%N)
if [ -n "$direct" ]; then
  year=$(( $(date +%Y) - 1 ))
  java -Xmx1g -cp "$root/benchmarks/target/benchmarks.jar" org.openhqd.benchmarks.DrgCaseLoader --url "$jdbc" \
    --rows "$rows" --year "$year" --institution H001 | tee "$work/load.log"
  t1=$(date +%s.%N)
  rebuilt=$(curl -sf -X POST "${auth[@]}" "$url/api/v1/drg/analytics/rebuild?institution=$hid")
  t2=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN { printf "load (DrgCaseLoader, COPY): %.1f s; cube rebuild over HTTP: %.1f s\n", b - a, c - b }'
  echo "rebuild: $rebuilt"
else
  java -cp "$root/benchmarks/target/benchmarks.jar" org.openhqd.benchmarks.DischargeFile --rows "$rows" --out "$work/cases.csv"
  t1=$(date +%s.%N)
  id=$(curl -sf -X POST "${auth[@]}" -H 'Content-Type: text/csv' --data-binary "@$work/cases.csv" \
    "$url/api/v1/drg/imports" | jq -r .id)
  while :; do
    state=$(curl -sf "${auth[@]}" "$url/api/v1/drg/imports/$id" | jq -r .status)
    [ "$state" = "COMMITTED" ] && break
    case "$state" in FAILED|INTERRUPTED) echo "import $id $state" >&2; exit 1 ;; esac
    sleep 2
  done
  t2=$(date +%s.%N)
  # the cube follows the repricing of the imported cases
  for _ in $(seq 1 900); do
    n=$(curl -sf "${auth[@]}" "$url/api/v1/drg/analytics?institution=$hid" | jq -r .total.sums.cases)
    [ "$n" -ge "$rows" ] && break
    sleep 2
  done
  t3=$(date +%s.%N)
  year=$(curl -sf "${auth[@]}" "$url/api/v1/drg/analytics?institution=$hid" | jq -r '.from[0:4]')
  awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" \
    'BEGIN { printf "CSV written: %.1f s; import committed: %.1f s; figures in the cube: %.1f s later\n", b - a, c - b, d - c }'
fi
echo "cases: $(psql_ -c "SELECT COUNT(*) FROM drg_case WHERE institution_id = $hid"), \
cube rows: $(psql_ -c "SELECT COUNT(*) FROM drg_cube WHERE institution_id = $hid"), year $year"

# the drill-down path: the department with most cases, its doctor with most cases, that doctor's commonest DRG
api() { curl -sf "${auth[@]}" "$url/api/v1/drg/analytics?year=$year&institution=$hid$1"; }
enc() { jq -rn --arg v "$1" '$v|@uri'; }
dept=$(api "&dimension=department" | jq -r '.rows | max_by(.sums.cases) | .department')
doctor=$(api "&dimension=doctor&department=$(enc "$dept")" | jq -r '.rows | max_by(.sums.cases) | .doctor')
drg=$(api "&dimension=drg&department=$(enc "$dept")&doctor=$(enc "$doctor")" | jq -r '.rows | max_by(.sums.cases) | .drg')
echo "drill-down: $dept › $doctor › $drg"

jar="$work/cookies"
rm -f "$jar"
csrf=$(curl -s -c "$jar" "$url/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')
curl -s -b "$jar" -c "$jar" -o /dev/null -d "username=demo-insurance&password=Demo@2026&_csrf=$csrf" "$url/login"

measure() { # name, count, curl args...
  local name="$1" count="$2"; shift 2
  local file="$work/times-$(echo "$name" | tr -c 'A-Za-z0-9' '_').txt"
  local code
  code=$(curl -s -o /dev/null -m 30 -w '%{http_code}' "$@")
  [ "$code" = "200" ] || { echo "$name: HTTP $code" >&2; exit 1; }
  for _ in 1 2; do curl -s -o /dev/null -m 30 "$@"; done
  : > "$file"
  for _ in $(seq 1 "$count"); do
    curl -s -o /dev/null -m 30 -w '%{time_total}\n' "$@" >> "$file"
  done
  sort -n "$file" | awk -v name="$name" '{ t[NR] = $1 * 1000 } END {
    i50 = int(NR * 0.5); i95 = int(NR * 0.95); if (i50 < 1) i50 = 1; if (i95 < 1) i95 = 1;
    printf "%-46s n=%d  p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms\n", name, NR, t[i50], t[i95], t[NR] }'
}

base="year=$year&institution=$hid"
for dim in institution department doctor drg month; do
  measure "page $dim (institution, year)" "$requests" -b "$jar" "$url/drg/analytics?dimension=$dim&$base"
  measure "API $dim (institution, year)" "$requests" "${auth[@]}" "$url/api/v1/drg/analytics?dimension=$dim&$base"
done
measure "page default (no filter)" "$requests" -b "$jar" "$url/drg/analytics"
d="&department=$(enc "$dept")"
measure "page doctors of one department" "$requests" -b "$jar" "$url/drg/analytics?dimension=doctor&$base$d"
measure "API doctors of one department" "$requests" "${auth[@]}" "$url/api/v1/drg/analytics?dimension=doctor&$base$d"
deep="$base$d&doctor=$(enc "$doctor")"
measure "page DRGs of one doctor (deepest)" "$requests" -b "$jar" "$url/drg/analytics?dimension=drg&$deep"
measure "API DRGs of one doctor (deepest)" "$requests" "${auth[@]}" "$url/api/v1/drg/analytics?dimension=drg&$deep"
measure "API one DRG of one doctor, by month" "$requests" "${auth[@]}" \
  "$url/api/v1/drg/analytics?dimension=month&$deep&drg=$(enc "$drg")"
exports=$(( requests < 20 ? requests : 20 ))
measure "export CSV doctors (audited)" "$exports" -b "$jar" "$url/drg/analytics/export.csv?dimension=doctor&$base"
measure "export XLSX doctors (audited)" "$exports" -b "$jar" "$url/drg/analytics/export.xlsx?dimension=doctor&$base"
