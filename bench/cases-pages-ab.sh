#!/usr/bin/env bash
# Two builds side by side on two copies of the same generated cases: both started at once (each with its embedded
# PostgreSQL), 16 new clerks signed in on each, then one page loaded on each in turn — warm-up, then ROUNDS rounds of
# the timed run on A and on B — so that the machine's drift over the minutes (large on these shared 2-core machines)
# falls on both alike. Prints each run's rate and latency and the CPU time per page of that build's JVM and its
# PostgreSQL, from /proc over the timed run.
#
#   bench/cases-pages-ab.sh JAR_A DATA_A JAR_B DATA_B [rounds=4] [page=statistics]
#
# DATA_B is a copy of DATA_A (cp -a, while neither runs); a newer build migrates the data it is given, and an older
# one runs on migrated data (Flyway leaves later migrations alone). page: statistics, detail or workbench (the files
# bench/CasesClerks.java writes). DURATION (default 20 s), WARM (default 20 s before the first round, 5 s before
# each run).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/platform.sh
requires wrk wrk
JAR_A=$1 DATA_A=$2 JAR_B=$3 DATA_B=$4 ROUNDS=${5:-4} PAGE=${6:-statistics}
DURATION=${DURATION:-20}
OUT=bench/results/ab
mkdir -p "$OUT/A" "$OUT/B"
[ -f target/bench-classpath.txt ] || platform_build
CLASSPATH_BENCH=target/bench-classes:target/classes:$(cat target/bench-classpath.txt)
mkdir -p target/bench-classes
javac -proc:none -d target/bench-classes -cp "$CLASSPATH_BENCH" bench/CasesSubmit.java bench/CasesClerks.java

declare -A PID POSTMASTER BASE
stop_both() {
    kill "${PID[A]:-}" "${PID[B]:-}" 2>/dev/null || true
    wait 2>/dev/null || true
}
trap stop_both EXIT

# start NAME JAR DATA PORT
start() {
    PLATFORM_JAR=$2 PLATFORM_PORT=$4 PLATFORM_BASE=http://localhost:$4
    PLATFORM_TOKEN_URL=$PLATFORM_BASE/oauth2/token
    platform_start "$3" "$OUT/$1/app.log" "$OUT/$1/zhengwu.json"
    PID[$1]=$PLATFORM_PID POSTMASTER[$1]=$PLATFORM_POSTMASTER BASE[$1]=$PLATFORM_BASE
    echo "$1: $(basename "$2") on $3: $("$JAVA" -cp "$CLASSPATH_BENCH" CasesClerks "$PLATFORM_BASE" "$3/pg" 16 4 10 \
        "$OUT/$1" | tail -n 1)"
}

# run NAME WARM-SECONDS
run() {
    local name=$1 jvm0 pg0 jvm1 pg1 served
    PLATFORM_POSTMASTER=${POSTMASTER[$name]}
    wrk -t2 -c16 -d"$2s" --timeout 10s -s bench/lib/random-paths.lua "${BASE[$name]}" -- "$OUT/$name/$PAGE.txt" \
        > /dev/null
    jvm0=$(cpu_of "${PID[$name]}")
    pg0=$(postgres_cpu)
    wrk -t2 -c16 -d"${DURATION}s" --timeout 10s -s bench/lib/random-paths.lua "${BASE[$name]}" -- \
        "$OUT/$name/$PAGE.txt" > "$OUT/$name/$PAGE-wrk.txt"
    jvm1=$(cpu_of "${PID[$name]}")
    pg1=$(postgres_cpu)
    served=$(sed -n 's/^paths: \([0-9]*\) in .*/\1/p' "$OUT/$name/$PAGE-wrk.txt" | tail -n 1)
    echo "$name $(date -u +%H:%M:%S) $(tail -n 1 "$OUT/$name/$PAGE-wrk.txt"); CPU per page: $(awk -v j0="$jvm0" \
        -v j1="$jvm1" -v p0="$pg0" -v p1="$pg1" -v n="$served" \
        'BEGIN { printf "JVM %.2f ms, PostgreSQL %.2f ms", (j1 - j0) * 1000 / n, (p1 - p0) * 1000 / n }')"
}

start A "$JAR_A" "$DATA_A" 18091
start B "$JAR_B" "$DATA_B" 18092
run A "${WARM:-20}"
run B "${WARM:-20}"
for _ in $(seq "$ROUNDS"); do
    run A 5
    run B 5
done
echo "$PAGE, 16 clerks, ${DURATION}s a run, $(nproc) cores"
