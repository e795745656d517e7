package org.zhengwu.exchange.pubsub;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * A subscriber's webhook, a real HTTP server: it fails the first {@code failures} requests (HTTP 500), then takes
 * them, except the changes a rule says it cannot apply yet (answered in {@code failed}). Its effect is applied once per
 * idempotency key, whatever is delivered again; it records every request as it came.
 */
final class TestSubscriber implements AutoCloseable {

    record Received(Instant at, byte[] body, String signature, String node, int status) {}

    /** The effect: per key, the versions applied, in the order applied. */
    final Map<String, List<Long>> applied = Collections.synchronizedMap(new LinkedHashMap<>());

    final Set<String> seen = Collections.synchronizedSet(new LinkedHashSet<>());
    final List<Received> requests = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger duplicates = new AtomicInteger();
    final AtomicInteger failures = new AtomicInteger();
    volatile Predicate<JsonNode> cannotApply = change -> false;

    private final HttpServer server;

    TestSubscriber() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("X-Zhengwu-Signature");
            String node = exchange.getRequestHeaders().getFirst("X-Zhengwu-Node");
            int status = 200;
            String answer = "{}";
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                status = 500;
                answer = "{\"error\": \"down\"}";
            } else {
                JsonNode delivery = Api.JSON.readTree(body);
                List<Long> failed = new ArrayList<>();
                for (JsonNode change : delivery.path("changes")) {
                    if (cannotApply.test(change)) {
                        failed.add(change.path("id").asLong());
                        continue;
                    }
                    if (!seen.add(change.path("idempotencyKey").asString())) {
                        duplicates.incrementAndGet();
                        continue;
                    }
                    applied.computeIfAbsent(
                                    change.path("key").asString(), k -> Collections.synchronizedList(new ArrayList<>()))
                            .add(change.path("version").asLong());
                }
                answer = Api.JSON.writeValueAsString(Map.of("failed", failed));
            }
            requests.add(new Received(Instant.now(), body, signature, node, status));
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
