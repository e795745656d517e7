package org.zhengwu.basedata.library;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengwu.basedata.LegalEntities;
import org.zhengwu.basedata.LegalEntityDraft;
import org.zhengwu.basedata.PersonDraft;
import org.zhengwu.basedata.Population;
import org.zhengwu.basedata.RecordProblem;
import org.zhengwu.basedata.RecordRefusedException;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.csv.CsvTable;
import org.zhengwu.shared.csv.ImportReport;

/**
 * Bulk imports into the base libraries, each a background job (one at a time per node, in the order uploaded). Every
 * row is read, its cells parsed and the record checked by its library; duplicates of a key within the file are
 * refused. In all-or-nothing mode the whole file is one transaction, rolled back on the first bad row found once every
 * row has been checked, so nothing is written; in skip-bad-rows mode each good row is saved in a transaction of its
 * own and each bad row reported. Every change publishes its library's {@link org.zhengwu.basedata.BaseRecordChanged}.
 */
@Service
public class LibraryImport {

    public static final String ALL_OR_NOTHING = "all-or-nothing";
    public static final String SKIP_BAD_ROWS = "skip-bad-rows";
    public static final List<String> MODES = List.of(ALL_OR_NOTHING, SKIP_BAD_ROWS);
    public static final List<String> LIBRARIES = List.of("person", "legal-entity");
    /** The problems kept and reported per job; a file with more is refused beyond them. */
    static final int MAX_PROBLEMS = 10_000;

    private static final int PROGRESS_EVERY = 200;
    /** The reason a job interrupted by a restart shows. */
    static final String INTERRUPTED = "basedata.import.interrupted";

    private static final Logger log = LoggerFactory.getLogger(LibraryImport.class);

