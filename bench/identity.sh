#!/usr/bin/env bash
# Identity hot paths: password sign-ins/s (GET /login + POST /login, Argon2id check, session, audit entry) and
# client_credentials tokens/s (client authentication, RS256 signature, authorization row) — each next to its raw
# limit measured in the same run with JMH on the same machine: an Argon2id check alone, a token signature alone.
#
#   bench/identity.sh [duration-seconds=20]
#
# Needs wrk and curl. Results go to bench/results/identity-* and are summarised on stdout. The same token load next
# to Keycloak's, alternating: bench/identity-vs-keycloak.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-20}
OUT=bench/results
DATA=$OUT/identity-data
CORES=$(nproc)
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 1; }

source bench/lib/platform.sh
platform_build
trap platform_stop EXIT
platform_start "$DATA" "$OUT/identity-app.log" "$OUT/identity-zhengwu.json"
BASE=$PLATFORM_BASE

# A citizen to sign in as, registered through the public form (a new one each run).
USERNAME=bench$(date +%s)
ID17=3401041990$(date +%m%d)$(printf '%03d' $((RANDOM % 1000)))
ID=$ID17$("$JAVA" -cp target/classes:"$(cat target/bench-classpath.txt)" \
    -Dzhengwu.id17="$ID17" bench/CheckCharacter.java)
MOBILE=139$(printf '%08d' $((RANDOM * 1000 + RANDOM % 1000)))
PASSWORD=Bench-Password-1
JAR_COOKIES=$OUT/identity-cookies.txt
rm -f "$JAR_COOKIES"
CSRF=$(curl -s -c "$JAR_COOKIES" "$BASE/register" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR_COOKIES" -c "$JAR_COOKIES" "$BASE/register" \
    --data-urlencode "username=$USERNAME" --data-urlencode "realName=压测用户" --data-urlencode "idNumber=$ID" \
    --data-urlencode "mobile=$MOBILE" --data-urlencode "email=" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "confirmation=$PASSWORD" --data-urlencode "_csrf=$CSRF")
[ "$STATUS" = 302 ] || { echo "registration of the bench citizen failed ($STATUS)" >&2; exit 1; }
BASIC=$(printf '%s:%s' "$PLATFORM_CLIENT_ID" "$PLATFORM_CLIENT_SECRET" | base64 -w0)

echo "== warm-up"
wrk -t"$CORES" -c"$CORES" -d10s -s bench/identity-sign-in.lua "$BASE" -- "$USERNAME" "$PASSWORD" >/dev/null
wrk -t2 -c16 -d10s -s bench/identity-token.lua "$BASE/oauth2/token" -- "$BASIC" >/dev/null

echo "== password sign-ins ($CORES connections, one per core)"
wrk -t"$CORES" -c"$CORES" -d"${DURATION}s" --latency -s bench/identity-sign-in.lua "$BASE" -- "$USERNAME" "$PASSWORD" \
    > "$OUT/identity-sign-in.txt"
SIGN_INS=$(sed -n 's/^sign-ins: .* = \([0-9.]*\)\/s.*/\1/p' "$OUT/identity-sign-in.txt")
SIGN_IN_P99=$(awk '$1 == "99%" {print $2}' "$OUT/identity-sign-in.txt")
echo "== client_credentials tokens (16 connections)"
wrk -t2 -c16 -d"${DURATION}s" --latency -s bench/identity-token.lua "$BASE/oauth2/token" -- "$BASIC" \
    > "$OUT/identity-token.txt"
TOKENS=$(awk '/Requests\/sec/ {print $2}' "$OUT/identity-token.txt")
TOKEN_P99=$(awk '$1 == "99%" {print $2}' "$OUT/identity-token.txt")
grep -q "Non-2xx" "$OUT/identity-token.txt" && echo "   token endpoint: $(grep Non-2xx "$OUT/identity-token.txt")"
RSS_KB=$(ps -o rss= -p "$PLATFORM_PID")
platform_stop

echo "== raw limits (JMH, every core, the application stopped)"
"$JAVA" -cp target/test-classes:target/classes:"$(cat target/bench-classpath.txt)" org.openjdk.jmh.Main IdentityLimits \
    -t max -rf text -rff "$OUT/identity-jmh.txt" > "$OUT/identity-jmh.log" 2>&1
ARGON=$(awk '/argon2idCheck/ {print $4}' "$OUT/identity-jmh.txt")
SIGN=$(awk '/accessTokenSignature/ {print $4}' "$OUT/identity-jmh.txt")

echo
echo "$CORES cores, $(date -u +%Y-%m-%dT%H:%MZ), wrk ${DURATION}s"
printf "%-28s %12s %10s %14s %8s\n" path "per second" "p99" "raw limit/s" ratio
printf "%-28s %12s %10s %14s %8s\n" "password sign-in" "$SIGN_INS" "$SIGN_IN_P99" "$ARGON" \
    "$(awk -v a="$SIGN_INS" -v b="$ARGON" 'BEGIN { printf "%.2f", a / b }')"
printf "%-28s %12s %10s %14s %8s\n" "client_credentials token" "$TOKENS" "$TOKEN_P99" "$SIGN" \
    "$(awk -v a="$TOKENS" -v b="$SIGN" 'BEGIN { printf "%.2f", a / b }')"
echo "resident memory after the load: $((RSS_KB / 1024)) MB"
