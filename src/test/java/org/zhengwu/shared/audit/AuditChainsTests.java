package org.zhengwu.shared.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengwu.shared.crypto.PlatformKeys;
import org.zhengwu.support.ZhengwuTest;

/**
 * The accountability log against an intruder who owns the database: entries rewritten and their chain computed again
 * directly in SQL — with the audit key, as if it had been stolen too — are still found, because the chain no longer
 * leads to the seal a checkpoint outside the database recorded; without the key, the first rewritten seal gives the
 * entry away. Each test works inside one transaction that is rolled back, with its own checkpoint file, so the shared
 * log and its checkpoints are left as they were.
 */
@ZhengwuTest
class AuditChainsTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformKeys keys;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    TaskScheduler scheduler;

    @Autowired
    NamedParameterJdbcTemplate named;

    @TempDir
    Path dir;

    AuditAnchors anchors;
    AccountabilityLog log;

    @BeforeEach
    void ownCheckpointFile() {
        AuditProperties properties =
                new AuditProperties(Duration.ofDays(365), 8, dir.resolve("anchors.log"), Duration.ZERO);
        anchors = new AuditAnchors(jdbc, keys, Clock.systemUTC(), properties, scheduler);
        log = new AccountabilityLog(jdbc, named, transactions, Clock.systemUTC(), keys, anchors, properties);
    }

    private void rolledBack(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
            transaction.setRollbackOnly();
            work.run();
        });
    }

    private List<AuditEntry> record(String... objectIds) {
        List<AuditEntry> entries = new ArrayList<>();
        for (String id : objectIds) {
            entries.add(log.record(AuditEvent.success("intruder-test", "test.action", "thing", id)));
        }
        return entries;
    }

    @Test
    void anEntryRewrittenWithItsChainSealedAgainUnderTheStolenKeyDivergesFromTheCheckpoint() {
        rolledBack(() -> {
            List<AuditEntry> entries = record("a", "victim", "c", "d");
            assertThat(anchors.checkpoint()).isTrue();
            assertThat(log.verify().intact()).isTrue();

            AuditEntry victim = entries.get(1);
            rewriteFrom(victim, "someone-else", true);

            ChainVerification result = log.verify();
            assertThat(result.problem())
                    .as("every seal recomputed: only the checkpoint can tell")
                    .isEqualTo(ChainVerification.Problem.DIVERGES_FROM_CHECKPOINT);
            assertThat(result.chain()).isEqualTo(victim.chain());
            assertThat(result.position()).isEqualTo(entries.get(3).chainSeq());
        });
    }

    @Test
    void anEntryRewrittenWithoutTheKeyIsNamedByItsSeal() {
        rolledBack(() -> {
            List<AuditEntry> entries = record("a", "victim", "c");
            anchors.checkpoint();
            AuditEntry victim = entries.get(1);
            rewriteFrom(victim, "someone-else", false);

            ChainVerification result = log.verify();
            assertThat(result.problem()).isEqualTo(ChainVerification.Problem.ALTERED);
            assertThat(result.firstBad()).isEqualTo(victim.seq());
            assertThat(result.position()).isEqualTo(victim.chainSeq());
        });
    }

    @Test
    void movingTheKeyingPointToPassRewrittenEntriesOffAsUnkeyedIsCaught() {
        rolledBack(() -> {
            List<AuditEntry> entries = record("a", "victim");
            anchors.checkpoint();
            AuditEntry victim = entries.get(1);
            Map<String, Object> keying =
                    jdbc.sql("""
                            SELECT h.keyed_from, e.prev_hash FROM shared_audit_head h
                            JOIN shared_audit_entry e ON e.chain = h.id AND e.chain_seq = h.keyed_from
                            WHERE h.id = :chain""").param("chain", victim.chain()).query().singleRow();
            tamper(() -> {
                // The intruder marks the chain as unkeyed up to its end and hashes every keyed entry again with plain
                // SM3, which needs no key.
                jdbc.sql("UPDATE shared_audit_head SET keyed_from = last_seq + 1 WHERE id = :chain")
                        .param("chain", victim.chain())
                        .update();
                rewriteChain(
                        victim.chain(),
                        ((Number) keying.get("keyed_from")).longValue(),
                        ((String) keying.get("prev_hash")).strip(),
                        victim.seq(),
                        "someone-else",
                        AccountabilityLog::legacyHash);
            });
            ChainVerification result = log.verify();
            assertThat(result.problem()).isEqualTo(ChainVerification.Problem.DIVERGES_FROM_CHECKPOINT);
            assertThat(result.chain()).isEqualTo(victim.chain());
        });
    }

    @Test
    void entriesCutFromTheEndOfAChainAfterACheckpointAreMissing() {
        rolledBack(() -> {
            List<AuditEntry> entries = record("a", "b", "c");
            anchors.checkpoint();
            AuditEntry last = entries.get(2);
            AuditEntry keptLast = entries.get(1);
            tamper(() -> {
                jdbc.sql("DELETE FROM shared_audit_entry WHERE seq = :seq")
                        .param("seq", last.seq())
                        .update();
                jdbc.sql("UPDATE shared_audit_head SET last_seq = :seq, last_hash = :hash WHERE id = :chain")
                        .param("seq", keptLast.chainSeq())
                        .param("hash", keptLast.hash())
                        .param("chain", keptLast.chain())
                        .update();
            });
            ChainVerification result = log.verify();
            assertThat(result.problem()).isEqualTo(ChainVerification.Problem.TRUNCATED);
            assertThat(result.chain()).isEqualTo(last.chain());
            assertThat(result.position()).isEqualTo(last.chainSeq());
        });
    }

    @Test
    void aCheckpointLineNotSignedWithTheAnchorKeyIsNamed() throws Exception {
        rolledBack(() -> {
            record("a");
            anchors.checkpoint();
        });
        List<String> lines = Files.readAllLines(dir.resolve("anchors.log"));
        String genuine = lines.get(lines.size() - 1);
        // The heads changed to what a rewritten chain would show, the old signature kept.
        String forged = genuine.replaceFirst(":([0-9a-f]{64}):", ":" + "ab".repeat(32) + ":");
        Files.writeString(dir.resolve("anchors.log"), forged + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        ChainVerification result = log.verify();
        assertThat(result.problem()).isEqualTo(ChainVerification.Problem.CHECKPOINT_FORGED);
        assertThat(result.firstBad()).isEqualTo(lines.size() + 1L);
    }

    @Test
    void concurrentWritersUseSeveralChainsAndEveryChainHolds() throws Exception {
        int writers = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Long> written = new ArrayList<>();
        try {
            List<Callable<List<AuditEntry>>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                work.add(() -> {
                    List<AuditEntry> mine = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        String objectId = writer + "-" + i;
                        mine.add(new TransactionTemplate(transactions).execute(transaction -> {
                            AuditEntry entry = log.record(
                                    AuditEvent.success("concurrency-test", "test.action", "thing", objectId));
                            pause(); // holds the chain a moment, as a request's transaction does before it commits
                            return entry;
                        }));
                    }
                    return mine;
                });
            }
            Set<Integer> chainsUsed = new HashSet<>();
            for (Future<List<AuditEntry>> result : pool.invokeAll(work, 60, TimeUnit.SECONDS)) {
                for (AuditEntry entry : result.get()) {
                    chainsUsed.add(entry.chain());
                    written.add(entry.seq());
                }
            }
            assertThat(written).hasSize(writers * each).doesNotHaveDuplicates();
            assertThat(chainsUsed)
                    .as("writers that would wait take another chain")
                    .hasSizeGreaterThan(1);
            ChainVerification result = log.verify();
            assertThat(result.intact()).as(result.toString()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Rewrites {@code victim}'s actor and seals it and every later entry of its chain again, then the head. */
    private void rewriteFrom(AuditEntry victim, String actor, boolean withTheKey) {
        tamper(() -> rewriteChain(
                victim.chain(),
                victim.chainSeq(),
                victim.prevHash(),
                victim.seq(),
                actor,
                withTheKey ? e -> AccountabilityLog.seal(e, keys) : e -> AccountabilityLog.legacyHash(e)));
    }

    /**
     * Changes the actor of entry {@code victimSeq} and chains every entry of {@code chain} from position {@code from}
     * on again with {@code sealer}, starting from {@code prev}; then moves the head.
     */
    private void rewriteChain(
            int chain,
            long from,
            String prev,
            long victimSeq,
            String actor,
            java.util.function.Function<AuditEntry, String> sealer) {
        List<Map<String, Object>> rows =
                jdbc.sql("""
                        SELECT seq FROM shared_audit_entry WHERE chain = :chain AND chain_seq >= :from ORDER BY chain_seq""").param("chain", chain).param("from", from).query().listOfRows();
        String hash = null;
        long last = from;
        for (Map<String, Object> row : rows) {
            long seq = ((Number) row.get("seq")).longValue();
            AuditEntry stored = jdbc.sql("SELECT * FROM shared_audit_entry WHERE seq = :seq")
                    .param("seq", seq)
                    .query((rs, n) -> new AuditEntry(
                            rs.getLong("seq"),
                            rs.getTimestamp("occurred_at").toInstant(),
                            seq == victimSeq ? actor : rs.getString("actor"),
                            rs.getString("acting_for"),
                            rs.getString("action"),
                            rs.getString("object_type"),
                            rs.getString("object_id"),
                            AuditEvent.Outcome.valueOf(rs.getString("outcome")),
                            rs.getString("client_ip"),
                            rs.getString("request_id"),
                            rs.getString("details"),
                            rs.getString("prev_hash").strip(),
                            null,
                            rs.getInt("chain"),
                            rs.getLong("chain_seq")))
                    .single();
            AuditEntry rechained = new AuditEntry(
                    stored.seq(),
                    stored.occurredAt(),
                    stored.actor(),
                    stored.actingFor(),
                    stored.action(),
                    stored.objectType(),
                    stored.objectId(),
                    stored.outcome(),
                    stored.clientIp(),
                    stored.requestId(),
                    stored.details(),
                    prev,
                    null,
                    stored.chain(),
                    stored.chainSeq());
            hash = sealer.apply(rechained);
            jdbc.sql("UPDATE shared_audit_entry SET actor = :actor, prev_hash = :prev, hash = :hash WHERE seq = :seq")
                    .param("actor", rechained.actor())
                    .param("prev", prev)
                    .param("hash", hash)
                    .param("seq", seq)
                    .update();
            prev = hash;
            last = stored.chainSeq();
        }
        jdbc.sql("UPDATE shared_audit_head SET last_seq = :seq, last_hash = :hash WHERE id = :chain")
                .param("seq", last)
                .param("hash", hash)
                .param("chain", chain)
                .update();
    }

    /** What an intruder with database-owner rights does: switch the guard off, change the table, switch it on. */
    private void tamper(Runnable change) {
        jdbc.sql("ALTER TABLE shared_audit_entry DISABLE TRIGGER shared_audit_append_only")
                .update();
        try {
            change.run();
        } finally {
            jdbc.sql("ALTER TABLE shared_audit_entry ENABLE TRIGGER shared_audit_append_only")
                    .update();
        }
    }
}
