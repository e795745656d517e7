package org.zhengwu.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengwu.ZhengwuApplication;
import org.zhengwu.cases.lifecycle.CaseLifecycle;
import org.zhengwu.cases.lifecycle.CaseMaterial;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.catalog.CaseKind;
import org.zhengwu.catalog.PublishedCatalog;
import org.zhengwu.catalog.PublishedItem;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.DataScope;
import org.zhengwu.identity.RealNameLevel;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditAnchors;
import org.zhengwu.shared.audit.AuditEntry;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.audit.ChainVerification;
import org.zhengwu.shared.crypto.Sm3;
import org.zhengwu.shared.files.FileStore;
import org.zhengwu.shared.files.StoredUpload;
import org.zhengwu.shared.files.Uploads;
import org.zhengwu.support.OnlineItems;
import org.zhengwu.support.TestCases;
import org.zhengwu.support.TestPeople;

/**
 * The restore drill (灾备, issue 13), with the scripts an operations team runs ({@code ops/backup.sh},
 * {@code ops/wal-archive.sh}, {@code ops/restore.sh}): a cluster of the test's own with WAL archiving, the platform
 * on it loading citizens, submitted cases with their files, and accountability-log entries in three batches — A,
 * then the base backup, B, then the point in time, C — and a restore of the database to that point, of the file
 * store and of the audit checkpoints into new directories; the platform started on the restored cluster has A and B,
 * nothing of C, every file its cases name with the SM3 recorded, and an accountability log that verifies.
 */
class RestoreDrillTests {

    static final Path OPS = Path.of("ops").toAbsolutePath();
    static final String MARK = "shared.database.restore-drill";
    static final Duration STEP = Duration.ofSeconds(90);

    final List<ClusterDrill> clusters = new ArrayList<>();
    final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    /** The drill's directory (some 200 MB), removed once the drill has passed; kept after a failure, to look into. */
    Path passed;

    /** What one batch put in through the platform. */
    record Batch(
            String name,
            List<String> usernames,
            Map<Long, String> caseNumbers,
            List<Long> drafts,
            List<String> marks) {}

    @AfterEach
    void stopEverything() {
        contexts.forEach(ConfigurableApplicationContext::close);
        clusters.forEach(ClusterDrill::close);
        if (passed != null) {
            org.springframework.util.FileSystemUtils.deleteRecursively(passed.toFile());
        }
    }

