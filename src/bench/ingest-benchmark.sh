#!/usr/bin/env bash
# Ingest benchmark: durable submissions per second through the API (production jar on Debian's
# PostgreSQL 15 with synchronous_commit=on), next to pg_test_fsync and a raw pgbench run of the same
# insert (submission row with ~9 KB jsonb + two outbox rows, one transaction). Appends to BENCHMARKS.md.
# Load: wrk (C, Debian package, installed when missing) so that the driver takes little of the 2 cores; every
# 201 is counted and compared with the rows stored during the measured phase. The warm-up matters: the JIT
# compiler needs one to two minutes of this load before the app runs at its steady speed (about 300/s in the
# first minute on 2 cores, then several times that).
# Usage: bash src/bench/ingest-benchmark.sh [clients=16] [seconds=30] [warmup_seconds=120]
set -euo pipefail
cd "$(dirname "$0")/../.."
clients=${1:-16}
seconds=${2:-30}
warmup=${3:-120}
port=18181
db=formularium_bench
work=$(mktemp -d)
trap 'kill ${app:-0} 2>/dev/null && wait ${app:-0} 2>/dev/null; rm -rf "$work"' EXIT
if curl -s -o /dev/null "http://localhost:$port/"; then echo "port $port is in use (an app from an earlier run still stopping?)"; exit 1; fi

. src/bench/bench-common.sh
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
jar=$(bench_production_jar)
bench_fresh_database $db
sync_commit=$(su postgres -c "psql -qAtc 'show synchronous_commit'")

echo "== pg_test_fsync"
fsync_line=$(cd "$work" && /usr/lib/postgresql/15/bin/pg_test_fsync -s 2 -f "$work/fsync.test" 2>&1 | grep -E "^[[:space:]]+fdatasync[[:space:]]" | head -1 | sed 's/  */ /g')
echo "$fsync_line"

echo "== app (production jar)"
SPRING_DATASOURCE_URL=jdbc:postgresql://localhost:5432/$db SPRING_DATASOURCE_USERNAME=bench SPRING_DATASOURCE_PASSWORD=bench \
SPRING_PROFILES_ACTIVE=demo PORT=$port FORMULARIUM_DB_POOL_SIZE=20 \
  java -Xmx1g ${BENCH_APP_JAVA_OPTS:-} -jar "$jar" > "$work/app.log" 2>&1 &
app=$!
for i in $(seq 1 120); do curl -fs "http://localhost:$port/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
for i in $(seq 1 60); do curl -fs -H 'Authorization: Bearer demo-api-key' "http://localhost:$port/api/v1/whoami" >/dev/null 2>&1 && break; sleep 1; done

# a benchmark form whose answers are ~9 KB (a long text), published through the API
cat > "$work/form.json" <<'JSON'
{"schemaVersion": 1, "key": "bench-ingest", "languages": ["de"], "title": {"de": "Benchmark"},
 "pages": [{"key": "p", "title": {"de": "Angaben"}, "elements": [
   {"type": "text", "key": "name", "label": {"de": "Name"}, "required": true, "indexed": true},
   {"type": "email", "key": "email", "label": {"de": "E-Mail"}},
   {"type": "textarea", "key": "message", "label": {"de": "Nachricht"}, "maxLength": 10000}]}]}
JSON
curl -fs -o /dev/null -X POST -H 'Authorization: Bearer demo-api-key' -H 'Content-Type: application/json' \
  --data-binary @"$work/form.json" "http://localhost:$port/api/v1/forms?publish=true" || true
python3 - "$work/data.json" <<'PY'
import json, sys
text = ("Größere Änderungen an der Straßenführung – bitte prüfen. " * 200)[:8800]
json.dump({"name": "Jürgen Weißmüller", "email": "j.w@example.de", "message": text}, open(sys.argv[1], "w"), ensure_ascii=False)
PY
size=$(wc -c < "$work/data.json")

echo "== raw pgbench of the same insert"
payload=$(python3 -c "import json;print(json.dumps(json.load(open('$work/data.json')), ensure_ascii=False).replace(\"'\",\"''\"))")
cat > "$work/insert.sql" <<SQL
\set n random(1, 1000000000)
BEGIN;
INSERT INTO submission (reference, access_code_hash, form_key, form_version, language, channel, idempotency_key, request_hash, data, submitted_at, status_changed_at)
  VALUES ('PG-' || :n || '-' || txid_current(), repeat('a', 64), 'bench-ingest', 1, 'de', 'API', 'pgbench-' || :n || '-' || txid_current(), repeat('b', 64), '$payload'::jsonb, now(), now()) RETURNING id \gset
