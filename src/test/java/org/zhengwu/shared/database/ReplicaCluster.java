package org.zhengwu.shared.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL primary and its streaming replica for a test, made with the machine's own binaries
 * ({@code /usr/lib/postgresql/<version>/bin}): {@code initdb} for the primary on a free port, {@code pg_basebackup -R}
 * for the replica (which writes {@code standby.signal} and {@code primary_conninfo}) on another. Both live under the
 * given directory and are stopped and deleted at close. Run as root (as on the build machine), the server commands run
 * in a user namespace of their own ({@code unshare -U}, as zonky does), since PostgreSQL refuses to run as root.
 */
final class ReplicaCluster implements AutoCloseable {

    static final String USER = "postgres";
    static final String DATABASE = "zhengwu";

    private final Path bin;
    private final Path dir;
    private final int primaryPort;
    private final int replicaPort;
    private boolean replicaRunning;
    private boolean primaryRunning;

    private ReplicaCluster(Path bin, Path dir, int primaryPort, int replicaPort) {
        this.bin = bin;
        this.dir = dir;
        this.primaryPort = primaryPort;
        this.replicaPort = replicaPort;
    }

    /** The newest PostgreSQL installation with everything a replica needs, if the machine has one. */
    static Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Stream.of("initdb", "pg_ctl", "pg_basebackup", "postgres")
                            .allMatch(tool -> Files.isExecutable(b.resolve(tool))))
                    .max(Comparator.comparing(b -> versionOf(b.getParent())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int versionOf(Path installation) {
        try {
            return Integer.parseInt(installation.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Why servers cannot be started here (root without user namespaces), or empty. */
    static Optional<String> cannotRun() {
        if (!root()) {
            return Optional.empty();
        }
        try {
            Process p = new ProcessBuilder("unshare", "-U", "true")
                    .redirectErrorStream(true)
                    .start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0
                    ? Optional.empty()
                    : Optional.of("running as root and unshare -U fails: PostgreSQL refuses to run as root");
        } catch (IOException | InterruptedException e) {
            return Optional.of("running as root without unshare (" + e.getMessage() + ")");
        }
    }

    private static boolean root() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /**
     * Makes and starts the primary (with database {@value #DATABASE}), takes a base backup of it into the replica's
     * directory and starts the replica streaming from it.
     */
    static ReplicaCluster start(Path bin, Path dir) throws IOException {
        Files.createDirectories(dir);
        ReplicaCluster cluster = new ReplicaCluster(bin, dir.toAbsolutePath(), freePort(), freePort());
        try {
            cluster.startBoth();
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private void startBoth() throws IOException {
        Path primary = dir.resolve("primary");
        run(true, "initdb", "-D", primary.toString(), "-U", USER, "-A", "trust", "-E", "UTF8", "--locale=C");
        // initdb's pg_hba.conf lets local TCP connections replicate with trust, as it does everything else.
        Files.writeString(
                primary.resolve("postgresql.conf"),
                settings(primaryPort) + "wal_level = replica\nmax_wal_senders = 4\nfsync = off\n",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        run(
                true,
                "pg_ctl",
                "-D",
                primary.toString(),
                "-l",
                dir.resolve("primary.log").toString(),
                "-w",
                "start");
        primaryRunning = true;
        try (Connection admin = DriverManager.getConnection(url(primaryPort, "postgres"), USER, "")) {
            // The database name is our constant, never input.
            admin.createStatement().execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Path replica = dir.resolve("replica");
        // -R: standby.signal and primary_conninfo in postgresql.auto.conf; -X stream: the WAL made meanwhile.
        run(
                false,
                "pg_basebackup",
                "-h",
                "127.0.0.1",
                "-p",
                String.valueOf(primaryPort),
                "-U",
                USER,
                "-D",
                replica.toString(),
                "-R",
                "-X",
                "stream",
                "-c",
                "fast");
        Files.writeString(
                replica.resolve("postgresql.auto.conf"),
                settings(replicaPort),
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        startReplica();
    }

    private String settings(int port) {
        return "\nport = " + port + "\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '" + dir
                + "'\nmax_connections = 60\nshared_buffers = 32MB\n";
    }

    void startReplica() throws IOException {
        run(
                true,
                "pg_ctl",
                "-D",
                dir.resolve("replica").toString(),
                "-l",
                dir.resolve("replica.log").toString(),
                "-w",
                "start");
        replicaRunning = true;
    }

    /** {@code pg_ctl stop -m fast}: the replica's connections are ended, as when its machine goes down cleanly. */
    void stopReplica() throws IOException {
        run(true, "pg_ctl", "-D", dir.resolve("replica").toString(), "-m", "fast", "-w", "stop");
        replicaRunning = false;
    }

    String primaryConninfo() throws IOException {
        return Files.readAllLines(dir.resolve("replica/postgresql.auto.conf")).stream()
                .filter(l -> l.startsWith("primary_conninfo"))
                .findFirst()
                .orElse("");
    }

    boolean standbySignal() {
        return Files.exists(dir.resolve("replica/standby.signal"));
    }

    String primaryUrl() {
        return url(primaryPort, DATABASE);
    }

    String replicaUrl() {
        return url(replicaPort, DATABASE);
    }

    Connection primary() throws SQLException {
        return DriverManager.getConnection(primaryUrl(), USER, "");
    }

    Connection replica() throws SQLException {
        return DriverManager.getConnection(replicaUrl(), USER, "");
    }

    private static String url(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private void run(boolean server, String tool, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        if (server && root()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(arguments));
        Path log = dir.resolve(tool + ".out");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(tool + " did not finish in 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(
                    String.join(" ", command) + " failed (" + process.exitValue() + "): " + Files.readString(log));
        }
    }

    private void stopQuietly(String which, String mode) {
        try {
            run(true, "pg_ctl", "-D", dir.resolve(which).toString(), "-m", mode, "-w", "stop");
        } catch (IOException e) {
            System.err.println("Could not stop the test's " + which + ": " + e.getMessage());
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (replicaRunning) {
                stopQuietly("replica", "immediate");
            }
            if (primaryRunning) {
                stopQuietly("primary", "fast");
            }
        } finally {
            FileSystemUtils.deleteRecursively(dir.toFile());
        }
    }
}
