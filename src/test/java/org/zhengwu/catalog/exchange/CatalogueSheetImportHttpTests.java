package org.zhengwu.catalog.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.catalog.CatalogAccess;
import org.zhengwu.identity.IdentityAccess;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.shared.csv.CsvCells;
import org.zhengwu.shared.csv.CsvTable;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.ZhengwuTest;

/**
 * The spreadsheets imported over HTTP: problems shown at the sheet, line and column (not a JSON pointer), malformed
 * sheets refused whole; and the link to the exchange page only for those who may use it. The lossless round trip is
 * in {@link CatalogueRoundTripTests}.
 */
@ZhengwuTest
class CatalogueSheetImportHttpTests {

    private static final String DEPARTMENT = "11340100662167280R";

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    JdbcClient jdbc;

    TestBrowser editor;

    @BeforeEach
    void signIn() {
        editor = new TestBrowser(port);
        editor.signInNewStaff(accounts, null, IdentityAccess.ADMIN, CatalogAccess.CATALOG_EDITOR);
    }

    @Test
    void aBadCellIsShownAtItsSheetLineAndColumnAndNothingIsLoaded() throws Exception {
        Map<String, byte[]> sheets = ExchangeTestFiles.exportedSheets(port);
        String entries = new String(sheets.get("entries"), StandardCharsets.UTF_8);
        // The first entry's code: the first cell of line 2.
        String code = entries.split("\r\n")[1].split(",")[0].replace("\"", "");
        List<String> header = headerOf(sheets.get("materials"));
        List<String> cells = new ArrayList<>();
        for (String column : header) {
            cells.add(
                    switch (column) {
                        case "implementationCode" -> code;
                        case "position" -> "1";
                        case "name" -> "申请表";
                        case "form" -> "XX";
                        default -> "";
                    });
        }
        Map<String, byte[]> upload = new LinkedHashMap<>();
        upload.put("entries", sheets.get("entries"));
        upload.put(
                "materials",
                (CsvCells.row(header) + "\r\n" + CsvCells.row(cells) + "\r\n").getBytes(StandardCharsets.UTF_8));
        long before = versions();

        Document done = ExchangeTestFiles.finished(editor, ExchangeTestFiles.uploadSheets(editor, upload));

        assertThat(done.selectFirst("[data-testid=job-status]").attr("data-state"))
                .isEqualTo("REJECTED");
        List<List<String>> problems = problems(done);
        assertThat(problems)
                .anySatisfy(p -> assertThat(p)
                        .satisfies(
                                q -> assertThat(q.get(0)).isEqualTo("materials.csv 第 2 行"),
                                q -> assertThat(q.get(1)).isEqualTo("form"),
                                q -> assertThat(q.get(2)).contains("XX")));
        // The demo's entries are in the catalogue already: each is shown at its line of the entries sheet (a cell
        // over several lines moves the next row down), and without the fourth sheet the steps are missing.
        assertThat(problems)
                .anySatisfy(p -> assertThat(p.subList(0, 2)).containsExactly("entries.csv 第 6 行", "implementationCode"))
                .anySatisfy(p -> assertThat(p.subList(0, 2)).containsExactly("entries.csv 第 6 行", "guide.steps"));
        assertThat(problems).noneSatisfy(p -> assertThat(p.get(0)).startsWith("/"));
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void malformedSheetsAreReportedEachAtItsLineAndNothingIsLoaded() throws Exception {
        Map<String, byte[]> upload = new LinkedHashMap<>();
        upload.put(
                "baseItems",
                "\"baseCode\",\"name\",\"bogus\"\r\n\"1\",\"2\",\"3\"\r\n".getBytes(StandardCharsets.UTF_8));
        upload.put(
                "entries",
                "\uFEFF\"implementationCode\",\"name\"\r\n\"a\",\"b\"\r\n\"c\",\"unclosed\r\n"
                        .getBytes(StandardCharsets.UTF_8));
        upload.put(
                "materials",
                "\"implementationCode\",\"position\",\"name\"\r\n\"a\",\"1\"\r\n".getBytes(StandardCharsets.UTF_8));
        long before = versions();

        Document done = ExchangeTestFiles.finished(editor, ExchangeTestFiles.uploadSheets(editor, upload));

        assertThat(done.selectFirst("[data-testid=job-status]").attr("data-state"))
                .isEqualTo("REJECTED");
        assertThat(problems(done))
                .containsExactlyInAnyOrder(
                        List.of("baseItems.csv 第 1 行", "bogus", "未知的列。"),
                        List.of("entries.csv 第 3 行", "", "引号未闭合。"),
                        List.of("materials.csv 第 2 行", "", "此行的单元格数（2）与表头的列数（3）不一致。"));
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void theProblemsAreInTheReadersLanguage() throws Exception {
        Map<String, byte[]> upload = Map.of("baseItems", "\"baseCode\",\"bogus\"\r\n".getBytes(StandardCharsets.UTF_8));
        String job = ExchangeTestFiles.uploadSheets(editor, upload);
        ExchangeTestFiles.finished(editor, job);

        Document done = editor.get(job, "Cookie", "ZHENGWU_LANG=en").html();

        assertThat(problems(done)).containsExactly(List.of("baseItems.csv, line 1", "bogus", "Unknown column."));
    }

    @Test
    void theExchangeLinkIsShownToThePlatformsEditorsOnly() {
        Element link = editor.get("/admin/catalog").html().selectFirst("[data-testid=nav-exchange]");
        assertThat(link).isNotNull();
        assertThat(link.attr("href")).isEqualTo("/admin/catalog/exchange");
        assertThat(editor.get("/admin/catalog/exchange")
                        .html()
                        .select("[data-testid=import-sheets-form] input[type=file]"))
                .hasSize(4);

        TestBrowser department = new TestBrowser(port);
        department.signInNewStaff(accounts, DEPARTMENT, CatalogAccess.CATALOG_EDITOR);
        TestBrowser.Page catalogue = department.get("/admin/catalog");
        assertThat(catalogue.status()).isEqualTo(200);
        assertThat(catalogue.html().select("[data-testid=nav-exchange]")).isEmpty();
        // The other links of the same list are there: the link is missing for the scope, not for the page.
        assertThat(catalogue.html().select("a[href=/admin/catalog/new]")).isNotEmpty();
        String csrf = TestBrowser.csrf(department.get("/account"));
        assertThat(department
                        .postMultipart(
                                "/admin/catalog/exchange/import-sheets",
                                Map.of("_csrf", List.of(csrf)),
                                Map.of("baseItems", new TestBrowser.FilePart("b.csv", "text/csv", new byte[] {'x'})))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void anApplicationFormIsOneLineOfJsonInItsCellAndItsProblemsAreShownAtThatCell() throws Exception {
        Map<String, byte[]> sheets = ExchangeTestFiles.exportedSheets(port);
        CsvTable table = CsvTable.read(new ByteArrayInputStream(sheets.get("entries")));
        int column = formColumn(table);
        assertThat(column).isPositive();
        CsvTable.Row withForm = table.rows().stream()
                .filter(r -> r.cells().get(column).startsWith("{\"fields\":[{\"key\":"))
                .findFirst()
                .orElseThrow();
        // Uploaded alone after the header: its line is 2.
        String where = "entries.csv 第 2 行";
        long before = versions();

        Document malformed = ExchangeTestFiles.finished(
                editor,
                ExchangeTestFiles.uploadSheets(editor, Map.of("entries", entries(table, withForm, "{\"fields\": ["))));
        assertThat(problems(malformed))
                .anySatisfy(p -> assertThat(p)
                        .satisfies(
                                q -> assertThat(q.get(0)).isEqualTo(where),
                                q -> assertThat(q.get(1)).isEqualTo("guide.applicationForm"),
                                q -> assertThat(q.get(2)).contains("JSON")));

        String badKey = withForm.cells().get(column).replaceFirst("\"key\":\"[a-z_]+\"", "\"key\":\"Bad Key\"");
        Document broken = ExchangeTestFiles.finished(
                editor, ExchangeTestFiles.uploadSheets(editor, Map.of("entries", entries(table, withForm, badKey))));
        assertThat(problems(broken))
                .anySatisfy(p -> assertThat(p)
                        .satisfies(
                                q -> assertThat(q.get(0)).isEqualTo(where),
                                q -> assertThat(q.get(1)).isEqualTo("guide.applicationForm.fields[0].key"),
                                q -> assertThat(q.get(2)).contains("小写英文字母开头")));
        assertThat(versions()).isEqualTo(before);
    }

    /** The header as read is in lower case. */
    private static int formColumn(CsvTable table) {
        return table.header().indexOf("guide.applicationform");
    }

    /** The entries sheet with only the header and one row, its application form cell replaced. */
    private static byte[] entries(CsvTable table, CsvTable.Row row, String form) {
        int column = formColumn(table);
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.cells().size(); i++) {
            cells.add(i == column ? form : CsvCells.value(row.cells().get(i)));
        }
        return (CsvCells.row(table.header()) + "\r\n" + CsvCells.row(cells) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> headerOf(byte[] sheet) {
        String first = new String(sheet, StandardCharsets.UTF_8).substring(1).split("\r\n")[0];
        List<String> header = new ArrayList<>();
        for (String cell : first.split(",")) {
            header.add(cell.replace("\"", ""));
        }
        return header;
    }

    private static List<List<String>> problems(Document page) {
        return page.select("[data-testid=import-problems] tbody tr").stream()
                .map(tr -> tr.select("td").stream().map(Element::text).toList())
                .toList();
    }

    private long versions() {
        return jdbc.sql("SELECT count(*) FROM catalog_item_version")
                .query(Long.class)
                .single();
    }
}
