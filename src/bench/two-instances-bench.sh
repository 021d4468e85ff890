#!/usr/bin/env bash
# Two instances (issue 9): two production-jar instances on one PostgreSQL take API submissions at the same
# time (clients split between them); every outbox item must be delivered exactly once (the webhook
# receiver counts events per reference) and every PDF produced once. Then, behind nginx with
# docs/nginx/formularium.conf, a citizen's browser session pinned to one instance keeps working while the
# other instance is restarted (src/test/java/org/formularium/it/TwoInstancesCheck.java, mode "pinned").
# Retention is scheduled every 2 s on both instances with a 20 s gap: 50 submissions made old enough are
# deleted by exactly one run, and no two scheduled runs come closer than the gap.
# Appends the result to BENCHMARKS.md. Runs as root on Debian 12 (PostgreSQL 15 main cluster, nginx,
# chromium). Not part of the normal test run.
# Usage: bash src/bench/two-instances-bench.sh [total=4000] [clients=8]
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/it/lib.sh
total=${1:-4000}
clients=${2:-8}
port1=18381
port2=18382
https=18543
http=18580
hook=18390
db=formularium_two
secret="two-secret-$RANDOM$RANDOM"
IT_WORK=$(mktemp -d /tmp/formularium-two.XXXXXX)
trap 'it_cleanup' EXIT

jar=$(it_jar)
classpath=$(it_test_classpath)

it_pg_start main 5432
it_db_create $db 5432
it_receiver_start $hook "$secret"
for port in $port1 $port2; do
  # retention is tried every 2 s on both instances; at most one scheduled run per 20 s may do the work
  it_app_script "$jar" $port $db 5432 FORMULARIUM_PUBLIC_URL=https://localhost:$https \
    "FORMULARIUM_RETENTION_CRON='*/2 * * * * *'" FORMULARIUM_RETENTION_SCHEDULED_GAP=PT20S
done
it_log "instances on $port1 and $port2"
it_app_start $port1
it_app_wait $port1
it_app_start $port2
it_app_wait $port2

it_bench_form $port1 bench-two
it_webhook_add $db 5432 bench-two "http://127.0.0.1:$hook/events" "$secret"

it_log "$total submissions from $clients clients, split between both instances"
echo 0 > "$IT_WORK/progress"
driver_line=$(java src/bench/CrashSafetyDriver.java "http://127.0.0.1:$port1,http://127.0.0.1:$port2" bench-two \
  "$IT_WORK/data.json" demo-api-key "$clients" "$total" 0 900 "$IT_WORK/acks.txt" "$IT_WORK/progress")
echo "$driver_line"
sent_done=$(date +%s)
drained=""
for _ in $(seq 1 900); do
  open_items=$(it_sql $db 5432 -c "SELECT count(*) FROM outbox WHERE status NOT IN ('DONE', 'DEAD')")
  if [ "$open_items" = 0 ]; then drained=$(( $(date +%s) - sent_done )); break; fi
  sleep 1
done
sleep 5
per_instance=$(for port in $port1 $port2; do printf '%s=%s ' $port "$(grep -c 'path=/api/v1/forms/bench-two/submissions status=201' "$IT_WORK/app-$port.log" || true)"; done)

result=$(it_check_sql $db 5432 <<'SQL'
SELECT
  (SELECT count(*) FROM acked),
  (SELECT count(*) FROM acked a JOIN sub s ON s.client_key = a.key AND s.reference = a.reference),
  (SELECT count(*) FROM sub WHERE form_key = 'bench-two'),
  (SELECT count(*) FROM sub s WHERE form_key = 'bench-two' AND (SELECT count(*) FROM ev WHERE ev.reference = s.reference) = 1),
  (SELECT count(*) FROM sub s WHERE form_key = 'bench-two' AND NOT EXISTS (SELECT 1 FROM ev WHERE ev.reference = s.reference)),
  (SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM ev GROUP BY reference HAVING count(*) > 1) d),
  (SELECT count(*) FROM ev WHERE signature <> 'ok'),
  (SELECT count(*) FROM sub s WHERE form_key = 'bench-two' AND EXISTS (SELECT 1 FROM submission_document d WHERE d.submission_id = s.id AND d.kind = 'pdf')),
  (SELECT count(*) FROM outbox WHERE status = 'DEAD'),
  (SELECT count(*) FROM outbox o WHERE o.kind = 'WEBHOOK' AND (SELECT count(*) FROM webhook_delivery d WHERE d.outbox_id = o.id) > 1);
