#!/usr/bin/env bash
# The platform's token endpoint next to Keycloak's (issue 8's target: at least 1.5× Keycloak's tokens/s, p99 no
# worse), on the same machine and the same java, under the same load: 16 connections, client_credentials with
# HTTP Basic, --latency (bench/lib/token-load.sh). Rounds alternate — platform, then Keycloak, repeated — so that
# whatever else the machine is doing weighs on both alike; the ratio is taken from the medians.
#
#   bench/identity-vs-keycloak.sh [rounds=3] [duration-seconds=20]
#   BENCH_NICE=-15 setsid bench/identity-vs-keycloak.sh 5 20    # as root, on a machine busy with other work
#
# Both products are started once, each on a fresh data directory, warmed up WARM_UP seconds each (default 20: on
# this shared machine 10 s left the first round visibly colder than the others), and kept running across the rounds:
# each round then meets both warm, and each load runs with the other product idle next to it (its CPU during the
# other's load is recorded too). Restarting them every round would add minutes of start-up and JIT warm-up per round
# on this machine for nothing measured. After the rounds both are stopped and JMH measures the raw RS256 signing
# limit (IdentityLimits.accessTokenSignature) on every core, as bench/identity.sh does.
#
# For each load: tokens/s, p99, answers other than 2xx (must be 0), requests wrk gave up on after 2 s (not in its
# latencies, so reported next to p99), the CPU of the product's processes (the platform's JVM with its embedded
# PostgreSQL; Keycloak's JVM with its in-process H2) and the tokens per CPU-second it bought, wrk's CPU, the whole
# machine's, and the 1-minute load average. On a machine shared with other work the products get different shares
# of the CPU; tokens per core-second is the figure that share does not move. Results:
# bench/results/identity-vs-keycloak/ (wrk reports per round, logs, rounds.tsv, summary.txt); the summary also goes
# to stdout. Settings as in bench/lib/platform.sh and bench/lib/keycloak.sh (BENCH_PORT, KEYCLOAK_PORT,
# KEYCLOAK_VERSION, JAVA_HOME, JAVA_OPTS).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
DURATION=${2:-20}
WARM_UP=${WARM_UP:-20}
OUT=bench/results/identity-vs-keycloak
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 1; }
source bench/lib/platform.sh
source bench/lib/keycloak.sh
source bench/lib/token-load.sh
rm -rf "$OUT"
mkdir -p "$OUT"

keycloak_fetch
platform_build
stop_both() {
    platform_stop
    keycloak_stop
}
trap stop_both EXIT
echo "== starting the platform and Keycloak"
platform_start "$OUT/platform-data" "$OUT/platform.log" "$OUT/platform.json"
keycloak_start "$OUT/keycloak.log"
PLATFORM_BASIC=$(printf '%s:%s' "$PLATFORM_CLIENT_ID" "$PLATFORM_CLIENT_SECRET" | base64 -w0)
KEYCLOAK_BASIC=$(printf '%s:%s' "$KEYCLOAK_CLIENT_ID" "$KEYCLOAK_CLIENT_SECRET" | base64 -w0)
PLATFORM_PIDS="$PLATFORM_PID $PLATFORM_POSTMASTER"

echo "== warm-up, $WARM_UP s each"
nice -n "$BENCH_NICE" wrk -t2 -c16 -d"${WARM_UP}s" -s bench/identity-token.lua "$PLATFORM_TOKEN_URL" -- "$PLATFORM_BASIC" >/dev/null
nice -n "$BENCH_NICE" wrk -t2 -c16 -d"${WARM_UP}s" -s bench/identity-token.lua "$KEYCLOAK_TOKEN_URL" -- "$KEYCLOAK_BASIC" >/dev/null

# measure ROUND PRODUCT URL BASIC "PIDS" "IDLE PIDS" — one load, one line of rounds.tsv.
measure() {
    local round=$1 product=$2 url=$3 basic=$4 pids=$5 idle=$6 idle0 idle1 load_before
    sleep 5
    load_before=$(cut -d' ' -f1 /proc/loadavg)
    idle0=$(tree_ticks "$idle")
    token_load "$url" "$basic" "$DURATION" "$OUT/round-$round-$product.txt" "$pids"
    idle1=$(tree_ticks "$idle")
    printf '%s\t' "$round" "$product" "$TOKENS" "$P99_MS" "$NON_2XX" "$TIMEOUTS" "$CORES" \
        "$(awk -v a="$TOKENS" -v b="$CORES" 'BEGIN { printf "%.0f", a / b }')" "$(cores $((idle1 - idle0)))" \
        "$WRK_CORES" "$MACHINE_CORES" "$load_before" >> "$OUT/rounds.tsv"
    echo "$LOAD_AVERAGE" >> "$OUT/rounds.tsv"
    printf '   round %s %-8s %8s tokens/s  p99 %7s ms  not 2xx %s  timeouts %s  CPU %s cores (machine %s, load %s→%s)\n' \
        "$round" "$product" "$TOKENS" "$P99_MS" "$NON_2XX" "$TIMEOUTS" "$CORES" "$MACHINE_CORES" "$load_before" \
        "$LOAD_AVERAGE"
}
printf '%s\t' round product tokens/s "p99 ms" "not 2xx" timeouts "product cores" "tokens per core-second" \
    "idle peer cores" "wrk cores" "machine cores" "load before" > "$OUT/rounds.tsv"
