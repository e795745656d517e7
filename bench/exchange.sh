#!/usr/bin/env bash
# Exchange hot paths (issue 12), each next to PostgreSQL doing the same in the same run on the same server:
#  (a) key lookup: a department system reads one person by 公民身份号码 through the query API
#      (GET /api/v1/exchange/data/101001-000001/records/{id}: token check, grant, rate limit, the sealed record read
#      by blind index and opened, masking, one access-log row) — wrk, 16 connections, a random one of 100,000
#      distinct numbers per request, over PERSONS synthetic persons — against pgbench's point lookup of a person row
#      by a unique key (bench/exchange-lookup.sql), 16 clients: p50/p99 of each; then at low load, the issue's own
#      peer: one connection (wrk -c1 against pgbench -c1), and LOOKUPS (300) point lookups each with a new `psql -c`
#      (process, connection, authentication, query: as an operator runs one) against as many with a new curl each;
#  (b) bulk delivery: the same system publishes CHANGES change records of its own resource in batches of 1,000, then
#      pulls them all as a subscriber, PULL_PAGE (5,000) a page (bench/ExchangeBulk.java), against `COPY … TO STDOUT`
#      of the same outbox rows; and the streamed export of every person (…/export) against `COPY` of the person rows.
#
#   bench/exchange.sh [duration-seconds=20]
#
# The pull runs PULL_WARMUP (6) untimed rounds from the start (as wrk's 10 s of warm-up before the lookups), then
# PULL_ROUNDS (5) timed ones; COPY runs once untimed, then as often. Each figure is the median of its timed rounds; the
# pull's first round (a node whose pull path had never run) is printed beside it.
# PARTS (default ab: both; a or b alone), PERSONS (default 1000000), CHANGES (default 100000), PULL_PAGE (5000), LOOKUPS (300), SKIP_BUILD=1 reuses the jar and classpath, BENCH_PORT,
# JAVA_OPTS, BENCH_NICE as bench/lib/platform.sh. Fresh throwaway database in bench/results/exchange-data (the script
# writes to it with SQL: the bench system's API access and grant). Results in bench/results/exchange-*; summary on
# stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-20}
PERSONS=${PERSONS:-1000000}
CHANGES=${CHANGES:-100000}
PULL_PAGE=${PULL_PAGE:-5000}
PULL_ROUNDS=${PULL_ROUNDS:-5}
PULL_WARMUP=${PULL_WARMUP:-6}
PARTS=${PARTS:-ab}
OUT=bench/results
DATA=$OUT/exchange-data
mkdir -p "$OUT"
source bench/lib/platform.sh
requires wrk wrk
requires pgbench postgresql-client
seconds() { date +%s.%N; }

platform_jar_and_classpath
javac -proc:none -d target/bench-classes bench/ExchangeBulk.java

echo "== synthetic register: $PERSONS persons (seed 1), 100,000 of their numbers for the lookups"
rm -rf "$OUT/exchange-synthetic"
"$JAVA" -cp "$CLASSPATH_BENCH" org.zhengwu.basedata.synthetic.SyntheticRegisters --seed=1 --persons="$PERSONS" \
    --entities=0 --out="$OUT/exchange-synthetic" > /dev/null
# the column headed id_number, wherever the generator puts it
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "id_number") c = i; next } { print $c }' \
    "$OUT/exchange-synthetic/persons.csv" | shuf -n 100000 --random-source=<(yes) > "$OUT/exchange-ids.txt"

rm -rf "$DATA"
trap platform_stop EXIT
export ZHENGWU_BASEDATA_SYNTHETIC_PERSONS=$PERSONS ZHENGWU_BASEDATA_SYNTHETIC_SEED=1 \
    ZHENGWU_EXCHANGE_QUERIES_PER_HOUR=1000000000
STARTED=$(seconds)
platform_start "$DATA" "$OUT/exchange-app.log" "$OUT/exchange-zhengwu.json"
PG_PORT=$(sed -n 's/.*Embedded PostgreSQL 17 on port \([0-9]*\).*/\1/p' "$OUT/exchange-app.log" | head -n 1)
PGPASSWORD=$(cat "$DATA/pg/superuser.password")
export PGPASSWORD PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres
until [ "$(psql -Atq -d zhengwu -c "SELECT count(*) FROM basedata_person WHERE record_id IS NOT NULL")" -ge "$PERSONS" ]; do
    sleep 2
