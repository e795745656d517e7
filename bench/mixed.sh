#!/usr/bin/env bash
# The mixed load of one node (issue 13): portal searches and guide pages, citizens' pages and sign-ins, complete online
# applications and the clerks' workbench, all at once at a fixed ratio, each stream with its own throughput and
# latencies — the figures behind the sizing in docs/DEPLOYMENT.md.
#
#   bench/mixed.sh [duration-seconds=60] [connections=64]
#
# One node: the jar with the README heap (JAVA_OPTS as bench/lib/platform.sh) and its embedded PostgreSQL, on a fresh
# data directory (bench/results/mixed-data, a throwaway database: the script writes to it with SQL). Data: the demo
# catalogue (373 entries), 32 citizens who submit a few applications (bench/CasesSubmit.java, 5 s), CASES generated
# cases spread as a province's (bench/cases-generate.sql, default 300000), 16 clerks over the 4 busiest organisations
# (bench/CasesClerks.java). Then bench/MixedLoad.java — one driver, so that the ratio holds whichever stream is slow —
# registers and signs in 48 citizens of its own (8 more for sign-ins only; the seed's hold the generated cases,
# thousands each, which no real citizen has — hence a higher limit of registrations from one address) and runs, per 100
# requests: 70 portal (50 search pages over ~4,800 distinct queries, 20 guide pages), 10 citizen (8 signed-in pages, a
# sign-in of 2 requests), 6 for one complete online application, 14 clerk (5 待办 lists, 9 case pages). Phases: the
# static 1 KiB file through wrk (as bench/portal.sh) and through the driver (the reference for the ratio, each with its
# own client cost), a warm-up, the mix closed-loop at CONNECTIONS (the node's saturation), then the mix at fixed rates,
# FRACTIONS (default "0.25,0.5,0.75") of the closed-loop rate. Sampled every few seconds: the database's connections
# (pg_stat_activity, the application's), the JVM's resident memory,
# the CPU time of the JVM and of PostgreSQL (so CPU per request of the mix, a sizing figure).
#
# CASES, FRACTIONS, SKIP_BUILD=1 (reuse the jar and bench classpath), BENCH_PORT (default 18081), JAVA_OPTS,
# BENCH_NICE as bench/lib/platform.sh. On a shared machine, under the shared lock:
#   flock /work/notes/bench.lock bench/mixed.sh
# Results in bench/results/mixed-*; the summary on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-60}
CONNECTIONS=${2:-64}
CASES=${CASES:-300000}
FRACTIONS=${FRACTIONS:-0.25,0.5,0.75}
OUT=bench/results
DATA=$OUT/mixed-data
mkdir -p "$OUT"
source bench/lib/platform.sh
requires wrk wrk
requires psql postgresql-client

platform_jar_and_classpath
javac -proc:none -d target/bench-classes -cp "$CLASSPATH_BENCH" bench/CasesSubmit.java bench/CasesClerks.java \
    bench/MixedLoad.java
rm -rf "$DATA"
SAMPLER=
cleanup() {
    [ -z "$SAMPLER" ] || kill "$SAMPLER" 2>/dev/null || true
    platform_stop
}
trap cleanup EXIT
# All the load comes from one address: registrations from it (RateLimits, 60 an hour) would run out.
PLATFORM_ARGS="--zhengwu.identity.limits.attempts-per-address-per-hour=1000
    --zhengwu.identity.limits.attempts-per-address-per-day=1000 ${PLATFORM_ARGS:-}"
platform_start "$DATA" "$OUT/mixed-app.log" "$OUT/mixed-zhengwu.json"
PG_PORT=$(sed -n 's/.*Embedded PostgreSQL 17 on port \([0-9]*\).*/\1/p' "$OUT/mixed-app.log" | head -n 1)
export PGPASSWORD PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres
PGPASSWORD=$(cat "$DATA/pg/superuser.password")
LOAD_START=$(load)

echo "== data: 32 citizens submitting for 5 s, then $CASES generated cases, then 16 clerks"
"$JAVA" -cp "$CLASSPATH_BENCH" CasesSubmit "$PLATFORM_BASE" "$DATA/pg" 32 2 5 "$OUT" > "$OUT/mixed-seed.txt"
psql -d zhengwu -v cases="$CASES" -f bench/cases-generate.sql > "$OUT/mixed-generate.txt" 2>&1
"$JAVA" -cp "$CLASSPATH_BENCH" CasesClerks "$PLATFORM_BASE" "$DATA/pg" 16 4 10 "$OUT"
echo "   $(psql -Atq -d zhengwu -c "SELECT count(*) FROM cases_case") cases, $(psql -Atq -d zhengwu \
    -c "SELECT count(*) FROM identity_account") accounts"

