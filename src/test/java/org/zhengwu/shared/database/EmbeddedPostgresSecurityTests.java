package org.zhengwu.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.zhengwu.shared.database.EmbeddedPostgresConfiguration.EmbeddedPostgresServer;

/**
 * The embedded PostgreSQL as the application starts it on its data directory: durable (every commit flushed before
 * it is acknowledged) and closed (SCRAM for every connection with the password generated at first start), and a
 * cluster made by an earlier version (trust, no password) converted in place.
 */
class EmbeddedPostgresSecurityTests {

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void listen() {
        log.start();
        ((Logger) LoggerFactory.getLogger(SuperuserPassword.class)).addAppender(log);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(SuperuserPassword.class)).detachAppender(log);
    }

    private EmbeddedPostgresServer start(Path dataDir) throws Exception {
        return new EmbeddedPostgresConfiguration()
                .embeddedPostgres(new EmbeddedDatabaseProperties(dataDir.toString(), 0, false));
    }

    private static Connection connect(EmbeddedPostgresServer server, String password) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + server.postgres().getPort() + "/postgres",
                SuperuserPassword.USER,
                password);
    }

    private static JdbcClient admin(EmbeddedPostgresServer server) throws SQLException {
        return JdbcClient.create(new SingleConnectionDataSource(connect(server, server.password()), true));
    }

    @Test
    void theRunningServerFlushesEveryCommitAndAsksEveryConnectionForThePassword() throws Exception {
        Path pg = dir.resolve("pg");
        try (EmbeddedPostgresServer server = start(pg)) {
            JdbcClient admin = admin(server);
            assertThat(show(admin, "fsync")).isEqualTo("on");
            assertThat(show(admin, "synchronous_commit")).isEqualTo("on");
            assertThat(show(admin, "full_page_writes")).isEqualTo("on");
            assertThat(show(admin, "password_encryption")).isEqualTo("scram-sha-256");
            assertOnlyScramRules(admin);
            assertThat(admin.sql("SELECT rolpassword FROM pg_authid WHERE rolname = 'postgres'")
                            .query(String.class)
                            .single())
                    .startsWith("SCRAM-SHA-256$");

            assertRefused(server, null);
            assertRefused(server, "");
            assertRefused(server, server.password() + "x");
            try (Connection withPassword = connect(server, server.password())) {
                assertThat(withPassword.isValid(1)).isTrue();
            }

            Path secret = pg.resolve(SuperuserPassword.FILE);
            assertThat(Files.readString(secret).strip())
                    .isEqualTo(server.password())
                    .hasSizeGreaterThan(40);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
                    .isEqualTo("rw-------");
            assertThat(SuperuserPassword.initdbFile(pg)).doesNotExist();
            admin.sql("CREATE TABLE kept (v text)").update();
            admin.sql("INSERT INTO kept VALUES ('still here')").update();
        }
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(m -> m.startsWith("Converted"));

        try (EmbeddedPostgresServer again = start(pg)) {
            assertThat(again.password())
                    .isEqualTo(
                            Files.readString(pg.resolve(SuperuserPassword.FILE)).strip());
            assertThat(admin(again)
                            .sql("SELECT v FROM kept")
                            .query(String.class)
                            .single())
                    .isEqualTo("still here");
            assertRefused(again, null);
        }
    }

    @Test
    void aClusterMadeWithTrustIsGivenAPasswordAndClosedAtItsNextStart() throws Exception {
        Path pg = dir.resolve("pg");
        Files.createDirectories(pg);
        // As the application made clusters before: zonky's defaults, trust for every local connection.
        try (EmbeddedPostgres before = EmbeddedPostgres.builder()
                .setDataDirectory(pg)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .start()) {
            JdbcClient trusting = JdbcClient.create(before.getPostgresDatabase());
            trusting.sql("CREATE TABLE kept (v text)").update();
            trusting.sql("INSERT INTO kept VALUES ('from before')").update();
            assertThat(trusting.sql("SELECT count(*) FROM pg_hba_file_rules WHERE auth_method = 'trust'")
                            .query(Long.class)
                            .single())
                    .isPositive();
        }
        assertThat(pg.resolve(SuperuserPassword.FILE)).doesNotExist();

        try (EmbeddedPostgresServer server = start(pg)) {
            JdbcClient admin = admin(server);
            assertThat(admin.sql("SELECT v FROM kept").query(String.class).single())
                    .isEqualTo("from before");
            assertOnlyScramRules(admin);
            assertRefused(server, null);
            assertRefused(server, "wrong");
            Path secret = pg.resolve(SuperuserPassword.FILE);
            assertThat(Files.readString(secret).strip()).isEqualTo(server.password());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(pg.resolve("pg_hba.conf"))).doesNotContainPattern("(?m)^[^#]*\\btrust\\b");
        }
        assertThat(log.list)
                .filteredOn(e -> e.getFormattedMessage().startsWith("Converted the embedded PostgreSQL in " + pg))
                .hasSize(1);

        try (EmbeddedPostgresServer again = start(pg)) {
            assertThat(admin(again)
                            .sql("SELECT v FROM kept")
                            .query(String.class)
                            .single())
                    .isEqualTo("from before");
        }
        assertThat(log.list)
                .filteredOn(e -> e.getFormattedMessage().startsWith("Converted"))
                .as("converted once only")
                .hasSize(1);
    }

    @Test
    void aClusterThatAsksForAPasswordWhoseFileIsLostIsNotStartedBlind() throws Exception {
        Path pg = dir.resolve("pg");
        start(pg).close();
        Files.delete(pg.resolve(SuperuserPassword.FILE));
        assertThatIllegalStateException()
                .isThrownBy(() -> start(pg))
                .withMessageContaining("password file " + pg.resolve(SuperuserPassword.FILE) + " is missing")
                .withMessageContaining("Restore the file from the backup");
    }

    @Test
    void onlyTheMethodOfATrustRuleChanges() {
        assertThat(SuperuserPassword.withoutTrust("host    all   all   127.0.0.1/32   trust"))
                .isEqualTo("host    all   all   127.0.0.1/32   scram-sha-256");
        assertThat(SuperuserPassword.withoutTrust("local all all trust # trust me"))
                .isEqualTo("local all all scram-sha-256 # trust me");
        assertThat(SuperuserPassword.withoutTrust("# local all all trust")).isEqualTo("# local all all trust");
        assertThat(SuperuserPassword.withoutTrust("host all trusted 10.0.0.1/32 md5"))
                .isEqualTo("host all trusted 10.0.0.1/32 md5");
    }

    private static String show(JdbcClient admin, String setting) {
        return admin.sql("SELECT current_setting(?)")
                .param(setting)
                .query(String.class)
                .single();
    }

    private static void assertOnlyScramRules(JdbcClient admin) {
        List<Map<String, Object>> rules = admin.sql(
                        "SELECT type, address, auth_method, error FROM pg_hba_file_rules ORDER BY line_number")
                .query()
                .listOfRows();
        assertThat(rules)
                .isNotEmpty()
                .allSatisfy(rule -> assertThat(rule)
                        .containsEntry("auth_method", "scram-sha-256")
                        .containsEntry("error", null));
        assertThat(rules)
                .extracting(rule -> rule.get("type") + " " + rule.get("address"))
                .contains("local null", "host 127.0.0.1", "host ::1");
    }

    private static void assertRefused(EmbeddedPostgresServer server, String password) {
        assertThatThrownBy(() -> connect(server, password).close())
                .as("a connection with password %s", password == null ? "none" : "'" + password + "'")
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("28P01", "08004"));
    }
}
