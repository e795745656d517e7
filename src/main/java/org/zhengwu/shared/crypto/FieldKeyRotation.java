package org.zhengwu.shared.crypto;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Service;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;

/**
 * The re-encryption that ends a rotation of the SM4 field key: every value sealed under a previous key (or before key
 * identifiers) is sealed again under the current one, module by module through their {@link SealedColumns} beans, in
 * batches of {@value #BATCH} rows. Started by the 安全管理员; one run at a time across nodes (a PostgreSQL advisory lock
 * held by the run's own connection, freed if the node dies); resumable (what is done is no longer selected, a new run
 * continues); written to the accountability log with its counts when it starts and when it ends. The census after the
 * run says what is left under other keys: nothing, unless some values could not be opened.
 */
@Service
public class FieldKeyRotation implements DisposableBean {

    /** The advisory lock of the re-encryption ("zhwkey" in ASCII). */
    public static final long LOCK = 0x7A68776B6579L;

    static final int BATCH = 500;
    static final String ACTION = "crypto.field-key.reseal";

    private static final Logger log = LoggerFactory.getLogger(FieldKeyRotation.class);

    private final ObjectProvider<SealedColumns> owners;
    private final PlatformKeys keys;
    private final DataSource dataSource;
    private final AccountabilityLog audit;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "field-key-rotation");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Report> last = new AtomicReference<>();
    private final AtomicReference<String> running = new AtomicReference<>();

    FieldKeyRotation(
            ObjectProvider<SealedColumns> owners,
            PlatformKeys keys,
            DataSource dataSource,
            AccountabilityLog audit,
            Clock clock) {
        this.owners = owners;
        this.keys = keys;
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
    }

    /** One column's outcome: what the run did, and how many values each key seals afterwards. */
    public record ColumnReport(
            String module, String column, long examined, long resealed, long failed, Map<String, Long> census) {

        /** Values left under another key than {@code current}. */
        public long leftUnder(String current) {
            return census.entrySet().stream()
                    .filter(e -> !e.getKey().equals(current))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
        }
    }

    /** A run of the re-encryption. */
    public record Report(
            String actor, String keyId, Instant started, Instant finished, List<ColumnReport> columns, String error) {

        public long resealed() {
            return columns.stream().mapToLong(ColumnReport::resealed).sum();
        }

        public long failed() {
            return columns.stream().mapToLong(ColumnReport::failed).sum();
        }

        /** Values still under another key than the current one after the run. */
        public long left() {
            return columns.stream().mapToLong(c -> c.leftUnder(keyId)).sum();
        }

        public boolean complete() {
            return error == null && left() == 0;
        }
    }

    /** The re-encryption was running already, on this node or another. */
    public static class AlreadyRunningException extends IllegalStateException {
        AlreadyRunningException() {
            super("the re-encryption of the field key is running already (on this node or another)");
        }
    }

    /** Every sealed column of every module. */
    public List<SealedColumn> columns() {
        return owners.orderedStream().flatMap(o -> o.columns().stream()).toList();
    }

    /** How many values each field key seals, column by column (a scan of every sealed column). */
    public List<ColumnReport> census() {
        List<ColumnReport> out = new ArrayList<>();
        owners.orderedStream().forEach(owner -> {
            for (SealedColumn column : owner.columns()) {
                out.add(new ColumnReport(owner.module(), column.name(), 0, 0, 0, owner.census(column)));
            }
        });
        return out;
    }

    /** Whether a run started on this node is going on, and by whom. */
    public Optional<String> runningHere() {
        return Optional.ofNullable(running.get());
    }

    /** The last run on this node, since it started. */
    public Optional<Report> lastReport() {
        return Optional.ofNullable(last.get());
    }

    /**
     * Starts a run in the background on this node; false when one is going on here already. A run that finds another
     * node's going on ends at once, reported as such.
     */
    public boolean start(String actor) {
        if (!running.compareAndSet(null, actor)) {
            return false;
        }
        worker.execute(() -> {
            try {
                runHeld(actor);
            } catch (RuntimeException e) {
                log.error("The re-encryption of the field key failed", e);
            } finally {
                running.set(null);
            }
        });
        return true;
    }

    /**
     * Runs the re-encryption here and now (an administrator's start does it in the background).
     *
     * @throws AlreadyRunningException when a run is going on, on any node
     */
    public Report run(String actor) {
        if (!running.compareAndSet(null, actor)) {
            throw new AlreadyRunningException();
        }
        try {
            return runHeld(actor);
        } finally {
            running.set(null);
        }
    }

    private Report runHeld(String actor) {
        Instant started = clock.instant();
        try (Connection lock = dataSource.getConnection()) {
            if (!tryLock(lock)) {
                Report refused = new Report(
                        actor, keys.fieldKeyId(), started, clock.instant(), List.of(), "running on another node");
                last.set(refused);
                audit.record(new AuditEvent(
                                actor, null, ACTION, "field-key", keys.fieldKeyId(), AuditEvent.Outcome.FAILURE, null)
                        .withDetails("not started: a re-encryption is running on another node"));
                throw new AlreadyRunningException();
            }
            try {
                return locked(actor, started);
            } finally {
                unlock(lock);
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("the re-encryption's lock could not be taken", e);
        }
    }

    private Report locked(String actor, Instant started) {
        String keyId = keys.fieldKeyId();
        audit.record(AuditEvent.success(actor, ACTION + ".start", "field-key", keyId)
                .withDetails("re-encryption under field key " + keyId + " started; readable keys: "
                        + String.join(", ", keys.readableFieldKeyIds())));
        log.info("Re-encryption under field key {} started by {}", keyId, actor);
        List<ColumnReport> columns = new ArrayList<>();
        last.set(new Report(actor, keyId, started, null, List.of(), null));
        String error = null;
        try {
            for (SealedColumns owner : owners.orderedStream().toList()) {
                List<ColumnReport> module = new ArrayList<>();
                for (SealedColumn column : owner.columns()) {
                    ColumnReport report = reseal(owner, column);
                    module.add(report);
                    columns.add(report);
                    last.set(new Report(actor, keyId, started, null, List.copyOf(columns), null));
                }
                audit.record(new AuditEvent(
                                actor,
                                null,
                                ACTION + ".module",
                                "field-key",
                                keyId,
                                module.stream().anyMatch(c -> c.failed() > 0)
                                        ? AuditEvent.Outcome.FAILURE
                                        : AuditEvent.Outcome.SUCCESS,
                                null)
                        .withDetails(owner.module() + ": "
                                + module.stream()
                                        .map(c -> c.column() + " " + c.resealed() + "/" + c.examined()
                                                + (c.failed() > 0 ? " failed " + c.failed() : "")
                                                + " left " + c.leftUnder(keyId))
                                        .collect(Collectors.joining("; "))));
            }
        } catch (RuntimeException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.error("The re-encryption under field key {} stopped", keyId, e);
        }
        Report report = new Report(actor, keyId, started, clock.instant(), List.copyOf(columns), error);
        last.set(report);
        audit.record(new AuditEvent(
                        actor,
                        null,
                        ACTION,
                        "field-key",
                        keyId,
                        report.complete() ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.FAILURE,
                        null)
                .withDetails("re-encryption under field key " + keyId + (error == null ? " done" : " stopped")
                        + ": " + report.resealed() + " values sealed again in "
                        + report.columns().size()
                        + " columns, " + report.failed() + " could not be opened, " + report.left()
                        + " left under other keys" + (error == null ? "" : "; error: " + error)));
        log.info(
                "Re-encryption under field key {}: {} values sealed again, {} failed, {} left under other keys",
                keyId,
                report.resealed(),
                report.failed(),
                report.left());
        return report;
    }

    private ColumnReport reseal(SealedColumns owner, SealedColumn column) {
        long examined = 0;
        long resealed = 0;
        long failed = 0;
        List<Object> after = null;
        while (true) {
            SealedColumns.Batch batch = owner.reseal(column, after, BATCH);
            examined += batch.examined();
            resealed += batch.resealed();
            failed += batch.failed();
            if (batch.last() == null || batch.examined() < BATCH) {
                break;
            }
            after = batch.last();
        }
        Map<String, Long> census = new LinkedHashMap<>(owner.census(column));
        return new ColumnReport(owner.module(), column.name(), examined, resealed, failed, census);
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, LOCK);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection connection) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, LOCK);
            statement.execute();
        } catch (SQLException e) {
            log.warn("The re-encryption's lock was not freed; it is when its connection closes", e);
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
