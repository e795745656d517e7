#!/usr/bin/env bash
# Fault drills R1–R3 of issue 13 (results in docs/RELIABILITY.md). One at a time; each starts the packaged jar with
# the demo profile on a fresh data directory under bench/results/drill-<name>/ and prints one summary line.
#
#   bench/fault-drill.sh r1 [clients=200] [drafts=2] [kill-after-seconds=4]
#       kill -9: CLIENTS applicants submit cases (bench/CasesDrill.java, idempotency key per submission); once the
#       drafts are ready and KILL_AFTER seconds of submissions have passed, the JVM, its embedded PostgreSQL and every
#       backend get SIGKILL at once; the application is restarted on the same data; the clients retry with their
#       keys until they hold a receipt. Then every receipted key is replayed (same number?) and the database counted.
#   bench/fault-drill.sh r2 [clients=50] [drafts=4] [outage-seconds=20]
#       PostgreSQL restarted under load: a cluster of the drill's own (initdb from /usr/lib/postgresql/*/bin, data in
#       bench/results/drill-r2/pg, a free port; never the machine's shared server), the application on it
#       (ZHENGWU_DB_URL); while the applicants submit, PostgreSQL is stopped (fast), kept down OUTAGE seconds and
#       started again; a probe asks a page and the API every half second throughout. The application is not restarted.
#   bench/fault-drill.sh r3 [outage-seconds=30] [changes=1500]
#       the exchange subscriber down: a department system publishes change records of its own resource, pushed to
#       a webhook (bench/ExchangeDrill.java receive); the receiver is killed (-9) after the first third, the rest is
#       published while it is down (and the first batch again, a replay), it comes back after OUTAGE seconds; every
#       change must be applied once (by its idempotency key), none dead-lettered.
#       RETRY_FIRST (default 5s) and RETRY_LONGEST (default 30s) set zhengwu.exchange.pubsub.first-retry and
#       longest-retry, so that the drill ends soon after the outage (the defaults, 30s and 1h, lose nothing either:
#       they wait longer); max-attempts keeps its default, 12.
#       BROKER=rabbitmq: the broker variant. The application relays change records through RabbitMQ
#       (zhengwu.exchange.broker=rabbitmq) — a node of the drill's own (data in bench/results/drill-r3/rabbitmq, a
#       free port; never the machine's shared broker) — and the broker, not the receiver, is killed (-9) and started
#       again after OUTAGE seconds on the same data. Also counted: records never relayed, messages left in the queue.
#
#   bench/fault-drill.sh r4 [clients=100] [drafts=2] [kill-after-seconds=4]
#       the loss of one node of two: a PostgreSQL cluster of the drill's own (as R2), two nodes on it sharing one data
#       directory (the file store and keys, as shared storage would), and HAProxy (apt-get install haproxy) in front,
#       round robin, health-checking /actuator/health/readiness every second. While the applicants submit through
#       it, node A gets SIGKILL and is not started again; the applicants stay signed in (sessions are in PostgreSQL)
#       and retry with their keys; the load balancer sends them to node B.
#
# SKIP_BUILD=1 reuses the jar and classpath; BENCH_PORT (default 18083), JAVA_OPTS, BENCH_NICE as bench/lib/platform.sh.
# Exit status 1 when something acknowledged was lost, duplicated or half-written, or an answer carried a stack trace.
set -euo pipefail
cd "$(dirname "$0")/.."
DRILL=${1:?"r1, r2, r3 or r4"}
shift
export BENCH_PORT=${BENCH_PORT:-18083}
OUT=bench/results/drill-$DRILL
rm -rf "$OUT"
mkdir -p "$OUT"

source bench/lib/platform.sh
platform_jar_and_classpath
javac -proc:none -d target/bench-classes -cp "$CLASSPATH_BENCH" bench/CasesSubmit.java bench/CasesDrill.java \
    bench/ExchangeDrill.java
