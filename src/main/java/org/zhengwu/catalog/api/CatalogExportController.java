package org.zhengwu.catalog.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zhengwu.catalog.Guide;
import org.zhengwu.catalog.PublishedCatalog;
import org.zhengwu.catalog.PublishedItem;
import org.zhengwu.shared.csv.CsvCells;
import org.zhengwu.shared.time.BusinessTime;
import org.zhengwu.shared.web.CodeLabels;

/**
 * The published implementation list as one CSV file (UTF-8 with a byte-order mark, so that spreadsheet programs read
 * the Chinese correctly). It reads the same published versions as the portal and the API.
 */
@RestController
@Tag(name = "政务服务事项 Service items")
class CatalogExportController {

    private static final List<String> HEADER = List.of(
            "实施编码",
            "基本编码",
            "事项名称",
            "事项类型",
            "实施主体",
            "实施主体统一社会信用代码",
            "行使层级",
            "行政区划代码",
            "版本",
            "发布时间",
            "法定办结时限",
            "承诺办结时限",
            "网上办理深度",
            "到办事现场次数",
            "是否收费",
            "办理结果");

    private final PublishedCatalog catalog;
    private final CodeLabels labels;

    CatalogExportController(PublishedCatalog catalog, CodeLabels labels) {
        this.catalog = catalog;
        this.labels = labels;
    }

    @GetMapping(value = "/api/v1/items/export.csv", produces = "text/csv")
    @Operation(summary = "Every published entry as CSV (实施清单导出)")
    ResponseEntity<byte[]> export() {
        Locale chinese = Locale.SIMPLIFIED_CHINESE;
        StringBuilder csv =
                new StringBuilder("\uFEFF").append(String.join(",", HEADER)).append("\r\n");
        for (PublishedItem item : catalog.all()) {
            Guide g = item.guide();
            csv.append(CsvCells.row(List.of(
                            item.implementationCode(),
                            item.baseCode(),
                            item.name(),
                            labels.label(item.type(), chinese),
                            item.organisation().name(),
                            item.organisation().uscc(),
                            labels.label(item.organisation().exerciseLevel(), chinese),
                            item.divisionCode(),
                            Integer.toString(item.versionNo()),
                            item.publishedAt()
                                    .atZone(BusinessTime.ZONE)
                                    .toLocalDateTime()
                                    .withNano(0)
                                    .toString(),
                            limit(g.statutoryLimit(), chinese),
                            limit(g.promisedLimit(), chinese),
                            labels.label(g.onlineLevel(), chinese),
                            Integer.toString(g.visits()),
                            g.fee().charged() ? "是" : "否",
                            g.resultName())))
                    .append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        "Content-Disposition",
                        ContentDisposition.attachment()
                                .filename("zhengwu-catalogue.csv")
                                .build()
                                .toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private String limit(Guide.TimeLimit limit, Locale locale) {
        return limit.value() + labels.label(limit.unit(), locale);
    }
}
