#!/usr/bin/env bash
# Crash drill: is every registration that was answered "registered" still there after a crash?
#
# Starts the packaged application with the demo profile on a fresh data directory (embedded PostgreSQL), lets
# concurrent clients register citizens through the public form (/register, CSRF token from the form, a valid and
# distinct 公民身份号码 each), records every registration the server acknowledged (302 to /login?registered), then
# kills the JVM and every process of its embedded PostgreSQL at once with SIGKILL in the middle of the load,
# restarts the application on the same data directory and counts the acknowledged registrations that are missing.
#
#   bench/crash-drill.sh [load-seconds=60] [clients=12]
#
# The same crash for case submissions, with their idempotency keys retried across the restart: bench/fault-drill.sh r1
# (docs/RELIABILITY.md).
#
# KILL_AFTER_ACK=1 waits, once the load time is over, for the next acknowledgement and kills at once (the moment an
# unflushed commit would be lost). SKIP_PACKAGE=1 reuses target/zhengwu-*.jar; DRILL_JAR=path runs another build (e.g. one kept from before a change). Results go to bench/results/crash-drill/ (acknowledged.txt, missing.txt,
# the two application logs) and a summary line on stdout; the exit status is 1 when an acknowledged registration
# was lost.
set -euo pipefail
cd "$(dirname "$0")/.."
LOAD=${1:-60}
CLIENTS=${2:-12}
PORT=${BENCH_PORT:-18082}
JAVA_OPTS=${JAVA_OPTS:--Xms256m -Xmx512m}
OUT=bench/results/crash-drill
DATA=$OUT/data
BASE=http://localhost:$PORT

rm -rf "$OUT"
mkdir -p "$OUT/clients"
if [ -z "${SKIP_PACKAGE:-}" ]; then
    ./mvnw -q -B -DskipTests package
fi
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/drill-classpath.txt -Dmdep.includeScope=runtime
JAR=${DRILL_JAR:-$(ls target/zhengwu-*.jar | grep -v plain | head -n 1)}

APP=
start() { # $1: log file
    if curl -s -o /dev/null "$BASE/"; then
        echo "something already answers on port $PORT; choose another with BENCH_PORT" >&2
        exit 1
    fi
    ZHENGWU_DATA_DIR=$DATA ZHENGWU_PORT=$PORT ZHENGWU_LOG_FILE=$OUT/zhengwu.json \
        java $JAVA_OPTS -jar "$JAR" --spring.profiles.active=demo > "$1" 2>&1 &
    APP=$!
    until curl -sf "$BASE/actuator/health" >/dev/null 2>&1; do
        kill -0 "$APP" 2>/dev/null || { echo "the application did not start; see $1" >&2; exit 1; }
        sleep 0.2
    done
}
cleanup() {
    touch "$OUT/stop"
    [ -n "$APP" ] && kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null || true
}
trap cleanup EXIT

# GB 11643 check character: ISO 7064 MOD 11-2 over the 17 digits.
check_character() {
    local weights=(7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2) characters=10X98765432 sum=0 i
    for i in {0..16}; do
        sum=$((sum + ${1:i:1} * weights[i]))
    done
    echo "${characters:sum % 11:1}"
}

# One client: registers citizen after citizen with its own session until told to stop.
client() {
    local c=$1 n=0 cookies=$OUT/clients/$1.cookies k username birth id17 csrf answer
    while [ ! -e "$OUT/stop" ]; do
        n=$((n + 1))
        k=$((c * 1000 + n))
        username=drill${c}n${n}
        birth=$(date -u -d "1960-01-01 + $k days" +%Y%m%d)
        id17=340104${birth}$(printf '%03d' $((n % 1000)))
        csrf=$(curl -s -m 10 -c "$cookies" -b "$cookies" "$BASE/register" \
            | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1) || true
        [ -n "$csrf" ] || { sleep 0.2; continue; }
        echo "$username" >> "$OUT/attempted.txt"
        answer=$(curl -s -m 60 -o /dev/null -w '%{http_code} %{redirect_url}' -b "$cookies" -c "$cookies" \
            "$BASE/register" --data-urlencode "username=$username" --data-urlencode "realName=演练用户" \
            --data-urlencode "idNumber=$id17$(check_character "$id17")" \
            --data-urlencode "mobile=139$(printf '%08d' $k)" --data-urlencode "email=" \
            --data-urlencode "password=Drill-Password-1" --data-urlencode "confirmation=Drill-Password-1" \
            --data-urlencode "_csrf=$csrf") || true
        case "$answer" in
            "302 "*"/login?registered"*) echo "$username" >> "$OUT/acknowledged.txt" ;;
            "302 "* | "200 "*) echo "$username $answer" >> "$OUT/refused.txt" ;;
        esac
    done
}

echo "== start on an empty data directory ($DATA)"
start "$OUT/app-before.log"
echo "== $CLIENTS clients register for ${LOAD}s, then kill -9 of the JVM and its PostgreSQL"
touch "$OUT/acknowledged.txt" "$OUT/attempted.txt" "$OUT/refused.txt"
CLIENT_PIDS=()
for c in $(seq 1 "$CLIENTS"); do
    client "$c" &
    CLIENT_PIDS+=($!)
done
sleep "$LOAD"
POSTMASTER=$(head -n 1 "$DATA/pg/postmaster.pid")
BACKENDS=$(pgrep -P "$POSTMASTER" | tr '\n' ' ')
if [ -n "${KILL_AFTER_ACK:-}" ]; then
    # The harshest moment: right after the server acknowledged a registration (its commit is milliseconds old).
    read -r _ < <(tail -n 0 -s 0.01 -F "$OUT/acknowledged.txt" 2>/dev/null)
fi
# shellcheck disable=SC2086 # the list of backends is meant to split
kill -9 "$APP" "$POSTMASTER" $BACKENDS
ACKNOWLEDGED_AT_KILL=$(wc -l < "$OUT/acknowledged.txt")
[ -n "${KILL_AFTER_ACK:-}" ] && pkill -P $$ -x tail || true
wait "$APP" 2>/dev/null || true
APP=
touch "$OUT/stop"
wait "${CLIENT_PIDS[@]}" 2>/dev/null || true
rm -f "$OUT/stop"
echo "   killed JVM, postmaster $POSTMASTER and $(echo $BACKENDS | wc -w) backends" \
    "with $ACKNOWLEDGED_AT_KILL registrations acknowledged"

echo "== restart on the same data directory"
start "$OUT/app-after.log"
java -cp "$(cat target/drill-classpath.txt)" bench/DrillCount.java "$DATA/pg" "$OUT/acknowledged.txt" \
    > "$OUT/missing.txt"
ACKNOWLEDGED=$(wc -l < "$OUT/acknowledged.txt")
ATTEMPTED=$(wc -l < "$OUT/attempted.txt")
REFUSED=$(wc -l < "$OUT/refused.txt")
LOST=$(wc -l < "$OUT/missing.txt")
echo
echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $CLIENTS clients, kill -9 after ${LOAD}s${KILL_AFTER_ACK:+ at the next acknowledgement}:" \
    "attempted $ATTEMPTED, refused $REFUSED, acknowledged $ACKNOWLEDGED, lost $LOST"
[ "$LOST" = 0 ] || { echo "lost: $(tr '\n' ' ' < "$OUT/missing.txt")"; exit 1; }
