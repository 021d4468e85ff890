#!/usr/bin/env bash
# Crash safety (issue 9): TOTAL submissions with idempotency keys from concurrent API clients (a failed
# request is retried with the SAME key) while the app is killed with SIGKILL three times (and restarted
# each time) and PostgreSQL is restarted once (immediate shutdown = crash recovery). Then checks: every
# acknowledged submission exists exactly once, none is duplicated, every outbox item is done (the webhook
# receiver counts events per reference; at-least-once delivery may repeat an event after a crash, counted
# separately) and every PDF exists, measured from the last restart. Appends the result to BENCHMARKS.md.
# Runs as root on Debian 12 with PostgreSQL 15 (its own cluster "fmcrash" on port 5439, so the main
# cluster is never restarted). Not part of the normal test run.
# Usage: bash src/bench/crash-safety.sh [total=10000] [clients=8] [rate/s=0 (unlimited)]
#   env LEASE (outbox lease, default PT30S), APP_HEAP (default 768m), OUTBOX_WAIT (seconds to wait for the
#   outbox after the last submission, default 900), SEND_LIMIT (seconds for sending, default 2400)
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/it/lib.sh
total=${1:-10000}
clients=${2:-8}
rate=${3:-0}
lease=${LEASE:-PT30S}
outbox_wait=${OUTBOX_WAIT:-900}
send_limit=${SEND_LIMIT:-2400}
IT_APP_HEAP=${APP_HEAP:-768m}
port=18281
hook=18290
db=formularium_crash
cluster=fmcrash
dbport=5439
secret="crash-secret-$RANDOM$RANDOM"
IT_WORK=$(mktemp -d /tmp/formularium-crash.XXXXXX)
trap 'it_cleanup; pg_ctlcluster 15 $cluster stop 2>/dev/null || true' EXIT
pdf_limit=60

jar=$(it_jar)
it_log "PostgreSQL 15 cluster $cluster on port $dbport"
it_pg_start $cluster $dbport
it_db_create $db $dbport
sync_commit=$(it_sql $db $dbport -c 'show synchronous_commit')

it_receiver_start $hook "$secret"

it_app_script "$jar" $port $db $dbport FORMULARIUM_OUTBOX_LEASE=$lease FORMULARIUM_DB_POOL_SIZE=20
it_log "app on $port (outbox lease $lease)"
it_app_start $port
it_app_wait $port

it_bench_form $port bench-crash
it_webhook_add $db $dbport bench-crash "http://127.0.0.1:$hook/events" "$secret"

it_log "sending $total submissions ($clients clients, rate ${rate}/s) while crashing things"
echo 0 > "$IT_WORK/progress"
java src/bench/CrashSafetyDriver.java "http://127.0.0.1:$port" bench-crash "$IT_WORK/data.json" demo-api-key \
  "$clients" "$total" "$rate" "$send_limit" "$IT_WORK/acks.txt" "$IT_WORK/progress" > "$IT_WORK/driver.out" 2> "$IT_WORK/driver.err" &
driver=$!
echo $driver > "$IT_WORK/driver.pid"
events=()
last_restart=0
for step in 1 2 3 4; do
  threshold=$(( total * step / 5 ))
  while [ "$(cat "$IT_WORK/progress")" -lt $threshold ] && kill -0 $driver 2>/dev/null; do sleep 0.2; done
  kill -0 $driver 2>/dev/null || break
  at=$(cat "$IT_WORK/progress")
  if [ $step -le 3 ]; then
    it_app_stop $port KILL
    it_log "SIGKILL $step at $at acknowledged; restarting the app"
    it_app_start $port
    it_app_wait $port 600
    last_restart=$(date +%s)
    events+=("SIGKILL at $at")
  else
    it_log "PostgreSQL restart (immediate shutdown) at $at acknowledged"
    pg_ctlcluster -m immediate 15 $cluster stop
    pg_ctlcluster 15 $cluster start
    it_pg_wait $cluster
    last_restart=$(date +%s)
    events+=("PostgreSQL immediate restart at $at")
  fi
