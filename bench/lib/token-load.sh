# shellcheck shell=bash disable=SC2034 # sourced: its variables are for the scripts that source it
# One client_credentials load on a token endpoint, the same for the platform and for Keycloak: 16 connections on 2
# wrk threads, HTTP Basic (bench/identity-token.lua), --latency; plus the CPU it cost. Sourced from the repository's
# root by bench/keycloak.sh and bench/identity-vs-keycloak.sh.

CLOCK_TICKS=$(getconf CLK_TCK)

# The pids of the processes in the trees under the given pids (arguments or lists separated by spaces).
tree_pids() {
    ps -e -o pid=,ppid= | awk -v roots="$*" '
        BEGIN { n = split(roots, root, " "); for (i = 1; i <= n; i++) inside[root[i]] = 1 }
        { parent[$1] = $2 }
        END {
            do {
                grown = 0
                for (p in parent) if (!(p in inside) && (parent[p] in inside)) { inside[p] = 1; grown = 1 }
            } while (grown)
            for (p in inside) if (p in parent) print p
        }'
}

# CPU ticks (user + system) used so far by the processes in the trees under the given pids (separate arguments or
# one list separated by spaces): the JVM and, for the platform, its embedded PostgreSQL's postmaster with every
# backend.
tree_ticks() {
    local pid total=0 ticks
    for pid in $(tree_pids "$@"); do
        ticks=$(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat" 2>/dev/null) || ticks=0
        total=$((total + ${ticks:-0}))
    done
    echo "$total"
}

# Resident memory in kB of the JVMs in the trees under the given pids (PostgreSQL's processes share their buffers,
# so a sum of their RSS would count those many times).
jvm_rss_kb() {
    ps -o rss=,comm= -p "$(tree_pids "$@" | paste -sd,)" | awk '$2 == "java" { kb += $1 } END { print kb + 0 }'
}

# "busy total" ticks of the whole machine, all cores (busy: user, nice, system, irq, softirq).
machine_ticks() {
    awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat
}

# Ticks of this shell's finished children (wrk runs as one of them).
children_ticks() {
    awk '{ sub(/^.*\) /, ""); print $14 + $15 }' /proc/$$/stat
}

# wrk's p99 in milliseconds ("107.23ms", "1.02s", "950.00us").
p99_ms() {
    awk '$1 == "99%" {
        v = $2; unit = v; sub(/^[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v)
        print (unit == "us" ? v / 1000 : unit == "ms" ? v : unit == "s" ? v * 1000 : v * 60000)
    }' "$1"
}

# cores TICKS — CPU ticks over the last load's ELAPSED seconds, in cores.
cores() {
    awk -v t="$1" -v hz="$CLOCK_TICKS" -v s="$ELAPSED" 'BEGIN { printf "%.2f", t / hz / s }'
}

# token_load URL BASIC SECONDS OUT PID... — runs the load into OUT (wrk's report) and sets TOKENS (per second),
# P99_MS, NON_2XX (answers other than 2xx), TIMEOUTS (requests unanswered after wrk's 2 s, left out of its latencies;
# other socket errors counted with them), CORES (CPU of the product's processes, in cores),
# MACHINE_CORES (all of the machine's busy CPU, wrk and everything else included), WRK_CORES, ELAPSED (seconds, wrk's
# start to its end) and LOAD_AVERAGE (1-minute load average at the end).
token_load() {
    local url=$1 basic=$2 seconds=$3 out=$4
    shift 4
    local product0 machine0 total0 wrk0 start product1 machine1 total1 wrk1
    product0=$(tree_ticks "$@")
    read -r machine0 total0 < <(machine_ticks)
    wrk0=$(children_ticks)
    start=$(date +%s.%N)
    nice -n "${BENCH_NICE:-0}" wrk -t2 -c16 -d"${seconds}s" --latency -s bench/identity-token.lua "$url" -- "$basic" > "$out"
    ELAPSED=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { print e - s }')
    wrk1=$(children_ticks)
    read -r machine1 total1 < <(machine_ticks)
    product1=$(tree_ticks "$@")
    TOKENS=$(awk '/Requests\/sec/ {print $2}' "$out")
    P99_MS=$(p99_ms "$out")
    NON_2XX=$(awk '/Non-2xx/ {n += $NF} END {print n + 0}' "$out")
    TIMEOUTS=$(awk '/Socket errors/ {gsub(/[^0-9 ]/, " "); for (i = 1; i <= NF; i++) n += $i} END {print n + 0}' "$out")
    CORES=$(cores $((product1 - product0)))
    WRK_CORES=$(cores $((wrk1 - wrk0)))
    MACHINE_CORES=$(awk -v b=$((machine1 - machine0)) -v a=$((total1 - total0)) -v n="$(nproc)" \
        'BEGIN { printf "%.2f", n * b / a }')
    LOAD_AVERAGE=$(cut -d' ' -f1 /proc/loadavg)
}

