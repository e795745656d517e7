# shellcheck shell=bash disable=SC2034 # sourced: its variables are for the scripts that source it
# The platform under load: the packaged jar with the demo profile and a service client (client_credentials) from
# ZHENGWU_SERVICE_CLIENT_ID/SECRET. Sourced by bench/identity.sh and bench/identity-vs-keycloak.sh from the
# repository's root.
#
# Settings: BENCH_PORT (default 18081), JAVA_OPTS (default -Xms256m -Xmx512m), JAVA_HOME (else `java` on the PATH;
# Keycloak's kc.sh chooses its java by the same rule), BENCH_NICE (default 0: the niceness of the products and of wrk,
# alike; on a machine shared with other work, a negative one — as root — keeps that work from deciding the figures).
PLATFORM_PORT=${BENCH_PORT:-18081}
PLATFORM_BASE=http://localhost:$PLATFORM_PORT
PLATFORM_TOKEN_URL=$PLATFORM_BASE/oauth2/token
PLATFORM_CLIENT_ID=bench-department
PLATFORM_JAVA_OPTS=${JAVA_OPTS:--Xms256m -Xmx512m}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
PLATFORM_PID=
BENCH_NICE=${BENCH_NICE:-0}
# With the scheduler's autogroups (kernel.sched_autogroup_enabled), niceness weighs only against the same session's
# processes: the session's own autogroup is given it too, so that it weighs against the rest of the machine.
if [ "$BENCH_NICE" != 0 ] && [ -w /proc/self/autogroup ]; then
    echo "$BENCH_NICE" > /proc/self/autogroup
fi

# The jar, and the JMH benchmarks (test classes) with their classpath in target/bench-classpath.txt.
platform_build() {
    ./mvnw -q -B -DskipTests package
    ./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
        -Dmdep.includeScope=test
    # shellcheck disable=SC2010 # the one jar whose name does not end in -plain
    PLATFORM_JAR=$(ls target/zhengwu-*.jar | grep -v plain | head -n 1)
}

# The jar and the load drivers' classpath: built, or with SKIP_BUILD=1 those of the last build; BENCH_JAR names
# another jar to run (the drivers still this tree's). Sets PLATFORM_JAR and
# CLASSPATH_BENCH (bench/*.java compile against it into target/bench-classes).
platform_jar_and_classpath() {
    if [ -n "${BENCH_JAR:-}" ]; then
        PLATFORM_JAR=$BENCH_JAR    # another build's jar (e.g. the commit before a change), with this tree's drivers
        [ -f target/bench-classpath.txt ] || platform_build
    elif [ -n "${SKIP_BUILD:-}" ]; then
        # shellcheck disable=SC2010 # the one jar whose name does not end in -plain
        PLATFORM_JAR=$(ls target/zhengwu-*.jar | grep -v plain | head -n 1)
    else
        platform_build
    fi
    CLASSPATH_BENCH=target/bench-classes:target/classes:$(cat target/bench-classpath.txt)
    mkdir -p target/bench-classes
}

# requires COMMAND PACKAGE — stops the benchmark, saying what to install, when COMMAND is missing.
requires() {
    command -v "$1" > /dev/null || { echo "$1 is not installed: apt-get install $2" >&2; exit 1; }
}

# The machine's load average (1, 5, 15 minutes), printed beside the figures.
load() { cut -d' ' -f1-3 /proc/loadavg; }

TICK=$(getconf CLK_TCK)
# CPU seconds of a process (its threads), with REAPED=1 also of the children it has waited for.
cpu_of() {
    awk -v reaped="${2:-0}" -v tick="$TICK" '{ sub(/^.*\) /, ""); t = $12 + $13; if (reaped) t += $14 + $15;
        printf "%.3f", t / tick }' "/proc/$1/stat"
}
postgres_cpu() {
    local total
    total=$(cpu_of "$PLATFORM_POSTMASTER" 1)
    for child in $(pgrep -P "$PLATFORM_POSTMASTER"); do
        total=$(awk -v a="$total" -v b="$(cpu_of "$child" 2>/dev/null || echo 0)" 'BEGIN { printf "%.3f", a + b }')
    done
    echo "$total"
}

# platform_start DATA_DIR APP_LOG JSON_LOG — starts the jar with a new client secret (PLATFORM_CLIENT_SECRET), waits
# for it and checks that the client gets a token. Sets PLATFORM_PID (the JVM) and PLATFORM_POSTMASTER (its embedded
# PostgreSQL, a process of its own; empty on an external database, ZHENGWU_DB_URL). PLATFORM_ARGS: more arguments
# for the application (--name=value ...).
platform_start() {
    local data=$1 log=$2 json=$3
    if curl -s -o /dev/null "$PLATFORM_BASE/"; then
        echo "something already answers on port $PLATFORM_PORT; choose another with BENCH_PORT" >&2
        return 1
    fi
    PLATFORM_CLIENT_SECRET=$(head -c 32 /dev/urandom | base64 | tr -d '/+=' | head -c 40)
    # shellcheck disable=SC2086 # JAVA_OPTS holds several options
    ZHENGWU_DATA_DIR=$data ZHENGWU_PORT=$PLATFORM_PORT ZHENGWU_LOG_FILE=$json \
        ZHENGWU_SERVICE_CLIENT_ID=$PLATFORM_CLIENT_ID ZHENGWU_SERVICE_CLIENT_SECRET=$PLATFORM_CLIENT_SECRET \
        nice -n "$BENCH_NICE" "$JAVA" $PLATFORM_JAVA_OPTS -jar "$PLATFORM_JAR" --spring.profiles.active=demo \
        ${PLATFORM_ARGS:-} > "$log" 2>&1 &
    PLATFORM_PID=$!
    until curl -sf "$PLATFORM_BASE/actuator/health" >/dev/null 2>&1; do
        kill -0 "$PLATFORM_PID" 2>/dev/null || { echo "the application did not start; see $log" >&2; return 1; }
        sleep 0.2
    done
    curl -sf -u "$PLATFORM_CLIENT_ID:$PLATFORM_CLIENT_SECRET" -d grant_type=client_credentials "$PLATFORM_TOKEN_URL" \
        | grep -q access_token || { echo "the bench client gets no token" >&2; return 1; }
    PLATFORM_POSTMASTER=
    if [ -z "${ZHENGWU_DB_URL:-}" ]; then
        PLATFORM_POSTMASTER=$(head -n 1 "$data/pg/postmaster.pid")
    fi
}

platform_stop() {
    [ -n "$PLATFORM_PID" ] || return 0
    kill "$PLATFORM_PID" 2>/dev/null || true
    wait "$PLATFORM_PID" 2>/dev/null || true
    PLATFORM_PID=
}