done
wait $driver || true
driver_line=$(cat "$IT_WORK/driver.out")
echo "$driver_line"
[ -s "$IT_WORK/driver.err" ] && head -5 "$IT_WORK/driver.err"
[ ${#events[@]} -eq 4 ] || echo "WARNING: only ${#events[@]} of 4 faults were injected (${events[*]:-none})"
sent_done=$(date +%s)

it_log "waiting for the outbox (PDFs, webhooks) to finish"
stored_total=$(it_sql $db $dbport -c "SELECT count(*) FROM submission WHERE form_key = 'bench-crash'")
pdf_after=""
outbox_after=""
for _ in $(seq 1 "$outbox_wait"); do
  missing_pdf=$(it_sql $db $dbport -c "SELECT count(*) FROM submission s WHERE form_key = 'bench-crash'
    AND NOT EXISTS (SELECT 1 FROM submission_document d WHERE d.submission_id = s.id AND d.kind = 'pdf')")
  open_items=$(it_sql $db $dbport -c "SELECT count(*) FROM outbox WHERE status NOT IN ('DONE', 'DEAD')")
  now=$(date +%s)
  [ -z "$pdf_after" ] && [ "$missing_pdf" = 0 ] && pdf_after=$(( now - last_restart ))
  [ -z "$outbox_after" ] && [ "$open_items" = 0 ] && outbox_after=$(( now - last_restart ))
  [ -n "$pdf_after" ] && [ -n "$outbox_after" ] && break
  sleep 1
done
sleep 5 # the last webhook answers reach the events file

it_log "checking"
result=$(it_check_sql $db $dbport <<'SQL'
SELECT
  (SELECT count(*) FROM acked),
  (SELECT count(*) FROM acked a JOIN sub s ON s.client_key = a.key AND s.reference = a.reference),
  (SELECT count(*) FROM sub WHERE form_key = 'bench-crash') - (SELECT count(DISTINCT client_key) FROM sub WHERE form_key = 'bench-crash')
    + (SELECT count(*) - count(DISTINCT reference) FROM acked),
  (SELECT count(*) FROM acked a WHERE NOT EXISTS (SELECT 1 FROM sub s WHERE s.client_key = a.key AND s.reference = a.reference)),
  (SELECT count(*) FROM sub s WHERE form_key = 'bench-crash' AND NOT EXISTS (SELECT 1 FROM acked a WHERE a.key = s.client_key)),
  (SELECT count(*) FROM sub s WHERE form_key = 'bench-crash' AND EXISTS (SELECT 1 FROM ev WHERE ev.reference = s.reference)),
  (SELECT count(*) FROM sub s WHERE form_key = 'bench-crash' AND NOT EXISTS (SELECT 1 FROM ev WHERE ev.reference = s.reference)),
  (SELECT count(*) FROM (SELECT reference FROM ev GROUP BY reference HAVING count(*) > 1) d),
  (SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM ev GROUP BY reference HAVING count(*) > 1) d),
  (SELECT count(*) FROM ev WHERE signature <> 'ok'),
  (SELECT count(*) FROM sub s WHERE form_key = 'bench-crash' AND EXISTS (SELECT 1 FROM submission_document d WHERE d.submission_id = s.id AND d.kind = 'pdf')),
  (SELECT count(*) FROM outbox WHERE status = 'DEAD'),
  (SELECT count(*) FROM outbox WHERE status NOT IN ('DONE', 'DEAD'));
SQL
)
read -r acknowledged stored duplicates lost unacked hooked unhooked dup_refs dup_events badsig pdfs dead open <<< "$result"
summary="acknowledged=$acknowledged stored=$stored duplicates=$duplicates lost=$lost"
webhooks="webhook: delivered=$hooked/$stored_total missing=$unhooked repeated_refs=$dup_refs extra_events=$dup_events bad_signatures=$badsig; outbox dead=$dead open=$open"
pdf_line="pdf: $pdfs/$stored_total present, all present ${pdf_after:-never (timeout)} s after the last restart (target ≤ ${pdf_limit} s), outbox empty ${outbox_after:-never} s after it"
echo "$summary"
echo "stored but never acknowledged (client gave up): $unacked"
echo "$webhooks"
echo "$pdf_line"

load=$(uptime | sed 's/.*load average: //')
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
[ -f BENCHMARKS.md ] || printf '# Benchmarks\n' > BENCHMARKS.md
cat >> BENCHMARKS.md <<MD

## Crash safety — $(date -u +%Y-%m-%d)

- machine: $(nproc) cores ($cpu), $(free -g | awk '/Mem:/{print $2}') GiB; app, PostgreSQL 15, driver and webhook receiver on the same machine; load average at the end: $load
- command: \`bash src/bench/crash-safety.sh $total $clients $rate\`
- settings: production jar (heap $IT_APP_HEAP, serial GC), own PostgreSQL 15 cluster, synchronous_commit=$sync_commit, Hikari pool 20, outbox lease $lease, $clients clients, rate ${rate}/s (0 = unlimited), a small 3-field form, one webhook; a request without an answer (or 5xx) is retried with the same Idempotency-Key
- faults: ${events[*]:-none}
- driver: $driver_line
- check: $summary; stored but never acknowledged: $unacked
- $webhooks
- $pdf_line
MD
echo "appended to BENCHMARKS.md"
fail=0
[ "$acknowledged" = "$total" ] || { echo "FAILED: only $acknowledged of $total acknowledged"; fail=1; }
[ "$lost" = 0 ] && [ "$duplicates" = 0 ] && [ "$stored" = "$acknowledged" ] || { echo "FAILED: lost or duplicated submissions"; fail=1; }
[ "$unhooked" = 0 ] && [ "$badsig" = 0 ] || { echo "FAILED: webhook events missing or badly signed"; fail=1; }
[ "$pdfs" = "$stored_total" ] || { echo "FAILED: PDFs missing"; fail=1; }
[ -n "$pdf_after" ] && [ "$pdf_after" -le $pdf_limit ] || echo "NOTE: PDFs took longer than ${pdf_limit} s after the last restart"
exit $fail