INSERT INTO outbox (kind, submission_id, payload, next_attempt_at, created_at) VALUES ('BENCH', :id, '{}', now() + interval '1 day', now()), ('BENCH', :id, '{}', now() + interval '1 day', now());
COMMIT;
SQL
pgbench_line=$(PGPASSWORD=bench pgbench -h localhost -U bench -n -c "$clients" -j 2 -T 15 -f "$work/insert.sql" $db 2>&1 | grep -E "^tps|latency average" | tr '\n' ' ')
echo "$pgbench_line"
PGPASSWORD=bench psql -h localhost -U bench -qc "DELETE FROM outbox WHERE kind='BENCH'; DELETE FROM submission WHERE reference LIKE 'PG-%'" $db

echo "== API ingest (wrk: ${warmup}s warm-up, then ${seconds}s measured)"
export BODY_FILE="$work/data.json" API_KEY=demo-api-key
url="http://localhost:$port/api/v1/forms/bench-ingest/submissions"
RUN_ID=warm wrk -t 2 -c "$clients" -d "${warmup}s" -s src/bench/ingest-wrk.lua "$url" > /dev/null
before=$(PGPASSWORD=bench psql -h localhost -U bench -qAtc "SELECT count(*) FROM submission WHERE form_key='bench-ingest'" $db)
cpu_ticks() { # utime+stime of the app, of all postgres processes, of wrk
  local app_t pg_t=0 pid
  app_t=$(awk '{print $14+$15}' /proc/$app/stat)
  for pid in $(pgrep -x postgres); do pg_t=$((pg_t + $(awk '{print $14+$15}' /proc/$pid/stat 2>/dev/null || echo 0))); done
  echo "$app_t $pg_t"
}
read app0 pg0 < <(cpu_ticks)
RUN_ID=bench wrk -t 2 -c "$clients" -d "${seconds}s" --timeout 10s -s src/bench/ingest-wrk.lua "$url" > "$work/wrk.out" &
wrk_pid=$!
sleep $((seconds - 1))
read app1 pg1 < <(cpu_ticks)
wrk_ticks=$(awk '{print $14+$15}' /proc/$wrk_pid/stat)
wait $wrk_pid
driver_line=$(grep '^created=' "$work/wrk.out")
echo "$driver_line"
hz=$(getconf CLK_TCK)
cpu_line=$(awk -v a=$((app1 - app0)) -v p=$((pg1 - pg0)) -v w=$wrk_ticks -v hz=$hz -v s=$((seconds - 1)) -v t="$seconds" \
  'BEGIN{printf "app %.2f cores, PostgreSQL %.2f cores, wrk %.2f cores (of %d)", a/hz/s, p/hz/s, w/hz/t, '"$(nproc)"'}')
echo "$cpu_line"
sleep 2
acknowledged=$(echo "$driver_line" | sed 's/.*created=\([0-9]*\).*/\1/')
after=$(PGPASSWORD=bench psql -h localhost -U bench -qAtc "SELECT count(*) FROM submission WHERE form_key='bench-ingest'" $db)
stored=$((after - before))
dups=$(PGPASSWORD=bench psql -h localhost -U bench -qAtc "SELECT count(*) - count(DISTINCT idempotency_key) FROM submission WHERE form_key='bench-ingest'" $db)
# wrk stops at the deadline without reading the answers of requests still in flight (at most one per
# connection): those are stored but not counted as acknowledged
in_flight=$((stored - acknowledged))
echo "acknowledged=$acknowledged stored=$stored duplicates=$dups in_flight_at_stop=$in_flight (0..$clients expected)"
kill $app; wait $app 2>/dev/null || true

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
[ -f BENCHMARKS.md ] || printf '# Benchmarks\n\nFigures measured on the project'"'"'s machines; each section says how.\n' > BENCHMARKS.md
cat >> BENCHMARKS.md <<MD

## Ingest through the API — $(date -u +%Y-%m-%d)

- machine: $(nproc) cores ($cpu), $(free -g | awk '/Mem:/{print $2}') GiB; app, PostgreSQL 15 and driver on the same machine, not pinned
- command: \`bash src/bench/ingest-benchmark.sh $clients $seconds $warmup\`
- settings: production jar, demo API key, form \`bench-ingest\`, $size bytes of answers per submission (jsonb), $clients concurrent clients for $seconds s, synchronous_commit=$sync_commit, Hikari pool 20; outbox workers (PDF, JSON, XML) run at the same time
- fsync ceiling (pg_test_fsync, fdatasync): $fsync_line
- raw pgbench of the same insert ($clients clients, 15 s): $pgbench_line
- API (wrk, after ${warmup} s of warm-up): $driver_line
- CPU during the measured phase: $cpu_line
- check: acknowledged=$acknowledged stored=$stored duplicates=$dups; stored − acknowledged = $in_flight requests in flight when wrk stopped (at most one per connection, $clients)
MD
echo "appended to BENCHMARKS.md"
