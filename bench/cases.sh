#!/usr/bin/env bash
# Cases hot paths (issue 10), next to a reference measured in the same run on the same PostgreSQL:
#  (a) durable online submissions/s at 32 concurrent applicants (bench/CasesSubmit.java: drafts prepared through the
#      pages beforehand, then only POST /my/cases/{id}/submit timed; each acknowledgement checked in the database),
#      against pgbench's tpcb-like TPS with 32 clients for the same time, in a database of its own on the same
#      embedded server;
#  (b) CASES generated cases (bench/cases-generate.sql), then 16 clerks (bench/CasesClerks.java) loading their 待办
#      (due within 10 days, sorted by due date), case pages of their organisation and the statistics page, with wrk
#      (bench/lib/random-paths.lua); and EXPLAIN (ANALYZE, BUFFERS) of the 待办 query (bench/cases-workbench-explain.sql).
#
#   bench/cases.sh [duration-seconds=20]
#
# PARTS (default ab): a alone measures the submissions against pgbench and stops; g goes on to generate the cases
# and EXPLAIN the 待办 and statistics queries, without loading the pages; b does all of (b). Part (b) needs (a): its
# generated rows borrow part (a)'s citizens and ciphertexts, so with g or b the submissions run too, however short.
# CASES (default 1000000; e.g. CASES=100000 for a trial), DRAFTS (complete drafts per applicant, default 80),
# PG_STATEMENTS=1 also writes PostgreSQL's statements of the timed submissions (pg_stat_statements) to
# bench/results/submit-statements.txt. SKIP_BUILD=1 reuses the jar and classpath, BENCH_PORT (default 18081), JAVA_OPTS, BENCH_NICE as bench/lib/platform.sh.
# Starts on a fresh data directory (bench/results/cases-data, a throwaway database: the script writes to it with SQL).
# Results in bench/results/cases-*; the summary on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-20}
CASES=${CASES:-1000000}
DRAFTS=${DRAFTS:-80}
PARTS=${PARTS:-ab}
OUT=bench/results
DATA=$OUT/cases-data
mkdir -p "$OUT"
source bench/lib/platform.sh
requires wrk wrk
requires pgbench postgresql-client

platform_jar_and_classpath
javac -proc:none -d target/bench-classes -cp "$CLASSPATH_BENCH" bench/CasesSubmit.java bench/CasesClerks.java
rm -rf "$DATA"
trap platform_stop EXIT
platform_start "$DATA" "$OUT/cases-app.log" "$OUT/cases-zhengwu.json"
PG_PORT=$(sed -n 's/.*Embedded PostgreSQL 17 on port \([0-9]*\).*/\1/p' "$OUT/cases-app.log" | head -n 1)
export PGPASSWORD PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres
PGPASSWORD=$(cat "$DATA/pg/superuser.password")
if [ -n "${PG_STATEMENTS:-}" ]; then
    # PG_STATEMENTS=1: the server restarted with pg_stat_statements, whose figures for the timed submissions are
    # written to $OUT/submit-statements.txt (the extension's own cost is then in every figure: profiling only).
    platform_stop
    echo "shared_preload_libraries = 'pg_stat_statements'" >> "$DATA/pg/postgresql.auto.conf"
    platform_start "$DATA" "$OUT/cases-app.log" "$OUT/cases-zhengwu.json"
    PG_PORT=$(sed -n 's/.*Embedded PostgreSQL 17 on port \([0-9]*\).*/\1/p' "$OUT/cases-app.log" | head -n 1)
    PGPORT=$PG_PORT psql -q -d zhengwu -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
    export PG_STATEMENTS PGPORT=$PG_PORT
fi

echo "== (a) 32 applicants: registration, sign-in, $DRAFTS complete drafts each (untimed), then ${DURATION}s of submissions"
LOAD_A=$(load)
PLATFORM_PID=$PLATFORM_PID PLATFORM_POSTMASTER=$PLATFORM_POSTMASTER \
    "$JAVA" -cp "$CLASSPATH_BENCH" CasesSubmit "$PLATFORM_BASE" "$DATA/pg" 32 "$DRAFTS" "$DURATION" "$OUT" \
    | tee "$OUT/cases-submit.txt"
LOAD_A="$LOAD_A → $(load)"
SUBMITTED=$(sed -n 's/.* = \([0-9.]*\)\/s.*/\1/p' "$OUT/cases-submit.txt")