# About every second (slower on a busy machine): epoch ms, the application's connections (all, active: the most
# seen), the JVM's resident KB, CPU ticks of the JVM and of PostgreSQL's processes (the postmaster's children alive).
sample() {
    local tick
    tick=$(getconf CLK_TCK)
    while true; do
        local conns jvm pg=0 child
        # The most connections and the most of them active over nine looks 0.1 s apart (each look a fresh snapshot).
        conns=$(psql -Atq -F' ' -d zhengwu -c "SELECT max(c.total), max(c.active) FROM generate_series(1, 9) g
            CROSS JOIN LATERAL (SELECT pg_stat_clear_snapshot(), pg_sleep(0.1) WHERE g > 0) x
            CROSS JOIN LATERAL (SELECT count(*) AS total, count(*) FILTER (WHERE state = 'active') AS active
                FROM pg_stat_activity WHERE datname = 'zhengwu' AND backend_type = 'client backend'
                AND pid <> pg_backend_pid() AND g > 0) c" 2>/dev/null || echo "? ?")
        jvm=$(awk '{print $14 + $15}' "/proc/$PLATFORM_PID/stat")
        for child in $PLATFORM_POSTMASTER $(pgrep -P "$PLATFORM_POSTMASTER"); do
            pg=$((pg + $(awk '{print $14 + $15}' "/proc/$child/stat" 2>/dev/null || echo 0)))
        done
        echo "$(date +%s%3N) $conns $(ps -o rss= -p "$PLATFORM_PID" | tr -d ' ') $jvm $pg $tick"
        sleep 0.1
    done
}
sample > "$OUT/mixed-samples.txt" &
SAMPLER=$!

echo "== static 1 KiB through wrk -t2 -c$CONNECTIONS, 10 s warm-up then $((DURATION / 2)) s"
nice -n "$BENCH_NICE" wrk -t2 -c"$CONNECTIONS" -d10s "$PLATFORM_BASE/bench/1k.txt" > /dev/null
STATIC_LOAD=$(load)
nice -n "$BENCH_NICE" wrk -t2 -c"$CONNECTIONS" -d"$((DURATION / 2))s" --latency "$PLATFORM_BASE/bench/1k.txt" \
    > "$OUT/mixed-static-wrk.txt"
STATIC_WRK=$(awk '/Requests\/sec/ {print $2}' "$OUT/mixed-static-wrk.txt")
STATIC_P99=$(awk '$1 == "99%" {print $2}' "$OUT/mixed-static-wrk.txt")
STATIC_LOAD="$STATIC_LOAD → $(load)"

echo "== the mix: bench/MixedLoad.java, $CONNECTIONS connections, ${DURATION}s per phase, fixed rates at $FRACTIONS"
MIX_LOAD=$(load)
nice -n "$BENCH_NICE" "$JAVA" -Xmx1g -cp "$CLASSPATH_BENCH" MixedLoad "$PLATFORM_BASE" "$DATA/pg" "$OUT" \
    "$CONNECTIONS" "$DURATION" 20 "$FRACTIONS" | tee "$OUT/mixed-driver.txt"
MIX_LOAD="$MIX_LOAD → $(load)"
kill "$SAMPLER" 2>/dev/null || true
wait "$SAMPLER" 2>/dev/null || true
SAMPLER=

# Per phase, from the samples within it: the most connections (all, active), the most resident memory, and the CPU
# of the JVM and of PostgreSQL per 1,000 requests and in cores.
echo
echo "$(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)," \
    "JAVA_OPTS ${PLATFORM_JAVA_OPTS}"
echo "static 1 KiB through wrk -t2 -c$CONNECTIONS: $STATIC_WRK requests/s, p99 $STATIC_P99; load average $STATIC_LOAD"
echo "load average over the mix's phases: $MIX_LOAD (at the start of the data: $LOAD_START)"
printf "%-12s %10s %8s %8s %8s %13s %13s %11s %11s %11s\n" phase "requests/s" errors "conns" "active" "RSS max MB" \
    "JVM cores" "PG cores" "JVM ms/req" "PG ms/req"
while read -r phase start stop requests errors; do
    awk -v start="$start" -v stop="$stop" -v requests="$requests" -v errors="$errors" -v phase="$phase" '
        $1 >= start && $1 <= stop {
            if (first == "") { first = $1; jvm0 = $5; pg0 = $6 }
            last = $1; jvm1 = $5; pg1 = $6; tick = $7
            if ($2 > conns) conns = $2
            if ($3 > active) active = $3
            if ($4 > rss) rss = $4
        }
        END {
            seconds = (stop - start) / 1000; span = (last - first) / 1000
            jvm = (jvm1 - jvm0) / tick; pg = (pg1 - pg0) / tick
            rate = requests / seconds
            printf "%-12s %10.1f %8d %8d %8d %13d %13.2f %11.2f %11.2f %11.2f\n", phase, rate, errors, conns, active,
                rss / 1024, jvm / span, pg / span, 1000 * jvm / (rate * span), 1000 * pg / (rate * span)
        }' "$OUT/mixed-samples.txt"
done < "$OUT/mixed-phases.txt"
grep -h "÷ static" "$OUT/mixed-driver.txt"
echo "answers 5xx in the access log: $(grep -c '"status_code":5' "$OUT/mixed-zhengwu.json" || true);" \
    "waits for a database connection that timed out: $(grep -c 'Connection is not available' "$OUT/mixed-app.log" \
    || true)"
echo "the driver's own figures per stream: $OUT/mixed-driver.txt; samples: $OUT/mixed-samples.txt"
