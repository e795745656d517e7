package org.zhengwu.exchange.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengwu.exchange.ExchangeFixture;
import org.zhengwu.exchange.ExchangeFixture.Item;
import org.zhengwu.exchange.node.Signatures;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.oidc.SystemClients;
import org.zhengwu.shared.crypto.Sm2;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.ZhengwuTest;
import tools.jackson.databind.JsonNode;

/**
 * Subscribers receive what providers publish: a webhook that fails N times then succeeds gets every change, in order
 * per key, with no duplicate effect, after a growing back-off; a key its subscriber cannot apply holds back only that
 * key; a delivery that keeps failing becomes a dead letter and is delivered again on demand; fields outside the grant
 * are never carried, sensitive ones masked; a revoked grant stops delivery; pulled subscriptions read by cursor. Every
 * webhook request is signed with the node's SM2 key.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeliveryWorker worker;

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    Api api;
    ExchangeFixture fixture;
    String provider;
    String providerDivision;
    String consumer;
    String consumerDivision;
    String publisherToken;
    String subscriberToken;
    String otherSubscriberToken;

    @BeforeAll
    void setUp() {
        api = new Api(port);
        fixture = new ExchangeFixture(jdbc);
        List<Map<String, Object>> organisations = fixture.organisations(3);
        provider = (String) organisations.get(0).get("uscc");
        providerDivision = (String) organisations.get(0).get("division_code");
        consumer = (String) organisations.get(1).get("uscc");
        consumerDivision = (String) organisations.get(1).get("division_code");
        String other = (String) organisations.get(2).get("uscc");
        TestBrowser administrator = new TestBrowser(port);
        administrator.signInNewAdministrator(staff);
        SystemClients clients = new SystemClients(port, administrator);
        publisherToken = clients.token(clients.register(provider, "exchange.publish"), "exchange.publish");
        subscriberToken = clients.token(clients.register(consumer, "exchange.subscribe"), "exchange.subscribe");
        otherSubscriberToken = clients.token(clients.register(other, "exchange.subscribe"), "exchange.subscribe");
    }

    /** A resource of the provider with a granted subset for the consumer; its code and the grant. */
    record Granted(String resource, long grant) {}

    private Granted grantedResource() {
        String resource = fixture.resource(
                provider,
                providerDivision,
                List.of(
                        Item.string("code", 20).key(),
                        Item.string("name", 20).sensitive(),
                        Item.string("phone", 11).sensitive(),
                        Item.string("status", 2)));
        long grant = fixture.grant(resource, consumer, consumerDivision, "code,name,status", "");
        return new Granted(resource, grant);
    }

    private long subscribe(String resource, String mode, String url) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("resource", resource);
        request.put("mode", mode);
        request.put("url", url);
        Api.Answer answer = api.post("/api/v1/exchange/subscriptions", subscriberToken, request);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path("id").asLong();
    }

    private List<Long> publish(String resource, Object... keysAndVersions) {
        List<Map<String, Object>> changes = new ArrayList<>();
        for (int i = 0; i < keysAndVersions.length; i += 2) {
            String key = (String) keysAndVersions[i];
            long version = ((Number) keysAndVersions[i + 1]).longValue();
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("code", key);
            fields.put("name", "欧阳娜娜");
            fields.put("phone", "13912345678");
            fields.put("status", "0" + (version % 10));
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("key", key);
            change.put("operation", version == 1 ? "insert" : "update");
            change.put("version", version);
            change.put("fields", fields);
            changes.add(change);
        }
        Api.Answer answer = api.post(
                "/api/v1/exchange/publish/" + resource.replace('/', '-') + "/changes",
                publisherToken,
                Map.of("changes", changes));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        answer.json().path("changes").forEach(id -> ids.add(id.asLong()));
        return ids;
    }

    private long count(long subscription, String status) {
        return jdbc.sql("SELECT count(*) FROM exchange_delivery WHERE subscription_id = :s AND status = :status")
                .param("s", subscription)
                .param("status", status)
                .query(Long.class)
                .single();
    }

    /** Runs the worker between looks, as the scheduler would, until the condition holds. */
    private void await(BooleanSupplier condition, Duration limit) {
        Awaitility.await()
                .atMost(limit)
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    if (condition.getAsBoolean()) {
                        return true;
                    }
                    worker.runUntilIdle();
                    return false;
                });
    }

    private Sm2.PublicKey nodeKey() {
        Api.Answer key = api.get("/api/v1/exchange/node-key", null);
        assertThat(key.status()).isEqualTo(200);
        return Sm2.PublicKey.of(
                Base64.getDecoder().decode(key.json().path("publicKey").asString()));
    }

    @Test
    void aSubscriberThatFailsThreeTimesGetsEveryChangeInOrderOnceAfterAGrowingBackOff() {
        Granted granted = grantedResource();
        try (TestSubscriber subscriber = new TestSubscriber()) {
            subscriber.failures.set(3);
            long subscription = subscribe(granted.resource(), "PUSH", subscriber.url());
            publish(granted.resource(), "A", 1, "B", 1, "A", 2);
            publish(granted.resource(), "A", 3, "B", 2, "C", 1);
            await(() -> count(subscription, "DELIVERED") == 6, Duration.ofSeconds(30));

            assertThat(subscriber.applied)
                    .containsOnlyKeys("A", "B", "C")
                    .containsEntry("A", List.of(1L, 2L, 3L))
                    .containsEntry("B", List.of(1L, 2L))
                    .containsEntry("C", List.of(1L));
            assertThat(subscriber.seen).hasSize(6);
            List<TestSubscriber.Received> requests = new ArrayList<>(subscriber.requests);
            assertThat(requests.subList(0, 3)).allMatch(r -> r.status() == 500);
            long first =
                    Duration.between(requests.get(0).at(), requests.get(1).at()).toMillis();
            long second =
                    Duration.between(requests.get(1).at(), requests.get(2).at()).toMillis();
            long third =
                    Duration.between(requests.get(2).at(), requests.get(3).at()).toMillis();
            assertThat(first).as("first back-off").isGreaterThanOrEqualTo(290);
            assertThat(second).as("second back-off, doubled").isGreaterThanOrEqualTo(590);
            assertThat(third).as("third back-off, doubled").isGreaterThanOrEqualTo(1190);

            Sm2.PublicKey key = nodeKey();
            for (TestSubscriber.Received request : requests) {
                assertThat(Signatures.verify(key, request.body(), request.signature()))
                        .as("signed by the node")
                        .isTrue();
                assertThat(request.node()).isEqualTo("local");
                byte[] tampered = request.body().clone();
                tampered[tampered.length / 2] ^= 1;
                assertThat(Signatures.verify(key, tampered, request.signature()))
                        .isFalse();
            }
        }
    }

    @Test
    void aKeyTheSubscriberCannotApplyHoldsBackOnlyItself() {
        Granted granted = grantedResource();
        try (TestSubscriber subscriber = new TestSubscriber()) {
            AtomicInteger refusals = new AtomicInteger();
            subscriber.cannotApply =
                    change -> change.path("key").asString().equals("X") && refusals.getAndIncrement() < 2;
            long subscription = subscribe(granted.resource(), "PUSH", subscriber.url());
            List<Long> ids = publish(granted.resource(), "X", 1, "X", 2, "Y", 1, "Y", 2);
            await(() -> subscriber.applied.getOrDefault("Y", List.of()).size() == 2, Duration.ofSeconds(20));
            // Y went on while X's first change waited; X's second was never sent before its first was taken.
            assertThat(subscriber.applied.containsKey("X") ? subscriber.applied.get("X") : List.<Long>of())
                    .isSubsetOf(List.of(1L, 2L));
            await(() -> count(subscription, "DELIVERED") == 4, Duration.ofSeconds(20));
            assertThat(subscriber.applied).containsEntry("X", List.of(1L, 2L)).containsEntry("Y", List.of(1L, 2L));
            for (TestSubscriber.Received request : subscriber.requests) {
                JsonNode changes = Api.JSON.readTree(request.body()).path("changes");
                List<Long> xVersions = new ArrayList<>();
                changes.forEach(c -> {
                    if (c.path("key").asString().equals("X")) {
                        xVersions.add(c.path("version").asLong());
                    }
                });
                assertThat(xVersions)
                        .as("at most one change of a key per request")
                        .hasSizeLessThanOrEqualTo(1);
            }
            assertThat(ids).hasSize(4);
        }
    }

    @Test
    void aDeliveryThatKeepsFailingIsADeadLetterHoldsItsKeyBackAndIsReplayedOnDemand() {
        Granted granted = grantedResource();
        try (TestSubscriber subscriber = new TestSubscriber()) {
            subscriber.failures.set(1_000);
            long subscription = subscribe(granted.resource(), "PUSH", subscriber.url());
            List<Long> first = publish(granted.resource(), "K", 1);
            await(() -> count(subscription, "DEAD") == 1, Duration.ofSeconds(30));
            assertThat(subscriber.requests).hasSize(4);
            assertThat(jdbc.sql("SELECT attempts FROM exchange_delivery WHERE subscription_id = :s")
                            .param("s", subscription)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(4);

            subscriber.failures.set(0);
            publish(granted.resource(), "K", 2);
            worker.runUntilIdle();
            assertThat(subscriber.applied)
                    .as("K 2 waits behind the dead letter K 1")
                    .isEmpty();
            assertThat(count(subscription, "PENDING")).isEqualTo(1);

            Api.Answer replay =
                    api.post("/api/v1/exchange/subscriptions/" + subscription + "/replay", subscriberToken, Map.of());
            assertThat(replay.status()).as(replay.body()).isEqualTo(200);
            assertThat(replay.json().path("deliveries").asInt()).isEqualTo(1);
            await(() -> count(subscription, "DELIVERED") == 2, Duration.ofSeconds(20));
            assertThat(subscriber.applied).containsEntry("K", List.of(1L, 2L));

            // From a change id: sent again, and the subscriber's idempotency key keeps its effect once.
            Api.Answer again = api.post(
                    "/api/v1/exchange/subscriptions/" + subscription + "/replay",
                    subscriberToken,
                    Map.of("from", first.get(0)));
            assertThat(again.json().path("deliveries").asInt()).isEqualTo(2);
            await(() -> subscriber.duplicates.get() == 2, Duration.ofSeconds(20));
            assertThat(subscriber.applied).containsEntry("K", List.of(1L, 2L));
            assertThat(api.post(
                                    "/api/v1/exchange/subscriptions/" + subscription + "/replay",
                                    otherSubscriberToken,
                                    Map.of())
                            .status())
                    .isEqualTo(404);
        }
    }

    @Test
    void fieldsOutsideTheGrantAreNeverCarriedAndSensitiveOnesAreMasked() {
        Granted granted = grantedResource();
        try (TestSubscriber subscriber = new TestSubscriber()) {
            long subscription = subscribe(granted.resource(), "PUSH", subscriber.url());
            publish(granted.resource(), "F1", 1);
            await(() -> count(subscription, "DELIVERED") == 1, Duration.ofSeconds(20));
            String body = new String(subscriber.requests.get(0).body(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(body)
                    .doesNotContain("13912345678")
                    .doesNotContain("phone")
                    .doesNotContain("欧阳娜娜");
            JsonNode change = Api.JSON.readTree(body).path("changes").get(0);
            assertThat(change.path("fields").path("name").asString()).isEqualTo("欧**娜");
            assertThat(change.path("fields").path("status").asString()).isEqualTo("01");
            assertThat(change.path("idempotencyKey").asString()).isNotBlank();
        }
    }

    @Test
    void aRevokedGrantStopsDelivery() {
        Granted granted = grantedResource();
        try (TestSubscriber subscriber = new TestSubscriber()) {
            long subscription = subscribe(granted.resource(), "PUSH", subscriber.url());
            fixture.revoke(granted.grant());
            publish(granted.resource(), "R1", 1);
            worker.runUntilIdle();
            assertThat(subscriber.requests).isEmpty();
            assertThat(jdbc.sql("SELECT status FROM exchange_subscription WHERE id = :id")
                            .param("id", subscription)
                            .query(String.class)
                            .single())
                    .isEqualTo("STOPPED");
            assertThat(count(subscription, "DELIVERED")).isZero();
        }
    }

    @Test
    void aPulledSubscriptionReadsByCursorAndAcknowledges() {
        Granted granted = grantedResource();
        long subscription = subscribe(granted.resource(), "PULL", null);
        List<Long> ids = publish(granted.resource(), "P1", 1, "P2", 1, "P3", 1, "P4", 1, "P5", 1);
        String base = "/api/v1/exchange/subscriptions/" + subscription + "/changes";
        Api.Answer page = api.get(base + "?limit=2", subscriberToken);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().path("changes")).hasSize(2);
        assertThat(page.json().path("more").asBoolean()).isTrue();
        long cursor = page.json().path("cursor").asLong();
        assertThat(cursor).isEqualTo(ids.get(1));
        assertThat(page.body()).doesNotContain("13912345678").doesNotContain("欧阳娜娜");

        Api.Answer next = api.get(base + "?limit=2&after=" + cursor, subscriberToken);
        assertThat(next.json().path("changes").get(0).path("key").asString()).isEqualTo("P3");
        long acked = next.json().path("cursor").asLong();
        Api.Answer ack = api.post(
                "/api/v1/exchange/subscriptions/" + subscription + "/ack", subscriberToken, Map.of("cursor", acked));
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
        Api.Answer rest = api.get(base, subscriberToken);
        assertThat(rest.json().path("changes")).hasSize(1);
        assertThat(rest.json().path("changes").get(0).path("key").asString()).isEqualTo("P5");
        assertThat(rest.json().path("more").asBoolean()).isFalse();

        assertThat(api.get(base, otherSubscriberToken).status()).isEqualTo(404);
        assertThat(api.get(base + "?limit=0", subscriberToken).status()).isEqualTo(400);
        fixture.revoke(granted.grant());
        assertThat(api.get(base, subscriberToken).status()).isEqualTo(403);
    }

    @Test
    void aPushSubscriptionMadeWhileAPublisherIsWritingGetsADeliveryForEveryLaterRecord() throws Exception {
        Granted granted = grantedResource();
        CountDownLatch wrote = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        CompletableFuture<List<Long>> writing = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
            List<Long> written = outbox.write(
                            granted.resource(),
                            List.of(new Outbox.Change("W1", "INSERT", 1, Map.of("code", "W1"), null, null)),
                            "test",
                            "province",
                            Instant.now())
                    .ids();
            wrote.countDown();
            try {
                mayCommit.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return written;
        }));
        assertThat(wrote.await(30, TimeUnit.SECONDS)).isTrue();
        try (TestSubscriber subscriber = new TestSubscriber()) {
            CompletableFuture<Long> subscribing =
                    CompletableFuture.supplyAsync(() -> subscribe(granted.resource(), "PUSH", subscriber.url()));
            // Subscribed now, it would start after the records committed so far and miss the open writer's, which
            // has already chosen the subscriptions to deliver to.
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> OutboxOrderTests.waitingForALock(jdbc));
            assertThat(subscribing).isNotDone();
            mayCommit.countDown();
            long written = writing.get(30, TimeUnit.SECONDS).get(0);
            long subscription = subscribing.get(30, TimeUnit.SECONDS);

            List<Long> later = publish(granted.resource(), "W2", 1);
            long start = jdbc.sql("SELECT acked_cursor FROM exchange_subscription WHERE id = :id")
                    .param("id", subscription)
                    .query(Long.class)
                    .single();
            assertThat(start).isGreaterThanOrEqualTo(written);
            List<Long> delivered = jdbc.sql(
                            "SELECT change_id FROM exchange_delivery WHERE subscription_id = :s ORDER BY change_id")
                    .param("s", subscription)
                    .query(Long.class)
                    .list();
            List<Long> after = jdbc.sql("""
                            SELECT id FROM exchange_change WHERE resource_code = :r AND id > :start ORDER BY id""")
                    .param("r", granted.resource())
                    .param("start", start)
                    .query(Long.class)
                    .list();
            assertThat(after).isEqualTo(later);
            assertThat(delivered).containsExactlyElementsOf(after);
        }
    }

    /** Makes a stored change unreadable, as a damaged row or a lost key would: its payload fails its integrity check. */
    private void damage(long change) {
        jdbc.sql("UPDATE exchange_change SET payload = set_byte(payload, length(payload) - 1,"
                        + " get_byte(payload, length(payload) - 1) # 1) WHERE id = :id")
                .param("id", change)
                .update();
    }

    private Object[] keys(String prefix, int count) {
        Object[] keysAndVersions = new Object[count * 2];
        for (int i = 0; i < count; i++) {
            keysAndVersions[2 * i] = prefix + i;
            keysAndVersions[2 * i + 1] = 1;
        }
        return keysAndVersions;
    }

    @Test
    void aPageWhoseRecordCannotBeOpenedBeforeAnythingLeftIsAnErrorNotAnEmptyPage() {
        Granted granted = grantedResource();
        long subscription = subscribe(granted.resource(), "PULL", null);
        List<Long> ids = publish(granted.resource(), keys("D", 3));
        damage(ids.get(2));

        Api.Answer page = api.get("/api/v1/exchange/subscriptions/" + subscription + "/changes", subscriberToken);
        assertThat(page.status()).as(page.body()).isEqualTo(500);
        assertThat(page.contentType()).startsWith("application/problem+json");
        assertThat(page.body()).doesNotContain("\"changes\"").doesNotContain("D0");
    }

    @Test
    void aPageThatFailsAfterItsFirstRecordsLeftIsCutOffNeverAnsweredAsComplete() {
        Granted granted = grantedResource();
        long subscription = subscribe(granted.resource(), "PULL", null);
        List<Long> ids = new ArrayList<>();
        for (int batch = 0; batch < 12; batch++) {
            ids.addAll(publish(granted.resource(), keys("E" + batch + "-", 50)));
        }
        // In the page's second chunk: the first (250 records, ~60 KB) has left by then.
        damage(ids.get(550));

        String path = "/api/v1/exchange/subscriptions/" + subscription + "/changes?limit=600";
        assertThatThrownBy(() -> api.get(path, subscriberToken)).isInstanceOf(java.io.UncheckedIOException.class);
        damage(ids.get(550));
        Api.Answer whole = api.get(path, subscriberToken);
        assertThat(whole.status()).as(whole.body()).isEqualTo(200);
        assertThat(whole.json().path("changes")).hasSize(600);
        assertThat(whole.json().path("cursor").asLong()).isEqualTo(ids.get(599));
    }

    @Test
    void subscribingNeedsAGrantAndAWebhookAddress() {
        Granted granted = grantedResource();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("resource", granted.resource());
        request.put("mode", "PULL");
        Api.Answer withoutGrant = api.post("/api/v1/exchange/subscriptions", otherSubscriberToken, request);
        assertThat(withoutGrant.status()).as(withoutGrant.body()).isEqualTo(403);
        request.put("mode", "PUSH");
        request.put("url", "ftp://example.org/hook");
        Api.Answer badUrl = api.post("/api/v1/exchange/subscriptions", subscriberToken, request);
        assertThat(badUrl.status()).as(badUrl.body()).isEqualTo(400);
        assertThat(api.get("/api/v1/exchange/subscriptions", publisherToken).status())
                .isEqualTo(403);
    }
}
