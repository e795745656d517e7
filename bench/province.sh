#!/usr/bin/env bash
# Province scale (issue 13): a province-wide catalogue of ENTRIES implementation entries over every division of Anhui
# (bench/ProvinceCatalogue.java plans it, bench/province-generate.sql loads it), then, at CONNECTIONS connections with
# wrk and bench/lib/random-paths.lua, each against the static 1 KiB file served by the same server in the same run:
#  * long-tail search: SEARCHES distinct substrings of the generated names, a quarter with a region filter as the
#    portal passes it (division=, the region and those above it);
#  * facet-heavy search: common words matching hundreds of thousands of entries, some with a type filter or a page;
#  * guide pages of random generated entries.
# Also EXPLAIN (ANALYZE, BUFFERS) of the search and facet queries of a common word (bench/province-explain.sql), how
# many entries a sample of the long-tail queries match (bench/province-matches.sql, MATCHES_SAMPLE queries, 400), and
# resident memory after the load.
#
#   bench/province.sh [duration-seconds=20] [connections=64]
#
# ENTRIES (default 1600000), SEED (default 13), SEARCHES (default 4000), SKIP_BUILD=1 reuses the jar and classpath,
# BENCH_PORT (default 18081), JAVA_OPTS (default -Xms256m -Xmx512m), BENCH_NICE as bench/lib/platform.sh. The catalogue
# is generated once into bench/results/province-data-ENTRIES-SEED (a throwaway database of its own) and reused while
# that directory exists. Results in bench/results/province-*; the summary on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-20}
CONNECTIONS=${2:-64}
ENTRIES=${ENTRIES:-1600000}
SEED=${SEED:-13}
SEARCHES=${SEARCHES:-4000}
OUT=bench/results
DATA=$OUT/province-data-$ENTRIES-$SEED
mkdir -p "$OUT"
source bench/lib/platform.sh
requires wrk wrk
requires psql postgresql-client

platform_jar_and_classpath
# A copy of its own, so that building again while the bench runs does not pull the jar from under the JVM.
cp "$PLATFORM_JAR" "$OUT/province-zhengwu.jar"
PLATFORM_JAR=$OUT/province-zhengwu.jar
CLASSPATH_BENCH=target/bench-classes:target/classes:$(cat target/bench-classpath.txt)
mkdir -p target/bench-classes
javac -proc:none -d target/bench-classes -cp "$CLASSPATH_BENCH" bench/ProvinceCatalogue.java
trap platform_stop EXIT

connect() {
    PG_PORT=$(sed -n 's/.*Embedded PostgreSQL 17 on port \([0-9]*\).*/\1/p' "$1" | tail -n 1)
    export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres PGDATABASE=zhengwu
    PGPASSWORD=$(cat "$DATA/pg/superuser.password")
    export PGPASSWORD
}

if [ ! -f "$DATA/generated" ]; then
    rm -rf "$DATA"
    echo "== generating $ENTRIES entries (seed $SEED) into $DATA"
    platform_start "$DATA" "$OUT/province-generate-app.log" "$OUT/province-generate-zhengwu.json"
    connect "$OUT/province-generate-app.log"
    GENERATE_START=$(date +%s)
    "$JAVA" -Xmx3g -cp "$CLASSPATH_BENCH" ProvinceCatalogue "jdbc:postgresql://127.0.0.1:$PG_PORT/zhengwu" \
        "$PGPASSWORD" "$ENTRIES" "$SEED" | tee "$OUT/province-plan.txt"
    PLANNED=$(date +%s)
    psql -v ON_ERROR_STOP=1 -f bench/province-generate.sql > "$OUT/province-generate.txt" 2>&1 \
        || { cat "$OUT/province-generate.txt"; exit 1; }
    GENERATED=$(date +%s)
    platform_stop
    {
        echo "planned in $((PLANNED - GENERATE_START)) s, loaded in $((GENERATED - PLANNED)) s"
        echo "data directory: $(du -sh "$DATA" | cut -f1)"
        grep -A12 "exercise_level | entries" "$OUT/province-generate.txt"
        grep -B2 -A8 "relname" "$OUT/province-generate.txt" | grep -v "^Time"
    } > "$OUT/province-generated.txt"
    touch "$DATA/generated"
fi
cat "$OUT/province-generated.txt"

echo "== starting on the province catalogue"
platform_start "$DATA" "$OUT/province-app.log" "$OUT/province-zhengwu.json"
connect "$OUT/province-app.log"

# Paths, drawn in the database with a fixed seed. Substrings of 2–8 characters of the generated names; a quarter of
# them with the division of a random county or prefecture. Then common words (bigrams held by the most names).
echo "== drawing paths"
psql -Atq -v seed="0.$SEED" -v searches="$SEARCHES" > "$OUT/province-search-raw.txt" <<'SQL'
SELECT setseed(:seed);
WITH names AS (SELECT DISTINCT name FROM catalog_search_entry),
     subs AS (SELECT DISTINCT substr(n.name, s, l) AS q
              FROM names n, generate_series(1, 40) AS s, generate_series(2, 8) AS l
              WHERE s + l - 1 <= char_length(n.name)),
     picked AS (SELECT q FROM subs ORDER BY md5(q || :'seed') LIMIT :searches),
     counties AS (SELECT code FROM basedata_division WHERE effective_to IS NULL AND level <> 'PROVINCE')
