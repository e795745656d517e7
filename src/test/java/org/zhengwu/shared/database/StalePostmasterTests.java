package org.zhengwu.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhengwu.shared.database.EmbeddedPostgresConfiguration.EmbeddedPostgresServer;

/**
 * An application killed with SIGKILL leaves its embedded PostgreSQL running on the data directory; the next start
 * stops that server and starts its own on the same data, with the same password.
 */
class StalePostmasterTests {

    /** The application's side, in a JVM of its own that the test kills: start the server, write, wait. */
    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = start(Path.of(args[0]));
        try (Connection connection = connect(server);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (v text)");
            statement.execute("INSERT INTO kept VALUES ('written before the kill')");
        }
        System.out.println("ready");
        Thread.sleep(Long.MAX_VALUE);
    }

    @Test
    void aServerLeftRunningByAKilledApplicationIsStoppedAndItsDataServedAgain(@TempDir Path dir) throws Exception {
        Path pg = dir.resolve("pg");
        Process application = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        StalePostmasterTests.class.getName(),
                        pg.toString())
                .redirectErrorStream(true)
                .start();
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader output =
                    new BufferedReader(new InputStreamReader(application.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                boolean seen = false;
                while ((line = output.readLine()) != null) {
                    seen |= line.equals("ready");
                    if (seen) {
                        return true;
                    }
                }
                return false;
            } catch (Exception e) {
                return false;
            }
        });
        try {
            assertThat(ready.get(Duration.ofMinutes(3).toSeconds(), TimeUnit.SECONDS))
                    .as("the application's embedded PostgreSQL started in its own JVM")
                    .isTrue();
        } finally {
            application.destroyForcibly().waitFor();
        }
        long stale = Long.parseLong(
                Files.readAllLines(pg.resolve("postmaster.pid")).get(0).strip());
        assertThat(ProcessHandle.of(stale).map(ProcessHandle::isAlive))
                .as("the server outlives the killed JVM")
                .contains(true);

        try (EmbeddedPostgresServer server = start(pg);
                Connection connection = connect(server);
                Statement statement = connection.createStatement();
                ResultSet kept = statement.executeQuery("SELECT v FROM kept")) {
            assertThat(ProcessHandle.of(stale).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
            assertThat(Long.parseLong(Files.readAllLines(pg.resolve("postmaster.pid"))
                            .get(0)
                            .strip()))
                    .isNotEqualTo(stale);
            assertThat(kept.next()).isTrue();
            assertThat(kept.getString(1)).isEqualTo("written before the kill");
        }
    }

    private static EmbeddedPostgresServer start(Path pg) throws Exception {
        return new EmbeddedPostgresConfiguration()
                .embeddedPostgres(new EmbeddedDatabaseProperties(pg.toString(), 0, false));
    }

    private static Connection connect(EmbeddedPostgresServer server) throws Exception {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + server.postgres().getPort() + "/postgres",
                SuperuserPassword.USER,
                server.password());
    }
}
