#!/usr/bin/env bash
# Whole-process benchmark of `./hqd drg group`: generates N seeded synthetic cases (not committed),
# groups them through the launcher as a user would, and reports wall time, cases/s and peak RSS.
# Usage: benchmarks/cli-benchmark.sh [N=1000000] [scheme=chs-drg-1.1]
# Run it twice with different N to see that memory stays flat (rows are streamed).
set -euo pipefail
n="${1:-1000000}"
scheme="${2:-chs-drg-1.1}"
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/target/bench"
mkdir -p "$out"
in="$out/cases-$scheme-$n.csv"
if [ ! -s "$in" ]; then
  "$root/hqd" drg generate --scheme "$scheme" --cases "$n" --seed 20261124 --out "$in"
fi
rows=$(($(wc -l < "$in") - 1))
echo "input: $in ($rows cases, $(du -h "$in" | cut -f1))" >&2
"$root/hqd" drg schemes > /dev/null   # make sure the jar is built before timing
timing="$out/time-$n.txt"
if command -v /usr/bin/time > /dev/null; then
  /usr/bin/time -v "$root/hqd" drg group --scheme "$scheme" --in "$in" --out "$out/results-$n.csv" 2> "$timing"
  wall=$(grep 'Elapsed (wall clock)' "$timing" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$timing" | awk '{print $NF}')
  secs=$(echo "$wall" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  grep -v '^\s' "$timing" | grep -v '^Command' >&2 || true
  awk -v n="$rows" -v s="$secs" -v r="$rss" -v sch="$scheme" 'BEGIN { printf "%s: %d cases in %.2f s wall = %.0f cases/s, peak RSS %.0f MB\n", sch, n, s, n / s, r / 1024 }'
else
  start=$(date +%s.%N)
  "$root/hqd" drg group --scheme "$scheme" --in "$in" --out "$out/results-$n.csv"
  end=$(date +%s.%N)
  awk -v n="$rows" -v a="$start" -v b="$end" 'BEGIN { printf "%d cases in %.2f s = %.0f cases/s (install GNU time for peak RSS)\n", n, b - a, n / (b - a) }'
fi
