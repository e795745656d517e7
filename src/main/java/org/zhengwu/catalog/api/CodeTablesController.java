package org.zhengwu.catalog.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zhengwu.shared.web.CodeLabels;
import org.zhengwu.shared.web.CodeLabels.CodeLabel;
import org.zhengwu.shared.web.NotFoundException;

@RestController
@RequestMapping("/api/v1/code-tables")
@Tag(
        name = "代码表 Code tables",
        description = "The code tables the catalogue uses, with the national codes and labels in the reader's language")
class CodeTablesController {

    static final String TABLE_PARAMETER = "table";

    private final CodeLabels labels;
    private final MessageSource messages;

    CodeTablesController(CodeLabels labels, MessageSource messages) {
        this.labels = labels;
        this.messages = messages;
    }

    record Title(String zh, String en) {}

    record TableView(String name, Title title, String source, String href) {}

    @GetMapping
    @Operation(
            summary = "The code tables",
            description = "Each table's name (for /api/v1/code-tables/{table}), its title in Chinese and English, "
                    + "and the section of docs/STANDARDS.md that records the source of its codes.")
    List<TableView> tables() {
        return CodeTables.all().stream()
                .map(t -> new TableView(
                        t.name(),
                        new Title(title(t, Locale.SIMPLIFIED_CHINESE), title(t, Locale.ENGLISH)),
                        t.source(),
                        "/api/v1/code-tables/" + t.name()))
                .toList();
    }

    @GetMapping("/{" + TABLE_PARAMETER + "}")
    @Operation(
            summary = "One code table: every code in order, with its label in the reader's language",
            description = "The language follows Accept-Language (or the language the reader chose on the portal). "
                    + "404 for a name that is not a table.")
    List<CodeLabel> table(
            @Parameter(description = "The table's name, as GET /api/v1/code-tables lists it")
                    @PathVariable(TABLE_PARAMETER)
                    String table,
            Locale locale) {
        return CodeTables.named(table)
                .orElseThrow(() -> new NotFoundException(
                        "catalog.code-table.not-found", table, String.join(", ", CodeTables.names())))
                .values()
                .stream()
                .map(v -> labels.of(v, locale))
                .toList();
    }

    private String title(CodeTables.Table table, Locale locale) {
        return messages.getMessage(table.titleKey(), null, locale);
    }
}