# The drills register hundreds of applicants from one address.
PLATFORM_ARGS="--zhengwu.identity.limits.attempts-per-address-per-hour=100000"
PLATFORM_ARGS+=" --zhengwu.identity.limits.attempts-per-address-per-day=100000"
COMMIT=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench || echo "+changes")
STAMP() { echo "$(date -u +%Y-%m-%dT%H:%MZ), commit $COMMIT, $(nproc) cores"; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

DRILL_PID=
PG_CTL=
cleanup() {
    [ -n "$DRILL_PID" ] && kill "$DRILL_PID" 2>/dev/null || true
    [ -n "${PROBE_PID:-}" ] && kill "$PROBE_PID" 2>/dev/null || true
    [ -n "${RECEIVER_PID:-}" ] && kill "$RECEIVER_PID" 2>/dev/null || true
    [ -n "${BROKER_NODE:-}" ] && broker_kill || true
    [ -n "${NODE_B_PID:-}" ] && kill "$NODE_B_PID" 2>/dev/null || true
    [ -e "$OUT/haproxy.pid" ] && kill "$(cat "$OUT/haproxy.pid")" 2>/dev/null || true
    platform_stop
    [ -n "$PG_CTL" ] && $PG_CTL -D "$OUT/pg" -m fast stop > /dev/null 2>&1 || true
}
trap cleanup EXIT

# A RabbitMQ node of the drill's own on a free port (the machine's rabbitmq.conf names 5672, so the node gets a
# configuration file of its own); it keeps its data in $OUT/rabbitmq, so that a restart finds the durable queue.
broker_start() {
    # Absolute: the node runs in a directory of its own (as root, as the rabbitmq user in its home).
    local dir=$PWD/$OUT/rabbitmq
    if [ -z "${BROKER_NODE:-}" ]; then
        BROKER_PORT=$(free_port)
        BROKER_NODE=drill$$@localhost
        mkdir -p "$dir/mnesia" "$dir/log"
        touch "$dir/enabled_plugins"
        printf 'listeners.tcp.local = 127.0.0.1:%s\n' "$BROKER_PORT" > "$dir/rabbitmq.conf"
        # As root, rabbitmq-server drops to the rabbitmq user, which must own what it writes.
        [ "$(id -u)" = 0 ] && chown -R rabbitmq:rabbitmq "$dir"
    fi
    RABBITMQ_CONFIG_FILE=$dir/rabbitmq.conf RABBITMQ_NODENAME=$BROKER_NODE RABBITMQ_NODE_PORT=$BROKER_PORT \
        RABBITMQ_DIST_PORT=$((BROKER_PORT % 20000 + 30000)) RABBITMQ_MNESIA_BASE=$dir/mnesia \
        RABBITMQ_LOG_BASE=$dir/log RABBITMQ_ENABLED_PLUGINS_FILE=$dir/enabled_plugins RABBITMQ_PID_FILE=$dir/pid \
        rabbitmq-server -detached
    for _ in $(seq 1 60); do
        (exec 3<>/dev/tcp/127.0.0.1/"$BROKER_PORT") 2>/dev/null && return 0
        sleep 1
    done
    echo "the drill's RabbitMQ did not start; see $dir/log" >&2
    exit 1
}
broker_kill() {
    # The node's name is in its environment, not on its command line: its pid file says which process it is.
    local pid
    pid=$(cat "$OUT/rabbitmq/pid" 2>/dev/null || true)
    [ -n "$pid" ] || { echo "no pid file for the drill's RabbitMQ in $OUT/rabbitmq" >&2; return 1; }
    kill -9 "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
}

# A PostgreSQL cluster of the drill's own (initdb from /usr/lib/postgresql/*/bin, data in $OUT/pg, a free port — never
# the machine's shared server), with a database for the application; sets PGBIN, PG_CTL, PG_PORT, PG_START and
# exports ZHENGWU_DB_URL for the nodes.
own_postgres() {
    PGBIN=$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d | sort -V | tail -n 1)
    PG_CTL=$PGBIN/pg_ctl
    PG_PORT=$(free_port)
    echo "== a PostgreSQL cluster of the drill's own ($PGBIN, port $PG_PORT, data in $OUT/pg)"
    # PostgreSQL refuses to run as root: as root, the cluster belongs to the system's postgres user.
    if [ "$(id -u)" = 0 ]; then
        mkdir -p "$OUT/pg" && touch "$OUT/postgresql.log" && chown postgres "$OUT/pg" "$OUT/postgresql.log"
        PG_CTL="runuser -u postgres -- $PGBIN/pg_ctl"
        runuser -u postgres -- "$PGBIN/initdb" -D "$OUT/pg" -U postgres -A trust -E UTF8 --locale=C > "$OUT/initdb.log"
    else
        "$PGBIN/initdb" -D "$OUT/pg" -U postgres -A trust -E UTF8 --locale=C > "$OUT/initdb.log"
    fi
    PG_START="-p $PG_PORT -c listen_addresses=127.0.0.1 -k /tmp -c max_connections=60"
    $PG_CTL -D "$OUT/pg" -l "$OUT/postgresql.log" -w -o "$PG_START" start > /dev/null
    "$PGBIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres zhengwu
    export ZHENGWU_DB_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/zhengwu ZHENGWU_DB_USER=postgres ZHENGWU_DB_PASSWORD=
    export PGUSER=postgres PGPASSWORD=
}