    @Test
    void aPointInTimeRestoreBringsBackExactlyWhatWasCommittedBeforeThatPointWithItsFilesAndAVerifiedLog()
            throws Exception {
        Path bin = ClusterDrill.binariesOrSkip();
        long started = System.nanoTime();
        Path run = Path.of("target/restore-drill", UUID.randomUUID().toString().substring(0, 8))
                .toAbsolutePath();
        Path backup = run.resolve("backup");
        Path keys = run.resolve("keys");
        Path anchorFile = run.resolve("audit/anchors.log");
        String password = UUID.randomUUID().toString();

        Map<String, String> settings = ClusterDrill.quietSettings();
        settings.put("wal_level", "replica");
        settings.put("archive_mode", "on");
        settings.put("archive_command", OPS.resolve("wal-archive.sh") + " %p %f " + backup.resolve("wal"));
        ClusterDrill primary = ClusterDrill.init(bin, run.resolve("pg"), password, settings);
        clusters.add(primary);
        primary.start(STEP);
        primary.withJdbc(
                "postgres",
                jdbc -> jdbc.sql("CREATE DATABASE zhengwu ENCODING 'UTF8' TEMPLATE template0")
                        .update());

        ConfigurableApplicationContext before = start(primary, keys, run.resolve("files"), anchorFile);
        AuditAnchors anchors = before.getBean(AuditAnchors.class);
        Batch a = load(before, "甲");
        anchors.checkpoint();

        script(
                primary.clientEnvironment(),
                "backup.sh",
                "base",
                "--to",
                backup,
                "--files",
                run.resolve("files"),
                "--anchor-file",
                anchorFile);

        // A small install's nightly dump, taken at the same moment (restored below into a database of its own).
        script(
                primary.clientEnvironment(),
                "backup.sh",
                "dump",
                "--to",
                backup,
                "--files",
                run.resolve("files"),
                "--anchor-file",
                anchorFile);

        Batch b = load(before, "乙");
        anchors.checkpoint();
        // The point to restore to, on the database's clock: after B's last commit, before C's first.
        Instant point = primary.withJdbc(
                "zhengwu",
                jdbc -> jdbc.sql("SELECT clock_timestamp()")
                        .query(Instant.class)
                        .single());
        // After the point, the applicant removes B's draft file: the row goes, the file is deleted after the commit
        // (as CaseUploads.remove does). A restore to the point has the row again, so it needs the file again.
        removeDraftFiles(before, b);
        Batch c = load(before, "丙");
        anchors.checkpoint();
        assertPresent(before, List.of(a, b, c));
        before.close();
        contexts.remove(before);

        // What a running primary does on its own within archive_timeout: the WAL of C's commits goes to the archive.
        String lastSegment = primary.withJdbc(
                "postgres",
                jdbc -> jdbc.sql("SELECT pg_walfile_name(pg_switch_wal())")
                        .query(String.class)
                        .single());
        Awaitility.await("WAL segment " + lastSegment + " archived")
                .atMost(STEP)
                .until(() -> Files.exists(backup.resolve("wal").resolve(lastSegment)));
        // The file store's copy that runs every few minutes, after the point.
        script(
                primary.clientEnvironment(),
                "backup.sh",
                "files",
                "--to",
                backup,
                "--files",
                run.resolve("files"),
                "--anchor-file",
                anchorFile);
        primary.stop();

        Path restoredFiles = run.resolve("files-restored");
        script(
                Map.of("PG_BIN", bin.toString()),
                "restore.sh",
                "pitr",
                "--from",
                backup,
                "--pgdata",
                run.resolve("pg-restored"),
                "--target-time",
                point.toString(),
                "--files",
                restoredFiles,
                "--anchor-file",
                anchorFile);
        List<Path> keptAside = listAnchorCopies(anchorFile);
        assertThat(keptAside)
                .as("the whole checkpoint file is kept beside the one cut at the point")
                .hasSize(1);
        assertThat(Files.readAllLines(anchorFile))
                .hasSizeLessThan(Files.readAllLines(keptAside.get(0)).size());

        ClusterDrill restored = ClusterDrill.existing(bin, run.resolve("pg-restored"), password);
        clusters.add(restored);
        restored.start(STEP);
        boolean inRecovery = restored.withJdbc(
                "postgres",
                jdbc -> jdbc.sql("SELECT pg_is_in_recovery()")
                        .query(Boolean.class)
                        .single());
        assertThat(inRecovery).as("promoted after replaying to the point").isFalse();

        ConfigurableApplicationContext after = start(restored, keys, restoredFiles, anchorFile);
        assertPresent(after, List.of(a, b));
        assertAbsent(after, c);

        ChainVerification verification = after.getBean(AccountabilityLog.class).verify();
        assertThat(verification.intact())
                .as("the restored accountability log verifies: %s", verification)
                .isTrue();
        assertThat(verification.checkpoints())
                .as("checked against the checkpoints up to the point")
                .isPositive();
        // Why restore.sh cuts the checkpoint file: with the checkpoints written after the point, the restored log looks
        // cut — which it is, by the restore.
        Path cut = Files.copy(anchorFile, run.resolve("anchors-cut.log"));
        Files.copy(keptAside.get(0), anchorFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ChainVerification againstAll = after.getBean(AccountabilityLog.class).verify();
        assertThat(againstAll.problem())
                .as("the restored log against every checkpoint, those after the point too")
                .isIn(ChainVerification.Problem.TRUNCATED, ChainVerification.Problem.DIVERGES_FROM_CHECKPOINT);
        Files.copy(cut, anchorFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        FileStore store = after.getBean(FileStore.class);
        CaseRecords records = after.getBean(CaseRecords.class);
        int files = 0;
        for (Batch batch : List.of(a, b)) {
            for (long caseId : Stream.concat(batch.caseNumbers().keySet().stream(), batch.drafts().stream())
                    .toList()) {
                List<CaseMaterial> materials = records.materials(caseId);
                assertThat(materials).as("case %s's material", caseId).hasSize(1);
                for (CaseMaterial m : materials) {
                    try (InputStream in = store.open(m.fileKey())) {
                        assertThat(HexFormat.of().formatHex(Sm3.hash(in.readAllBytes())))
                                .as("the restored file %s has the SM3 its row recorded", m.fileKey())
                                .isEqualTo(m.sm3());
                    }
                    files++;
                }
            }
        }
        assertThat(files)
                .isEqualTo(a.caseNumbers().size()
                        + b.caseNumbers().size()
                        + a.drafts().size()
                        + b.drafts().size());
        // The dump: restored into an empty database, it has A, and nothing of B or C.
        restored.withJdbc(
                "postgres",
                jdbc -> jdbc.sql("CREATE DATABASE zhengwu_dump ENCODING 'UTF8' TEMPLATE template0")
                        .update());
        Path dump;
        try (Stream<Path> dumps = Files.list(backup.resolve("dump"))) {
            dump = dumps.filter(f -> f.toString().endsWith(".dump")).findFirst().orElseThrow();
        }
        Map<String, String> dumpClient = new LinkedHashMap<>(restored.clientEnvironment());
        dumpClient.put("PGDATABASE", "zhengwu_dump");
        script(dumpClient, "restore.sh", "dump", "--from", dump);
        Map<String, Long> accounts = restored.withJdbc(
                "zhengwu_dump",
                jdbc -> Stream.of(a, b, c)
                        .collect(Collectors.toMap(
                                Batch::name,
                                batch -> jdbc.sql("SELECT count(*) FROM identity_account WHERE username IN (:names)")
                                        .param("names", batch.usernames())
                                        .query(Long.class)
                                        .single())));
        assertThat(accounts).as("accounts of each batch in the dump").isEqualTo(Map.of("甲", 2L, "乙", 0L, "丙", 0L));
        long dumpedCases = restored.withJdbc(
                "zhengwu_dump",
                jdbc -> jdbc.sql("SELECT count(*) FROM cases_case WHERE case_number IN (:numbers)")
                        .param(
                                "numbers",
                                Stream.of(a, b, c)
                                        .flatMap(x -> x.caseNumbers().values().stream())
                                        .toList())
                        .query(Long.class)
                        .single());
        assertThat(dumpedCases)
                .as("A's cases, none of B or C")
                .isEqualTo(a.caseNumbers().size());

        System.out.printf(
                "Restore drill: %d files checked, %d log entries verified against %d checkpoints, %d s in all%n",
                files,
                verification.checked(),
                verification.checkpoints(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        passed = run;
    }

    private ConfigurableApplicationContext start(ClusterDrill cluster, Path keys, Path files, Path anchorFile) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("server.port", ClusterDrill.freePort());
        p.put("spring.datasource.url", cluster.jdbcUrl("zhengwu"));
        p.put("spring.datasource.username", ClusterDrill.USER);
        p.put("spring.datasource.password", cluster.password());
        p.put("zhengwu.crypto.key-dir", keys.toString());
        p.put("zhengwu.files.directory", files.toString());
        p.put("zhengwu.audit.anchor-file", anchorFile.toString());
        // As command-line arguments: above the test configuration files, which default properties are not.
        String[] arguments = p.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ZhengwuApplication.class).run(arguments);
        contexts.add(context);
        return context;
    }

    /** Two citizens registered, a case of each submitted online with a file, and two entries of the drill's own. */
    private static Batch load(ConfigurableApplicationContext context, String name) {
        CitizenAccounts citizens = context.getBean(CitizenAccounts.class);
        CaseLifecycle lifecycle = context.getBean(CaseLifecycle.class);
        AccountabilityLog audit = context.getBean(AccountabilityLog.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        PublishedItem item = OnlineItems.first(context.getBean(PublishedCatalog.class), CaseKind.PROMISED);
        List<String> usernames = new ArrayList<>();
        Map<Long, String> cases = new LinkedHashMap<>();
        List<String> marks = new ArrayList<>();
        List<Long> drafts = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            TestPeople.Citizen citizen = TestPeople.register(citizens, "恢复演练" + name + (i == 1 ? "一" : "二"));
            usernames.add(citizen.username());
            long accountId = jdbc.sql("SELECT id FROM identity_account WHERE username = ?")
                    .param(citizen.username())
                    .query(Long.class)
                    .single();
            Actor applicant = new Actor(
                    accountId,
                    UUID.randomUUID(),
                    citizen.username(),
                    citizen.realName(),
                    AccountType.PERSON,
                    RealNameLevel.IN_PERSON,
                    Set.of(),
                    Map.of(),
                    DataScope.NONE);
            long caseId = lifecycle.startDraft(applicant, item.implementationCode(), null, Map.of("note", name));
            addFile(context, applicant, caseId, citizen.username());
            CaseLifecycle.Receipt receipt = lifecycle.submit(applicant, caseId, UUID.randomUUID(), draft -> {});
            if (i == 1) {
                long draftId =
                        lifecycle.startDraft(applicant, item.implementationCode(), null, Map.of("note", name + "草稿"));
                addFile(context, applicant, draftId, citizen.username() + "-draft");
                drafts.add(draftId);
            }
            cases.put(caseId, receipt.caseNumber().value());
            String mark = name + "-" + i + "-" + UUID.randomUUID();
            audit.record(AuditEvent.success("restore-drill", MARK, "drill", mark));
            marks.add(mark);
        }
        return new Batch(name, usernames, cases, drafts, marks);
    }

    /** An uploaded file recorded against the draft's first material, as {@code CaseUploads.add} does. */
    private static void addFile(ConfigurableApplicationContext context, Actor applicant, long caseId, String mark) {
        CaseRecords records = context.getBean(CaseRecords.class);
        AccountabilityLog audit = context.getBean(AccountabilityLog.class);
        StoredUpload file = upload(context.getBean(Uploads.class), mark);
        context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
            records.addMaterial(
                    caseId,
                    1,
                    "申请书",
                    new CaseRecords.StoredUpload(
                            file.key(), file.fileName(), file.kind().name(), file.size(), file.sm3()),
                    0,
                    Instant.now());
            audit.record(AuditEvent.success(applicant.username(), "cases.material.add", "case", "" + caseId)
                    .withDetails("1 " + file.kind().name() + " " + file.size() + " B sm3=" + file.sm3()));
        });
    }

