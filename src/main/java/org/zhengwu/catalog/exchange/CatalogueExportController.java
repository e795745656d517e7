package org.zhengwu.catalog.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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

    CatalogueExportController(CatalogueExport export) {
        this.export = export;
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
