package org.zhengwu.exchange.pubsub;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.zhengwu.shared.crypto.Sm2;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The peer platform nodes this one exchanges with (province ↔ city): the key each one's deliveries are checked with,
 * and the client-credential token this node delivers to it with (fetched from the peer's token endpoint, kept until
 * shortly before it expires).
 */
@Component
class Peers {

    static final String NODE_SCOPE = org.zhengwu.exchange.ExchangeAccess.NODE_SCOPE;

    private record Token(String value, Instant until) {}

    private final Map<String, PubSubProperties.Peer> peers;
    private final Map<String, Sm2.PublicKey> keys = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;

    Peers(PubSubProperties properties, JsonMapper json, Clock clock) {
        this.peers = properties.peers();
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.webhookTimeout())
                .build();
        peers.forEach((name, peer) -> {
            if (peer.publicKey() != null && !peer.publicKey().isBlank()) {
                keys.put(
                        name,
                        Sm2.PublicKey.of(
                                Base64.getDecoder().decode(peer.publicKey().strip())));
            }
        });
    }

    boolean known(String node) {
        return node != null && peers.containsKey(node);
    }

    Optional<Sm2.PublicKey> key(String node) {
        return node == null ? Optional.empty() : Optional.ofNullable(keys.get(node));
    }

    /** A bearer token of this node at the peer. */
    String token(String node) throws IOException, InterruptedException {
        Token held = tokens.get(node);
        Instant now = clock.instant();
        if (held != null && held.until().isAfter(now)) {
            return held.value();
        }
        PubSubProperties.Peer peer = peers.get(node);
        if (peer == null) {
            throw new IOException("no peer node " + node + " configured");
        }
        String basic = Base64.getEncoder()
                .encodeToString((URLEncoder.encode(peer.clientId(), StandardCharsets.UTF_8) + ":"
                                + URLEncoder.encode(peer.clientSecret(), StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(peer.tokenUrl()))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + NODE_SCOPE))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("token refused by peer " + node + ": HTTP " + response.statusCode());
        }
        JsonNode answer = json.readTree(response.body());
        String value = answer.path("access_token").asString();
        long seconds = answer.path("expires_in").asLong(60);
        tokens.put(node, new Token(value, now.plusSeconds(Math.max(0, seconds - 30))));
        return value;
    }
}