    /** The batch's draft files removed, as {@code CaseUploads.remove} does: the row, then the file after the commit. */
    private static void removeDraftFiles(ConfigurableApplicationContext context, Batch batch) throws IOException {
        CaseRecords records = context.getBean(CaseRecords.class);
        AccountabilityLog audit = context.getBean(AccountabilityLog.class);
        FileStore store = context.getBean(FileStore.class);
        for (long draftId : batch.drafts()) {
            CaseMaterial m = records.materials(draftId).get(0);
            context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
                records.removeDraftMaterial(draftId, m.id());
                audit.record(AuditEvent.success("restore-drill", "cases.material.remove", "case", "" + draftId)
                        .withDetails(m.materialNo() + " sm3=" + m.sm3()));
            });
            store.delete(m.fileKey());
            assertThat(store.exists(m.fileKey())).isFalse();
        }
    }

    /** A PDF that the upload checks accept, different for each applicant (so each has an SM3 of its own). */
    private static StoredUpload upload(Uploads uploads, String username) {
        String pdf = new String(TestCases.PDF, StandardCharsets.US_ASCII).replace("%%EOF", "% " + username + "\n%%EOF");
        try {
            return uploads.store("申请书.pdf", new ByteArrayInputStream(pdf.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertPresent(ConfigurableApplicationContext context, List<Batch> batches) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        CaseRecords records = context.getBean(CaseRecords.class);
        for (Batch batch : batches) {
            for (String username : batch.usernames()) {
                assertThat(count(jdbc, "SELECT count(*) FROM identity_account WHERE username = ?", username))
                        .as("batch %s's account %s", batch.name(), username)
                        .isEqualTo(1);
                assertThat(registrations(context, username))
                        .as("its registration in the log")
                        .hasSize(1);
            }
            batch.caseNumbers()
                    .forEach((id, number) -> assertThat(records.find(id).map(r -> r.caseNumber()))
                            .as("batch %s's case %s", batch.name(), id)
                            .contains(number));
            batch.drafts()
                    .forEach(id -> assertThat(records.find(id))
                            .as("batch %s's draft %s", batch.name(), id)
                            .isPresent());
        }
        assertThat(marks(context))
                .as("exactly the drill's log entries of the batches expected")
                .containsExactlyInAnyOrderElementsOf(
                        batches.stream().flatMap(b -> b.marks().stream()).toList());
    }

    private static void assertAbsent(ConfigurableApplicationContext context, Batch batch) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        CaseRecords records = context.getBean(CaseRecords.class);
        for (String username : batch.usernames()) {
            assertThat(count(jdbc, "SELECT count(*) FROM identity_account WHERE username = ?", username))
                    .as("batch %s's account %s, committed after the point", batch.name(), username)
                    .isZero();
            assertThat(registrations(context, username)).isEmpty();
        }
        batch.caseNumbers().forEach((id, number) -> {
            assertThat(records.find(id))
                    .as("batch %s's case %s", batch.name(), id)
                    .isEmpty();
            assertThat(records.findByNumber(number)).isEmpty();
        });
        batch.drafts()
                .forEach(id -> assertThat(records.find(id))
                        .as("batch %s's draft %s", batch.name(), id)
                        .isEmpty());
    }

    private static long count(JdbcClient jdbc, String sql, String value) {
        return jdbc.sql(sql).param(value).query(Long.class).single();
    }

    private static List<AuditEntry> registrations(ConfigurableApplicationContext context, String username) {
        return context.getBean(AccountabilityLog.class)
                .search(new AccountabilityLog.Query(null, "account", username, "identity.register", null, null), 10, 0);
    }

    private static List<String> marks(ConfigurableApplicationContext context) {
        return context
                .getBean(AccountabilityLog.class)
                .search(new AccountabilityLog.Query(null, "drill", null, MARK, null, null), 100, 0)
                .stream()
                .map(AuditEntry::objectId)
                .collect(Collectors.toList());
    }

    private static List<Path> listAnchorCopies(Path anchorFile) throws IOException {
        try (Stream<Path> files = Files.list(anchorFile.getParent())) {
            return files.filter(
                            f -> f.getFileName().toString().startsWith(anchorFile.getFileName() + ".before-restore-"))
                    .toList();
        }
    }

    /** Runs one of the ops scripts as an operator would, and fails with its output if it fails. */
    private static void script(Map<String, String> environment, String name, Object... arguments) {
        List<String> command = new ArrayList<>();
        command.add(OPS.resolve(name).toString());
        for (Object argument : arguments) {
            command.add(argument.toString());
        }
        String output = ClusterDrill.run(command, environment, STEP);
        System.out.print(output);
    }
}