# The applicants, in the background: CasesDrill DATABASE CLIENTS DRAFTS; waits until their drafts are ready.
applicants() {
    "$JAVA" -cp "$CLASSPATH_BENCH" CasesDrill "$PLATFORM_BASE" "$1" "$2" "$3" "$OUT" 900 \
        > "$OUT/drill.txt" 2> "$OUT/drill.err" &
    DRILL_PID=$!
    until [ -e "$OUT/ready" ]; do
        kill -0 "$DRILL_PID" 2>/dev/null || { echo "the applicants failed; see $OUT/drill.err" >&2; exit 1; }
        sleep 0.5
    done
}

finish_applicants() {
    local status=0
    wait "$DRILL_PID" || status=$?
    DRILL_PID=
    return $status
}

case "$DRILL" in
r1)
    CLIENTS=${1:-200}
    DRAFTS=${2:-2}
    KILL_AFTER=${3:-4}
    DATA=$OUT/data
    echo "== R1: start on an empty data directory ($DATA)"
    platform_start "$DATA" "$OUT/app-before.log" "$OUT/zhengwu-before.json"
    echo "== $CLIENTS applicants: registration, sign-in, $DRAFTS complete drafts each"
    applicants "$DATA/pg" "$CLIENTS" "$DRAFTS"
    sleep "$KILL_AFTER"
    BACKENDS=$(pgrep -P "$PLATFORM_POSTMASTER" | tr '\n' ' ')
    # shellcheck disable=SC2086 # the list of backends is meant to split
    kill -9 "$PLATFORM_PID" "$PLATFORM_POSTMASTER" $BACKENDS
    wait "$PLATFORM_PID" 2>/dev/null || true
    PLATFORM_PID=
    echo "   kill -9 of the JVM, postmaster $PLATFORM_POSTMASTER and $(echo $BACKENDS | wc -w) backends" \
        "${KILL_AFTER}s into the submissions"
    echo "== restart on the same data directory; the applicants retry with their keys"
    platform_start "$DATA" "$OUT/app-after.log" "$OUT/zhengwu-after.json"
    touch "$OUT/recovered"
    STATUS=0
    finish_applicants || STATUS=$?
    echo
    echo "R1 $(STAMP), $CLIENTS applicants × $DRAFTS drafts, kill -9 ${KILL_AFTER}s into the submissions:"
    cat "$OUT/drill.txt"
    exit $STATUS
    ;;