SELECT q || CASE WHEN random() < 0.25
            THEN E'\t' || (SELECT code FROM counties ORDER BY md5(code || picked.q) LIMIT 1) ELSE '' END
FROM picked;
SQL
psql -Atq > "$OUT/province-common-raw.txt" <<'SQL'
SELECT t FROM (SELECT unnest(name_terms) AS t, count(*) AS n FROM catalog_search_entry GROUP BY 1) c
WHERE char_length(t) = 2 ORDER BY n DESC, t LIMIT 40;
SQL
psql -Atq -c "SELECT implementation_code FROM catalog_search_entry TABLESAMPLE SYSTEM (1) REPEATABLE ($SEED)
              LIMIT 10000" > "$OUT/province-codes.txt"
python3 - "$OUT" <<'PY'
import sys, urllib.parse, random
out = sys.argv[1]
q = lambda s: urllib.parse.quote(s, safe="")
with open(f"{out}/province-search.txt", "w") as f:
    for line in open(f"{out}/province-search-raw.txt", encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if not parts[0]:
            continue
        f.write(f"/search?q={q(parts[0])}" + (f"&division={parts[1]}" if len(parts) > 1 else "") + "\n")
common = [l.strip() for l in open(f"{out}/province-common-raw.txt", encoding="utf-8") if l.strip()]
rng = random.Random(13)
with open(f"{out}/province-facets.txt", "w") as f:
    for word in common:
        f.write(f"/search?q={q(word)}\n")
        for page in (2, 3):
            f.write(f"/search?q={q(word)}&page={page}\n")
        for t in ("01", "20", "10"):
            f.write(f"/search?q={q(word)}&type={t}\n")
with open(f"{out}/province-guides.txt", "w") as f:
    for code in open(f"{out}/province-codes.txt"):
        if code.strip():
            f.write(f"/items/{code.strip()}\n")
with open(f"{out}/province-static.txt", "w") as f:
    f.write("/bench/1k.txt\n")
PY
wc -l "$OUT"/province-{search,facets,guides}.txt | sed 's/^/   /'
psql -v word="$(head -n 1 "$OUT/province-common-raw.txt")" -v division=340104 \
    -f bench/province-explain.sql > "$OUT/province-explain.txt" 2>&1 || true
psql -v sample="${MATCHES_SAMPLE:-400}" -f bench/province-matches.sql < "$OUT/province-search-raw.txt" \
    > "$OUT/province-matches.txt" 2>&1 || true

run() { # $1: name; the paths file is $OUT/province-$1.txt
    wrk -t2 -c"$CONNECTIONS" -d5s --timeout 10s -s bench/lib/random-paths.lua "$PLATFORM_BASE" \
        -- "$OUT/province-$1.txt" > /dev/null
    local before
    before=$(load)
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s bench/lib/random-paths.lua "$PLATFORM_BASE" \
        -- "$OUT/province-$1.txt" > "$OUT/province-wrk-$1.txt"
    echo "$(tail -n 1 "$OUT/province-wrk-$1.txt"); load $before → $(load)"
}
rate() { sed -n 's/.* = \([0-9.]*\)\/s.*/\1/p' <<< "$1"; }
ratio() { awk -v a="$(rate "$1")" -v b="$(rate "$STATIC")" 'BEGIN { printf "%.2f", a / b }'; }

echo "== wrk -t2 -c$CONNECTIONS, 5 s warm-up then ${DURATION}s each"
STATIC=$(run static)
SEARCH=$(run search)
FACETS=$(run facets)
GUIDES=$(run guides)
STATIC_AFTER=$(run static)
RSS_KB=$(ps -o rss= -p "$PLATFORM_PID")
PG_RSS_KB=$(ps -o rss= -p "$PLATFORM_POSTMASTER")

echo
echo "$(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), ${DURATION}s each at $CONNECTIONS connections, $ENTRIES entries (seed $SEED), JAVA_OPTS=$PLATFORM_JAVA_OPTS"
echo "static 1 KiB:    $STATIC"
echo "long-tail search ($(wc -l < "$OUT/province-search.txt") paths): $SEARCH; ×$(ratio "$SEARCH") static"
echo "facet-heavy search ($(wc -l < "$OUT/province-facets.txt") paths): $FACETS; ×$(ratio "$FACETS") static"
echo "guide pages ($(wc -l < "$OUT/province-guides.txt") paths): $GUIDES; ×$(ratio "$GUIDES") static"
echo "static 1 KiB again: $STATIC_AFTER"
echo "resident memory after the load: JVM $((RSS_KB / 1024)) MB, PostgreSQL postmaster $((PG_RSS_KB / 1024)) MB"
echo "EXPLAIN of the search and facet queries: $OUT/province-explain.txt"
cat "$OUT/province-matches.txt" | grep -v "^SET\|^CREATE\|^COPY\|^SELECT [0-9]"
grep -h "Execution Time" "$OUT/province-explain.txt" | sed 's/^ */   /' || true
