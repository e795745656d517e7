package org.zhengwu.catalog.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The published catalogue in the exchange format: public information, as the portal shows it. */
@RestController
@Tag(name = "政务服务事项 Service items")
class CatalogueExportController {

    private final CatalogueExport export;
    private final CatalogueSheets sheets;

    CatalogueExportController(CatalogueExport export, CatalogueSheets sheets) {
        this.export = export;
        this.sheets = sheets;
    }

    @GetMapping("/api/v1/catalogue/base-items.csv")
    @Operation(summary = "The base list as a spreadsheet (CSV), columns as the exchange file's fields")
    ResponseEntity<byte[]> baseItems() {
        return csv("zhengwu-base-items.csv", sheets.baseItems(export.file()));
    }

    @GetMapping("/api/v1/catalogue/entries.csv")
    @Operation(summary = "Every published entry with every scalar element of its guide (CSV), national codes")
    ResponseEntity<byte[]> entries() {
        return csv("zhengwu-entries.csv", sheets.entries(export.file()));
    }

    @GetMapping("/api/v1/catalogue/materials.csv")
    @Operation(summary = "The materials of every published entry (CSV), keyed by implementation code")
    ResponseEntity<byte[]> materials() {
        return csv("zhengwu-materials.csv", sheets.materials(export.file()));
    }

    @GetMapping("/api/v1/catalogue/lists.csv")
    @Operation(
            summary = "The other lists of objects of every published guide (CSV): steps, fee items, FAQs,"
                    + " intermediaries, discretion rows, articles; keyed by implementation code, list and position")
    ResponseEntity<byte[]> lists() {
        return csv("zhengwu-lists.csv", sheets.lists(export.file()));
    }

    private static ResponseEntity<byte[]> csv(String fileName, byte[] content) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        "Content-Disposition",
                        ContentDisposition.attachment()
                                .filename(fileName)
                                .build()
                                .toString())
                .body(content);
    }

    @GetMapping("/api/v1/catalogue/export.json")
    @Operation(
            summary = "The base list and every published entry in the exchange format zhengwu-catalogue/1",
            description = "Every code-table value is its national code; see docs/EXCHANGE.md. Base items by base"
                    + " code, entries by implementation code; only exportedAt changes between two exports of the"
                    + " same catalogue.")
    ResponseEntity<byte[]> export() {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(
                        "Content-Disposition",
                        ContentDisposition.attachment()
                                .filename("zhengwu-catalogue.json")
                                .build()
                                .toString())
                .body(export.bytes());
    }
}
