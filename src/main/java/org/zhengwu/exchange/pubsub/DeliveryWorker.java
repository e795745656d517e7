package org.zhengwu.exchange.pubsub;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengwu.exchange.grant.ActiveGrant;
import org.zhengwu.exchange.node.NodeKey;
import org.zhengwu.exchange.node.Signatures;
import org.zhengwu.exchange.pubsub.ResourceItems.Resource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes due deliveries to subscribers' webhooks: in order per key (a delivery waits while an earlier one of its key is
 * not delivered, so one failing key holds back only itself), at least once, in batches of up to {@code
 * delivery-batch} changes per request, each request signed with the node's SM2 key. A failed delivery is tried again
 * after an exponential back-off and becomes a dead letter after {@code max-attempts}. Deliveries are claimed with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, so nodes running the worker at once never send the same delivery twice
 * and never send two changes of a key out of order; the request itself is made outside any transaction.
 *
 * <p>The subscriber answers 2xx when it took the batch; it may list in a JSON body {@code {"failed": [ids]}} the
 * changes it could not apply, which are then retried alone, the others counted delivered.
 */
@Component
class DeliveryWorker {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);

    record Claimed(long subscriptionId, long changeId, int attempts) {}

    /** What one run did: deliveries sent and taken, failed (to retry), dead-lettered. */
    record Run(int delivered, int failed, int dead) {
        static final Run NOTHING = new Run(0, 0, 0);

        Run plus(Run other) {
            return new Run(delivered + other.delivered, failed + other.failed, dead + other.dead);
        }
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final TransactionTemplate transactions;
    private final Subscriptions subscriptions;
    private final ResourceItems resources;
    private final Outbox outbox;
    private final NodeKey key;
    private final JsonMapper json;
    private final PubSubProperties properties;
    private final Clock clock;
    private final HttpClient http;
    private final Peers peers;

    DeliveryWorker(
            Peers peers,
            JdbcClient jdbc,
            NamedParameterJdbcTemplate batch,
            TransactionTemplate transactions,
            Subscriptions subscriptions,
            ResourceItems resources,
            Outbox outbox,
            NodeKey key,
            JsonMapper json,
            PubSubProperties properties,
            Clock clock) {
        this.peers = peers;
        this.jdbc = jdbc;
        this.batch = batch;
        this.transactions = transactions;
        this.subscriptions = subscriptions;
        this.resources = resources;
        this.outbox = outbox;
        this.key = key;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Scheduled(
            fixedDelayString = "${zhengwu.exchange.pubsub.delivery-interval:2s}",
            initialDelayString = "${zhengwu.exchange.pubsub.delivery-interval:2s}")
    void scheduled() {
        try {
            runUntilIdle();
        } catch (RuntimeException e) {
            LOG.warn("Exchange delivery run failed: {}", e.toString());
        }
    }

    /** Runs until nothing is due (at most 100 rounds). */
    Run runUntilIdle() {
        Run total = Run.NOTHING;
        for (int round = 0; round < 100; round++) {
            Run run = runOnce();
            total = total.plus(run);
            if (run.equals(Run.NOTHING)) {
                break;
            }
        }
        return total;
    }

    /** Claims what is due now and pushes it, one request per subscription. */
    Run runOnce() {
        Instant now = clock.instant();
        Instant lease = now.plus(properties.webhookTimeout().multipliedBy(3));
        List<Claimed> claimed = transactions.execute(status -> jdbc.sql("""
                        WITH due AS (
                            SELECT d.subscription_id, d.change_id FROM exchange_delivery d
                            JOIN exchange_subscription s ON s.id = d.subscription_id AND s.status = 'ACTIVE'
                            WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now
                              AND NOT EXISTS (
                                SELECT 1 FROM exchange_delivery e
                                WHERE e.subscription_id = d.subscription_id AND e.key_index = d.key_index
                                  AND e.change_id < d.change_id AND e.status <> 'DELIVERED')
                            ORDER BY d.change_id
                            LIMIT :limit
                            FOR UPDATE OF d SKIP LOCKED)
                        UPDATE exchange_delivery d SET next_attempt_at = :lease, attempts = d.attempts + 1
                        FROM due WHERE d.subscription_id = due.subscription_id AND d.change_id = due.change_id
                        RETURNING d.subscription_id, d.change_id, d.attempts""")
                .param("now", Timestamp.from(now))
                .param("lease", Timestamp.from(lease))
                .param("limit", properties.deliveryBatch())
                .query((rs, n) -> new Claimed(rs.getLong(1), rs.getLong(2), rs.getInt(3)))
                .list());
        if (claimed.isEmpty()) {
            return Run.NOTHING;
        }
        Map<Long, List<Claimed>> bySubscription = new LinkedHashMap<>();
        claimed.stream()
                .sorted(java.util.Comparator.comparingLong(Claimed::changeId))
                .forEach(c -> bySubscription
                        .computeIfAbsent(c.subscriptionId(), k -> new ArrayList<>())
                        .add(c));
        Run total = Run.NOTHING;
        Map<String, Optional<Resource>> resourceCache = new HashMap<>();
        for (Map.Entry<Long, List<Claimed>> entry : bySubscription.entrySet()) {
            total = total.plus(deliver(entry.getKey(), entry.getValue(), resourceCache));
        }
        return total;
    }

    private Run deliver(long subscriptionId, List<Claimed> claimed, Map<String, Optional<Resource>> resourceCache) {
        Subscriptions.Subscription subscription =
                subscriptions.find(subscriptionId).orElseThrow();
        Optional<ActiveGrant> grant = subscriptions.grant(subscription.consumerUscc(), subscription.resourceCode());
        Optional<Resource> resource =
                resourceCache.computeIfAbsent(subscription.resourceCode(), code -> resources.find(code));
        if (grant.isEmpty() || resource.isEmpty()) {
            // Checked at delivery time: nothing more goes out; the claimed deliveries stay due for a new grant.
            subscriptions.stop(subscriptionId, "grant");
            release(claimed);
            return Run.NOTHING;
        }
        List<Outbox.Stored> changes =
                outbox.read(claimed.stream().map(Claimed::changeId).toList());
        List<DeliveryView.Delivered> shown = changes.stream()
                .map(change -> DeliveryView.of(change, resource.get(), grant.get()))
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subscription", subscriptionId);
        body.put("resource", subscription.resourceCode());
        body.put("node", properties.node());
        body.put("sentAt", clock.instant().toString());
        body.put("changes", shown);
        byte[] bytes = json.writeValueAsBytes(body);
        Set<Long> failed = new HashSet<>();
        String error = null;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(subscription.endpointUrl()));
            if (subscription.peerNode() != null) {
                request.header("Authorization", "Bearer " + peers.token(subscription.peerNode()));
            }
            HttpResponse<String> response = http.send(
                    request.timeout(properties.webhookTimeout())
                            .header("Content-Type", "application/json")
                            .header(Signatures.NODE, properties.node())
                            .header(Signatures.SIGNATURE, Base64.getEncoder().encodeToString(key.sign(bytes)))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                error = "HTTP " + response.statusCode();
            } else {
                failed.addAll(failedIds(response.body()));
            }
        } catch (IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        Instant now = clock.instant();
        List<MapSqlParameterSource> done = new ArrayList<>();
        List<MapSqlParameterSource> retry = new ArrayList<>();
        int dead = 0;
        for (Claimed c : claimed) {
            if (error == null && !failed.contains(c.changeId())) {
                done.add(new MapSqlParameterSource()
                        .addValue("s", c.subscriptionId())
                        .addValue("c", c.changeId())
                        .addValue("at", Timestamp.from(now)));
            } else {
                boolean last = c.attempts() >= properties.maxAttempts();
                dead += last ? 1 : 0;
                retry.add(new MapSqlParameterSource()
                        .addValue("s", c.subscriptionId())
                        .addValue("c", c.changeId())
                        .addValue("status", last ? "DEAD" : "PENDING")
                        .addValue("next", Timestamp.from(now.plus(properties.backOff(c.attempts()))))
                        .addValue("error", truncate(error == null ? "refused by the subscriber" : error)));
            }
        }
        if (!done.isEmpty()) {
            batch.batchUpdate("""
                    UPDATE exchange_delivery SET status = 'DELIVERED', delivered_at = :at, last_error = NULL
                    WHERE subscription_id = :s AND change_id = :c""", done.toArray(MapSqlParameterSource[]::new));
        }
        if (!retry.isEmpty()) {
            batch.batchUpdate("""
                    UPDATE exchange_delivery SET status = :status, next_attempt_at = :next, last_error = :error
                    WHERE subscription_id = :s AND change_id = :c""", retry.toArray(MapSqlParameterSource[]::new));
        }
        return new Run(done.size(), retry.size() - dead, dead);
    }

    private List<Long> failedIds(String body) {
        if (body == null || body.isBlank()) {
            return List.of();
        }
        try {
            JsonNode failed = json.readTree(body).path("failed");
            List<Long> ids = new ArrayList<>();
            if (failed.isArray()) {
                failed.forEach(id -> ids.add(id.asLong()));
            }
            return ids;
        } catch (RuntimeException notJson) {
            return List.of();
        }
    }

    private void release(List<Claimed> claimed) {
        batch.batchUpdate(
                """
                UPDATE exchange_delivery SET attempts = GREATEST(attempts - 1, 0), next_attempt_at = :now
                WHERE subscription_id = :s AND change_id = :c""",
                claimed.stream()
                        .map(c -> new MapSqlParameterSource()
                                .addValue("s", c.subscriptionId())
                                .addValue("c", c.changeId())
                                .addValue("now", Timestamp.from(clock.instant())))
                        .toArray(MapSqlParameterSource[]::new));
    }

    private static String truncate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300);
    }
}
