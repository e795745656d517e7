package org.zhengwu.shared.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengwu.shared.database.TimePartitions;
import org.zhengwu.support.LockWaits;
import org.zhengwu.support.ZhengwuTest;

/** The chained accountability log: append-only, and any alteration or removal is found and named. */
@ZhengwuTest
class AccountabilityLogTests {

    @Autowired
    AccountabilityLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditRetention retention;

    @Autowired
    DataSource dataSource;

    @Autowired
    TimePartitions partitions;

    @Autowired
    PlatformTransactionManager transactions;

    private AuditEntry record(String objectId) {
        return log.record(
                AuditEvent.success("tester", "test.action", "thing", objectId).withDetails("详情"));
    }

    /** Entries of one transaction follow one another on the chain it holds. */
    private java.util.List<AuditEntry> recordTogether(String... objectIds) {
        return new TransactionTemplate(transactions)
                .execute(transaction ->
                        java.util.Arrays.stream(objectIds).map(this::record).toList());
    }

    @Test
    void entriesAreChainedAndTheChainVerifies() {
        var entries = recordTogether("1", "2");
        AuditEntry first = entries.get(0);
        AuditEntry second = entries.get(1);
        assertThat(second.chain()).isEqualTo(first.chain());
        assertThat(second.chainSeq()).isEqualTo(first.chainSeq() + 1);
        assertThat(second.seq()).isGreaterThan(first.seq());
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(log.verify().intact()).isTrue();
        assertThat(log.search(new AccountabilityLog.Query("tester", "thing", "2", null, null, null), 10, 0))
                .extracting(AuditEntry::seq)
                .containsExactly(second.seq());
    }

