#!/usr/bin/env bash
# Citizen-session benchmark: the production jar on Debian's PostgreSQL 15, pinned to CPU 0; the load driver
# (SessionLoadDriver.java, Vaadin's UIDL protocol over HTTP, no browser) pinned to CPU 1.
#  1. heap per session: live heap after two full GCs with HELD sessions filled up to "check your answers"
#     minus the same with 0 sessions, divided by HELD;
#  2. USERS concurrent citizens fill and submit the demo form "veranstaltung" for SECONDS with a think time
#     of THINK_MIN..THINK_MAX ms between interactions: server response time percentiles, errors, and every
#     acknowledged submission looked up in the database.
# Appends the figures to BENCHMARKS.md.
# Usage: bash src/bench/session-benchmark.sh [users=300] [seconds=180] [held=1000] [think_min_ms=2000] [think_max_ms=5000]
# Environment: BENCH_JAR (a production jar to use instead of building one), BENCH_APP_HEAP (2g), BENCH_NICE (-10),
# BENCH_APP_JAVA_OPTS (e.g. a JFR recording).
set -euo pipefail
cd "$(dirname "$0")/../.."
users=${1:-300}
seconds=${2:-180}
held=${3:-1000}
think_min=${4:-2000}
think_max=${5:-5000}
port=18282
db=formularium_sessions
heap=${BENCH_APP_HEAP:-2g}
# app and driver run at a higher CPU priority so that other work on the machine (parallel builds) does not
# starve them; BENCH_NICE=0 measures without it
priority=${BENCH_NICE:--10}
work=$(mktemp -d)
trap 'kill ${app:-0} 2>/dev/null || true; rm -rf "$work"' EXIT
if [ "$(nproc)" -lt 2 ]; then echo "needs two cores (app and driver pinned apart)"; exit 1; fi

. src/bench/bench-common.sh
jar=${BENCH_JAR:-$(bench_production_jar)}
bench_fresh_database $db

load_before=$(uptime | sed 's/.*load average: //')
echo "== app (production jar, CPU 0, -Xmx$heap)"
SPRING_DATASOURCE_URL=jdbc:postgresql://localhost:5432/$db SPRING_DATASOURCE_USERNAME=bench SPRING_DATASOURCE_PASSWORD=bench \
SPRING_PROFILES_ACTIVE=demo PORT=$port \
FORMULARIUM_RATE_LIMIT_SUBMIT_REQUESTS=0 FORMULARIUM_RATE_LIMIT_DRAFT_RESUME_REQUESTS=0 \
  nice -n "$priority" taskset -c 0 java -Xmx$heap -XX:+UseG1GC ${BENCH_APP_JAVA_OPTS:-} -jar "$jar" > "$work/app.log" 2>&1 &
app=$!
for i in $(seq 1 180); do curl -fs "http://localhost:$port/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
for i in $(seq 1 60); do curl -fs "http://localhost:$port/f/veranstaltung" >/dev/null 2>&1 && break; sleep 1; done
app_pid=$(pgrep -P $app java || echo $app)
[ -d "/proc/$app_pid" ] || app_pid=$app

driver="nice -n $priority taskset -c 1 java -Xmx1g src/bench/SessionLoadDriver.java"
echo "== heap per session ($held sessions held, filled up to the review step)"
hold_line=$($driver hold "http://localhost:$port" "$held" "$app_pid" "$work/hold.txt")
echo "$hold_line"

echo "== $users citizens for $seconds s, think time $think_min-$think_max ms"
run_id=$(date +%s)
ticks() { awk '{print $14 + $15}' "/proc/$app_pid/stat"; }
cpu_before=$(ticks)
load_line=$($driver load "http://localhost:$port" "$users" "$seconds" "$think_min" "$think_max" "$work/titles.txt" "$run_id")
cpu_after=$(ticks)
echo "$load_line"
# the app's own CPU time per UIDL request (independent of what else runs on the machine); includes the driver's
# warm-up (20 forms), GC and the PDF/JSON/XML production of every submission
requests=$(echo "$load_line" | sed -n 's/.*sent_with_warm_up=\([0-9]*\).*/\1/p')
cpu_line=$(awk -v t=$((cpu_after - cpu_before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
  'BEGIN { printf "app CPU during the load phase: %.1f s for %d requests (warm-up included): %.2f ms CPU per request", t / hz, n, t / hz * 1000 / n }')
echo "$cpu_line"
load_after=$(uptime | sed 's/.*load average: //')

acknowledged=$(grep -c . "$work/titles.txt" || true)
# the answers are encrypted at rest: the stored event titles are read back through the API (demo key)
sleep 2
read -r stored missing duplicates <<<"$(python3 - "$work/titles.txt" "http://localhost:$port" <<'PY'
import json, sys, urllib.parse, urllib.request
titles = {l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8") if l.strip()}
base = sys.argv[2]
def get(path):
    request = urllib.request.Request(base + path, headers={"Authorization": "Bearer demo-api-key"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)
seen = []
cursor = None
while True:
    page = get("/api/v1/submissions?form=veranstaltung&limit=100" + ("&cursor=" + urllib.parse.quote(cursor) if cursor else ""))
    for item in page["items"]:
        title = get("/api/v1/submissions/" + item["reference"]).get("data", {}).get("event_title", "")
        if title.startswith("Bench "):
            seen.append(title)
    cursor = page.get("next")
    if not cursor:
        break
print(len(titles & set(seen)), len(titles - set(seen)), len(seen) - len(set(seen)))
PY
)"
echo "acknowledged=$acknowledged stored=$stored missing=$missing duplicates=$duplicates"
gc_line=$(grep -c "Pause" "$work/app.log" || true)
kill $app; wait $app 2>/dev/null || true

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)
cat >> BENCHMARKS.md <<MD

## Citizen sessions (Vaadin UIDL over HTTP) — $(date -u +%Y-%m-%d)

- machine: $(nproc) cores ($cpu), $(free -g | awk '/Mem:/{print $2}') GiB, Java $(java -version 2>&1 | head -1 | cut -d'"' -f2); load average before/after: $load_before / $load_after (of the whole machine)
- command: \`bash src/bench/session-benchmark.sh $users $seconds $held $think_min $think_max\`
- settings: production jar (demo profile, -Xmx$heap, G1) pinned to CPU 0 with \`taskset\`, driver pinned to CPU 1, both at nice $priority, PostgreSQL 15 not pinned (normal priority); form \`veranstaltung\` (25 inputs on 3 pages incl. one repeating-group item, an address, dates, select, radios, checkboxes, consents; privacy step; review); the per-address submit and resume rate limits are switched off (all simulated citizens share one address); response time = HTTP round trip of each UIDL request measured by the driver on loopback
- heap per session (two full GCs via \`jcmd GC.run\`, \`GC.heap_info\` used; sessions held on the review step, every page filled, not submitted): $hold_line
- load: $load_line
- $cpu_line
- check in the database: acknowledged=$acknowledged stored=$stored missing=$missing duplicates=$duplicates
MD
echo "appended to BENCHMARKS.md"