echo "== (a) pgbench tpcb-like, scale 10, 32 clients, ${DURATION}s, database pgbench on the same server"
psql -q -d zhengwu -c "DROP DATABASE IF EXISTS pgbench" -c "CREATE DATABASE pgbench"
pgbench -i -s 10 -q pgbench > "$OUT/cases-pgbench-init.txt" 2>&1
LOAD_P=$(load)
PG_CPU_BEFORE=$(postgres_cpu)
/usr/bin/time -f '%U %S' -o "$OUT/cases-pgbench-cpu.txt" pgbench -c 32 -j 2 -T "$DURATION" pgbench \
    > "$OUT/cases-pgbench.txt" 2>&1
PG_CPU_AFTER=$(postgres_cpu)
LOAD_P="$LOAD_P → $(load)"
TPS=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$OUT/cases-pgbench.txt")
PGBENCH_TXNS=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$OUT/cases-pgbench.txt")
PGBENCH_CPU=$(awk -v pg0="$PG_CPU_BEFORE" -v pg1="$PG_CPU_AFTER" -v n="$PGBENCH_TXNS" \
    '{ printf "PostgreSQL %.2f ms, pgbench itself %.2f ms", (pg1 - pg0) * 1000 / n, ($1 + $2) * 1000 / n }' \
    "$OUT/cases-pgbench-cpu.txt")
psql -q -d zhengwu -c "DROP DATABASE pgbench"

summary_a() {
    echo "(a) $(cat "$OUT/cases-submit.txt")"
    echo "    load average $LOAD_A"
    echo "    pgbench tpcb-like, 32 clients: $TPS tps; load average $LOAD_P"
    echo "    CPU per pgbench transaction: $PGBENCH_CPU"
    echo "    submissions ÷ pgbench TPS: $(awk -v a="$SUBMITTED" -v b="$TPS" 'BEGIN { printf "%.2f", a / b }') (target ≥ 0.3)"
}
if [[ "$PARTS" != *b* && "$PARTS" != *g* ]]; then
    echo
    echo "$(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), ${DURATION}s each, part (a) only"
    summary_a
    exit 0
fi

echo "== (b) generating $CASES cases"
GENERATE_START=$(date +%s)
psql -d zhengwu -v cases="$CASES" -f bench/cases-generate.sql > "$OUT/cases-generate.txt" 2>&1
echo "   $(($(date +%s) - GENERATE_START)) s; $(psql -Atq -d zhengwu -c "SELECT count(*) FROM cases_case") cases in all"
"$JAVA" -cp "$CLASSPATH_BENCH" CasesClerks "$PLATFORM_BASE" "$DATA/pg" 16 4 10 "$OUT"
ORG=$(head -n 1 "$OUT/clerks.txt" | cut -d' ' -f2)
psql -d zhengwu -v org="$ORG" -v due="$(date -d '+10 days' +%F)" -f bench/cases-workbench-explain.sql \
    > "$OUT/cases-explain.txt"
psql -d zhengwu -v org="$ORG" -f bench/cases-statistics-explain.sql > "$OUT/cases-statistics-explain.txt"
if [[ "$PARTS" != *b* ]]; then
    echo
    echo "$(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), ${DURATION}s each, $CASES generated cases, pages not loaded"
    summary_a
    echo "EXPLAIN of the 待办 query: $OUT/cases-explain.txt, of the statistics queries: $OUT/cases-statistics-explain.txt"
    grep -h "Execution Time" "$OUT/cases-explain.txt" "$OUT/cases-statistics-explain.txt"
    exit 0
fi

source bench/lib/cases-pages.sh
echo "== (b) 16 clerks, wrk -t2 -c16, 10 s warm-up then ${DURATION}s each"
WORKBENCH=$(pages workbench workbench)
DETAIL=$(pages detail detail)
STATISTICS=$(pages statistics statistics)
RSS_KB=$(ps -o rss= -p "$PLATFORM_PID")

echo
echo "$(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), ${DURATION}s each, $CASES generated cases"
summary_a
echo "(b) 待办 list:   $WORKBENCH"
echo "    case page:  $DETAIL"
echo "    statistics: $STATISTICS"
echo "    (target p95 < 100 ms each); EXPLAIN of the 待办 query: $OUT/cases-explain.txt, of the statistics"
echo "    queries: $OUT/cases-statistics-explain.txt"
echo "resident memory after the load: $((RSS_KB / 1024)) MB"
