#!/usr/bin/env bash
# Release storm on PostgreSQL: 20,000 patients race for 2,000 app numbers released at the same second.
# Starts `./hqd serve --demo` on a fresh PostgreSQL database (openhqd_storm on 127.0.0.1:5432, user
# postgres), creates a storm session (100 slots x 20 app numbers, released a few seconds ahead),
# drives it with benchmarks' BookingStorm from 64 concurrent clients on loopback (bounded: one
# request per patient, 120 s at most), then checks the database: no number given twice, no pool
# exceeded, every pool's count equal to its booked appointments. Usage: benchmarks/booking-storm.sh [clients=64]
set -euo pipefail
clients="${1:-64}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/target/storm"
port=8098
db=openhqd_storm
psql_() { psql -h 127.0.0.1 -U postgres -d "$db" -tAq "$@"; }
mkdir -p "$work"
(cd "$root" && ./mvnw -q -B -DskipTests -pl platform,benchmarks -am package) > "$work/build.log" 2>&1
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
"$root/hqd" serve --demo --port "$port" --data-dir "$work/data" --db-url "jdbc:postgresql://127.0.0.1:5432/$db" \
  --db-user postgres > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2> /dev/null || true' EXIT
for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null && break; sleep 0.5; done
until grep -q "demo data loaded" "$work/server.log"; do grep -q "Application run failed" "$work/server.log" && { echo "server failed: $work/server.log" >&2; exit 1; }; sleep 0.5; done

# the storm session: tomorrow 08:00–18:00 China time, 100 slots of 6 minutes, 20 APP numbers each
release_ms=$(( ($(date +%s) + 40) * 1000 ))   # after the warm-up below
psql_ <<SQL
INSERT INTO clinic_session (institution_id, department_id, session_date, block, clinic_type, status, created_at, room)
SELECT i.id, d.id, CURRENT_DATE + 1, 'MORNING', 'EXPERT', 'OPEN', now(), 'STORM'
  FROM institution i JOIN department d ON d.institution_id = i.id WHERE i.code = 'H001' AND d.code = '28';
INSERT INTO slot (session_id, starts_at, ends_at, capacity, next_number)
SELECT s.id, ((CURRENT_DATE + 1) + time '08:00') AT TIME ZONE 'Asia/Shanghai' + g * interval '6 minutes',
       ((CURRENT_DATE + 1) + time '08:06') AT TIME ZONE 'Asia/Shanghai' + g * interval '6 minutes', 20, 1
  FROM clinic_session s, generate_series(0, 99) g WHERE s.room = 'STORM';
INSERT INTO slot_pool (slot_id, channel, capacity, booked, release_at)
SELECT sl.id, 'APP', 20, 0, to_timestamp($release_ms / 1000.0)
  FROM slot sl JOIN clinic_session s ON s.id = sl.session_id WHERE s.room = 'STORM';
SQL
# a warm-up session the day after (room WARMUP, another department, released now): a running server
# has served bookings before 07:00; a fresh one would meet the storm with its booking path not yet compiled
psql_ <<SQL
INSERT INTO clinic_session (institution_id, department_id, session_date, block, clinic_type, status, created_at, room)
SELECT i.id, d.id, CURRENT_DATE + 2, 'MORNING', 'GENERAL', 'OPEN', now(), 'WARMUP'
  FROM institution i JOIN department d ON d.institution_id = i.id WHERE i.code = 'H001' AND d.code = '10';
INSERT INTO slot (session_id, starts_at, ends_at, capacity, next_number)
SELECT s.id, ((CURRENT_DATE + 2) + time '08:00') AT TIME ZONE 'Asia/Shanghai' + g * interval '6 minutes',
       ((CURRENT_DATE + 2) + time '08:06') AT TIME ZONE 'Asia/Shanghai' + g * interval '6 minutes', 40, 1
  FROM clinic_session s, generate_series(0, 99) g WHERE s.room = 'WARMUP';
INSERT INTO slot_pool (slot_id, channel, capacity, booked, release_at)
SELECT sl.id, 'APP', 40, 0, now() FROM slot sl JOIN clinic_session s ON s.id = sl.session_id WHERE s.room = 'WARMUP';
SQL
psql_ -c "SELECT sl.id FROM slot sl JOIN clinic_session s ON s.id = sl.session_id WHERE s.room = 'STORM'" > "$work/slots.txt"
psql_ -c "SELECT id FROM patient ORDER BY id LIMIT 20000" > "$work/patients.txt"
psql_ -c "SELECT sl.id FROM slot sl JOIN clinic_session s ON s.id = sl.session_id WHERE s.room = 'WARMUP'" > "$work/warmup-slots.txt"
psql_ -c "SELECT id FROM patient ORDER BY id OFFSET 20000 LIMIT 4000" > "$work/warmup-patients.txt"
token=$(curl -sf -X POST "http://127.0.0.1:$port/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"demo-admin","password":"Demo@2026"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')

echo "warm-up: 4,000 bookings in another session before the release"
java -cp "$root/benchmarks/target/benchmarks.jar" org.openhqd.benchmarks.BookingStorm "http://127.0.0.1:$port" "$token" \
  "$work/warmup-slots.txt" "$work/warmup-patients.txt" 0 "$clients" 60 | head -1
java -cp "$root/benchmarks/target/benchmarks.jar" org.openhqd.benchmarks.BookingStorm "http://127.0.0.1:$port" "$token" \
  "$work/slots.txt" "$work/patients.txt" "$release_ms" "$clients" 120

echo "database check:"
psql_ <<'SQL'
SELECT 'appointments booked: ' || COUNT(*) FROM appointment a JOIN slot_pool p ON p.id = a.pool_id
  JOIN slot sl ON sl.id = p.slot_id JOIN clinic_session s ON s.id = sl.session_id WHERE s.room = 'STORM';
SELECT 'numbers given twice: ' || COUNT(*) FROM (SELECT slot_id, sequence_number FROM appointment
  GROUP BY slot_id, sequence_number HAVING COUNT(*) > 1) d;
SELECT 'pools exceeded: ' || COUNT(*) FROM slot_pool WHERE booked > capacity;
SELECT 'pools whose count differs from their appointments: ' || COUNT(*) FROM slot_pool p
  WHERE p.booked <> (SELECT COUNT(*) FROM appointment a WHERE a.pool_id = p.id
                      AND a.status NOT IN ('CANCELLED', 'CANCELLED_BY_HOSPITAL', 'RESCHEDULED'));
SELECT 'patients with two appointments in the storm: ' || COUNT(*) FROM (SELECT patient_id FROM appointment a
  JOIN slot sl ON sl.id = a.slot_id JOIN clinic_session s ON s.id = sl.session_id WHERE s.room = 'STORM'
  GROUP BY patient_id HAVING COUNT(*) > 1) d;
SQL
