#!/usr/bin/env bash
# CPU time per uncached search page, for one jar or several in turn (before and after a change): the page cache off,
# the long tail of bench/portal.sh (every 2–6 character substring of the demo catalogue's names, bench/lib/search-queries.py)
# at 64 connections, and the utime + stime of the JVM and of its embedded PostgreSQL (the postmaster, its backends,
# and those it reaped) read from /proc before and after, divided by the pages answered. On a machine shared with
# other work this moves far less than requests/s do, which is why it is the figure to compare jars by.
#
#   bench/portal-cpu.sh [seconds=15] JAR...        e.g. bench/portal-cpu.sh 15 /tmp/before.jar target/zhengwu-*.jar
#
# All jars run in turn on one data directory (bench/results/portal-cpu/data), each after 20 s of warm-up.
# BENCH_PORT, JAVA_OPTS, BENCH_NICE as bench/lib/platform.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
MEASURE=${1:-15}
shift
[ $# -gt 0 ] || { echo "usage: bench/portal-cpu.sh [seconds] JAR..." >&2; exit 2; }
source bench/lib/platform.sh
requires wrk wrk
OUT=bench/results/portal-cpu
mkdir -p "$OUT"
QUERIES=$OUT/search-queries.txt
python3 bench/lib/search-queries.py src/main/resources/demo/catalogue.yml > "$QUERIES"
export ZHENGWU_PAGE_CACHE=false
trap platform_stop EXIT

printf "%-40s %10s %10s %10s %12s %12s\n" jar "pages/s" p99 "not 200" "JVM ms/page" "PG ms/page"
for jar in "$@"; do
    PLATFORM_JAR=$jar
    platform_start "$OUT/data" "$OUT/app.log" "$OUT/zhengwu.json"
    wrk -t2 -c64 -d20s -s bench/lib/random-paths.lua "$PLATFORM_BASE" -- "$QUERIES" > /dev/null
    jvm_before=$(cpu_of "$PLATFORM_PID")
    pg_before=$(postgres_cpu)
    wrk -t2 -c64 -d"${MEASURE}s" -s bench/lib/random-paths.lua "$PLATFORM_BASE" -- "$QUERIES" > "$OUT/wrk.txt"
    jvm_after=$(cpu_of "$PLATFORM_PID")
    pg_after=$(postgres_cpu)
    # "paths: N in S s = R/s, p50 …, p95 …, p99 X ms, not 200: B"
    read -r pages rate p99 bad < <(awk '/^paths:/ { gsub(/[,=]/, " "); sub(/\/s$/, "", $6); print $2, $6, $14, $18 }' "$OUT/wrk.txt")
    awk -v jar="$jar" -v n="$pages" -v r="$rate" -v p="$p99" -v b="$bad" -v j0="$jvm_before" -v j1="$jvm_after" \
        -v g0="$pg_before" -v g1="$pg_after" 'BEGIN { printf "%-40s %10s %8s ms %10s %12.2f %12.2f\n",
        jar, r, p, b, (j1 - j0) * 1000 / n, (g1 - g0) * 1000 / n }'
    platform_stop
done
echo "$(nproc) cores, load average $(load), $(date -u +%Y-%m-%dT%H:%MZ), ${MEASURE}s each"
