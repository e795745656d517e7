# The page loads of bench/cases.sh part (b), shared with bench/cases-pages.sh. Needs bench/lib/platform.sh, OUT,
# DURATION and the platform started.

# $1: name, $2: file of "cookie path" lines (bench/CasesClerks.java). Prints wrk's summary line, the load average and
# the CPU time per page of the application's JVM, its PostgreSQL and wrk, over the timed run.
pages() {
    wrk -t2 -c16 -d10s --timeout 10s -s bench/lib/random-paths.lua "$PLATFORM_BASE" -- "$OUT/$2.txt" > /dev/null
    local before jvm0 pg0 jvm1 pg1 served
    before=$(load)
    jvm0=$(cpu_of "$PLATFORM_PID")
    pg0=$(postgres_cpu)
    /usr/bin/time -f '%U %S' -o "$OUT/cases-$1-wrk-cpu.txt" \
        wrk -t2 -c16 -d"${DURATION}s" --timeout 10s -s bench/lib/random-paths.lua "$PLATFORM_BASE" -- "$OUT/$2.txt" \
        > "$OUT/cases-$1.txt"
    jvm1=$(cpu_of "$PLATFORM_PID")
    pg1=$(postgres_cpu)
    served=$(sed -n 's/^paths: \([0-9]*\) in .*/\1/p' "$OUT/cases-$1.txt" | tail -n 1)
    echo "$(tail -n 1 "$OUT/cases-$1.txt"); load $before → $(load); CPU per page: $(awk -v j0="$jvm0" -v j1="$jvm1" \
        -v p0="$pg0" -v p1="$pg1" -v n="$served" '{ printf "JVM %.1f ms, PostgreSQL %.1f ms, wrk %.1f ms",
        (j1 - j0) * 1000 / n, (p1 - p0) * 1000 / n, ($1 + $2) * 1000 / n }' "$OUT/cases-$1-wrk-cpu.txt")"
}
