#!/usr/bin/env bash
# Ingest benchmark: durable submissions per second through the API (production jar on Debian's
# PostgreSQL 15 with synchronous_commit=on), next to pg_test_fsync and a raw pgbench run of the same
# insert (submission row with ~9 KB jsonb + two outbox rows, one transaction). Appends to BENCHMARKS.md.
# Usage: bash src/bench/ingest-benchmark.sh [clients=16] [seconds=30]
set -euo pipefail
cd "$(dirname "$0")/../.."
clients=${1:-16}
seconds=${2:-30}
port=18181
db=formularium_bench
work=$(mktemp -d)
trap 'kill ${app:-0} 2>/dev/null || true; rm -rf "$work"' EXIT

. src/bench/bench-common.sh
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

echo "== API ingest"
driver_line=$(java src/bench/IngestLoadDriver.java "http://localhost:$port" bench-ingest "$work/data.json" demo-api-key "$clients" "$seconds" "$work/refs.txt")
echo "$driver_line"
acknowledged=$(wc -l < "$work/refs.txt")
python3 - "$work/refs.txt" > "$work/refs.sql" <<'PY'
import sys
refs = [l.strip() for l in open(sys.argv[1]) if l.strip()]
print("CREATE TEMP TABLE acked(ref text); INSERT INTO acked VALUES " + ",".join("('%s')" % r for r in refs) + ";")
print("SELECT count(*) FROM acked a JOIN submission s ON s.reference = a.ref;")
print("SELECT count(*) - count(DISTINCT ref) FROM acked;")
PY
stored=$(PGPASSWORD=bench psql -h localhost -U bench -qAt -f "$work/refs.sql" $db | sed -n 1p)
dups=$(PGPASSWORD=bench psql -h localhost -U bench -qAt -f "$work/refs.sql" $db | sed -n 2p)
echo "acknowledged=$acknowledged stored=$stored duplicates=$dups"
kill $app; wait $app 2>/dev/null || true

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
[ -f BENCHMARKS.md ] || printf '# Benchmarks\n\nFigures measured on the project'"'"'s machines; each section says how.\n' > BENCHMARKS.md
cat >> BENCHMARKS.md <<MD

## Ingest through the API — $(date -u +%Y-%m-%d)

- machine: $(nproc) cores ($cpu), $(free -g | awk '/Mem:/{print $2}') GiB; app, PostgreSQL 15 and driver on the same machine, not pinned
- command: \`bash src/bench/ingest-benchmark.sh $clients $seconds\`
- settings: production jar, demo API key, form \`bench-ingest\`, $size bytes of answers per submission (jsonb), $clients concurrent clients for $seconds s, synchronous_commit=$sync_commit, Hikari pool 20; outbox workers (PDF, JSON, XML) run at the same time
- fsync ceiling (pg_test_fsync, fdatasync): $fsync_line
- raw pgbench of the same insert ($clients clients, 15 s): $pgbench_line
- API: $driver_line
- check: acknowledged=$acknowledged stored=$stored duplicates=$dups
MD
echo "appended to BENCHMARKS.md"
