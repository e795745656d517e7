package org.zhengwu.catalog.exchange;

import jakarta.annotation.PreDestroy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports running in the background, one at a time, with how far each has come. Jobs live in this node's memory: the
 * status page of an import is on the node that ran it, and a restart forgets finished jobs (what they loaded stays,
 * and the accountability log has it).
 */
@Component
class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final int KEPT = 50;

    enum State {
        QUEUED,
        VALIDATING,
        LOADING,
        /** Everything loaded and published. */
        DONE,
        /** The file has problems: nothing was loaded. */
        REJECTED,
        /** Loading stopped: nothing was kept. */
        FAILED;

        boolean finished() {
            return this == DONE || this == REJECTED || this == FAILED;
        }
    }

    /** One import: who started it, its state, and its counts. */
    static final class Job {
        final String id;
        final String owner;
        final String fileName;
        volatile State state = State.QUEUED;
        volatile int total;
        volatile int baseItems;
        volatile int entries;
        final AtomicInteger done = new AtomicInteger();
        volatile List<ImportProblem> problems = List.of();

        Job(String id, String owner, String fileName) {
            this.id = id;
            this.owner = owner;
            this.fileName = fileName;
        }

        public String getId() {
            return id;
        }

        public String getFileName() {
            return fileName;
        }

        public State getState() {
            return state;
        }

        public int getTotal() {
            return total;
        }

        public int getDone() {
            return done.get();
        }

        public int getBaseItems() {
            return baseItems;
        }

        public int getEntries() {
            return entries;
        }

        public List<ImportProblem> getProblems() {
            return problems;
        }

        public boolean isFinished() {
            return state.finished();
        }
    }

    private final CatalogueImport importer;
    private final TransactionTemplate transaction;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "catalogue-import");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    ImportJobs(CatalogueImport importer, PlatformTransactionManager transactions) {
        this.importer = importer;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Queues an import of {@code content} by {@code actor}; returns its job's id. */
    String start(byte[] content, String fileName, String actor) {
        return start(fileName, actor, () -> importer.validate(content), UnaryOperator.identity());
    }

    /**
     * Queues an import of the spreadsheets: read into the tree of an exchange file, then checked and loaded as one;
     * every problem is shown at its sheet, line and column.
     */
    String startSheets(Map<CatalogueSheetImport.Sheet, CatalogueSheetImport.Upload> sheets, String actor) {
        String fileNames = sheets.values().stream()
                .map(CatalogueSheetImport.Upload::fileName)
                .collect(Collectors.joining(", "));
        CatalogueSheetImport.Read[] read = new CatalogueSheetImport.Read[1];
        return start(
                fileNames,
                actor,
                () -> {
                    read[0] = CatalogueSheetImport.read(sheets);
                    return read[0].root() == null
                            ? new CatalogueImport.Validation(read[0].problems(), null)
                            : importer.validate(read[0].root());
                },
                problem -> read[0] == null ? problem : read[0].where().locate(problem));
    }

    private String start(
            String fileName,
            String actor,
            Supplier<CatalogueImport.Validation> validate,
            UnaryOperator<ImportProblem> where) {
        Job job = new Job(UUID.randomUUID().toString(), actor, fileName);
        synchronized (jobs) {
            jobs.put(job.id, job);
            while (jobs.size() > KEPT) {
                String oldest = jobs.keySet().iterator().next();
                if (!jobs.get(oldest).isFinished()) {
                    break;
                }
                jobs.remove(oldest);
            }
        }
        executor.execute(() -> run(job, validate, where));
        return job.id;
    }

    Optional<Job> find(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    private void run(Job job, Supplier<CatalogueImport.Validation> validate, UnaryOperator<ImportProblem> where) {
        try {
            job.state = State.VALIDATING;
            CatalogueImport.Validation validation = validate.get();
            if (!validation.problems().isEmpty()) {
                job.problems = validation.problems().stream().map(where).toList();
                job.state = State.REJECTED;
                return;
            }
            CatalogueImport.Plan plan = validation.plan();
            job.baseItems = plan.baseItems().size();
            job.entries = plan.entries().size();
            job.total = plan.size();
            job.state = State.LOADING;
            transaction.executeWithoutResult(status -> importer.load(plan, job.owner, job.done::incrementAndGet));
            job.state = State.DONE;
        } catch (CatalogueImport.LoadRefused e) {
            job.problems = e.problems.stream().map(where).toList();
            job.done.set(0);
            job.state = State.FAILED;
        } catch (RuntimeException e) {
            log.error("Import {} of {} failed", job.id, job.fileName, e);
            job.problems = List.of(ImportProblem.of("/", "", "catalog.exchange.failed"));
            job.done.set(0);
            job.state = State.FAILED;
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