SQL
)
read -r acknowledged stored in_db once missing extra badsig pdfs dead multi_attempts <<< "$result"
check="acknowledged=$acknowledged stored=$stored (form total $in_db) webhook exactly_once=$once missing=$missing extra_events=$extra bad_signatures=$badsig pdfs=$pdfs dead=$dead webhook_items_attempted_more_than_once=$multi_attempts; outbox drained ${drained:-never} s after the last submission; 201 answers per instance: $per_instance"
echo "$check"

it_log "retention on both instances: 50 submissions decided 800 days ago, 60 s of schedule ticks"
marked=50
window_start=$(it_sql $db 5432 -c "SELECT now()")
it_sql $db 5432 -c "UPDATE submission SET status = 'APPROVED', status_changed_at = now() - interval '800 days' WHERE id IN (SELECT id FROM submission WHERE form_key = 'bench-two' ORDER BY id LIMIT $marked)" > /dev/null
sleep 60
read -r runs working_runs deleted min_gap <<< "$(it_sql $db 5432 -c "SELECT count(*), count(*) FILTER (WHERE submissions_deleted > 0), coalesce(sum(submissions_deleted), 0), coalesce(round(min(gap)), -1) FROM (SELECT submissions_deleted, extract(epoch FROM started_at - lag(started_at) OVER (ORDER BY started_at)) AS gap FROM retention_run WHERE kind = 'SCHEDULED' AND started_at >= '$window_start') r" | tr '|' ' ')"
tombstones=$(it_sql $db 5432 -c "SELECT count(*) FROM submission WHERE form_key = 'bench-two' AND deleted_at IS NOT NULL")
runs_by=$(for port in $port1 $port2; do printf '%s=%s ' $port "$(grep -c 'Retention run .*(SCHEDULED)' "$IT_WORK/app-$port.log" || true)"; done)
retention_result="marked=$marked tombstones=$tombstones; scheduled runs in 60 s (ticks every 2 s on each instance): $runs, of them with deletions: $working_runs (log lines per instance: $runs_by), submissions deleted in all: $deleted, shortest time between two runs: ${min_gap} s (gap PT20S)"
echo "retention: $retention_result"

it_log "pinned citizen session behind nginx while the other instance restarts"
it_nginx_start $https $http 127.0.0.1:$port1 127.0.0.1:$port2
: > "$IT_WORK/nginx/logs/formularium.access.log"
pinned_started=$(date +%s)
if pinned=$(java -cp "$classpath" org.formularium.it.TwoInstancesCheck pinned "https://localhost:$https" "$IT_WORK" \
    "$IT_WORK/events.txt" $port1 $port2 2>&1); then
  pinned_result="passed in $(( $(date +%s) - pinned_started )) s: $(echo "$pinned" | grep 'kept working' | sed 's/^the //')"
else
  pinned_result="FAILED: $(echo "$pinned" | tail -3 | tr '\n' ' ')"
fi
echo "$pinned"
echo "pinned session: $pinned_result"

load=$(uptime | sed 's/.*load average: //')
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
cat >> BENCHMARKS.md <<MD

## Two instances on one database — $(date -u +%Y-%m-%d)

- machine: $(nproc) cores ($cpu), $(free -g | awk '/Mem:/{print $2}') GiB; two app instances, PostgreSQL 15, nginx, chromium, driver and webhook receiver on the same machine; load average at the end: $load
- command: \`bash src/bench/two-instances-bench.sh $total $clients\`
- settings: production jar ×2 (heap ${IT_APP_HEAP:-512m}, serial GC, Hikari pool 10 each), $clients API clients (even ones → instance 1, odd → instance 2), a small 3-field form, one webhook; both instances work the shared outbox
- driver: $driver_line
- check: $check
- pinned session (nginx with docs/nginx/formularium.conf, ip_hash): $pinned_result
- retention on both instances (cron every 2 s each, \`formularium.retention.scheduled-gap\` PT20S, advisory lock): $retention_result
MD
echo "appended to BENCHMARKS.md"
[ "$stored" = "$total" ] && [ "$once" = "$in_db" ] && [ "$tombstones" = "$marked" ] && [ "$working_runs" = 1 ] \
  && [ "$min_gap" -ge 20 -o "$runs" -le 1 ] && [ "$extra" = 0 ] && [ "$badsig" = 0 ] && [ "$pdfs" = "$in_db" ] \
  && [[ "$pinned_result" == passed* ]] || { echo "FAILED"; exit 1; }
