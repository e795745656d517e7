#!/usr/bin/env bash
# Keycloak's client_credentials tokens/s under the load bench/identity.sh puts on the platform's token endpoint: the
# peer of issue 8's performance target, alone. Fetches org.keycloak:keycloak-quarkus-dist from Maven Central with
# the Maven wrapper, unpacks it under bench/results/keycloak/ (not in git), starts `bin/kc.sh start-dev` on the same
# java as the platform with the platform's heap (-Xms256m -Xmx512m), makes a realm and a confidential client with
# service accounts through `bin/kcadm.sh`, warms up WARM_UP seconds (default 20), then 16 connections POST
# /realms/bench/protocol/openid-connect/token with HTTP Basic (bench/identity-token.lua), --latency.
#
#   bench/keycloak.sh [duration-seconds=20]
#
# KEYCLOAK_VERSION (default 26.7.3) and KEYCLOAK_PORT (default 18090) choose another. The platform next to it,
# alternating, is bench/identity-vs-keycloak.sh. Results: bench/results/keycloak-token.txt (wrk's report),
# bench/results/keycloak.log, and a summary on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-20}
WARM_UP=${WARM_UP:-20}
OUT=bench/results
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 1; }
source bench/lib/keycloak.sh
source bench/lib/token-load.sh

keycloak_fetch
trap keycloak_stop EXIT
keycloak_start "$OUT/keycloak.log"
BASIC=$(printf '%s:%s' "$KEYCLOAK_CLIENT_ID" "$KEYCLOAK_CLIENT_SECRET" | base64 -w0)

echo "== warm-up, $WARM_UP s"
wrk -t2 -c16 -d"${WARM_UP}s" -s bench/identity-token.lua "$KEYCLOAK_TOKEN_URL" -- "$BASIC" >/dev/null
echo "== client_credentials tokens (16 connections)"
token_load "$KEYCLOAK_TOKEN_URL" "$BASIC" "$DURATION" "$OUT/keycloak-token.txt" "$KEYCLOAK_PID"
RSS_KB=$(jvm_rss_kb "$KEYCLOAK_PID")
curl -sf -u "$KEYCLOAK_CLIENT_ID:$KEYCLOAK_CLIENT_SECRET" -d grant_type=client_credentials "$KEYCLOAK_TOKEN_URL" \
    | grep -q access_token || { echo "Keycloak gives no token after the load" >&2; exit 1; }

echo
echo "Keycloak $KEYCLOAK_VERSION (start-dev), $("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -n 1)"
echo "$(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), wrk ${DURATION}s, load average $LOAD_AVERAGE at the end"
echo "tokens/s $TOKENS, p99 $P99_MS ms, answers not 2xx: $NON_2XX, timeouts (after 2 s, not in p99): $TIMEOUTS"
echo "CPU: Keycloak $CORES cores, wrk $WRK_CORES, whole machine $MACHINE_CORES of $(nproc)"
echo "resident memory after the load: $((RSS_KB / 1024)) MB"
[ "$NON_2XX" = 0 ] || { echo "some answers were not 2xx: see $OUT/keycloak-token.txt" >&2; exit 1; }
