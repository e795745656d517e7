#!/usr/bin/env bash
# Part (b) of bench/cases.sh again — 16 clerks loading their 待办, case pages and the statistics page — on the
# generated cases an earlier run left (bench/results/cases-data, or DATA=another copy of it), with this tree's jar or
# BENCH_JAR=another build's: so that two builds are compared on the same million cases within minutes, without
# generating them again. A newer build migrates the data it is given (keep a copy for the older one). New clerks are
# signed in each run. Prints each page's rate, latency and CPU time per page (the application's JVM, its PostgreSQL
# and wrk, from /proc over the timed run).
#
#   bench/cases-pages.sh [duration-seconds=20]
#
# PAGES (default "workbench detail statistics"), SKIP_BUILD, BENCH_JAR, BENCH_PORT, JAVA_OPTS as bench/cases.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-20}
OUT=bench/results
DATA=${DATA:-$OUT/cases-data}
PAGES=${PAGES:-workbench detail statistics}
mkdir -p "$OUT"
source bench/lib/platform.sh
source bench/lib/cases-pages.sh
requires wrk wrk
[ -d "$DATA/pg" ] || { echo "no generated cases in $DATA: run bench/cases.sh first" >&2; exit 1; }

platform_jar_and_classpath
javac -proc:none -d target/bench-classes -cp "$CLASSPATH_BENCH" bench/CasesSubmit.java bench/CasesClerks.java
trap platform_stop EXIT
platform_start "$DATA" "$OUT/cases-pages-app.log" "$OUT/cases-pages-zhengwu.json"
echo "== $(basename "$PLATFORM_JAR") on $DATA: $("$JAVA" -cp "$CLASSPATH_BENCH" CasesClerks "$PLATFORM_BASE" "$DATA/pg" \
    16 4 10 "$OUT" | tail -n 1)"
for page in $PAGES; do
    echo "$page: $(pages "$page" "$page")"
done
echo "$(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), ${DURATION}s each; resident memory $(($(ps -o rss= -p "$PLATFORM_PID") / 1024)) MB"