r2)
    CLIENTS=${1:-50}
    DRAFTS=${2:-4}
    OUTAGE=${3:-20}
    own_postgres
    platform_start "$OUT/data" "$OUT/app.log" "$OUT/zhengwu.json"
    APP=$PLATFORM_PID
    echo "== $CLIENTS applicants: registration, sign-in, $DRAFTS complete drafts each"
    applicants "$ZHENGWU_DB_URL" "$CLIENTS" "$DRAFTS"
    # The probe: a search page and an API search nobody asked before (no cache answers), every half second.
    (
        n=0
        while :; do
            n=$((n + 1))
            for path in "/search?q=drill$n" "/api/v1/items?q=drill$n"; do
                curl -s -m 30 -o "$OUT/probe-body" -D "$OUT/probe-head" -w '%{http_code} %{time_total}' \
                    "$PLATFORM_BASE$path" > "$OUT/probe-answer" || echo "000 0" > "$OUT/probe-answer"
                read -r code took < "$OUT/probe-answer" || true # no newline at its end
                retry=$(sed -n 's/^[Rr]etry-[Aa]fter: *\([0-9]*\).*/\1/p' "$OUT/probe-head" 2>/dev/null | head -n 1)
                trace=no
                grep -qE 'Exception|\bat (org|java|com)\.|\.java:[0-9]+\)' "$OUT/probe-body" 2>/dev/null && trace=yes
                echo "$(date +%s.%N) ${path%%\?*} $code retry-after=${retry:-none} stack-trace=$trace ${took}s"
            done >> "$OUT/probe.txt"
            sleep 0.5
        done
    ) &
    PROBE_PID=$!
    sleep 2
    echo "== PostgreSQL stopped (fast) under load, down ${OUTAGE}s, started again"
    DOWN_AT=$(date +%s.%N)
    $PG_CTL -D "$OUT/pg" -m fast -w stop > /dev/null
    sleep "$OUTAGE"
    $PG_CTL -D "$OUT/pg" -l "$OUT/postgresql.log" -w -o "$PG_START" start > /dev/null
    UP_AT=$(date +%s.%N)
    touch "$OUT/recovered"
    STATUS=0
    finish_applicants || STATUS=$?
    # Serving again without a restart: the first probe answers 200 after the database came back.
    sleep 2
    kill "$PROBE_PID" 2>/dev/null || true
    wait "$PROBE_PID" 2>/dev/null || true
    PROBE_PID=
    kill -0 "$APP" || { echo "the application is gone" >&2; STATUS=1; }
    RECOVERED=$(awk -v up="$UP_AT" '$1 > up && $3 == 200 { printf "%.1f", $1 - up; exit }' "$OUT/probe.txt")
    PROBES=$(wc -l < "$OUT/probe.txt")
    DURING=$(awk -v d="$DOWN_AT" -v u="$UP_AT" '$1 >= d && $1 <= u' "$OUT/probe.txt" | wc -l)
    BY_KIND=$(awk '{ print $2, $3, $4 }' "$OUT/probe.txt" | sort | uniq -c | sed 's/^ *//' | paste -sd ';' -)
    TRACES=$(grep -c 'stack-trace=yes' "$OUT/probe.txt" || true)
    SLOWEST=$(awk '$3 == 503 { sub("s$", "", $6); if ($6 > m) m = $6 } END { printf "%.1f", m }' "$OUT/probe.txt")
    [ "$TRACES" = 0 ] || STATUS=1
    grep -qE ' (500|000) ' "$OUT/probe.txt" && STATUS=1
    echo
    echo "R2 $(STAMP), PostgreSQL $("$PGBIN/postgres" --version | awk '{ print $3 }') down ${OUTAGE}s under $CLIENTS applicants × $DRAFTS drafts:"
    echo "probes $PROBES ($DURING while down): $BY_KIND; stack traces $TRACES; slowest 503 ${SLOWEST}s;" \
        "first 200 ${RECOVERED:-never}s after PostgreSQL was back; the application was not restarted (pid $APP)"
    cat "$OUT/drill.txt"
    exit $STATUS
    ;;
