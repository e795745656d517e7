package org.zhengwu.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.zhengwu.support.ZhengwuTest;

/**
 * The generated administrator password is shown once on the console and never written to the log file, which
 * outlives the first start and is read by log collectors (logback-spring.xml routes the console-only logger).
 */
@ZhengwuTest
class ConsoleOnlySecretsTests {

    @Value("${logging.file.name}")
    String logFile;

    @Test
    void whatTheConsoleOnlyLoggerSaysNeverReachesTheLogFile() throws Exception {
        String secret = "secret-" + UUID.randomUUID();
        String ordinary = "ordinary-" + UUID.randomUUID();
        LoggerFactory.getLogger(InitialAdministrator.CONSOLE_ONLY).warn("password: {}", secret);
        LoggerFactory.getLogger(InitialAdministrator.class).warn("marker: {}", ordinary);
        Path file = Path.of(logFile);
        // The file is written by a background appender: wait until the ordinary line has arrived.
        String content = org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(
                        () -> Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "",
                        text -> text.contains(ordinary));
        assertThat(content).as("the ordinary line reached the file").contains(ordinary);
        assertThat(content).doesNotContain(secret);
    }
}
