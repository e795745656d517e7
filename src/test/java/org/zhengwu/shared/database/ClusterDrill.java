package org.zhengwu.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A PostgreSQL cluster of a test's own, made with the machine's PostgreSQL programs (the newest
 * {@code /usr/lib/postgresql/<version>/bin} that has every program a drill needs, or {@code ZHENGWU_TEST_PG_BIN}) in a
 * directory under {@code target/}, listening on 127.0.0.1 at a free port, so that a test may back it up, stop it and
 * restore it without touching anyone else's server. PostgreSQL refuses to run as root: as root, its programs run in
 * a user namespace of their own ({@code unshare -U}, as zonky does), where they are not root.
 */
public final class ClusterDrill implements AutoCloseable {

    /** The programs a drill uses: the server's and the backup's. */
    static final List<String> PROGRAMS =
            List.of("initdb", "pg_ctl", "postgres", "pg_basebackup", "pg_verifybackup", "pg_waldump");

    public static final String USER = "postgres";

    private final Path bin;
    private final Path dataDir;
    private final String password;
    private Integer port;

    private ClusterDrill(Path bin, Path dataDir, String password) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.password = password;
    }

    /** The directory of PostgreSQL's programs, or a JUnit assumption failing with the reason. */
    public static Path binariesOrSkip() {
        Optional<Path> found = binaries();
        Assumptions.assumeTrue(
                found.isPresent(),
                "No PostgreSQL programs (" + String.join(", ", PROGRAMS)
                        + ") in /usr/lib/postgresql/*/bin or ZHENGWU_TEST_PG_BIN: the drill needs a cluster of its own");
        if (isRoot()) {
            Assumptions.assumeTrue(
                    Files.isExecutable(Path.of("/usr/bin/unshare")) && userNamespaces(),
                    "Running as root without user namespaces (unshare -U): PostgreSQL will not run as root");
        }
        return found.get();
    }

    private static boolean userNamespaces() {
        try {
            Process p = new ProcessBuilder("/usr/bin/unshare", "-U", "true")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Optional<Path> binaries() {
        String configured = System.getenv("ZHENGWU_TEST_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(ClusterDrill::complete);
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(ClusterDrill::complete)
                    .max(Comparator.comparingInt(ClusterDrill::majorVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean complete(Path bin) {
        return PROGRAMS.stream().allMatch(p -> Files.isExecutable(bin.resolve(p)));
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * Makes a new cluster in {@code dataDir} (absent or empty) with a superuser {@value #USER} whose password is
     * {@code password}, SCRAM for every connection, and the given settings in postgresql.conf.
     */
    public static ClusterDrill init(Path bin, Path dataDir, String password, Map<String, String> settings) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir.getParent());
            Path passwordFile = dir.resolveSibling(dir.getFileName() + ".pwfile");
            Files.writeString(passwordFile, password + "\n");
            run(
                    List.of(
                            bin.resolve("initdb").toString(),
                            "--pgdata=" + dir,
                            "--username=" + USER,
                            "--pwfile=" + passwordFile,
                            "--auth=scram-sha-256",
                            "--encoding=UTF8",
                            "--locale=C",
                            // Small WAL segments: the drill archives and replays a few megabytes, not 16 per switch.
                            "--wal-segsize=1"),
                    Map.of(),
                    Duration.ofSeconds(60));
            Files.delete(passwordFile);
            StringBuilder conf = new StringBuilder("\n# ClusterDrill\n");
            settings.forEach((k, v) -> conf.append(k).append(" = '").append(v).append("'\n"));
            Files.writeString(
                    dir.resolve("postgresql.conf"),
                    conf.toString(),
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ClusterDrill(bin, dir, password);
    }

    /** A cluster already in {@code dataDir} (one a restore prepared), not started. */
    public static ClusterDrill existing(Path bin, Path dataDir, String password) {
        return new ClusterDrill(bin, dataDir.toAbsolutePath().normalize(), password);
    }

    /** Settings every drill cluster has: TCP on 127.0.0.1 only, small, not flushed (nothing here must survive a crash). */
    public static Map<String, String> quietSettings() {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("listen_addresses", "127.0.0.1");
        settings.put("unix_socket_directories", "");
        settings.put("max_connections", "60");
        settings.put("shared_buffers", "32MB");
        settings.put("fsync", "off");
        settings.put("synchronous_commit", "off");
        settings.put("full_page_writes", "on");
        settings.put("timezone", "UTC");
        return settings;
    }

    /**
     * Starts the server on a free port and waits until it accepts connections — for a cluster in recovery with
     * {@code hot_standby = off}, until the recovery has ended.
     */
    public ClusterDrill start(Duration timeout) {
        int chosen = freePort();
        run(
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "--pgdata=" + dataDir,
                        "--log=" + dataDir.resolveSibling(dataDir.getFileName() + ".log"),
                        "--options=-p " + chosen,
                        "--wait",
                        "--timeout=" + timeout.toSeconds(),
                        "start"),
                Map.of(),
                timeout.plusSeconds(10));
        this.port = chosen;
        Awaitility.await("PostgreSQL in " + dataDir + " accepting connections")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> {
                    try (Connection c = connect("postgres")) {
                        return true;
                    }
                });
        return this;
    }

    /** Stops the server (fast: open transactions are rolled back), if it runs. */
    public void stop() {
        if (port == null) {
            return;
        }
        run(
                List.of(bin.resolve("pg_ctl").toString(), "--pgdata=" + dataDir, "--mode=fast", "--wait", "stop"),
                Map.of(),
                Duration.ofSeconds(60));
        port = null;
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (RuntimeException e) {
            // Best effort when a test failed half-way; the server log says why.
        }
    }

    public int port() {
        if (port == null) {
            throw new IllegalStateException("the cluster in " + dataDir + " is not running");
        }
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path bin() {
        return bin;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, password);
    }

    /** Runs SQL on one connection of its own, closed afterwards. */
    public <T> T withJdbc(String database, java.util.function.Function<JdbcClient, T> work) {
        try (Connection connection = connect(database)) {
            return work.apply(JdbcClient.create(new SingleConnectionDataSource(connection, true)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** libpq's variables naming this server, for the ops scripts, and the directory of the PostgreSQL programs. */
    public Map<String, String> clientEnvironment() {
        return Map.of(
                "PGHOST",
                "127.0.0.1",
                "PGPORT",
                String.valueOf(port()),
                "PGUSER",
                USER,
                "PGPASSWORD",
                password,
                "PG_BIN",
                bin.toString());
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a program to its end and returns what it wrote (standard output and error together); a failure or a
     * program running past the timeout fails the test with that output. PostgreSQL's own server programs run outside
     * root (see the class comment).
     */
    public static String run(List<String> command, Map<String, String> environment, Duration timeout) {
        List<String> full = new ArrayList<>();
        String program = Path.of(command.get(0)).getFileName().toString();
        if (isRoot() && (program.equals("initdb") || program.equals("pg_ctl") || program.equals("postgres"))) {
            full.add("/usr/bin/unshare");
            full.add("-U");
        }
        full.addAll(command);
        try {
            Path output = Files.createTempFile("cluster-drill-", ".out");
            try {
                ProcessBuilder builder = new ProcessBuilder(full)
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                builder.environment().putAll(environment);
                Process process = builder.start();
                boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (!ended) {
                    process.destroyForcibly();
                }
                String text = Files.readString(output, StandardCharsets.UTF_8);
                assertThat(ended)
                        .as("%s ended within %s; it wrote:%n%s", full, timeout, text)
                        .isTrue();
                assertThat(process.exitValue())
                        .as("exit status of %s; it wrote:%n%s", full, text)
                        .isZero();
                return text;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
