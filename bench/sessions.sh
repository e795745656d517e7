#!/usr/bin/env bash
# What the session store adds to a signed-in request (issue 13): one citizen's signed-in session, its keep-alive
# (GET /account/keepalive: the security chains, the session check and nothing else, 204) and its account page
# (GET /account: a rendered page), under wrk with 1 connection (the latency of one request) and 8 (what two cores
# serve), on the jar of this commit (servlet sessions in PostgreSQL, Spring Session JDBC) and on the jar of BEFORE
# (the container's sessions in memory), alternated ROUNDS times, each start on a fresh durable embedded database
# (fsync on, as in production: the store writes the session's last access at every request).
#
#   bench/sessions.sh [duration-seconds=20] [rounds=2]
#
# BEFORE (default 729e638, the last commit with sessions in memory) is checked out and packaged in
# target/sessions-before (a detached git worktree), once. SKIP_BUILD=1 reuses both jars and the bench classpath.
# BENCH_PORT, JAVA_OPTS, BENCH_NICE as bench/lib/platform.sh. Results in bench/results/sessions-*; a summary on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-20}
ROUNDS=${2:-2}
BEFORE=${BEFORE:-729e638}
BEFORE_DIR=target/sessions-before
OUT=bench/results
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 1; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

source bench/lib/platform.sh
if [ -z "${SKIP_BUILD:-}" ]; then
    platform_build
    git worktree prune
    [ -d "$BEFORE_DIR" ] || git worktree add -q --detach "$BEFORE_DIR" "$BEFORE"
    if [ "$(git -C "$BEFORE_DIR" rev-parse HEAD)" != "$(git rev-parse "$BEFORE")" ] \
        || ! ls "$BEFORE_DIR"/target/zhengwu-*.jar >/dev/null 2>&1; then
        (cd "$BEFORE_DIR" && git checkout -q --detach "$BEFORE" && ./mvnw -q -B -DskipTests package)
    fi
fi
# shellcheck disable=SC2010 # the one jar whose name does not end in -plain
AFTER_JAR=$(ls target/zhengwu-*.jar | grep -v plain | head -n 1)
# shellcheck disable=SC2010
BEFORE_JAR=$(ls "$BEFORE_DIR"/target/zhengwu-*.jar | grep -v plain | head -n 1)
CLASSPATH_BENCH=target/bench-classes:target/classes:$(cat target/bench-classpath.txt)
mkdir -p target/bench-classes
javac -proc:none -d target/bench-classes -cp "$CLASSPATH_BENCH" bench/CasesSubmit.java bench/SessionsSignIn.java
trap platform_stop EXIT

SUMMARY=$OUT/sessions-summary.txt
printf "%-7s %-6s %-20s %5s %12s %9s %9s %8s  %s\n" store round path conns "requests/s" p50 p99 wrong "load before → after" \
    | tee "$SUMMARY"

# measure LABEL JAR ROUND
measure() {
    local label=$1 round=$3 data=$OUT/sessions-data
    PLATFORM_JAR=$2
    rm -rf "$data"
    platform_start "$data" "$OUT/sessions-$label-app.log" "$OUT/sessions-$label-zhengwu.json"
    local cookie
    cookie=$("$JAVA" -cp "$CLASSPATH_BENCH" SessionsSignIn "$PLATFORM_BASE" "$data/pg")
    for path in /account/keepalive /account; do
        nice -n "$BENCH_NICE" wrk -t1 -c8 -d5s -H "$cookie" -H "Accept: text/html" "$PLATFORM_BASE$path" >/dev/null
    done
    for path in /account/keepalive /account; do
        for conns in 1 8; do
            local file before
            file=$OUT/sessions-$label-$round-$(basename "$path")-c$conns.txt
            before=$(load)
            nice -n "$BENCH_NICE" wrk -t1 -c"$conns" -d"${DURATION}s" --latency -s bench/sessions.lua \
                -H "$cookie" -H "Accept: text/html" "$PLATFORM_BASE$path" > "$file"
            printf "%-7s %-6s %-20s %5s %12s %9s %9s %8s  %s\n" "$label" "$round" "$path" "$conns" \
                "$(awk '/^Requests\/sec/ {print $2}' "$file")" \
                "$(awk '$1 == "50%" {print $2}' "$file")" \
                "$(awk '$1 == "99%" {print $2}' "$file")" \
                "$(sed -n 's/^wrong answers: \([0-9]*\) .*/\1/p' "$file")" \
                "$before → $(load)" | tee -a "$SUMMARY"
        done
    done
    # Still signed in after all that: the session was kept, not lost and replaced by a redirect to /login.
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "$cookie" "$PLATFORM_BASE/account/keepalive")" = 204 ] \
        || { echo "the session did not survive the run ($label)" >&2; exit 1; }
    platform_stop
}

for round in $(seq 1 "$ROUNDS"); do
    measure memory "$BEFORE_JAR" "$round"
    measure jdbc "$AFTER_JAR" "$round"
done
echo "before: $BEFORE ($BEFORE_JAR); after: $(git rev-parse --short HEAD) ($AFTER_JAR)" | tee -a "$SUMMARY"
