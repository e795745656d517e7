package org.zhengwu.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Two nodes — two application contexts with the platform's {@link JobLocks} — on one PostgreSQL, each firing the
 * same jobs every two seconds: the locked job runs exactly once per period, while a job without the lock, fired by
 * the same schedulers, runs on both nodes (so both were firing, and the lock is what makes it once). And every
 * scheduled job of the platform carries the lock, save the pollers every node runs on purpose.
 */
class JobLocksTests {

    /**
     * Meant to run on every node: the exchange's pollers claim rows with FOR UPDATE SKIP LOCKED, and the statistics
     * fold runs every few seconds (a lock held for a minute at least would slow it), its SQL function serialising
     * the nodes' folds.
     */
    private static final Set<String> EVERY_NODE = Set.of(
            "org.zhengwu.exchange.pubsub.DeliveryWorker",
            "org.zhengwu.exchange.pubsub.BrokerRelay",
            "org.zhengwu.cases.statistics.StatisticsFold");

    static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
        JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
        jdbc.sql(new ClassPathResource("db/migration/shared/V26__job_locks.sql")
                        .getContentAsString(StandardCharsets.UTF_8))
                .update();
        jdbc.sql("CREATE TABLE tick (job TEXT NOT NULL, period BIGINT NOT NULL, node TEXT NOT NULL)")
                .update();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    /** The node's name, for the record of who ran what. */
    record NodeName(String value) {}

    @EnableScheduling
    static class Ticker {

        private final JdbcClient jdbc;
        private final String node;

        Ticker(DataSource database, NodeName node) {
            this.jdbc = JdbcClient.create(database);
            this.node = node.value();
        }

        @Scheduled(cron = "*/2 * * * * *")
        @SchedulerLock(name = "test.tick", lockAtLeastFor = "PT1S", lockAtMostFor = "PT10S")
        void locked() {
            record("locked");
        }

        @Scheduled(cron = "*/2 * * * * *")
        void unlocked() {
            record("unlocked");
        }

        /** The period is the even second the scheduler fired at (it fires within a second of it). */
        private void record(String job) {
            jdbc.sql("INSERT INTO tick (job, period, node) VALUES (:job, :period, :node)")
                    .param("job", job)
                    .param("period", Clock.systemUTC().millis() / 2000)
                    .param("node", node)
                    .update();
        }
    }

    @Test
    void aLockedJobRunsOncePerPeriodAcrossTwoNodes() {
        List<AnnotationConfigApplicationContext> nodes = new ArrayList<>();
        try {
            for (String name : List.of("A", "B")) {
                AnnotationConfigApplicationContext node = new AnnotationConfigApplicationContext();
                DataSource database = postgres.getPostgresDatabase();
                node.registerBean(DataSource.class, () -> database);
                node.registerBean(NodeName.class, () -> new NodeName(name));
                node.register(JobLocks.class, Ticker.class);
                node.refresh();
                nodes.add(node);
            }
            JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> jdbc.sql("SELECT count(DISTINCT period) FROM tick WHERE job = 'locked'")
                                    .query(Long.class)
                                    .single()
                            >= 6);
        } finally {
            nodes.forEach(AnnotationConfigApplicationContext::close);
        }
        JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
        Map<Long, Long> lockedRuns = runsPerPeriod(jdbc, "locked");
        Map<Long, Long> unlockedRuns = runsPerPeriod(jdbc, "unlocked");
        assertThat(lockedRuns).hasSizeGreaterThanOrEqualTo(4);
        assertThat(lockedRuns.values()).as("runs of the locked job per period").containsOnly(1L);
        assertThat(unlockedRuns.keySet()).containsAll(lockedRuns.keySet());
        assertThat(unlockedRuns.values())
                .as("runs of the job without lock per period")
                .containsOnly(2L);
        assertThat(jdbc.sql("SELECT count(*) FROM shared_job_lock WHERE name = 'test.tick'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void everyScheduledJobOfThePlatformRunsOnceAcrossNodes() throws Exception {
        // Conditional beans are scanned as if switched on (the broker relay needs zhengwu.exchange.broker=rabbitmq).
        var environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("switches", Map.of("zhengwu.exchange.broker", "rabbitmq")));
        var scanner = new ClassPathScanningCandidateComponentProvider(false, environment);
        scanner.addIncludeFilter(
                (reader, factory) -> reader.getAnnotationMetadata().hasAnnotatedMethods(Scheduled.class.getName())
                        && !reader.getClassMetadata().getClassName().startsWith(JobLocksTests.class.getName()));
        Set<String> scheduled = new TreeSet<>();
        List<String> unlocked = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("org.zhengwu")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            scheduled.add(type.getName());
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Scheduled.class)
                        && !method.isAnnotationPresent(SchedulerLock.class)
                        && !EVERY_NODE.contains(type.getName())) {
                    unlocked.add(type.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertThat(scheduled).as("the scan finds the jobs").hasSizeGreaterThanOrEqualTo(9);
        assertThat(unlocked).as("scheduled methods without @SchedulerLock").isEmpty();
    }

    /** The first and the last period may have seen one node only (started or stopped in between): left out. */
    private static Map<Long, Long> runsPerPeriod(JdbcClient jdbc, String job) {
        return jdbc.sql("""
                        SELECT period, count(*) FROM tick
                        WHERE job = :job AND period > (SELECT min(period) FROM tick)
                          AND period < (SELECT max(period) FROM tick)
                        GROUP BY period""").param("job", job).query((rs, i) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
