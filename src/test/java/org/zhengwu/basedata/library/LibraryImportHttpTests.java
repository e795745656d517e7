package org.zhengwu.basedata.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.basedata.BaseDataAccess;
import org.zhengwu.basedata.Population;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/** The import pages over HTTP: upload, progress, error report, refusals; and the audited staff lookup. */
@ZhengwuTest
class LibraryImportHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    @Autowired
    Population population;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LibraryImport imports;

    @Autowired
    ImportLeases leases;

    TestBrowser importer;
    String importerName;

    @BeforeEach
    void signIn() {
        importer = new TestBrowser(port);
        importerName = importer.signInNewStaff(staff, null, BaseDataAccess.LIBRARY_IMPORTER);
    }

    private TestBrowser.Page upload(TestBrowser browser, String library, String mode, TestBrowser.FilePart file) {
        String csrf = TestBrowser.csrf(browser.get("/admin/basedata/imports"));
        return browser.postMultipart(
                "/admin/basedata/imports",
                Map.of("_csrf", List.of(csrf), "library", List.of(library), "mode", List.of(mode)),
                Map.of("file", file));
    }

    private Document finished(String jobPath) {
        Document[] page = new Document[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            page[0] = importer.get(jobPath).html();
            return page[0].selectFirst("meta[http-equiv=refresh]") == null;
        });
        return page[0];
    }

    private long job(String status, int read) {
        return jdbc.sql("""
                        INSERT INTO basedata_import_job (library, mode, status, file_name, file_kind, actor, rows_read,
                            rows_imported)
                        VALUES ('person', 'skip-bad-rows', :status, 'persons.csv', 'csv', :actor, :read, :read)
                        RETURNING id""")
                .param("status", status)
                .param("actor", importerName)
                .param("read", read)
                .query(Long.class)
                .single();
    }

    private String status(long job) {
        return jdbc.sql("SELECT status FROM basedata_import_job WHERE id = :id")
                .param("id", job)
                .query(String.class)
                .single();
    }

    @Test
    void jobsLeftUnfinishedByAStoppedProcessAreMarkedFailedAtStartUpWithAReasonTheImporterReads() {
        // Left running and queued by a process that stopped (nobody holds them); one running on another node (its
        // lease held, here by this process's lease connection).
        long running = job("running", 400);
        long queued = job("queued", 0);
        long elsewhere = job("running", 200);
        leases.hold(elsewhere);
        try {
            assertThat(imports.failInterrupted()).isGreaterThanOrEqualTo(2);
            assertThat(status(running)).isEqualTo("failed");
            assertThat(status(queued)).isEqualTo("failed");
            assertThat(status(elsewhere)).isEqualTo("running");
        } finally {
            leases.release(elsewhere);
        }
        // The importer reads why, with the rows it got through, on the page and in the error report.
        Document page = importer.get("/admin/basedata/imports/" + running).html();
        assertThat(page.selectFirst("meta[http-equiv=refresh]")).isNull();
        assertThat(page.text()).contains("平台在导入过程中重新启动").contains("400");
        assertThat(importer.get("/admin/basedata/imports/" + running + "/problems.csv")
                        .body())
                .contains("平台在导入过程中重新启动");
        // Once: a second start finds nothing more of these.
        assertThat(jdbc.sql("SELECT count(*) FROM basedata_import_problem WHERE job_id = :id")
                        .param("id", running)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        imports.failInterrupted();
        assertThat(jdbc.sql("SELECT count(*) FROM basedata_import_problem WHERE job_id = :id")
                        .param("id", running)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(status(elsewhere)).isEqualTo("failed");
    }

    @Test
    void anUploadedFileIsImportedInTheBackgroundAndItsErrorReportDownloaded() {
        String good = TestPeople.newIdNumber();
        String csv = "id_number,name,household_division,birth_date\n"
                + good + ",网页导入,340104,\n"
                + TestPeople.newIdNumber() + ",,340104,\n"
                + TestPeople.newIdNumber() + ",日期错,340104,1990/01/01\n";
        TestBrowser.Page started = upload(
                importer,
                "person",
                LibraryImport.ALL_OR_NOTHING,
                new TestBrowser.FilePart("persons.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(started.status()).as(started.body()).isEqualTo(302);
        String jobPath = importer.relative(started.location());
        assertThat(jobPath).matches("/admin/basedata/imports/\\d+");

        Document page = finished(jobPath);
        assertThat(page.selectFirst("[data-testid=job-state]").text()).isEqualTo("有误，未导入");
        assertThat(page.selectFirst("[data-testid=rows-read]").text()).isEqualTo("3");
        assertThat(page.selectFirst("[data-testid=rows-imported]").text()).isEqualTo("0");
        assertThat(page.selectFirst("[data-testid=rows-refused]").text()).isEqualTo("2");
        assertThat(page.select("[data-testid=import-problems] tbody tr")).hasSize(2);
        assertThat(population.find(good)).isEmpty();

        TestBrowser.Page report = importer.get(jobPath + "/problems.csv");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.header("Content-Type")).startsWith("text/csv");
        assertThat(report.body().replace("\uFEFF", "").split("\r\n"))
                .containsExactly(
                        "\"行号\",\"列\",\"原因\"",
                        "3,\"name\",\"此项为必填项。\"",
                        "4,\"birth_date\",\"日期“1990/01/01”格式不正确，应为 YYYY-MM-DD。\"");

        // Someone else, even an importer, does not see the job.
        TestBrowser other = new TestBrowser(port);
        other.signInNewStaff(staff, null, BaseDataAccess.LIBRARY_IMPORTER);
        assertThat(other.get(jobPath).status()).isEqualTo(404);
        assertThat(other.get(jobPath + "/problems.csv").status()).isEqualTo(404);

        // The same file, skipping bad rows, imports the good one; the operator's list shows both jobs.
        TestBrowser.Page skipped = upload(
                importer,
                "person",
                LibraryImport.SKIP_BAD_ROWS,
                new TestBrowser.FilePart("persons.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        Document done = finished(importer.relative(skipped.location()));
        assertThat(done.selectFirst("[data-testid=job-state]").text()).isEqualTo("已完成");
        assertThat(done.selectFirst("[data-testid=rows-imported]").text()).isEqualTo("1");
        assertThat(population.find(good).orElseThrow().name()).isEqualTo("网页导入");
        assertThat(importer.get("/admin/basedata/imports").html().select("table a[href^=/admin/basedata/imports/]"))
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM shared_audit_entry WHERE actor = :actor AND action = 'basedata.import'""").param("actor", importerName).query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void aDisguisedFileIsRefusedAndNothingIsQueued() throws IOException {
        byte[] workbook = LibraryImportTests.xlsx("id_number,name,household_division\n");
        for (TestBrowser.FilePart disguised : List.of(
                new TestBrowser.FilePart("persons.xlsx", "application/octet-stream", "id_number,name\n".getBytes()),
                new TestBrowser.FilePart("persons.csv", "text/csv", workbook),
                new TestBrowser.FilePart("persons.csv", "text/csv", "%PDF-1.4\n".getBytes()),
                new TestBrowser.FilePart("persons.exe", "application/octet-stream", new byte[] {'M', 'Z'}))) {
            TestBrowser.Page refused = upload(importer, "person", LibraryImport.ALL_OR_NOTHING, disguised);
            assertThat(refused.status()).as(disguised.fileName()).isEqualTo(200);
            assertThat(refused.html().selectFirst(".error-summary").text())
                    .as(disguised.fileName())
                    .containsAnyOf("文件内容不是", "只能导入 CSV 或 .xlsx 文件");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM basedata_import_job WHERE actor = :actor")
                        .param("actor", importerName)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anOversizedFileGetsAClearPage() {
        TestBrowser.Page refused = upload(
                importer,
                "person",
                LibraryImport.ALL_OR_NOTHING,
                new TestBrowser.FilePart("persons.csv", "text/csv", new byte[21 * 1024 * 1024]));
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.html().text()).contains("persons.csv").doesNotContain("Exception");
    }

    @Test
    void staffWithoutThePermissionAreStopped() {
        TestBrowser reader = new TestBrowser(port);
        reader.signInNewStaff(staff, null, BaseDataAccess.LIBRARY_READER);
        assertThat(reader.get("/admin/basedata/imports").status()).isEqualTo(403);
        assertThat(importer.get("/admin/basedata/lookup").status()).isEqualTo(403);
    }

    @Test
    void aPersonIsLookedUpByNumberOnlyAndEveryLookupIsAudited() {
        TestBrowser reader = new TestBrowser(port);
        String readerName = reader.signInNewStaff(staff, null, BaseDataAccess.LIBRARY_READER);
        String csrf = TestBrowser.csrf(reader.get("/admin/basedata/lookup"));
        // A lookup without its purpose is refused, naming the field, and nothing is shown or logged.
        Document unexplained = reader.post(
                        "/admin/basedata/lookup/person", Map.of("_csrf", csrf, "idNumber", "340102199001010014"))
                .html();
        assertThat(unexplained.selectFirst("[data-testid=person]")).isNull();
        assertThat(unexplained.select(".error-summary a[href=#purpose]")).isNotEmpty();
        Document found = reader.post(
                        "/admin/basedata/lookup/person",
                        Map.of("_csrf", csrf, "idNumber", "340102199001010014", "purpose", "核查申请人身份信息"))
                .html();
        assertThat(found.selectFirst("[data-testid=person]").text()).contains("张三", "男", "1990-01-01", "瑶海区");
        String unknown = TestPeople.newIdNumber();
        Document missing = reader.post(
                        "/admin/basedata/lookup/person",
                        Map.of("_csrf", csrf, "idNumber", unknown, "purpose", "核查申请人身份信息"))
                .html();
        assertThat(missing.selectFirst("[data-testid=no-person]")).isNotNull();
        Document entities = reader.get("/admin/basedata/lookup?entity=张三餐饮").html();
        assertThat(entities.selectFirst("[data-testid=entities]").text()).contains("91340102MA2T00015D", "张三");
        List<String> audited =
                jdbc.sql("""
                        SELECT action || ':' || outcome || ':' || coalesce(details, '') FROM shared_audit_entry
                        WHERE actor = :actor ORDER BY seq""").param("actor", readerName).query(String.class).list();
        assertThat(audited)
                .filteredOn(a -> a.startsWith("basedata.lookup"))
                .hasSize(3)
                .noneMatch(a -> a.contains("340102199001010014") || a.contains(unknown));
    }
}
