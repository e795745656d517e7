package org.zhengwu.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionInterceptor;

/**
 * Which transaction reads where, and what happens when the replica does not answer, without the application: one
 * embedded PostgreSQL whose database {@code primary} stands for the primary and {@code standin} for the replica (the
 * routing looks at neither's role; {@link ReplicaReadTests} runs a real replica). The proxies are built as Spring's
 * auto-proxying builds them: the routing advisor outside the transaction interceptor.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicaRoutingTests {

    EmbeddedPostgres postgres;

    @BeforeAll
    void start() throws IOException {
        postgres = EmbeddedPostgres.start();
        JdbcClient admin = JdbcClient.create(postgres.getPostgresDatabase());
        admin.sql("CREATE DATABASE primary_db").update();
        admin.sql("CREATE DATABASE standin").update();
    }

    @AfterAll
    void stop() throws IOException {
        postgres.close();
    }

    /** Reads the database it is connected to, in transactions of each kind. */
    public static class Reads {
        private final JdbcClient jdbc;

        public Reads(DataSource dataSource) {
            this.jdbc = JdbcClient.create(dataSource);
        }

        @ReplicaRead
        public String lagTolerant() {
            return database();
        }

        @Transactional(readOnly = true)
        public String readOnly() {
            return database();
        }

        @Transactional
        public String readWrite(Reads self) {
            // A lag-tolerant read inside a write transaction joins it, on the primary.
            return database() + "," + self.lagTolerant();
        }

        String database() {
            return jdbc.sql("SELECT current_database()").query(String.class).single();
        }
    }

    private Reads proxied(DataSource routing) {
        TransactionInterceptor transactions = new TransactionInterceptor(
                new JdbcTransactionManager(routing), new AnnotationTransactionAttributeSource());
        ProxyFactory factory = new ProxyFactory(new Reads(routing));
        factory.setProxyTargetClass(true);
        factory.addAdvisor(ReplicaRouting.advisor());
        factory.addAdvice(transactions);
        return (Reads) factory.getProxy();
    }

    /** A routing data source over a pool of its own on the primary; closing it closes both pools. */
    private ReplicaConfiguration.RoutingDataSource routing(String replicaUrl) {
        HikariDataSource primaryPool = pool(postgres.getJdbcUrl("postgres", "primary_db"));
        return new ReplicaConfiguration.RoutingDataSource(
                primaryPool,
                new ReplicaDataSource(
                        primaryPool,
                        ReplicaConfiguration.replicaPool(
                                new ReplicaProperties(
                                        replicaUrl,
                                        "postgres",
                                        "",
                                        2,
                                        Duration.ofMillis(500),
                                        Duration.ofSeconds(30),
                                        Duration.ofSeconds(60),
                                        Duration.ofSeconds(1)),
                                primaryPool),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(1)));
    }

    @Test
    void onlyTransactionsStartedByAReplicaReadGoToTheReplica() throws Exception {
        try (ReplicaConfiguration.RoutingDataSource routing = routing(postgres.getJdbcUrl("postgres", "standin"))) {
            Reads reads = proxied(routing);
            assertThat(reads.lagTolerant()).isEqualTo("standin");
            assertThat(reads.readOnly()).isEqualTo("primary_db");
            assertThat(reads.readWrite(reads)).isEqualTo("primary_db,primary_db");
            assertThat(reads.database()).isEqualTo("primary_db");
            assertThat(routing.reads().servedByReplica()).isEqualTo(1);
            assertThat(routing.reads().servedByPrimary()).isZero();
        }
    }

    @Test
    void aReplicaThatNeverAnsweredSendsReadsToThePrimaryAndIsLeftAlone() throws Exception {
        int nobody;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobody = socket.getLocalPort();
        }
        // The pool starts without its replica, as a node does whose replica is down when it starts.
        try (ReplicaConfiguration.RoutingDataSource routing =
                routing("jdbc:postgresql://127.0.0.1:" + nobody + "/standin")) {
            Reads reads = proxied(routing);
            long started = System.nanoTime();
            assertThat(reads.lagTolerant()).isEqualTo("primary_db");
            Duration first = Duration.ofNanos(System.nanoTime() - started);
            started = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                assertThat(reads.lagTolerant()).isEqualTo("primary_db");
            }
            Duration next = Duration.ofNanos(System.nanoTime() - started);
            assertThat(first)
                    .as("the first read waits the connect timeout at most")
                    .isLessThan(Duration.ofSeconds(3));
            assertThat(next).as("the next 20 do not wait for the replica").isLessThan(Duration.ofMillis(500));
            assertThat(routing.reads().down()).isTrue();
            assertThat(routing.reads().servedByPrimary()).isEqualTo(21);
            assertThat(routing.reads().servedByReplica()).isZero();
        }
    }

    @Test
    void walPositionsCompareAsPostgreSqlOrdersThem() {
        assertThat(ReplicaDataSource.parseLsn("0/0")).isZero();
        assertThat(ReplicaDataSource.parseLsn("16/B374D848")).isEqualTo(0x16B374D848L);
        assertThat(ReplicaDataSource.parseLsn("1/0")).isGreaterThan(ReplicaDataSource.parseLsn("0/FFFFFFFF"));
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(3);
        return pool;
    }
}
