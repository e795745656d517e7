package org.zhengwu.shared.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A previous run that was killed (kill -9, power loss) leaves its PostgreSQL server running on our data directory,
 * and a second server cannot start on it. This stops such a leftover server, and only a process that really is
 * a postgres server for this directory.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private StalePostmaster() {}

    static void stopIfRunning(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        readPid(pidFile)
                .flatMap(ProcessHandle::of)
                .filter(process -> process.info()
                        .command()
                        .map(c -> c.endsWith("postgres"))
                        .orElse(false))
                .ifPresent(process -> {
                    log.warn(
                            "Stopping PostgreSQL server {} left running on {} by an earlier run",
                            process.pid(),
                            dataDir);
                    process.destroy(); // SIGTERM = PostgreSQL "smart" shutdown
                    try {
                        process.onExit().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(
                                "PostgreSQL server " + process.pid() + " on " + dataDir + " did not stop within "
                                        + SHUTDOWN_WAIT.toSeconds() + " s; stop it by hand",
                                e);
                    }
                });
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
