package org.zhengwu.catalog.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.zhengwu.support.TestBrowser;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Uploading an exchange file as an editor does, and waiting for its import to finish. */
final class ExchangeTestFiles {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private ExchangeTestFiles() {}

    static ObjectNode read(byte[] content) {
        return (ObjectNode) JSON.readTree(content);
    }

    static byte[] bytes(ObjectNode file) {
        return JSON.writeValueAsString(file).getBytes(StandardCharsets.UTF_8);
    }

    /** Posts the file through the import form; returns the job page's address. */
    static String upload(TestBrowser editor, byte[] content) {
        String csrf = TestBrowser.csrf(editor.get("/admin/catalog/exchange"));
        TestBrowser.Page started = editor.postMultipart(
                "/admin/catalog/exchange/import",
                Map.of("_csrf", List.of(csrf)),
                Map.of("file", new TestBrowser.FilePart("catalogue.json", "application/json", content)));
        assertThat(started.status()).as(started.body()).isEqualTo(302);
        String job = editor.relative(started.location());
        assertThat(job).startsWith("/admin/catalog/exchange/jobs/");
        return job;
    }

    /** The four sheets as the demo exports them, by the import form's field names. */
    static Map<String, byte[]> exportedSheets(int port) {
        Map<String, byte[]> sheets = new java.util.LinkedHashMap<>();
        Map.of("baseItems", "base-items", "entries", "entries", "materials", "materials", "lists", "lists")
                .forEach((field, name) -> {
                    TestBrowser.Page page = new TestBrowser(port).get("/api/v1/catalogue/" + name + ".csv");
                    assertThat(page.status()).isEqualTo(200);
                    sheets.put(field, page.body().getBytes(StandardCharsets.UTF_8));
                });
        return sheets;
    }

    /** Posts spreadsheets through the second import form; returns the job page's address. */
    static String uploadSheets(TestBrowser editor, Map<String, byte[]> sheets) {
        String csrf = TestBrowser.csrf(editor.get("/admin/catalog/exchange"));
        Map<String, TestBrowser.FilePart> files = new java.util.LinkedHashMap<>();
        sheets.forEach(
                (field, content) -> files.put(field, new TestBrowser.FilePart(field + ".csv", "text/csv", content)));
        TestBrowser.Page started =
                editor.postMultipart("/admin/catalog/exchange/import-sheets", Map.of("_csrf", List.of(csrf)), files);
        assertThat(started.status()).as(started.body()).isEqualTo(302);
        String job = editor.relative(started.location());
        assertThat(job).startsWith("/admin/catalog/exchange/jobs/");
        return job;
    }

    /** The job page once the import has finished, reloaded as the page's own refresh would. */
    static Document finished(TestBrowser editor, String job) throws InterruptedException {
        java.util.concurrent.atomic.AtomicReference<Document> done =
                new java.util.concurrent.atomic.AtomicReference<>();
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    TestBrowser.Page page = editor.get(job);
                    assertThat(page.status()).isEqualTo(200);
                    Document html = page.html();
                    String state = html.selectFirst("[data-testid=job-status]").attr("data-state");
                    if (List.of("DONE", "REJECTED", "FAILED").contains(state)) {
                        done.set(html);
                        return true;
                    }
                    // Still running: the page refreshes itself, with and without JavaScript.
                    assertThat(html.select("#job-status meta[http-equiv=refresh]"))
                            .hasSize(1);
                    assertThat(html.selectFirst("#job-status").attr("hx-trigger"))
                            .isEqualTo("every 2s");
                    return false;
                });
        return done.get();
    }
}
