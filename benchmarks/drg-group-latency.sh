#!/usr/bin/env bash
# Latency of POST /api/v1/drg/group (pre-grouping at a doctor's workstation) under an open-model load
# on loopback: RATE requests/s at fixed arrival times (default 200), WARMUP s not recorded (default 20),
# then MEASURE s recorded (default 60); latency from each request's intended send time. Starts
# `./hqd serve --demo` on a fresh data directory unless HQD_URL points at a running server. Bounded:
# at most 600 s of load, each request times out after 10 s, the generator stops by itself.
# Usage: benchmarks/drg-group-latency.sh [RATE=200] [WARMUP=20] [MEASURE=60]
set -euo pipefail
rate="${1:-200}"
warmup="${2:-20}"
measure="${3:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
port="${HQD_PORT:-8098}"
url="${HQD_URL:-}"
work="$root/target/drg-latency"
mkdir -p "$work"

# build outside the timing: the platform jar (through ./hqd) and the benchmarks jar
(cd "$root" && ./mvnw -q -B -DskipTests -pl platform,benchmarks -am package) > "$work/build.log" 2>&1

started=""
if [ -z "$url" ]; then
  url="http://127.0.0.1:$port"
  rm -rf "$work/data"
  "$root/hqd" serve --demo --port "$port" --data-dir "$work/data" > "$work/server.log" 2>&1 &
  started=$!
  trap 'kill "$started" 2> /dev/null || true' EXIT
  for _ in $(seq 1 240); do curl -sf "$url/actuator/health" > /dev/null && break; sleep 0.5; done
  for _ in $(seq 1 1200); do grep -q "demo data loaded" "$work/server.log" && break; sleep 0.5; done
fi

token=$(curl -sf -X POST "$url/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"demo-doctor","password":"Demo@2026"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
echo "machine load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx512m -cp "$root/benchmarks/target/benchmarks.jar" org.openhqd.benchmarks.PreGroupLoad "$url" "$token" "$rate" "$warmup" "$measure"
echo "machine load after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
