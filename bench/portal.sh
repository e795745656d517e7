#!/usr/bin/env bash
# Portal hot paths under load: search page, guide page and API search, each against a static 1 KiB file served by
# the same server in the same run (the hardware limit of this machine for "one HTTP request through our filters").
# Also: the search page over a long tail of distinct queries (search-many: every request a random one of ≥ 4,000
# substrings of the demo catalogue's item names, so that the page micro-cache and the result cache only help as
# much as real repetition would), cold start with an existing data directory, and resident memory after the load.
#
#   bench/portal.sh [duration-seconds=20] [connections=64]
#
# Needs wrk (apt-get install wrk). Results go to bench/results/ and are summarised on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-20}
CONNECTIONS=${2:-64}
PORT=${BENCH_PORT:-18080}
OUT=bench/results
# The heap the README run command uses (see pom.xml); JAVA_OPTS overrides it.
JAVA_OPTS=${JAVA_OPTS:--Xms256m -Xmx512m}
DATA=$OUT/data
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 1; }

./mvnw -q -B -DskipTests package
JAR=$(ls target/zhengwu-*.jar | grep -v plain | head -n 1)
BASE=http://localhost:$PORT

start() {
    ZHENGWU_DATA_DIR=$DATA ZHENGWU_PORT=$PORT ZHENGWU_LOG_FILE=$OUT/zhengwu.json \
        java $JAVA_OPTS -jar "$JAR" --spring.profiles.active=demo > "$OUT/app.log" 2>&1 &
    APP=$!
    local started
    started=$(date +%s.%N)
    until curl -sf "$BASE/actuator/health" >/dev/null 2>&1; do
        kill -0 $APP 2>/dev/null || { echo "the application did not start; see $OUT/app.log" >&2; exit 1; }
        sleep 0.1
    done
    STARTUP=$(awk -v a="$(date +%s.%N)" -v b="$started" 'BEGIN { printf "%.1f", a - b }')
}
stop() {
    kill $APP 2>/dev/null || true
    wait $APP 2>/dev/null || true
}
trap stop EXIT

echo "== first start (creates $DATA if missing)"
start
echo "   ready in ${STARTUP}s"
stop
echo "== cold start with the existing data directory"
start
COLD=$STARTUP
echo "   ready in ${COLD}s"

Q=%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7   # 营业执照
CODE=$(curl -s "$BASE/api/v1/items?q=%E4%B8%AA%E4%BD%93%E5%B7%A5%E5%95%86%E6%88%B7%E8%AE%BE%E7%AB%8B%E7%99%BB%E8%AE%B0&size=1" \
    | sed -E 's/.*"implementationCode":"([0-9A-Z]+)".*/\1/')
declare -A URLS=(
    [static-1k]="$BASE/bench/1k.txt"
    [search-page]="$BASE/search?q=$Q"
    [guide-page]="$BASE/items/$CODE"
    [api-search]="$BASE/api/v1/items?q=$Q"
)
ORDER=(static-1k search-page guide-page api-search)

# The long tail: every distinct substring of 2 to 6 characters of the demo catalogue's names (bench/lib/search-queries.py).
QUERIES=$OUT/search-queries.txt
python3 bench/lib/search-queries.py src/main/resources/demo/catalogue.yml > "$QUERIES"
QUERY_COUNT=$(wc -l < "$QUERIES")
search_many() {
    wrk -t2 -c"$CONNECTIONS" -d"$1" -s bench/lib/random-paths.lua "$BASE" -- "$QUERIES"
}

# Warm-up: the JIT and Thymeleaf's expression compiler need a few thousand requests per page before they settle.
for round in 1 2; do
    for name in "${ORDER[@]}"; do
        wrk -t2 -c"$CONNECTIONS" -d10s "${URLS[$name]}" >/dev/null
    done
    search_many 10s >/dev/null
done

declare -A RPS P50 P95 P99
for name in "${ORDER[@]}"; do
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "${URLS[$name]}" > "$OUT/$name.txt"
    RPS[$name]=$(awk '/Requests\/sec/ {print $2}' "$OUT/$name.txt")
    P50[$name]=$(awk '$1 == "50%" {print $2}' "$OUT/$name.txt")
    P95[$name]=-
    P99[$name]=$(awk '$1 == "99%" {print $2}' "$OUT/$name.txt")
    errors=$(awk '/Non-2xx|Socket errors/' "$OUT/$name.txt")
    [ -z "$errors" ] || echo "   $name: $errors"
done
# Its own line: "paths: N in S s = R/s, p50 X ms, p95 Y ms, p99 Z ms, not 200: K". Twice, back to back: the first
# begins with every page of the long tail expired (the warm-up was more than the cache's 30 s ago), so it measures the
# refill; the second, search-many-on, a node whose cache holds what the first filled, as under steady traffic.
measure_search_many() {
    search_many "${DURATION}s" > "$OUT/$1.txt"
    local line bad
    line=$(grep '^paths:' "$OUT/$1.txt")
    RPS[$1]=$(sed -E 's/.* = ([0-9.]+)\/s.*/\1/' <<< "$line")
    P50[$1]=$(sed -E 's/.*p50 ([0-9.]+) ms.*/\1ms/' <<< "$line")
    P95[$1]=$(sed -E 's/.*p95 ([0-9.]+) ms.*/\1ms/' <<< "$line")
    P99[$1]=$(sed -E 's/.*p99 ([0-9.]+) ms.*/\1ms/' <<< "$line")
    bad=$(sed -E 's/.*not 200: ([0-9]+).*/\1/' <<< "$line")
    [ "$bad" = 0 ] || echo "   $1: $bad answers other than 200"
    ORDER+=("$1")
}
measure_search_many search-many
measure_search_many search-many-on
RSS_KB=$(ps -o rss= -p $APP)

echo
echo "wrk -t2 -c$CONNECTIONS -d${DURATION}s on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), guide $CODE," \
    "search-many over $QUERY_COUNT queries, page cache ${ZHENGWU_PAGE_CACHE:-default}"
printf "%-15s %12s %10s %10s %10s %10s\n" endpoint "requests/s" "p50" "p95" "p99" "÷ static"
for name in "${ORDER[@]}"; do
    ratio=$(awk -v a="${RPS[$name]}" -v b="${RPS[static-1k]}" 'BEGIN { printf "%.2f", a / b }')
    printf "%-15s %12s %10s %10s %10s %10s\n" "$name" "${RPS[$name]}" "${P50[$name]}" "${P95[$name]}" "${P99[$name]}" "$ratio"
done
echo "cold start with existing data: ${COLD}s; resident memory after load: $((RSS_KB / 1024)) MB"
