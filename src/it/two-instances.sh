#!/usr/bin/env bash
# Two production-jar instances on one PostgreSQL behind Debian's nginx with the repository's
# configuration (docs/nginx/formularium.conf); a citizen fills the demo form "buecherwunsch" in chromium
# through nginx and saves it for later, the instance that served the session is stopped (SIGTERM), the
# resume link (served by the other instance) restores the draft, the citizen submits; the submission
# exists exactly once (API) and its webhook event arrives exactly once (a local receiver).
# Called by .ci/run after the production jar is built; runs alone too (as root, on Debian 12):
#   bash src/it/two-instances.sh
# Needs: the production jar (built when missing), compiled test classes, nginx, chromium, PostgreSQL 15.
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/it/lib.sh

port1=18081
port2=18082
https=18443
http=18480
hook=18090
db=formularium_it
secret="it-webhook-secret-$RANDOM$RANDOM"
IT_WORK=$(mktemp -d /tmp/formularium-it.XXXXXX)
trap 'status=$?; it_cleanup; if [ $status -ne 0 ]; then for f in "$IT_WORK"/app-*.log "$IT_WORK"/nginx/logs/error.log; do [ -f "$f" ] && { echo "--- tail $f"; tail -25 "$f"; }; done; fi; exit $status' EXIT
started=$(date +%s)

jar=$(it_jar)
it_log "test classpath"
classpath=$(it_test_classpath)

it_log "PostgreSQL 15: one database for both instances"
it_pg_start main 5432
it_db_create $db 5432

it_log "webhook receiver on 127.0.0.1:$hook"
it_receiver_start $hook "$secret"

it_log "instance A on $port1, then instance B on $port2 (A migrates the schema and loads the demo data)"
for port in $port1 $port2; do
  it_app_script "$jar" $port $db 5432 FORMULARIUM_PUBLIC_URL=https://localhost:$https
done
it_app_start $port1
it_app_wait $port1
it_app_start $port2
it_app_wait $port2
it_webhook_add $db 5432 buecherwunsch "http://127.0.0.1:$hook/events" "$secret"

it_log "nginx with docs/nginx/formularium.conf (https://localhost:$https → 127.0.0.1:$port1, 127.0.0.1:$port2)"
it_nginx_start $https $http 127.0.0.1:$port1 127.0.0.1:$port2
code=$(curl -sk -o /dev/null -w '%{http_code}' "https://localhost:$https/actuator/health")
[ "$code" = 200 ] || it_fail "health through nginx answered $code"
code=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$http/forms")
[ "$code" = 301 ] || it_fail "plain HTTP should redirect to HTTPS (301), got $code"
: > "$IT_WORK/nginx/logs/formularium.access.log"

it_log "citizen in chromium: fill, save, stop the serving instance, resume, submit"
java -cp "$classpath" org.formularium.it.TwoInstancesCheck failover "https://localhost:$https" "$IT_WORK" \
  "$IT_WORK/events.txt" $port1 $port2

pending=$(it_sql $db 5432 -c "SELECT count(*) FROM outbox WHERE status <> 'DONE' AND kind <> 'MAIL_CONFIRMATION'")
it_log "two-instance test passed in $(( $(date +%s) - started )) s (outbox items not done: $pending)"
