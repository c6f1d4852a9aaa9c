#!/usr/bin/env bash
# Latency of the platform's console pages and API reads with the demo data, measured on loopback.
# Starts `./hqd serve --demo` on a fresh data directory (unless HQD_URL points at a running server),
# times the first and a second start, then sends N sequential requests per endpoint (bounded:
# N <= 1000, each request times out after 10 s) and prints p50/p95/max per endpoint.
# Usage: benchmarks/platform-latency.sh [N=200]
set -euo pipefail
n="${1:-200}"
[ "$n" -gt 1000 ] && n=1000
root="$(cd "$(dirname "$0")/.." && pwd)"
port="${HQD_PORT:-8097}"
url="${HQD_URL:-}"
work="$root/target/latency"
mkdir -p "$work"

wait_up() {
  for _ in $(seq 1 120); do
    curl -sf "$1/actuator/health" > /dev/null && return 0
    sleep 0.5
  done
  echo "server did not start" >&2
  return 1
}

started=""
if [ -z "$url" ]; then
  url="http://127.0.0.1:$port"
  rm -rf "$work/data"
  # build outside the timing
  (cd "$root" && ./mvnw -q -B -DskipTests -pl platform -am package) > "$work/build.log" 2>&1
  t0=$(date +%s.%N)
  "$root/hqd" serve --demo --port "$port" --data-dir "$work/data" > "$work/first.log" 2>&1 &
  pid=$!
  wait_up "$url"
  # health is UP before the demo has loaded: the first start ends with the demo's last line
  for _ in $(seq 1 600); do grep -q "demo data loaded" "$work/first.log" && break; sleep 0.2; done
  t1=$(date +%s.%N)
  kill "$pid"; wait "$pid" 2> /dev/null || true
  t2=$(date +%s.%N)
  "$root/hqd" serve --demo --port "$port" --data-dir "$work/data" > "$work/second.log" 2>&1 &
  pid=$!
  wait_up "$url"
  t3=$(date +%s.%N)
  started="$pid"
  awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" 'BEGIN { printf "first start with demo load: %.1f s; second start: %.1f s\n", b - a, d - c }'
  trap 'kill "$started" 2> /dev/null || true' EXIT
fi

token=$(curl -sf -X POST "$url/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"demo-admin","password":"Demo@2026"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
jar="$work/cookies"
rm -f "$jar"
csrf=$(curl -s -c "$jar" "$url/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')
curl -s -b "$jar" -c "$jar" -o /dev/null -d "username=demo-admin&password=Demo@2026&_csrf=$csrf" "$url/login"

measure() { # name, curl args...
  local name="$1"; shift
  local file="$work/times-$(echo "$name" | tr '/?=& ' '_____').txt"
  : > "$file"
  for _ in $(seq 1 "$n"); do
    curl -s -o /dev/null -m 10 -w '%{time_total}\n' "$@" >> "$file"
  done
  sort -n "$file" | awk -v name="$name" '{ t[NR] = $1 * 1000 } END {
    printf "%-34s n=%d  p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms\n", name, NR, t[int(NR * 0.5)], t[int(NR * 0.95)], t[NR] }'
}

measure "API /api/v1/patients?size=20" -H "Authorization: Bearer $token" "$url/api/v1/patients?size=20"
measure "API /api/v1/patients?page=500" -H "Authorization: Bearer $token" "$url/api/v1/patients?size=20&page=500"
measure "API /api/v1/patients/{id}" -H "Authorization: Bearer $token" "$url/api/v1/patients/12345"
measure "API /api/v1/institutions" -H "Authorization: Bearer $token" "$url/api/v1/institutions"
measure "API /api/v1/staff" -H "Authorization: Bearer $token" "$url/api/v1/staff"
measure "console /" -b "$jar" "$url/"
measure "console /patients" -b "$jar" "$url/patients"
measure "console /patients?page=900" -b "$jar" "$url/patients?page=900"
measure "console /institutions" -b "$jar" "$url/institutions"
measure "console /departments" -b "$jar" "$url/departments"
measure "console /staff" -b "$jar" "$url/staff"
# appointments: the demo month (~18,000 bookings) behind the slot list and the outpatient indicators
month_from=$(date -d '-1 month' +%Y-%m); month_to=$(date +%Y-%m); tomorrow=$(date -d '+1 day' +%F)
measure "API /api/v1/slots?date=tomorrow" -H "Authorization: Bearer $token" "$url/api/v1/slots?date=$tomorrow"
measure "API /api/v1/outpatient/indicators (doctor)" -H "Authorization: Bearer $token" \
  "$url/api/v1/outpatient/indicators?from=$month_from&to=$month_to&level=doctor"
measure "console /appointments/indicators (doctor)" -b "$jar" "$url/appointments/indicators?from=$month_from&to=$month_to&level=doctor"