    @Test
    void entriesRecordedOutsideATransactionAtTheSameMomentAreCommittedTogetherEachCallerOnceItsOwnIsDurable()
            throws Exception {
        int callers = 20;
        java.util.List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(callers, work -> {
            Thread thread = new Thread(work);
            threads.add(thread);
            return thread;
        });
        java.util.List<Future<AuditEntry>> recorded = new java.util.ArrayList<>();
        try (java.sql.Connection holder = dataSource.getConnection()) {
            // Every chain's head held elsewhere: the first group waits for one, and every other caller queues.
            holder.setAutoCommit(false);
            holder.createStatement().execute("SELECT id FROM shared_audit_head FOR UPDATE");
            for (int i = 0; i < callers; i++) {
                String id = "together-" + i;
                recorded.add(pool.submit(() -> record(id)));
            }
            assertThat(LockWaits.awaitBlocked(dataSource, "shared_audit_head", recorded.get(0)))
                    .isTrue();
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> threads.size() == callers
                            && threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING));
            assertThat(recorded).noneMatch(Future::isDone);
            holder.rollback();
        }
        java.util.List<AuditEntry> entries = new java.util.ArrayList<>();
        for (Future<AuditEntry> entry : recorded) {
            entries.add(entry.get(20, TimeUnit.SECONDS));
        }
        pool.shutdown();

        java.util.List<Long> numbers = entries.stream().map(AuditEntry::seq).toList();
        assertThat(numbers).doesNotHaveDuplicates();
        assertThat(jdbc.sql("SELECT hash FROM shared_audit_entry WHERE seq IN (:seqs) ORDER BY seq")
                        .param("seqs", numbers)
                        .query(String.class)
                        .list())
                .as("each caller returned the entry as committed")
                .containsExactlyElementsOf(entries.stream()
                        .sorted(java.util.Comparator.comparingLong(AuditEntry::seq))
                        .map(AuditEntry::hash)
                        .toList());
        assertThat(jdbc.sql("SELECT count(DISTINCT xmin::text) FROM shared_audit_entry WHERE seq IN (:seqs)")
                        .param("seqs", numbers)
                        .query(Long.class)
                        .single())
                .as("transactions for %d entries: the one that waited, then one for all the others", callers)
                .isLessThanOrEqualTo(2);
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void anEntryRecordedInATransactionThatRollsBackIsNotThere() {
        long[] seq = new long[1];
        new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
            seq[0] = record("rolled-back").seq();
            transaction.setRollbackOnly();
        });
        assertThat(jdbc.sql("SELECT count(*) FROM shared_audit_entry WHERE seq = :seq")
                        .param("seq", seq[0])
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void theApplicationCannotChangeOrDeleteAnEntry() {
        AuditEntry entry = record("immutable");
        assertThatThrownBy(() -> jdbc.sql("UPDATE shared_audit_entry SET actor = 'x' WHERE seq = :seq")
                        .param("seq", entry.seq())
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("cannot be changed");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM shared_audit_entry WHERE seq = :seq")
                        .param("seq", entry.seq())
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("younger than 180 days");
    }

    @Test
    void anEntryAlteredDirectlyInTheDatabaseIsNamed() {
        record("before");
        AuditEntry victim = record("victim");
        record("after");
        Map<String, Object> original = jdbc.sql("SELECT actor FROM shared_audit_entry WHERE seq = :seq")
                .param("seq", victim.seq())
                .query()
                .singleRow();
        try {
            tamper("UPDATE shared_audit_entry SET actor = 'someone-else' WHERE seq = " + victim.seq());
            ChainVerification result = log.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBad()).isEqualTo(victim.seq());
            assertThat(result.problem()).isEqualTo(ChainVerification.Problem.ALTERED);
        } finally {
            tamper("UPDATE shared_audit_entry SET actor = '" + original.get("actor") + "' WHERE seq = " + victim.seq());
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void aRemovedEntryIsNamed() {
        var entries = recordTogether("before", "victim", "after");
        AuditEntry victim = entries.get(1);
        Map<String, Object> row = jdbc.sql("SELECT * FROM shared_audit_entry WHERE seq = :seq")
                .param("seq", victim.seq())
                .query()
                .singleRow();
        try {
            tamper("DELETE FROM shared_audit_entry WHERE seq = " + victim.seq());
            ChainVerification result = log.verify();
            assertThat(result.problem()).isEqualTo(ChainVerification.Problem.MISSING);
            assertThat(result.chain()).isEqualTo(victim.chain());
            assertThat(result.position()).isEqualTo(victim.chainSeq());
            assertThat(result.firstBad())
                    .as("the entry after the gap")
                    .isEqualTo(entries.get(2).seq());
        } finally {
            jdbc.sql("""
                            INSERT INTO shared_audit_entry (seq, occurred_at, actor, acting_for, action, object_type, object_id,
                                outcome, client_ip, request_id, details, prev_hash, hash, chain, chain_seq)
                            VALUES (:seq, :occurred_at, :actor, :acting_for, :action, :object_type, :object_id, :outcome,
                                :client_ip, :request_id, :details, :prev_hash, :hash, :chain, :chain_seq)""").params(row).update();
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void retentionIsAYearUnlessConfigured() {
        assertThat(retention.retention()).isEqualTo(java.time.Duration.ofDays(365));
    }

    @Test
    void retentionIsNeverShorterThan180DaysAndKeepsYoungEntries() {
        assertThat(new AuditRetention(
                                jdbc,
                                java.time.Clock.systemUTC(),
                                AuditProperties.retainingFor(java.time.Duration.ofDays(30)),
                                partitions)
                        .retention())
                .isEqualTo(AuditRetention.MINIMUM);
        AuditEntry young = record("young");
        retention.removeExpired();
        assertThat(jdbc.sql("SELECT count(*) FROM shared_audit_entry WHERE seq = :seq")
                        .param("seq", young.seq())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void entriesRemovedByRetentionAreNotMissingButARemovedStartOfTheChainIs() {
        // Everything happens in one transaction that is rolled back: the shared log is left as it was.
        new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
            transaction.setRollbackOnly();
            record("expiring-1");
            AuditEntry lastExpiring = record("expiring-2");
            pause();
            AuditEntry firstKept = record("kept-1");
            record("kept-2");
            // The database refuses to delete entries younger than 180 days; pretend they have aged.
            jdbc.sql("ALTER TABLE shared_audit_entry DISABLE TRIGGER shared_audit_append_only")
                    .update();
            Clock later = Clock.fixed(
                    lastExpiring.occurredAt().plus(AuditRetention.MINIMUM).plusMillis(1), ZoneOffset.UTC);
            assertThat(new AuditRetention(jdbc, later, AuditProperties.retainingFor(AuditRetention.MINIMUM), partitions)
                            .removeExpired())
                    .isGreaterThanOrEqualTo(2);

            ChainVerification afterRetention = log.verify();
            assertThat(afterRetention.intact()).as(afterRetention.toString()).isTrue();
            assertThat(afterRetention.checked()).isEqualTo(2);

            jdbc.sql("DELETE FROM shared_audit_entry WHERE seq = :seq")
                    .param("seq", firstKept.seq())
                    .update();
            ChainVerification result = log.verify();
            assertThat(result.problem()).isEqualTo(ChainVerification.Problem.MISSING);
            assertThat(result.chain()).isEqualTo(firstKept.chain());
            assertThat(result.position()).isEqualTo(firstKept.chainSeq());
        });
    }

    @Test
    void aMonthWhollyExpiredIsDroppedWholeAndTheChainStillVerifies() {
        AuditEntry entry = record("this-month");
        java.time.YearMonth month =
                java.time.YearMonth.from(entry.occurredAt().atZone(java.time.ZoneId.of("Asia/Shanghai")));
        String partition =
                "shared_audit_entry_p" + month.format(java.time.format.DateTimeFormatter.ofPattern("yyyyMM"));
        assertThat(jdbc.sql("SELECT tableoid::regclass::text FROM shared_audit_entry WHERE seq = :seq")
                        .param("seq", entry.seq())
                        .query(String.class)
                        .single())
                .as("an entry is kept in the partition of its month")
                .isEqualTo(partition);
        // In one transaction that is rolled back: the month and the shared log come back afterwards.
        new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
            transaction.setRollbackOnly();
            // Two months after this one ends, with the shortest retention: this whole month has expired.
            Instant end = month.plusMonths(1)
                    .atDay(1)
                    .atStartOfDay(java.time.ZoneId.of("Asia/Shanghai"))
                    .toInstant();
            Clock later =
                    Clock.fixed(end.plus(AuditRetention.MINIMUM).plus(java.time.Duration.ofDays(60)), ZoneOffset.UTC);
            jdbc.sql("ALTER TABLE shared_audit_entry DISABLE TRIGGER shared_audit_append_only")
                    .update();
            long inMonth = jdbc.sql("SELECT count(*) FROM " + partition)
                    .query(Long.class)
                    .single();
            int removed = new AuditRetention(
                            jdbc, later, AuditProperties.retainingFor(AuditRetention.MINIMUM), partitions)
                    .removeExpired();
            assertThat(jdbc.sql("SELECT to_regclass(:name) IS NULL")
                            .param("name", partition)
                            .query(Boolean.class)
                            .single())
                    .as("the month's partition is dropped")
                    .isTrue();
            assertThat(removed).isGreaterThanOrEqualTo(Math.toIntExact(inMonth));
            ChainVerification afterRetention = log.verify();
            assertThat(afterRetention.intact()).as(afterRetention.toString()).isTrue();
        });
        assertThat(jdbc.sql("SELECT count(*) FROM shared_audit_entry WHERE seq = :seq")
                        .param("seq", entry.seq())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void anEntryAppendedWhileTheChainIsWalkedIsLeftForTheNextWalk() throws Exception {
        record("before-walk");
        ExecutorService walker = Executors.newSingleThreadExecutor();
        try {
            Future<ChainVerification> walk = new TransactionTemplate(transactions).execute(transaction -> {
                // Holds the walk at its first read of the entries, appends, and lets it go on commit.
                jdbc.sql("LOCK TABLE shared_audit_entry IN ACCESS EXCLUSIVE MODE")
                        .update();
                Future<ChainVerification> started = walker.submit(log::verify);
                assertThat(LockWaits.awaitBlocked(dataSource, "shared_audit_entry", started))
                        .isTrue();
                record("during-walk");
                return started;
            });
            ChainVerification result = walk.get(30, TimeUnit.SECONDS);
            assertThat(result.intact()).as(result.toString()).isTrue();
        } finally {
            walker.shutdownNow();
        }
        assertThat(log.verify().intact()).isTrue();
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What an intruder with database-owner rights could do: switch the guard off, change the table, switch it on. */
    private void tamper(String sql) {
        jdbc.sql("ALTER TABLE shared_audit_entry DISABLE TRIGGER shared_audit_append_only")
                .update();
        try {
            jdbc.sql(sql).update();
        } finally {
            jdbc.sql("ALTER TABLE shared_audit_entry ENABLE TRIGGER shared_audit_append_only")
                    .update();
        }
    }
}
