package org.zhengwu.exchange.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.ZhengwuApplication;
import org.zhengwu.exchange.ExchangeFixture;
import org.zhengwu.exchange.ExchangeFixture.Item;
import org.zhengwu.exchange.node.Signatures;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.oidc.SystemClients;
import org.zhengwu.shared.crypto.Sm2;
import org.zhengwu.support.TestBrowser;

/**
 * Province ↔ city: two platform instances in one JVM (a provincial node and a 合肥市 node, each with its own embedded
 * database and port) exchange change records both ways through the same subscriptions and webhooks. Each node is a
 * connected system of the other (client credentials, scope exchange.node), and each delivery is signed with the
 * sending node's SM2 key and checked with the configured peer key; a tampered body is refused. A change published on
 * each node arrives on the other exactly once, also after the receiving city node was down (stopped, its database
 * kept) for a while; nothing comes back to where it started.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeExchangeTests {

    static final String RESOURCE = "301001/999002";

    record Node(String name, int port, Map<String, Object> properties) {}

    Node province;
    Node city;
    ConfigurableApplicationContext provinceContext;
    ConfigurableApplicationContext cityContext;
    String provincePublisher;
    String cityPublisher;
    String cityNodeAtProvince;
    String provinceNodeAtCity;

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ConfigurableApplicationContext start(Node node) {
        // As command-line arguments: above the test configuration files, which default properties are not.
        String[] arguments = node.properties().entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(ZhengwuApplication.class).run(arguments);
    }

    @BeforeAll
    void startBothNodes() {
        byte[] provinceKey = Sm2.newPrivateKey();
        byte[] cityKey = Sm2.newPrivateKey();
        int provincePort = freePort();
        int cityPort = freePort();
        String provinceSecret = UUID.randomUUID() + "-" + UUID.randomUUID();
        String citySecret = UUID.randomUUID() + "-" + UUID.randomUUID();
        String run = UUID.randomUUID().toString().substring(0, 8);
        province = new Node(
                "province",
                provincePort,
                properties(
                        "province",
                        provincePort,
                        provinceKey,
                        "hefei",
                        cityPort,
                        cityKey,
                        "province-node",
                        provinceSecret,
                        "hefei-node",
                        citySecret,
                        Path.of("target/two-node", run, "province")));
        city = new Node(
                "hefei",
                cityPort,
                properties(
                        "hefei",
                        cityPort,
                        cityKey,
                        "province",
                        provincePort,
                        provinceKey,
                        "hefei-node",
                        citySecret,
                        "province-node",
                        provinceSecret,
                        Path.of("target/two-node", run, "hefei")));
        provinceContext = start(province);
        cityContext = start(city);
        setUpNode(provinceContext, province, "hefei-node");
        setUpNode(cityContext, city, "province-node");
    }

    /**
     * A node's properties: its own name, port, key and data directories; its peer's public key, token endpoint and
     * the credentials this node has there; and the peer's client registered here from configuration.
     */
    private static Map<String, Object> properties(
            String name,
            int port,
            byte[] key,
            String peer,
            int peerPort,
            byte[] peerKey,
            String clientIdAtPeer,
            String secretAtPeer,
            String peerClientHere,
            String peerSecretHere,
            Path dir) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("server.port", port);
        p.put("zhengwu.crypto.key-dir", dir.resolve("keys").toString());
        p.put("zhengwu.embedded-db.ephemeral", "false");
        p.put("zhengwu.embedded-db.data-dir", dir.resolve("pg").toAbsolutePath().toString());
        p.put("zhengwu.files.directory", dir.resolve("files").toString());
        p.put("zhengwu.exchange.pubsub.node", name);
        p.put("zhengwu.exchange.pubsub.node-key", Base64.getEncoder().encodeToString(key));
        p.put("zhengwu.exchange.pubsub.max-attempts", "1000");
        p.put("zhengwu.exchange.pubsub.longest-retry", "2s");
        p.put("zhengwu.exchange.pubsub.delivery-interval", "300ms");
        p.put(
                "zhengwu.exchange.pubsub.peers." + peer + ".public-key",
                Base64.getEncoder().encodeToString(Sm2.publicKey(peerKey)));
        p.put("zhengwu.exchange.pubsub.peers." + peer + ".token-url", "http://localhost:" + peerPort + "/oauth2/token");
        p.put(
                "zhengwu.exchange.pubsub.peers." + peer + ".client-id",
                peerClientHere.equals("hefei-node") ? "province-node" : "hefei-node");
        p.put("zhengwu.exchange.pubsub.peers." + peer + ".client-secret", secretAtPeer);
        p.put("zhengwu.identity.service-client.id", peerClientHere);
        p.put("zhengwu.identity.service-client.secret", peerSecretHere);
        p.put("spring.jmx.enabled", "false");
        p.put("spring.application.admin.enabled", "false");
        return p;
    }

    private JdbcClient jdbc(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class);
    }

    /** The peer's client granted the node scope here, the shared resource, its grant, and a publisher. */
    private void setUpNode(ConfigurableApplicationContext context, Node node, String peerClient) {
        ExchangeFixture fixture = new ExchangeFixture(jdbc(context));
        List<Map<String, Object>> organisations = fixture.organisations(2);
        String provider = (String) organisations.get(0).get("uscc");
        String consumer = (String) organisations.get(1).get("uscc");
        fixture.resource(
                RESOURCE,
                provider,
                (String) organisations.get(0).get("division_code"),
                List.of(Item.string("code", 20).key(), Item.string("name", 40).sensitive()));
        fixture.grant(RESOURCE, consumer, (String) organisations.get(1).get("division_code"), "code,name", "name");
        TestBrowser administrator = new TestBrowser(node.port());
        administrator.signInNewAdministrator(context.getBean(StaffAccounts.class));
        SystemClients clients = new SystemClients(node.port(), administrator);
        clients.grant(peerClient, consumer, "exchange.node", "exchange.subscribe");
        String publisher = clients.token(clients.register(provider, "exchange.publish"), "exchange.publish");
        if (node == province) {
            provincePublisher = publisher;
        } else {
            cityPublisher = publisher;
        }
    }

    @AfterAll
    void stopBothNodes() {
        if (cityContext != null) {
            cityContext.close();
        }
        if (provinceContext != null) {
            provinceContext.close();
        }
    }

    /** The peer subscribes at {@code at} (as its own connected system there) with its inbound address. */
    private void peerSubscribes(Node at, Node peer, String peerClientSecretAtNode, String peerClient) {
        SystemClients.System system = new SystemClients.System(peerClient, peerClientSecretAtNode);
        String token = new SystemClients(at.port(), new TestBrowser(at.port())).token(system, "exchange.subscribe");
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("resource", RESOURCE);
        request.put("mode", "PUSH");
        request.put("url", "http://localhost:" + peer.port() + "/api/v1/exchange/inbound");
        request.put("peerNode", peer.name());
        Api.Answer answer = new Api(at.port()).post("/api/v1/exchange/subscriptions", token, request);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private static void publish(Node node, String token, String key, long version) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("key", key);
        change.put("operation", version == 1 ? "insert" : "update");
        change.put("version", version);
        change.put("fields", Map.of("code", key, "name", "名称" + key + "v" + version));
        Api.Answer answer = new Api(node.port())
                .post(
                        "/api/v1/exchange/publish/" + RESOURCE.replace('/', '-') + "/changes",
                        token,
                        Map.of("changes", List.of(change)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private long arrived(ConfigurableApplicationContext context, String origin) {
        return jdbc(context)
                .sql("SELECT count(*) FROM exchange_change WHERE resource_code = :r AND origin_node = :o")
                .param("r", RESOURCE)
                .param("o", origin)
                .query(Long.class)
                .single();
    }

    private static void await(BooleanSupplier condition, Duration limit) {
        Awaitility.await().atMost(limit).pollInterval(Duration.ofMillis(200)).until(condition::getAsBoolean);
    }

    @Test
    void changesPublishedOnEachNodeArriveOnTheOtherOnceAlsoAfterTheCityWasDown() {
        peerSubscribes(province, city, secret(province, "hefei-node"), "hefei-node");
        peerSubscribes(city, province, secret(city, "province-node"), "province-node");

        publish(province, provincePublisher, "P-1", 1);
        publish(city, cityPublisher, "C-1", 1);
        await(
                () -> arrived(cityContext, "province") == 1 && arrived(provinceContext, "hefei") == 1,
                Duration.ofSeconds(60));

        // The city goes down; the province keeps publishing, and its deliveries fail and are retried.
        cityContext.close();
        publish(province, provincePublisher, "P-1", 2);
        publish(province, provincePublisher, "P-2", 1);
        await(() -> jdbc(provinceContext).sql("""
                                SELECT count(*) FROM exchange_delivery WHERE status = 'PENDING' AND attempts >= 2""").query(Long.class).single() >= 1, Duration.ofSeconds(60));
        cityContext = start(city);
        await(() -> arrived(cityContext, "province") == 3, Duration.ofSeconds(120));

        // Exactly once each, in version order per key, and nothing sent back to where it started.
        assertThat(jdbc(cityContext).sql("""
                                SELECT origin_id FROM exchange_change WHERE origin_node = 'province'
                                GROUP BY origin_id HAVING count(*) > 1""").query(Long.class).list()).isEmpty();
        assertThat(arrived(provinceContext, "province")).isEqualTo(3);
        assertThat(arrived(cityContext, "hefei")).isEqualTo(1);
        assertThat(jdbc(cityContext)
                        .sql("""
                                SELECT k.last_version FROM exchange_key_version k
                                WHERE k.resource_code = :r ORDER BY k.last_version DESC LIMIT 1""")
                        .param("r", RESOURCE)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        // The city's copy reads back with the province's values, decrypted with the city's own key.
        List<Outbox.Stored> copies = cityContext.getBean(Outbox.class).after(RESOURCE, 0, 100);
        assertThat(copies.stream()
                        .filter(c -> c.originNode().equals("province"))
                        .map(c -> c.key() + "/" + c.version()))
                .containsExactly("P-1/1", "P-1/2", "P-2/1");
        assertThat(copies.stream()
                        .filter(c -> c.key().equals("P-1") && c.version() == 2)
                        .findFirst()
                        .orElseThrow()
                        .fields())
                .containsEntry("name", "名称P-1v2");
    }

    @Test
    void aTamperedOrUnsignedDeliveryIsRefusedByTheReceivingNode() {
        String secret = secret(city, "province-node");
        String token = new SystemClients(city.port(), new TestBrowser(city.port()))
                .token(new SystemClients.System("province-node", secret), "exchange.node");
        byte[] provinceKey =
                Base64.getDecoder().decode((String) province.properties().get("zhengwu.exchange.pubsub.node-key"));
        String body =
                "{\"changes\": [{\"id\": 1, \"idempotencyKey\": \"tamper-test:999999\", \"resource\": \"" + RESOURCE
                        + "\", \"operation\": \"INSERT\", \"version\": 1, \"key\": \"Z-1\", \"fields\": {\"code\": \"Z-1\"}}]}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature = Base64.getEncoder().encodeToString(Sm2.sign(provinceKey, bytes));
        String tampered = body.replace("Z-1", "Z-2");
        assertThat(inbound(token, tampered, "province", signature).status()).isEqualTo(403);
        assertThat(inbound(token, body, "province", null).status()).isEqualTo(403);
        assertThat(inbound(token, body, "elsewhere", signature).status()).isEqualTo(403);
        assertThat(jdbc(cityContext)
                        .sql("SELECT count(*) FROM exchange_change WHERE origin_id = 999999")
                        .query(Long.class)
                        .single())
                .isZero();
        Api.Answer accepted = inbound(token, body, "province", signature);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(inbound(token, body, "province", signature)
                        .json()
                        .path("replayed")
                        .asInt())
                .as("the same delivery again: no new effect")
                .isEqualTo(1);
        assertThat(jdbc(cityContext)
                        .sql("SELECT count(*) FROM exchange_change WHERE origin_id = 999999")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(Signatures.verify(Sm2.PublicKey.of(Sm2.publicKey(provinceKey)), bytes, signature))
                .isTrue();
    }

    private Api.Answer inbound(String token, String body, String node, String signature) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + city.port() + "/api/v1/exchange/inbound"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header(Signatures.NODE, node)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signature != null) {
            request.header(Signatures.SIGNATURE, signature);
        }
        try {
            var response = java.net.http.HttpClient.newHttpClient()
                    .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Api.Answer(response.statusCode(), response.body(), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The secret of {@code client} registered at {@code node} from configuration. */
    private static String secret(Node node, String client) {
        return (String) node.properties().get("zhengwu.identity.service-client.secret");
    }
}