    private final Population population;
    private final LegalEntities legalEntities;
    private final ImportJobRepository jobs;
    private final AccountabilityLog audit;
    private final ImportLeases leases;
    private final TransactionTemplate oneTransaction;
    private final TransactionTemplate ownTransaction;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "basedata-import");
        t.setDaemon(true);
        return t;
    });

    LibraryImport(
            Population population,
            LegalEntities legalEntities,
            ImportJobRepository jobs,
            AccountabilityLog audit,
            ImportLeases leases,
            PlatformTransactionManager transactions) {
        this.leases = leases;
        this.population = population;
        this.legalEntities = legalEntities;
        this.jobs = jobs;
        this.audit = audit;
        this.oneTransaction = new TransactionTemplate(transactions);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The columns of a library's file, required ones first. */
    public static List<String> columns(String library) {
        return library.equals("person") ? LibraryRows.PERSON_COLUMNS : LibraryRows.ENTITY_COLUMNS;
    }

    static List<String> requiredColumns(String library) {
        return library.equals("person") ? LibraryRows.PERSON_REQUIRED_COLUMNS : LibraryRows.ENTITY_REQUIRED_COLUMNS;
    }

    /**
     * Records the job and queues it; returns its id at once.
     *
     * @param kind csv or xlsx, already checked against the content
     */
    public long start(String library, String mode, String fileName, String kind, byte[] content, String actor) {
        if (!LIBRARIES.contains(library) || !MODES.contains(mode)) {
            throw new IllegalArgumentException("library " + library + ", mode " + mode);
        }
        long id = jobs.create(library, mode, fileName, kind, actor);
        leases.hold(id);
        worker.execute(() -> {
            try {
                run(id, library, mode, kind, content, actor);
            } catch (RuntimeException e) {
                log.error("Import job {} failed", id, e);
                ownTransaction.executeWithoutResult(s -> jobs.finish(
                        id,
                        ImportJob.FAILED,
                        0,
                        0,
                        0,
                        List.of(new ImportReport.Problem(0, "", "basedata.import.failed", List.of()))));
            } finally {
                leases.release(id);
            }
        });
        return id;
    }

    /**
     * At start-up: the jobs left queued or running by a process that stopped (no living process holds them) are marked
     * failed, with a reason their importer reads on the job's page and in its error report, and in the log. Their
     * files were in that process's memory only, so they cannot be resumed.
     */
    @EventListener(ApplicationReadyEvent.class)
    public int failInterrupted() {
        int failed = 0;
        for (long id : jobs.unfinished()) {
            if (leases.orphaned(id) && ownTransaction.execute(s -> jobs.interrupt(id, INTERRUPTED))) {
                audit.record(new AuditEvent(
                        "system",
                        null,
                        "basedata.import",
                        "import-job",
                        Long.toString(id),
                        AuditEvent.Outcome.FAILURE,
                        "interrupted: the process running it stopped"));
                failed++;
            }
        }
        if (failed > 0) {
            log.warn("{} import job(s) left unfinished by a stopped process marked failed", failed);
        }
        return failed;
    }

    /** Runs a job now, in the caller's thread (the worker's, or a test's). */
    void run(long id, String library, String mode, String kind, byte[] content, String actor) {
        Run run = new Run(id, library, mode);
        jobs.progress(id, ImportJob.RUNNING, 0, 0, 0);
        if (mode.equals(ALL_OR_NOTHING)) {
            oneTransaction.executeWithoutResult(status -> {
                run.readAll(kind, content);
                if (run.problems.size() > 0 || run.unreadable) {
                    status.setRollbackOnly();
                }
            });
        } else {
            run.readAll(kind, content);
        }
        String outcome;
        int imported = run.imported;
        if (run.unreadable || run.badHeader) {
            outcome = ImportJob.FAILED;
            imported = mode.equals(ALL_OR_NOTHING) ? 0 : imported;
        } else if (mode.equals(ALL_OR_NOTHING) && !run.problems.isEmpty()) {
            outcome = ImportJob.REJECTED;
            imported = 0;
        } else {
            outcome = ImportJob.COMPLETED;
        }
        int finalImported = imported;
        ownTransaction.executeWithoutResult(s -> {
            jobs.finish(id, outcome, run.read, finalImported, run.refused, run.problems);
            audit.record(new AuditEvent(
                    actor,
                    null,
                    "basedata.import",
                    "import-job",
                    Long.toString(id),
                    outcome.equals(ImportJob.COMPLETED) ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.FAILURE,
                    library + ", " + mode + ": read " + run.read + ", imported " + finalImported + ", refused "
                            + run.refused));
        });
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** One job's reading of its file. */
    private final class Run implements ImportFileRows.Rows {
        private final long id;
        private final String library;
        private final String mode;
        private final List<ImportReport.Problem> problems = new ArrayList<>();
        private final Map<String, Integer> keys = new HashMap<>();
        private int read;
        private int imported;
        private int refused;
        private boolean unreadable;
        private boolean badHeader;

        Run(long id, String library, String mode) {
            this.id = id;
            this.library = library;
            this.mode = mode;
        }

        void readAll(String kind, byte[] content) {
            try {
                ImportFileRows.read(kind, content, this);
            } catch (ImportFileRows.UnreadableFileException e) {
                unreadable = true;
                problem(e.line(), "", e.messageKey());
            } catch (StopReading e) {
                // the header was wrong: reported already
            }
        }

        @Override
        public void header(List<String> columns) {
            Set<String> known = new HashSet<>(columns(library));
            List<String> missing = new ArrayList<>();
            for (String required : requiredColumns(library)) {
                if (!columns.contains(required)) {
                    missing.add(required);
                }
            }
            if (!missing.isEmpty()) {
                problem(1, "", "import.missing-columns", String.join(", ", missing));
            }
            Set<String> seen = new HashSet<>();
            for (String column : columns) {
                if (!known.contains(column)) {
                    problem(1, column, "basedata.import.unknown-column", column);
                } else if (!seen.add(column)) {
                    problem(1, column, "basedata.import.repeated-column", column);
                }
            }
            if (!problems.isEmpty()) {
                badHeader = true;
                throw new StopReading();
            }
        }

        @Override
        public void row(CsvTable.Row row) {
            read++;
            List<RecordProblem> found = new ArrayList<>();
            Runnable save = prepare(row, found);
            if (found.isEmpty()) {
                String key = key(row);
                Integer first = keys.putIfAbsent(key, row.line());
                if (first != null) {
                    found.add(new RecordProblem(
                            library.equals("person") ? "id_number" : "uscc",
                            "basedata.import.duplicate",
                            List.of(first)));
                }
            }
            if (!found.isEmpty()) {
                refused++;
                found.forEach(p -> problem(row.line(), p.field(), p.messageKey(), p.argumentArray()));
            } else if (mode.equals(ALL_OR_NOTHING)) {
                if (problems.isEmpty()) {
                    save.run();
                }
                imported++;
            } else {
                try {
                    ownTransaction.executeWithoutResult(s -> save.run());
                    imported++;
                } catch (RecordRefusedException e) {
                    refused++;
                    e.problems().forEach(p -> problem(row.line(), p.field(), p.messageKey(), p.argumentArray()));
                } catch (RuntimeException e) {
                    refused++;
                    log.warn("Import job {}: line {} could not be saved", id, row.line(), e);
                    problem(row.line(), "", "basedata.import.row-failed");
                }
            }
            if (read % PROGRESS_EVERY == 0) {
                int shownImported = mode.equals(ALL_OR_NOTHING) ? 0 : imported;
                ownTransaction.executeWithoutResult(
                        s -> jobs.progress(id, ImportJob.RUNNING, read, shownImported, refused));
            }
        }

        /** Checks the row; returns what saves it when it is good. */
        private Runnable prepare(CsvTable.Row row, List<RecordProblem> found) {
            if (library.equals("person")) {
                LibraryRows.Parsed<PersonDraft> parsed = LibraryRows.person(row);
                found.addAll(parsed.problems());
                if (parsed.draft() == null) {
                    return null;
                }
                found.addAll(population.check(parsed.draft()));
                return () -> population.save(parsed.draft());
            }
            LibraryRows.Parsed<LegalEntityDraft> parsed = LibraryRows.legalEntity(row);
            found.addAll(parsed.problems());
            if (parsed.draft() == null) {
                return null;
            }
            found.addAll(legalEntities.check(parsed.draft()));
            return () -> legalEntities.save(parsed.draft());
        }

        private String key(CsvTable.Row row) {
            String column = library.equals("person") ? "id_number" : "uscc";
            return LibraryRows.cell(row, column).toUpperCase(Locale.ROOT);
        }

        private void problem(int line, String column, String key, Object... arguments) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new ImportReport.Problem(line, column, key, List.of(arguments)));
            }
        }
    }

    /** Ends the reading of a file whose header is wrong. */
    private static final class StopReading extends RuntimeException {
        StopReading() {
            super(null, null, false, false);
        }
    }

    /** The job, if {@code actor} ran it. */
    public Optional<ImportJob> job(long id, String actor) {
        return jobs.find(id, actor);
    }

    public List<ImportJob> recent(String actor) {
        return jobs.recent(actor, 20);
    }

    public List<ImportReport.Problem> problems(long id) {
        return jobs.problems(id, MAX_PROBLEMS);
    }
}
