# shellcheck shell=bash disable=SC2034 # sourced: its variables are for the scripts that source it
# Keycloak as the peer of the platform's token endpoint: fetched from Maven Central, run from bench/results/keycloak
# (not in git) on the same java as the platform. Sourced by bench/keycloak.sh and bench/identity-vs-keycloak.sh from
# the repository's root.
#
# Settings: KEYCLOAK_VERSION (default 26.7.3), KEYCLOAK_PORT (default 18090), JAVA_HOME (else `java` on the PATH,
# as for the platform), KEYCLOAK_HEAP (default -Xms256m -Xmx512m, the platform's heap in these benchmarks),
# KEYCLOAK_EVENTS=1 (the realm stores a CLIENT_LOGIN event for every token, as the platform keeps an
# accountability-log entry for every token: like for like).
KEYCLOAK_VERSION=${KEYCLOAK_VERSION:-26.7.3}
KEYCLOAK_PORT=${KEYCLOAK_PORT:-18090}
KEYCLOAK_HEAP=${KEYCLOAK_HEAP:--Xms256m -Xmx512m}
KEYCLOAK_DIR=bench/results/keycloak
KEYCLOAK_HOME=$KEYCLOAK_DIR/keycloak-$KEYCLOAK_VERSION
KEYCLOAK_BASE=http://localhost:$KEYCLOAK_PORT
KEYCLOAK_REALM=bench
KEYCLOAK_TOKEN_URL=$KEYCLOAK_BASE/realms/$KEYCLOAK_REALM/protocol/openid-connect/token
KEYCLOAK_CLIENT_ID=bench-department
KEYCLOAK_PID=

# The distribution from Maven Central through the project's Maven wrapper, unpacked once.
keycloak_fetch() {
    [ -x "$KEYCLOAK_HOME/bin/kc.sh" ] && return
    mkdir -p "$KEYCLOAK_DIR"
    ./mvnw -q -B dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:tar.gz" \
        -DoutputDirectory="$KEYCLOAK_DIR"
    tar -xzf "$KEYCLOAK_DIR/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz" -C "$KEYCLOAK_DIR"
}

keycloak_admin() {
    "$KEYCLOAK_HOME/bin/kcadm.sh" "$@" --config "$KEYCLOAK_DIR/kcadm.config"
}

# Starts `kc.sh start-dev` on an empty data directory (its dev-file H2 database), with a bootstrap administrator,
# then makes the realm and a confidential client with service accounts (client_credentials) whose secret is
# KEYCLOAK_CLIENT_SECRET. Sets KEYCLOAK_PID (the kc.sh process; the JVM is its child). $1: log file.
keycloak_start() {
    local log=$1 admin_password
    if curl -s -o /dev/null "$KEYCLOAK_BASE/"; then
        echo "something already answers on port $KEYCLOAK_PORT; choose another with KEYCLOAK_PORT" >&2
        return 1
    fi
    admin_password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
    KEYCLOAK_CLIENT_SECRET=$(head -c 32 /dev/urandom | base64 | tr -d '/+=' | head -c 40)
    rm -rf "$KEYCLOAK_HOME/data" "$KEYCLOAK_DIR/kcadm.config"
    # JAVA_OPTS from the caller's environment would replace all of kc.sh's JVM defaults; only the heap is aligned.
    env -u JAVA_OPTS JAVA_OPTS_KC_HEAP="$KEYCLOAK_HEAP" \
        KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$admin_password" \
        nice -n "${BENCH_NICE:-0}" "$KEYCLOAK_HOME/bin/kc.sh" start-dev --http-port="$KEYCLOAK_PORT" \
        --http-management-port="$((KEYCLOAK_PORT + 1))" > "$log" 2>&1 &
    KEYCLOAK_PID=$!
    until curl -sf "$KEYCLOAK_BASE/realms/master" >/dev/null 2>&1; do
        kill -0 "$KEYCLOAK_PID" 2>/dev/null || { echo "Keycloak did not start; see $log" >&2; return 1; }
        sleep 0.5
    done
    keycloak_admin config credentials --server "$KEYCLOAK_BASE" --realm master --user admin \
        --password "$admin_password" >/dev/null
    keycloak_admin create realms -s realm="$KEYCLOAK_REALM" -s enabled=true >/dev/null
    if [ "${KEYCLOAK_EVENTS:-0}" = 1 ]; then
        keycloak_admin update "realms/$KEYCLOAK_REALM" -s eventsEnabled=true \
            -s 'enabledEventTypes=["CLIENT_LOGIN","CLIENT_LOGIN_ERROR"]' >/dev/null
    fi
    keycloak_admin create clients -r "$KEYCLOAK_REALM" -s clientId="$KEYCLOAK_CLIENT_ID" -s enabled=true \
        -s publicClient=false -s clientAuthenticatorType=client-secret -s secret="$KEYCLOAK_CLIENT_SECRET" \
        -s serviceAccountsEnabled=true -s standardFlowEnabled=false -s directAccessGrantsEnabled=false >/dev/null
    curl -sf -u "$KEYCLOAK_CLIENT_ID:$KEYCLOAK_CLIENT_SECRET" -d grant_type=client_credentials \
        "$KEYCLOAK_TOKEN_URL" | grep -q access_token \
        || { echo "the Keycloak bench client gets no token" >&2; return 1; }
}

keycloak_stop() {
    [ -n "$KEYCLOAK_PID" ] || return 0
    kill "$KEYCLOAK_PID" 2>/dev/null || true
    wait "$KEYCLOAK_PID" 2>/dev/null || true
    KEYCLOAK_PID=
}