r3)
    OUTAGE=${1:-30}
    CHANGES=${2:-1500}
    PLATFORM_ARGS+=" --zhengwu.exchange.pubsub.first-retry=${RETRY_FIRST:-5s}"
    PLATFORM_ARGS+=" --zhengwu.exchange.pubsub.longest-retry=${RETRY_LONGEST:-30s}"
    if [ -n "${BROKER:-}" ]; then
        command -v rabbitmq-server > /dev/null || { echo "BROKER=rabbitmq needs rabbitmq-server" >&2; exit 1; }
        broker_start
        PLATFORM_ARGS+=" --zhengwu.exchange.broker=rabbitmq --spring.rabbitmq.host=127.0.0.1"
        PLATFORM_ARGS+=" --spring.rabbitmq.port=$BROKER_PORT"
        echo "== the drill's RabbitMQ $BROKER_NODE on 127.0.0.1:$BROKER_PORT"
    fi
    DATA=$OUT/data
    platform_start "$DATA" "$OUT/app.log" "$OUT/zhengwu.json"
    PG_PORT=$(sed -n 's/.*Embedded PostgreSQL 17 on port \([0-9]*\).*/\1/p' "$OUT/app.log" | head -n 1)
    export PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres PGPASSWORD
    PGPASSWORD=$(cat "$DATA/pg/superuser.password")
    # The bench system speaks for a demo organisation, publishes a resource of its own and holds a grant of it
    # (as bench/exchange.sh's bulk part).
    CONSUMER=$(psql -Atq -d zhengwu -c "SELECT uscc || ' ' || division_code FROM basedata_organisation
        ORDER BY uscc LIMIT 1")
    ORG=${CONSUMER% *}
    DIVISION=${CONSUMER#* }
    RESOURCE=301001/900002
    psql -q -d zhengwu -v org="$ORG" -v division="$DIVISION" -v client="$PLATFORM_CLIENT_ID" -v res="$RESOURCE" <<'SQL'
INSERT INTO identity_client_api_access (client_id, organisation_uscc, granted_by, granted_at)
VALUES (:'client', :'org', 'drill', now());
INSERT INTO identity_client_api_scope (client_id, scope)
VALUES (:'client', 'exchange.publish'), (:'client', 'exchange.subscribe');
UPDATE oauth2_registered_client SET scopes = 'exchange.publish,exchange.subscribe' WHERE client_id = :'client';
INSERT INTO exchange_resource (code, category, classification, name, provider_uscc, provider_division, summary, format,
    share_type, share_methods, open_type, update_cycle, status, published_on, entered_by, catalogue_updated_at,
    created_at)
VALUES (:'res', '3', '301001', '演练许可信息', :'org', :'division', '故障演练用的部门资源', 'JSON', 'CONDITIONAL',
    'SUBSCRIPTION', 'NONE', 'REALTIME', 'PUBLISHED', CURRENT_DATE, 'drill', now(), now());
INSERT INTO exchange_resource_item (resource_code, position, field, name, data_type, length, sensitive, is_key)
VALUES (:'res', 1, 'code', '许可编号', 'STRING', 20, FALSE, TRUE),
       (:'res', 2, 'name', '许可名称', 'STRING', 100, FALSE, FALSE),
       (:'res', 3, 'amount', '金额', 'INTEGER', NULL, FALSE, FALSE);
INSERT INTO exchange_grant (resource_code, consumer_uscc, consumer_division, purpose, legal_basis, fields_requested,
    fields_granted, clear_fields, valid_from, valid_until, status, requested_by, requested_at, decided_by, decided_at)
VALUES (:'res', :'org', :'division', '故障演练', '故障演练', 'code,name,amount', 'code,name,amount', '',
    CURRENT_DATE - 1, CURRENT_DATE + 30, 'APPROVED', 'drill', now(), 'drill', now());
SQL
    TOKEN=$(curl -sf -u "$PLATFORM_CLIENT_ID:$PLATFORM_CLIENT_SECRET" -d grant_type=client_credentials \
        -d "scope=exchange.publish exchange.subscribe" "$PLATFORM_TOKEN_URL" | jq -r .access_token)
    RECEIVER_PORT=$(free_port)
    receiver() {
        "$JAVA" -cp target/bench-classes ExchangeDrill receive "$RECEIVER_PORT" "$OUT" 2>> "$OUT/receiver.log" &
        RECEIVER_PID=$!
        until curl -s -o /dev/null "http://127.0.0.1:$RECEIVER_PORT/"; do sleep 0.2; done
    }
    applied() { [ -e "$OUT/applied.txt" ] && wc -l < "$OUT/applied.txt" || echo 0; }
    receiver
    SUBSCRIPTION=$(curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        -d "{\"resource\": \"$RESOURCE\", \"mode\": \"PUSH\", \"url\": \"http://127.0.0.1:$RECEIVER_PORT/hook\"}" \
        "$PLATFORM_BASE/api/v1/exchange/subscriptions" | jq -r .id)
    FIRST=$((CHANGES / 3))
    publish() { "$JAVA" -cp target/bench-classes ExchangeDrill publish "$PLATFORM_BASE" "$TOKEN" "$RESOURCE" "$1" "$2"; }
    echo "== R3: subscription $SUBSCRIPTION pushes to 127.0.0.1:$RECEIVER_PORT; $FIRST changes with the receiver up"
    read -r ACCEPTED_1 _ < <(publish 0 "$FIRST")
    until [ "$(applied)" -ge "$FIRST" ]; do sleep 0.5; done
    if [ -n "${BROKER:-}" ]; then
        DOWN=broker
        RELAYED_BEFORE=$(psql -Atq -d zhengwu -v res="$RESOURCE" \
            <<< "SELECT count(*) FROM exchange_change WHERE resource_code = :'res' AND relayed_at IS NOT NULL")
        echo "   $RELAYED_BEFORE of the first $FIRST changes relayed through the broker before it went down"
        echo "== broker killed (-9); $((CHANGES - FIRST)) changes and a replay of the first 100 while it is down ${OUTAGE}s"
        broker_kill
    else
        DOWN=receiver
        echo "== receiver killed (-9); $((CHANGES - FIRST)) changes and a replay of the first 100 while it is down ${OUTAGE}s"
        kill -9 "$RECEIVER_PID"
        wait "$RECEIVER_PID" 2>/dev/null || true
    fi
    DOWN_AT=$(date +%s)
    read -r ACCEPTED_2 _ < <(publish "$FIRST" "$((CHANGES - FIRST))")
    read -r ACCEPTED_3 REPLAYED < <(publish 0 100)
    sleep $((OUTAGE - ($(date +%s) - DOWN_AT) > 0 ? OUTAGE - ($(date +%s) - DOWN_AT) : 0))
    PENDING_AT_RETURN=$(psql -Atq -d zhengwu -c \
        "SELECT count(*) FROM exchange_delivery WHERE subscription_id = $SUBSCRIPTION AND status <> 'DELIVERED'")
    UNRELAYED_AT_RETURN=$(psql -Atq -d zhengwu -v res="$RESOURCE" \
        <<< "SELECT count(*) FROM exchange_change WHERE resource_code = :'res' AND relayed_at IS NULL")
    echo "== $DOWN back after $(($(date +%s) - DOWN_AT))s with $PENDING_AT_RETURN deliveries waiting" \
        "($UNRELAYED_AT_RETURN change records not relayed to a broker)"
    UP_AT=$(date +%s)
    if [ -n "${BROKER:-}" ]; then broker_start; else receiver; fi
    ACCEPTED=$((ACCEPTED_1 + ACCEPTED_2 + ACCEPTED_3))
    DEADLINE=$(($(date +%s) + 600))
    until [ "$(applied)" -ge "$ACCEPTED" ] || [ "$(date +%s)" -gt "$DEADLINE" ]; do sleep 1; done
    CAUGHT_UP=$(($(date +%s) - UP_AT))
    sleep 5 # anything more would show now
    APPLIED=$(applied)
    DISTINCT=$(sort -u "$OUT/applied.txt" | wc -l)
    RECEIVED=$(wc -l < "$OUT/received.txt")
    RECEIVED_DISTINCT=$(sort -u "$OUT/received.txt" | wc -l)
    read -r DELIVERED DEAD PENDING MAX_ATTEMPTS < <(psql -Atq -F ' ' -d zhengwu -c "SELECT
        count(*) FILTER (WHERE status = 'DELIVERED'), count(*) FILTER (WHERE status = 'DEAD'),
        count(*) FILTER (WHERE status = 'PENDING'), max(attempts)
        FROM exchange_delivery WHERE subscription_id = $SUBSCRIPTION")
    LOST=$((ACCEPTED - RECEIVED_DISTINCT))
    DUPLICATED=$((APPLIED - DISTINCT))
    BROKER_STATE=
    if [ -n "${BROKER:-}" ]; then
        # The relay runs every second; give it a few to catch up with what it could not relay while the broker was down.
        for _ in $(seq 1 30); do
            UNRELAYED=$(psql -Atq -d zhengwu -v res="$RESOURCE" \
                <<< "SELECT count(*) FROM exchange_change WHERE resource_code = :'res' AND relayed_at IS NULL")
            [ "$UNRELAYED" = 0 ] && break
            sleep 1
        done
        QUEUED=$(rabbitmqctl -n "$BROKER_NODE" -q list_queues name messages 2>/dev/null \
            | awk '$1 == "zhengwu.exchange.changes" { print $2 }')
        BROKER_STATE=" relayed before the broker went down $RELAYED_BEFORE of $FIRST, change records never relayed"
        BROKER_STATE+=" $UNRELAYED, messages left in the queue ${QUEUED:-unknown};"
    fi
    echo
    echo "R3 $(STAMP), $DOWN down ${OUTAGE}s (retries ${RETRY_FIRST:-5s} doubling to ${RETRY_LONGEST:-30s}):"
    echo "changes published $ACCEPTED (+ $REPLAYED replayed, acknowledged without a new change);" \
        "deliveries $DELIVERED delivered, $DEAD dead, $PENDING pending (most attempts of one: $MAX_ATTEMPTS);" \
        "$PENDING_AT_RETURN waiting when the receiver came back, all applied ${CAUGHT_UP}s later;" \
        "received $RECEIVED ($((RECEIVED - RECEIVED_DISTINCT)) twice), applied $APPLIED;$BROKER_STATE" \
        "lost $LOST, duplicated $DUPLICATED"
    [ "$LOST" = 0 ] && [ "$DUPLICATED" = 0 ] && [ "$DEAD" = 0 ] && [ "$APPLIED" = "$ACCEPTED" ] \
        && [ "${UNRELAYED:-0}" = 0 ]
    ;;
r4)
    CLIENTS=${1:-100}
    DRAFTS=${2:-2}
    KILL_AFTER=${3:-4}
    command -v haproxy > /dev/null || { echo "r4 needs HAProxy: apt-get install haproxy" >&2; exit 1; }
    own_postgres
    # The data directory is shared by both nodes, as a mounted volume would be: the file store and the keys.
    PORT_A=$PLATFORM_PORT
    PORT_B=$((PLATFORM_PORT + 1))
    echo "== node A on $PORT_A, node B on $PORT_B, one PostgreSQL (port $PG_PORT), one data directory"
    platform_start "$OUT/data" "$OUT/app-a.log" "$OUT/zhengwu-a.json"
    NODE_A_PID=$PLATFORM_PID
    PLATFORM_PORT=$PORT_B PLATFORM_BASE=http://localhost:$PORT_B
    platform_start "$OUT/data" "$OUT/app-b.log" "$OUT/zhengwu-b.json"
    NODE_B_PID=$PLATFORM_PID
    PLATFORM_PID=$NODE_A_PID
    LB_PORT=$(free_port)
    STATS_PORT=$(free_port)
    cat > "$OUT/haproxy.cfg" <<CFG
global
    maxconn 4096
defaults
    mode http
    timeout connect 2s
    timeout client 120s
    timeout server 120s
    retries 3
    option redispatch
    # Only what never reached a node is sent again by the load balancer; a request a node died holding is answered
    # 502 and the client retries it with its idempotency key.
    retry-on conn-failure
frontend drill
    bind 127.0.0.1:$LB_PORT
    default_backend nodes
backend nodes
    balance roundrobin
    option httpchk GET /actuator/health/readiness
    # A node busy with the whole load answers its health check slowly: give it 5 s before counting a failure, or the
    # survivor is taken out too and every request answered 503 by the load balancer.
    timeout check 5s
    default-server inter 1s fall 2 rise 2
    server a 127.0.0.1:$PORT_A check
    server b 127.0.0.1:$PORT_B check
listen stats
    bind 127.0.0.1:$STATS_PORT
    stats enable
    stats uri /stats
CFG
    haproxy -f "$OUT/haproxy.cfg" -D -p "$OUT/haproxy.pid"
    until curl -sf "http://127.0.0.1:$LB_PORT/actuator/health" > /dev/null; do sleep 0.2; done
    PLATFORM_BASE=http://127.0.0.1:$LB_PORT
    echo "== $CLIENTS applicants through HAProxy on $LB_PORT: registration, sign-in, $DRAFTS complete drafts each"
    applicants "$ZHENGWU_DB_URL" "$CLIENTS" "$DRAFTS"
    sleep "$KILL_AFTER"
    kill -9 "$NODE_A_PID"
    wait "$NODE_A_PID" 2>/dev/null || true
    PLATFORM_PID=
    echo "   kill -9 of node A ${KILL_AFTER}s into the submissions; it stays down"
    # The replay of every receipted key waits for this: by then the load balancer has taken node A out.
    sleep 3
    touch "$OUT/recovered"
    STATUS=0
    finish_applicants || STATUS=$?
    kill -0 "$NODE_B_PID" || { echo "node B is gone" >&2; STATUS=1; }
    # Per node: sessions (requests) served, 5xx answered, state as the load balancer saw it.
    SERVED=$(curl -s "http://127.0.0.1:$STATS_PORT/stats;csv" | awk -F, '
        NR == 1 { sub(/^# /, ""); for (i = 1; i <= NF; i++) f[$i] = i; next }
        $1 == "nodes" && ($2 == "a" || $2 == "b") {
            printf "node %s: %s requests, %s answered 5xx, %s broken answers, %s redispatched; now %s; ",
                toupper($2), $f["stot"], $f["hrsp_5xx"], $f["eresp"], $f["wredis"], $f["status"] }')
    echo
    echo "R4 $(STAMP), two nodes behind HAProxy, node A killed (-9) ${KILL_AFTER}s into $CLIENTS applicants × $DRAFTS drafts:"
    echo "${SERVED}node B served alone from the kill on (pid $NODE_B_PID, never restarted)"
    cat "$OUT/drill.txt"
    exit $STATUS
    ;;
*)
    echo "unknown drill $DRILL: r1, r2, r3 or r4" >&2
    exit 2
    ;;
esac
