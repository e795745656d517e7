package org.zhengwu.shared.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits together the entries that requests outside any transaction append at the same moment (a token issued, a
 * sign-in refused): one writer takes whatever is waiting, appends it to one chain in one transaction and lets every
 * caller go once that transaction is durable. Each caller still returns only after its own entry is committed; what
 * concurrent callers share is one head lock, one round trip per statement and one WAL flush, instead of a transaction
 * each. Stopped (before start, after shutdown), it commits each entry in the caller's own thread.
 */
final class GroupCommit {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    static final int MAX_BATCH = 500;

    /** An entry waiting to be committed. */
    private record Pending(AccountabilityLog.Appended entry, CompletableFuture<AuditEntry> committed) {}

    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private final Function<List<AccountabilityLog.Appended>, List<AuditEntry>> append;
    private final TransactionTemplate transaction;
    private volatile Thread writer;

    /** {@code append}: writes a batch in the current transaction, returning the entries in the batch's order. */
    GroupCommit(
            PlatformTransactionManager transactions,
            Function<List<AccountabilityLog.Appended>, List<AuditEntry>> append) {
        this.transaction = new TransactionTemplate(transactions);
        this.append = append;
    }

    AuditEntry append(AccountabilityLog.Appended entry) {
        Pending pending = new Pending(entry, new CompletableFuture<>());
        if (writer == null) {
            return commit(List.of(pending)).get(0);
        }
        waiting.add(pending);
        if (writer == null) {
            // Stopped between the check and the queue: the writer may be gone without having seen this one.
            drain();
        }
        try {
            return pending.committed().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the accountability log entry was being committed", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private List<AuditEntry> commit(List<Pending> batch) {
        return transaction.execute(
                status -> append.apply(batch.stream().map(Pending::entry).toList()));
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>();
        while (writer == Thread.currentThread() || !waiting.isEmpty()) {
            try {
                Pending first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                drain();
                return;
            }
            waiting.drainTo(batch, MAX_BATCH - 1);
            write(batch);
            batch.clear();
        }
    }

    private void write(List<Pending> batch) {
        try {
            List<AuditEntry> entries = commit(batch);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).committed().complete(entries.get(i));
            }
        } catch (RuntimeException e) {
            log.warn("{} accountability log entries could not be committed", batch.size(), e);
            batch.forEach(p -> p.committed().completeExceptionally(e));
        }
    }

    /** Whatever is queued, committed by the calling thread. */
    private void drain() {
        List<Pending> batch = new ArrayList<>();
        while (waiting.drainTo(batch, MAX_BATCH) > 0) {
            write(batch);
            batch.clear();
        }
    }

    synchronized void start() {
        if (writer != null) {
            return;
        }
        Thread thread = new Thread(this::writeLoop, "audit-group-commit");
        thread.setDaemon(true);
        writer = thread;
        thread.start();
    }

    /**
     * Lets the writer finish what is queued (it notices within its poll interval; it is not interrupted, which would
     * abort a commit under way) and commits whatever arrives meanwhile in the callers' threads.
     */
    void stop() {
        Thread thread;
        synchronized (this) {
            thread = writer;
            writer = null;
        }
        if (thread == null) {
            return;
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drain();
    }

    boolean isRunning() {
        return writer != null;
    }
}
