package org.zhengwu.exchange.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengwu.exchange.grant.ActiveGrant;
import org.zhengwu.shared.crypto.PlatformKeys;

/**
 * The query API's access log: one row per subject served (a record by key, each record of a page or an export), with
 * the client, the consumer organisation, the grant and its purpose, the resource, the subject's key as a blind index
 * and the fields returned. Written in batches; the citizen's data tracker reads it by the blind index of their
 * 公民身份号码. Each write is durable before the caller serves the subjects, concurrent writes sharing a commit.
 */
@Component
public class AccessLog {

    /** The blind-index context of subject keys (公民身份号码, 统一社会信用代码). */
    public static final String SUBJECT_CONTEXT = "exchange.subject";

    public enum Kind {
        KEY,
        PAGE,
        EXPORT
    }

    /** Who read, under which grant and purpose, what kind of access. */
    record Reader(String clientId, String consumerUscc, ActiveGrant grant, String purpose, String library, Kind kind) {}

    private static final String INSERT = """
            INSERT INTO exchange_access (accessed_at, client_id, consumer_uscc, grant_id, purpose, resource_code,
                library, subject_index, fields, kind)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** A caller's rows, and its turn: completed false once they are committed, true when it is to commit. */
    private record Pending(List<Object[]> rows, CompletableFuture<Boolean> turn) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final PlatformKeys keys;
    private final List<Pending> queue = new ArrayList<>();
    private boolean committing;

    AccessLog(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, PlatformKeys keys) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.keys = keys;
    }

    /** The blind index of a subject's key, as the log keeps it. */
    public String subjectIndex(String key) {
        return keys.blindIndex(key.strip().toUpperCase(Locale.ROOT), SUBJECT_CONTEXT);
    }

    /**
     * Writes the rows and returns once they are committed durably, so that no subject is served unlogged. Concurrent
     * callers share a commit (group commit): while one caller's commit waits for the disk, the rows of those who
     * arrive meanwhile queue, and the first of them commits them all in one transaction when it is done; each
     * caller returns when the commit holding its rows is. Within a caller's own transaction, written in it instead.
     */
    void write(Reader reader, List<String> subjectKeys, List<String> fields, Instant at) {
        if (subjectKeys.isEmpty()) {
            return;
        }
        String fieldList = String.join(",", fields);
        Timestamp when = Timestamp.from(at);
        List<Object[]> rows = subjectKeys.stream()
                .map(key -> new Object[] {
                    when,
                    reader.clientId(),
                    reader.consumerUscc(),
                    reader.grant().grantId(),
                    reader.purpose(),
                    reader.grant().resourceCode(),
                    reader.library(),
                    subjectIndex(key),
                    fieldList,
                    reader.kind().name()
                })
                .toList();
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            jdbc.batchUpdate(INSERT, rows);
            return;
        }
        Pending mine = new Pending(rows, new CompletableFuture<>());
        boolean lead;
        synchronized (queue) {
            queue.add(mine);
            lead = !committing;
            committing = true;
        }
        if (!lead) {
            try {
                lead = mine.turn().join();
            } catch (CompletionException failed) {
                throw failed.getCause() instanceof RuntimeException e ? e : failed;
            }
        }
        if (lead) {
            commitQueued();
        }
    }

    /** Commits every row queued, then hands the next commit to the first caller who queued meanwhile. */
    private void commitQueued() {
        List<Pending> batch;
        synchronized (queue) {
            batch = new ArrayList<>(queue);
            queue.clear();
        }
        RuntimeException failure = null;
        try {
            List<Object[]> rows = new ArrayList<>();
            batch.forEach(p -> rows.addAll(p.rows()));
            if (rows.size() == 1) {
                jdbc.update(INSERT, rows.get(0));
            } else {
                transactions.executeWithoutResult(status -> jdbc.batchUpdate(INSERT, rows));
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            Pending next;
            synchronized (queue) {
                next = queue.isEmpty() ? null : queue.get(0);
                committing = next != null;
            }
            for (Pending p : batch) {
                if (failure == null) {
                    p.turn().complete(false);
                } else {
                    p.turn().completeExceptionally(failure);
                }
            }
            if (next != null) {
                next.turn().complete(true);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
