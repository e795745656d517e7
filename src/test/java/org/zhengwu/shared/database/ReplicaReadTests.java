package org.zhengwu.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.zhengwu.ZhengwuApplication;
import org.zhengwu.catalog.GuidePageFixtures;
import org.zhengwu.catalog.ItemType;

/**
 * Lag-tolerant reads from a real PostgreSQL streaming replica. The machine's shared PostgreSQL (127.0.0.1:5432) does
 * not accept physical replication connections (its pg_hba.conf has no {@code replication} line) and must not be
 * reconfigured, so the test makes its own primary with the machine's {@code initdb} on a free port and replicates
 * that with {@code pg_basebackup -R} ({@code standby.signal}, {@code primary_conninfo}) into a second cluster on
 * another port ({@link ReplicaCluster}). The application runs on the primary with its read pool on the replica.
 *
 * <p>With replay paused on the replica, an entry published through the application is on the primary at once but
 * neither its guide page nor the search shows it: they were read from the replica. Once replay resumes, both show it
 * within seconds — the caches that the publication emptied and the stale replica filled again are emptied once more
 * when the replica has replayed it. With the bound on lag at one second, a replica whose replay is paused again serves
 * no reads once it is a second behind: an entry published then is shown at once, read from the primary, and reads go
 * back to the replica when it has caught up. Then the replica is stopped: pages, search and a publication still work, reads
 * go to the primary without waiting for the replica each time, and health shows the replica DEGRADED while the node
 * stays UP and ready. Skipped, with the reason, without PostgreSQL's binaries or where servers cannot be started.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicaReadTests {

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private ReplicaCluster cluster;
    private ConfigurableApplicationContext application;
    private int port;
    private String publishedWhilePaused;
    private String name;

    /** What the tests search for: Chinese, matched by bigrams (the fixture appends letters and digits to names). */
    private static final String STEM = "副本延迟演示";

    @BeforeAll
    void startPrimaryReplicaAndApplication() throws IOException {
        Optional<Path> bin = ReplicaCluster.binaries();
        Assumptions.assumeTrue(
                bin.isPresent(), "No PostgreSQL binaries (initdb, pg_ctl, pg_basebackup) under /usr/lib/postgresql");
        Optional<String> cannot = ReplicaCluster.cannotRun();
        Assumptions.assumeTrue(cannot.isEmpty(), () -> "Cannot start PostgreSQL servers here: " + cannot.orElse(""));
        cluster = ReplicaCluster.start(
                bin.get(),
                Path.of("target/replica", UUID.randomUUID().toString().substring(0, 8)));
        application = new SpringApplicationBuilder(ZhengwuApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + cluster.primaryUrl(),
                        "--spring.datasource.username=" + ReplicaCluster.USER,
                        "--spring.datasource.password=",
                        "--zhengwu.database.replica.url=" + cluster.replicaUrl(),
                        "--zhengwu.database.replica.retry-after=3s",
                        // Paused replay must keep the replica stale for as long as the first test looks; the second
                        // test sets the production bound.
                        "--zhengwu.database.replica.max-lag=10m",
                        "--management.endpoint.health.show-details=always");
        port = ((WebServerApplicationContext) application).getWebServer().getPort();
    }

    @AfterAll
    void stop() {
        if (application != null) {
            application.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void aPageIsReadFromTheReplicaWhileTheWriteGoesToThePrimary() throws Exception {
        assertThat(cluster.standbySignal()).isTrue();
        assertThat(cluster.primaryConninfo()).contains("port=").contains("user=postgres");
        try (Connection replica = cluster.replica()) {
            assertThat(single(replica, "SELECT pg_is_in_recovery()::text")).isEqualTo("true");
            assertThat(single(replica, "SELECT status FROM pg_stat_wal_receiver"))
                    .isEqualTo("streaming");
        }
        ReplicaDataSource reads = reads();
        long fromReplica = reads.servedByReplica();
        assertThat(get("/search?q=" + encode("营业执照")).statusCode()).isEqualTo(200);
        assertThat(reads.servedByReplica()).isGreaterThan(fromReplica);

        try (Connection replica = cluster.replica()) {
            single(replica, "SELECT pg_wal_replay_pause()::text");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> "paused".equals(single(replica, "SELECT pg_get_wal_replay_pause_state()")));
        }
        name = STEM + "事项";
        publishedWhilePaused = application
                .getBean(GuidePageFixtures.class)
                .publish(ItemType.LICENSING, name, GuidePageFixtures.licensing());

        String published = "SELECT count(*)::text FROM catalog_item WHERE implementation_code = ?";
        try (Connection primary = cluster.primary();
                Connection replica = cluster.replica()) {
            assertThat(single(primary, published, publishedWhilePaused)).isEqualTo("1");
            assertThat(single(replica, published, publishedWhilePaused)).isEqualTo("0");
        }
        fromReplica = reads.servedByReplica();
        assertThat(get("/items/" + publishedWhilePaused).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/items?q=" + encode(STEM)).body()).contains("\"total\":0");
        // Another text than the API's: the same one would be answered from the search result the API just cached.
        assertThat(get("/search?q=" + encode(name)).body()).doesNotContain(publishedWhilePaused);
        assertThat(reads.servedByReplica()).isGreaterThanOrEqualTo(fromReplica + 3);

        try (Connection replica = cluster.replica()) {
            single(replica, "SELECT pg_wal_replay_resume()::text");
        }
        // Well within the caches' 30 s: the evictions are repeated once the replica has replayed the publication.
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    HttpResponse<String> guide = get("/items/" + publishedWhilePaused);
                    assertThat(guide.statusCode()).isEqualTo(200);
                    assertThat(guide.body()).contains(name);
                    assertThat(get("/api/v1/items?q=" + encode(STEM)).body()).contains(publishedWhilePaused);
                });
        assertThat(get("/actuator/health/replica").body()).contains("\"status\":\"UP\"");
    }

    @Test
    @Order(2)
    void aReplicaFurtherBehindThanTheBoundServesNoReads() throws Exception {
        Assumptions.assumeTrue(publishedWhilePaused != null, "the first test did not publish its entry");
        ReplicaDataSource reads = reads();
        reads.maxLag(Duration.ofSeconds(1));
        assertThat(reads.lagging()).isFalse();
        try (Connection replica = cluster.replica()) {
            single(replica, "SELECT pg_wal_replay_pause()::text");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> "paused".equals(single(replica, "SELECT pg_get_wal_replay_pause_state()")));
        }
        // A write the replica does not replay: a second later it is behind by more than the bound.
        String behind = application
                .getBean(GuidePageFixtures.class)
                .publish(ItemType.LICENSING, name + "丙", GuidePageFixtures.licensing());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(reads::lagging);
        HttpResponse<String> health = get("/actuator/health/replica");
        assertThat(health.body()).contains("\"status\":\"DEGRADED\"").contains("behind the primary");
        assertThat(get("/actuator/health").body()).endsWith("\"status\":\"UP\"}");

        long fromReplica = reads.servedByReplica();
        long fromPrimary = reads.servedByPrimary();
        HttpResponse<String> guide = get("/items/" + behind);
        assertThat(guide.statusCode()).as("read from the primary").isEqualTo(200);
        assertThat(guide.body()).contains(name + "丙");
        assertThat(reads.servedByReplica()).isEqualTo(fromReplica);
        assertThat(reads.servedByPrimary()).isGreaterThan(fromPrimary);
        try (Connection replica = cluster.replica()) {
            assertThat(single(replica, "SELECT count(*)::text FROM catalog_item WHERE implementation_code = ?", behind))
                    .as("still not on the replica")
                    .isEqualTo("0");
        }

        try (Connection replica = cluster.replica()) {
            single(replica, "SELECT pg_wal_replay_resume()::text");
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !reads.lagging());
        long caughtUp = reads.servedByReplica();
        String query = STEM + UUID.randomUUID().toString().substring(0, 8);
        assertThat(get("/api/v1/items?q=" + encode(query)).statusCode()).isEqualTo(200);
        assertThat(reads.servedByReplica()).isGreaterThan(caughtUp);
        assertThat(get("/actuator/health/replica").body()).contains("\"status\":\"UP\"");
    }

    @Test
    @Order(3)
    void theApplicationKeepsWorkingWhenTheReplicaStops() throws Exception {
        Assumptions.assumeTrue(publishedWhilePaused != null, "the first test did not publish its entry");
        ReplicaDataSource reads = reads();
        cluster.stopReplica();

        long started = System.nanoTime();
        HttpResponse<String> guide = get("/items/" + publishedWhilePaused);
        assertThat(guide.statusCode()).isEqualTo(200);
        assertThat(guide.body()).contains(name);
        assertThat(get("/").statusCode()).isEqualTo(200);
        assertThat(get("/search?q=" + encode(STEM)).body()).contains(publishedWhilePaused);
        assertThat(get("/api/v1/items?q=" + encode(STEM)).body()).contains(publishedWhilePaused);
        assertThat(get("/departments").statusCode()).isEqualTo(200);
        // The first read waits at most the connect timeout (500 ms); the rest go to the primary at once. (Pages and
        // results in the caches need no connection at all.)
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(reads.down()).isTrue();
        assertThat(reads.servedByPrimary()).isPositive();

        // A write, and a lag-tolerant read of it, with the replica down.
        String another = application
                .getBean(GuidePageFixtures.class)
                .publish(ItemType.LICENSING, name + "乙", GuidePageFixtures.licensing());
        assertThat(get("/items/" + another).statusCode()).isEqualTo(200);

        // The replica's state is shown; the node stays UP and ready.
        HttpResponse<String> replicaHealth = get("/actuator/health/replica");
        assertThat(replicaHealth.body()).contains("\"status\":\"DEGRADED\"");
        assertThat(get("/actuator/health").body()).endsWith("\"status\":\"UP\"}");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);

        // Back: once the retry interval has passed, lag-tolerant reads go to the replica again.
        cluster.startReplica();
        long fromReplica = reads.servedByReplica();
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    // A query of its own each time: a cached result would need no connection.
                    String query = STEM + UUID.randomUUID().toString().substring(0, 8);
                    assertThat(get("/api/v1/items?q=" + encode(query)).statusCode())
                            .isEqualTo(200);
                    assertThat(reads.servedByReplica()).isGreaterThan(fromReplica);
                });
    }

    private ReplicaDataSource reads() {
        DataSource dataSource = application.getBean(DataSource.class);
        assertThat(dataSource).isInstanceOf(ReplicaConfiguration.RoutingDataSource.class);
        return ((ReplicaConfiguration.RoutingDataSource) dataSource).reads();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept-Language", "zh-CN")
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String single(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