done
echo "   started and loaded in $(awk -v a="$STARTED" -v b="$(seconds)" 'BEGIN { printf "%.0f", b - a }') s"
psql -q -d zhengwu -c "VACUUM ANALYZE basedata_person"

# The bench system speaks for a demo organisation other than the libraries' provider, with the three scopes, and
# holds an approved grant of the population resource (every field; number and name in clear); it also provides a
# resource of its own for the bulk part, and holds a grant of it.
CONSUMER=$(psql -Atq -d zhengwu -c "SELECT uscc || ' ' || division_code FROM basedata_organisation
    WHERE uscc <> (SELECT provider_uscc FROM exchange_resource WHERE library = 'person') ORDER BY uscc LIMIT 1")
ORG=${CONSUMER% *}
DIVISION=${CONSUMER#* }
BULK_RESOURCE=301001/900001
psql -q -d zhengwu -v org="$ORG" -v division="$DIVISION" -v client="$PLATFORM_CLIENT_ID" -v bulk="$BULK_RESOURCE" <<'SQL'
INSERT INTO identity_client_api_access (client_id, organisation_uscc, granted_by, granted_at)
VALUES (:'client', :'org', 'bench', now());
INSERT INTO identity_client_api_scope (client_id, scope)
VALUES (:'client', 'exchange.query'), (:'client', 'exchange.publish'), (:'client', 'exchange.subscribe');
UPDATE oauth2_registered_client SET scopes = 'exchange.query,exchange.publish,exchange.subscribe'
WHERE client_id = :'client';
INSERT INTO exchange_grant (resource_code, consumer_uscc, consumer_division, purpose, legal_basis, fields_requested,
    fields_granted, clear_fields, valid_from, valid_until, status, requested_by, requested_at, decided_by, decided_at)
SELECT code, :'org', :'division', '基准测试', '基准测试', f, f, 'idNumber,name', CURRENT_DATE - 1, CURRENT_DATE + 30,
    'APPROVED', 'bench', now(), 'bench', now()
FROM exchange_resource, LATERAL (SELECT string_agg(field, ',' ORDER BY position) AS f FROM exchange_resource_item
    WHERE resource_code = code) items
WHERE library = 'person';
INSERT INTO exchange_resource (code, category, classification, name, provider_uscc, provider_division, summary, format,
    share_type, share_methods, open_type, update_cycle, status, published_on, entered_by, catalogue_updated_at,
    created_at)
VALUES (:'bulk', '3', '301001', '基准测试许可信息', :'org', :'division', '基准测试用的部门资源', 'JSON', 'CONDITIONAL',
    'SUBSCRIPTION', 'NONE', 'REALTIME', 'PUBLISHED', CURRENT_DATE, 'bench', now(), now());
INSERT INTO exchange_resource_item (resource_code, position, field, name, data_type, length, sensitive, is_key)
VALUES (:'bulk', 1, 'code', '许可编号', 'STRING', 20, FALSE, TRUE),
       (:'bulk', 2, 'name', '许可名称', 'STRING', 100, FALSE, FALSE),
       (:'bulk', 3, 'amount', '金额', 'INTEGER', NULL, FALSE, FALSE);
INSERT INTO exchange_grant (resource_code, consumer_uscc, consumer_division, purpose, legal_basis, fields_requested,
    fields_granted, clear_fields, valid_from, valid_until, status, requested_by, requested_at, decided_by, decided_at)
VALUES (:'bulk', :'org', :'division', '基准测试', '基准测试', 'code,name,amount', 'code,name,amount', '',
    CURRENT_DATE - 1, CURRENT_DATE + 30, 'APPROVED', 'bench', now(), 'bench', now());
SQL
token() {
    curl -sf -u "$PLATFORM_CLIENT_ID:$PLATFORM_CLIENT_SECRET" -d grant_type=client_credentials \
        -d "scope=exchange.query exchange.publish exchange.subscribe" "$PLATFORM_TOKEN_URL" | jq -r .access_token
}
TOKEN=$(token)
LOOKUP_PATH=/api/v1/exchange/data/101001-000001/records/
FIRST=$(head -n 1 "$OUT/exchange-ids.txt")
curl -sf -H "Authorization: Bearer $TOKEN" "$PLATFORM_BASE$LOOKUP_PATH$FIRST" > "$OUT/exchange-sample.json" \
    || { echo "the lookup of $FIRST failed" >&2; exit 1; }

if [[ $PARTS == *a* ]]; then
echo "== (a) key lookup: wrk -t2 -c16, ${DURATION}s (after 10 s of warm-up), over $PERSONS persons"
export IDS_FILE=$OUT/exchange-ids.txt TOKEN LOOKUP_PATH
nice -n "$BENCH_NICE" wrk -t2 -c16 -d10s -s bench/exchange-lookup.lua "$PLATFORM_BASE" > /dev/null
LOAD_A=$(load)
nice -n "$BENCH_NICE" wrk -t2 -c16 -d"${DURATION}s" --latency --timeout 10s -s bench/exchange-lookup.lua \
    "$PLATFORM_BASE" > "$OUT/exchange-lookup.txt"
LOAD_A="$LOAD_A → $(load)"
API_RATE=$(awk '/^Requests\/sec/ {print $2}' "$OUT/exchange-lookup.txt")
API_P50=$(awk '$1 == "50%" {print $2}' "$OUT/exchange-lookup.txt")
API_P99=$(awk '$1 == "99%" {print $2}' "$OUT/exchange-lookup.txt")
API_BAD=$(awk '/Non-2xx/ {print $5}' "$OUT/exchange-lookup.txt")

echo "== (a) pgbench point lookup, 16 clients, ${DURATION}s, same server"
rm -f "$OUT"/exchange-pgbench-log*
LOAD_P=$(load)
(cd "$OUT" && pgbench -n -c 16 -j 2 -T "$DURATION" -D persons="$PERSONS" -f ../exchange-lookup.sql -l \
    --log-prefix=exchange-pgbench-log zhengwu > exchange-pgbench.txt 2>&1)
LOAD_P="$LOAD_P → $(load)"
PG_RATE=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$OUT/exchange-pgbench.txt")
percentile() { cat "$OUT"/exchange-pgbench-log* | awk '{print $3}' | sort -n \
    | awk -v p="$1" '{v[NR] = $1} END { i = int(NR * p / 100); if (i < 1) i = 1; printf "%.2fms", v[i] / 1000 }'; }
PG_P50=$(percentile 50)
PG_P99=$(percentile 99)

echo "== (a) at low load: one connection — wrk -t1 -c1 and pgbench -c1, ${DURATION}s each"
nice -n "$BENCH_NICE" wrk -t1 -c1 -d5s -s bench/exchange-lookup.lua "$PLATFORM_BASE" > /dev/null
LOAD_1=$(load)
nice -n "$BENCH_NICE" wrk -t1 -c1 -d"${DURATION}s" --latency --timeout 10s -s bench/exchange-lookup.lua \
    "$PLATFORM_BASE" > "$OUT/exchange-lookup-c1.txt"
LOAD_1="$LOAD_1 → $(load)"
API1_RATE=$(awk '/^Requests\/sec/ {print $2}' "$OUT/exchange-lookup-c1.txt")
API1_P50=$(awk '$1 == "50%" {print $2}' "$OUT/exchange-lookup-c1.txt")
API1_P99=$(awk '$1 == "99%" {print $2}' "$OUT/exchange-lookup-c1.txt")
API1_BAD=$(awk '/Non-2xx/ {print $5}' "$OUT/exchange-lookup-c1.txt")
rm -f "$OUT"/exchange-pgbench-log*
(cd "$OUT" && pgbench -n -c 1 -j 1 -T "$DURATION" -D persons="$PERSONS" -f ../exchange-lookup.sql -l \
    --log-prefix=exchange-pgbench-log zhengwu > exchange-pgbench-c1.txt 2>&1)
PG1_RATE=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$OUT/exchange-pgbench-c1.txt")
PG1_P50=$(percentile 50)
PG1_P99=$(percentile 99)

# The way an operator runs one: a new psql (process, connection, authentication) per point lookup of a random
# person by its unique key; against the same with curl through the API (process, connection, token check, …).
# LOOKUPS timed runs of each, one after the other, wall-clock per run; p50/p99 over the runs.
LOOKUPS=${LOOKUPS:-300}
echo "== (a) $LOOKUPS point lookups with a new psql each, and $LOOKUPS API lookups with a new curl each"
runs() { sort -n | awk -v p="$1" '{v[NR] = $1} END { i = int(NR * p / 100); if (i < 1) i = 1; printf "%.2fms", v[i] / 1000 }'; }
LOAD_S=$(load)
: > "$OUT/exchange-psql-runs.txt"
for _ in $(seq "$LOOKUPS"); do
    id=$(( (RANDOM * 32768 + RANDOM) % PERSONS + 1 ))
    t0=$EPOCHREALTIME
    psql -Atq -d zhengwu -c "SELECT record_id, id_number_sealed, name_sealed, address_sealed, sex, birth_date,
        household_division, deceased, version FROM basedata_person WHERE record_id = $id" > /dev/null
    t1=$EPOCHREALTIME
    echo "$(( ${t1/./} - ${t0/./} ))" >> "$OUT/exchange-psql-runs.txt"
done
: > "$OUT/exchange-curl-runs.txt"
mapfile -t SOME_IDS < <(head -n "$LOOKUPS" "$OUT/exchange-ids.txt")
for number in "${SOME_IDS[@]}"; do
    t0=$EPOCHREALTIME
    curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$PLATFORM_BASE$LOOKUP_PATH$number" \
        || echo "the lookup of $number failed" >&2
    t1=$EPOCHREALTIME
    echo "$(( ${t1/./} - ${t0/./} ))" >> "$OUT/exchange-curl-runs.txt"
done
LOAD_S="$LOAD_S → $(load)"
PSQL_P50=$(runs 50 < "$OUT/exchange-psql-runs.txt")
PSQL_P99=$(runs 99 < "$OUT/exchange-psql-runs.txt")
CURL_P50=$(runs 50 < "$OUT/exchange-curl-runs.txt")
CURL_P99=$(runs 99 < "$OUT/exchange-curl-runs.txt")

fi

echo "== (b) bulk: publish $CHANGES change records, pull them all ($PULL_PAGE a page); COPY of the same rows"
TOKEN=$(token)
LOAD_B=$(load)
"$JAVA" -cp target/bench-classes ExchangeBulk "$PLATFORM_BASE" "$TOKEN" "$BULK_RESOURCE" "$CHANGES" "$PULL_PAGE" \
    "$PULL_ROUNDS" "$PULL_WARMUP" | tee "$OUT/exchange-bulk.txt"
PULL_RATE=$(sed -n 's/^pull = \([0-9]*\)\/s.*/\1/p' "$OUT/exchange-bulk.txt")
PULL_FIRST=$(sed -n 's/^pull cold = \([0-9]*\)\/s.*/\1/p' "$OUT/exchange-bulk.txt")
COPY_RATES=
for round in $(seq 0 "$PULL_ROUNDS"); do
    T0=$(seconds)
    COPIED=$(psql -Atq -d zhengwu \
        -c "COPY (SELECT * FROM exchange_change WHERE resource_code = '$BULK_RESOURCE' ORDER BY id) TO STDOUT" | wc -l)
    RATE=$(awk -v n="$COPIED" -v a="$T0" -v b="$(seconds)" 'BEGIN { printf "%.0f", n / (b - a) }')
    if [ "$round" = 0 ]; then COPY_FIRST=$RATE; else COPY_RATES="$COPY_RATES $RATE"; fi
done
echo "COPY: first $COPY_FIRST, timed:$COPY_RATES"
COPY_CHANGES=$(echo "$COPY_RATES" | tr ' ' '\n' | grep . | sort -n | awk '{v[NR] = $1} END { print v[int((NR + 1) / 2)] }')

echo "== (b) export of every person (NDJSON, streamed) and COPY of the person rows"
TOKEN=$(token)
T0=$(seconds)
EXPORTED=$(curl -sf -H "Authorization: Bearer $TOKEN" "$PLATFORM_BASE/api/v1/exchange/data/101001-000001/export" | wc -l)
EXPORT_RATE=$(awk -v n="$EXPORTED" -v a="$T0" -v b="$(seconds)" 'BEGIN { printf "%.0f", n / (b - a) }')
T0=$(seconds)
COPIED_PERSONS=$(psql -Atq -d zhengwu -c "COPY (SELECT record_id, id_number_sealed, name_sealed, address_sealed, sex,
    birth_date, household_division, deceased, version FROM basedata_person ORDER BY record_id) TO STDOUT" | wc -l)
COPY_PERSONS=$(awk -v n="$COPIED_PERSONS" -v a="$T0" -v b="$(seconds)" 'BEGIN { printf "%.0f", n / (b - a) }')
LOAD_B="$LOAD_B → $(load)"
ACCESS_ROWS=$(psql -Atq -d zhengwu -c "SELECT count(*) FROM exchange_access")

ms() { echo "$1" | awk '/ms$/ { sub("ms", ""); print; next } /us$/ { sub("us", ""); print $1 / 1000; next }
    /s$/ { sub("s", ""); print $1 * 1000 }'; }
echo
echo "$(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), $PERSONS persons"
if [[ $PARTS == *a* ]]; then
printf "%-44s %12s %10s %10s  %s\n" load "per second" p50 p99 "load average"
printf "%-44s %12s %10s %10s  %s\n" "(a) API key lookup, 16 connections" "$API_RATE" "$API_P50" "$API_P99" "$LOAD_A"
printf "%-44s %12s %10s %10s  %s\n" "(a) pgbench point lookup, 16 clients" "$PG_RATE" "$PG_P50" "$PG_P99" "$LOAD_P"
echo "    non-2xx answers of the API: ${API_BAD:-0}; p99 ratio API / pgbench: $(awk -v a="$(ms "$API_P99")" \
    -v b="$(ms "$PG_P99")" 'BEGIN { printf "%.1f", a / b }') (target < 2)"
ratio() { awk -v a="$(ms "$1")" -v b="$(ms "$2")" 'BEGIN { printf "%.2f", a / b }'; }
printf "%-44s %12s %10s %10s  %s\n" "(a) API key lookup, 1 connection (wrk -c1)" "$API1_RATE" "$API1_P50" "$API1_P99" \
    "$LOAD_1"
printf "%-44s %12s %10s %10s\n" "(a) pgbench point lookup, 1 client" "$PG1_RATE" "$PG1_P50" "$PG1_P99"
echo "    non-2xx answers: ${API1_BAD:-0}; p99 ratio API / pgbench, one connection: $(ratio "$API1_P99" "$PG1_P99")"
printf "%-44s %12s %10s %10s  %s\n" "(a) psql -c point lookup, a new psql each" "$LOOKUPS runs" "$PSQL_P50" \
    "$PSQL_P99" "$LOAD_S"
printf "%-44s %12s %10s %10s\n" "(a) API lookup, a new curl each" "$LOOKUPS runs" "$CURL_P50" "$CURL_P99"
echo "    p99 ratio API (wrk -c1) / psql -c: $(ratio "$API1_P99" "$PSQL_P99"); curl / psql -c: $(ratio \
    "$CURL_P99" "$PSQL_P99") (target < 2)"
fi
printf "%-44s %12s   (first round, cold: %s)\n" "(b) pull of $CHANGES change records, $PULL_PAGE a page, rows/s" "$PULL_RATE" \
    "$PULL_FIRST"
printf "%-44s %12s   ratio %s (target ≥ 0.5)   (first rounds: %s, ratio %s)\n" \
    "(b) COPY of the same $COPIED outbox rows" "$COPY_CHANGES" \
    "$(awk -v a="$PULL_RATE" -v b="$COPY_CHANGES" 'BEGIN { printf "%.2f", a / b }')" "$COPY_FIRST" \
    "$(awk -v a="$PULL_FIRST" -v b="$COPY_FIRST" 'BEGIN { printf "%.2f", a / b }')"
printf "%-44s %12s\n" "(b) export of $EXPORTED persons, rows/s" "$EXPORT_RATE"
printf "%-44s %12s   ratio %s\n" "(b) COPY of the same $COPIED_PERSONS person rows" "$COPY_PERSONS" \
    "$(awk -v a="$EXPORT_RATE" -v b="$COPY_PERSONS" 'BEGIN { printf "%.2f", a / b }')"
echo "    $(sed -n 's/^publish = //p' "$OUT/exchange-bulk.txt") published; access-log rows written: $ACCESS_ROWS; load $LOAD_B"