echo "load after" >> "$OUT/rounds.tsv"
for round in $(seq 1 "$ROUNDS"); do
    echo "== round $round of $ROUNDS (${DURATION} s each)"
    measure "$round" platform "$PLATFORM_TOKEN_URL" "$PLATFORM_BASIC" "$PLATFORM_PIDS" "$KEYCLOAK_PID"
    measure "$round" keycloak "$KEYCLOAK_TOKEN_URL" "$KEYCLOAK_BASIC" "$KEYCLOAK_PID" "$PLATFORM_PIDS"
done
PLATFORM_RSS_KB=$(jvm_rss_kb "$PLATFORM_PID")
KEYCLOAK_RSS_KB=$(jvm_rss_kb "$KEYCLOAK_PID")
for check in "$PLATFORM_CLIENT_ID:$PLATFORM_CLIENT_SECRET $PLATFORM_TOKEN_URL" \
    "$KEYCLOAK_CLIENT_ID:$KEYCLOAK_CLIENT_SECRET $KEYCLOAK_TOKEN_URL"; do
    curl -sf -u "${check% *}" -d grant_type=client_credentials "${check#* }" | grep -q access_token \
        || { echo "no token after the load from ${check#* }" >&2; exit 1; }
done
stop_both

echo "== raw RS256 signing limit (JMH, every core, both stopped)"
"$JAVA" -cp target/test-classes:target/classes:"$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main \
    'IdentityLimits.accessTokenSignature' -t max -rf text -rff "$OUT/jmh.txt" > "$OUT/jmh.log" 2>&1
SIGN=$(awk '/accessTokenSignature/ {print $4}' "$OUT/jmh.txt")

median() { # of the column named $2 for product $1 in rounds.tsv
    awk -F'\t' -v product="$1" -v column="$2" '
        NR == 1 { for (i = 1; i <= NF; i++) if ($i == column) c = i; next }
        $2 == product { print $c }' "$OUT/rounds.tsv" \
        | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
{
    echo "$(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), $ROUNDS rounds of wrk ${DURATION} s each, alternating"
    echo "platform $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo ' (changed)')," \
        "Keycloak $KEYCLOAK_VERSION start-dev, $("$JAVA" -version 2>&1 | head -n 1)," \
        "$(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2), warm-up ${WARM_UP} s each, niceness $BENCH_NICE," \
        "Keycloak events stored: ${KEYCLOAK_EVENTS:-0}"
    echo
    column -t -s $'\t' "$OUT/rounds.tsv"
    echo
    printf "%-9s %9s %8s %9s %14s %23s %14s\n" median tokens/s "p99 ms" timeouts "product cores" \
        "tokens per core-second" "machine cores"
    for product in platform keycloak; do
        printf "%-9s %9s %8s %9s %14s %23s %14s\n" "$product" "$(median $product tokens/s)" \
            "$(median $product 'p99 ms')" "$(median $product timeouts)" "$(median $product 'product cores')" \
            "$(median $product 'tokens per core-second')" "$(median $product 'machine cores')"
    done
    echo
    echo "platform / Keycloak (medians): tokens/s $(ratio "$(median platform tokens/s)" "$(median keycloak tokens/s)")" \
        "(target ≥ 1.5), p99 $(ratio "$(median platform 'p99 ms')" "$(median keycloak 'p99 ms')") (target ≤ 1)," \
        "tokens per core-second $(ratio "$(median platform 'tokens per core-second')" \
            "$(median keycloak 'tokens per core-second')")"
    echo "tokens/s platform / Keycloak per round: $(awk -F'\t' 'NR > 1 { t[$1, $2] = $3; n = $1 }
        END { for (r = 1; r <= n; r++) printf "%s%.2f", (r > 1 ? ", " : ""), t[r, "platform"] / t[r, "keycloak"] }' \
        "$OUT/rounds.tsv")"
    echo "raw RS256 signing limit (JMH, $(nproc) threads): $SIGN/s; median tokens/s / limit: platform" \
        "$(ratio "$(median platform tokens/s)" "$SIGN"), Keycloak $(ratio "$(median keycloak tokens/s)" "$SIGN")"
    echo "resident memory of the JVMs after the rounds: platform $((PLATFORM_RSS_KB / 1024)) MB," \
        "Keycloak $((KEYCLOAK_RSS_KB / 1024)) MB"
} | tee "$OUT/summary.txt"
if awk -F'\t' 'NR > 1 && $5 != 0 { bad = 1 } END { exit !bad }' "$OUT/rounds.tsv"; then
    echo "some answers were not 2xx: see $OUT/round-*.txt" >&2
    exit 1
fi
