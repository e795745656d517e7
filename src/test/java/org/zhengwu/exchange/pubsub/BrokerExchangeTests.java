package org.zhengwu.exchange.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.zhengwu.exchange.ExchangeFixture;
import org.zhengwu.exchange.ExchangeFixture.Item;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.oidc.SystemClients;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.ZhengwuTest;

/**
 * The broker variant against the RabbitMQ on 127.0.0.1:5672 (guest/guest), skipped with the reason when it is not
 * reachable: records go from the outbox to the queue with publisher confirms and are marked relayed only then; the
 * webhook deliveries are driven from the queue (the worker's own schedule is an hour here, so nothing else sends
 * them); a record whose relay was lost is relayed again, and the subscriber's effect stays once.
 */
@ZhengwuTest
@TestPropertySource(
        properties = {
            "zhengwu.exchange.broker=rabbitmq",
            "zhengwu.exchange.pubsub.delivery-interval=1h",
            "zhengwu.exchange.pubsub.relay-interval=200ms"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerExchangeTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void brokerIsReachable() {
        boolean reachable;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5672), 1000);
            reachable = true;
        } catch (IOException e) {
            reachable = false;
        }
        Assumptions.assumeTrue(
                reachable,
                "RabbitMQ is not reachable on 127.0.0.1:5672 (start it with: rabbitmq-server -detached):"
                        + " the broker variant is not tested");
    }

    private static void await(BooleanSupplier condition, Duration limit) {
        Awaitility.await().atMost(limit).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
    }

    @Test
    void recordsAreRelayedWithConfirmsAndTheQueueDrivesTheWebhook() {
        ExchangeFixture fixture = new ExchangeFixture(jdbc);
        List<Map<String, Object>> organisations = fixture.organisations(2);
        String provider = (String) organisations.get(0).get("uscc");
        String consumer = (String) organisations.get(1).get("uscc");
        String resource = fixture.resource(
                provider,
                (String) organisations.get(0).get("division_code"),
                List.of(Item.string("code", 20).key()));
        fixture.grant(resource, consumer, (String) organisations.get(1).get("division_code"), "code", "");
        TestBrowser administrator = new TestBrowser(port);
        administrator.signInNewAdministrator(staff);
        SystemClients clients = new SystemClients(port, administrator);
        String publisher = clients.token(clients.register(provider, "exchange.publish"), "exchange.publish");
        String subscriber = clients.token(clients.register(consumer, "exchange.subscribe"), "exchange.subscribe");
        Api api = new Api(port);
        try (TestSubscriber hook = new TestSubscriber()) {
            Api.Answer subscribed = api.post(
                    "/api/v1/exchange/subscriptions",
                    subscriber,
                    Map.of("resource", resource, "mode", "PUSH", "url", hook.url()));
            assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(200);
            List<Map<String, Object>> changes = new ArrayList<>();
            for (String key : List.of("Q1", "Q2", "Q1")) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("key", key);
                change.put("operation", "update");
                change.put("version", changes.size() + 1);
                change.put("fields", Map.of("code", key));
                changes.add(change);
            }
            Api.Answer published = api.post(
                    "/api/v1/exchange/publish/" + resource.replace('/', '-') + "/changes",
                    publisher,
                    Map.of("changes", changes));
            assertThat(published.status()).as(published.body()).isEqualTo(200);
            List<Long> ids = new ArrayList<>();
            published.json().path("changes").forEach(id -> ids.add(id.asLong()));

            await(() -> hook.seen.size() == 3, Duration.ofSeconds(30));
            assertThat(hook.applied).containsEntry("Q1", List.of(1L, 3L)).containsEntry("Q2", List.of(2L));
            assertThat(relayed(ids)).isEqualTo(3);

            // A relay whose confirm was lost: the record is relayed again; the subscriber's effect stays once.
            jdbc.sql("UPDATE exchange_change SET relayed_at = NULL WHERE id = :id")
                    .param("id", ids.get(0))
                    .update();
            await(() -> relayed(ids) == 3, Duration.ofSeconds(30));
            assertThat(hook.seen).hasSize(3);
            assertThat(hook.applied).containsEntry("Q1", List.of(1L, 3L));
        }
    }

    private long relayed(List<Long> ids) {
        return jdbc.sql("SELECT count(*) FROM exchange_change WHERE id = ANY(:ids) AND relayed_at IS NOT NULL")
                .param("ids", ids.toArray(Long[]::new))
                .query(Long.class)
                .single();
    }
}
