package org.zhengwu.shared.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.zhengwu.support.FuzzMessages;

/**
 * Any uploaded bytes as a CSV import: either refused as malformed with a specific, readable reason (not UTF-8, empty,
 * unclosed quote), or a table whose header is trimmed and lower case, whose rows carry increasing line numbers after
 * the header, none of them blank, and which, written out again with every cell quoted, reads back cell for cell.
 * Seeds: {@code CsvTableFuzzTestsInputs}.
 */
class CsvTableFuzzTests {

    private static final Set<String> REASONS = Set.of("csv.not-utf8", "csv.empty", "csv.unclosed-quote");

    @FuzzTest
    void readIsTotalAndRoundTrips(byte[] input) {
        CsvTable table;
        try {
            table = CsvTable.read(new ByteArrayInputStream(input));
        } catch (CsvTable.MalformedCsvException e) {
            assertThat(e.messageKey()).isIn(REASONS);
            assertThat(e.line()).isPositive();
            FuzzMessages.assertMessage("shared", e.messageKey(), List.of(e.line()));
            return;
        }
        for (String column : table.header()) {
            assertThat(column).isEqualTo(column.strip().toLowerCase(Locale.ROOT));
        }
        int previous = 1;
        for (CsvTable.Row row : table.rows()) {
            assertThat(row.line()).isGreaterThan(previous);
            previous = row.line();
            assertThat(row.cells()).anyMatch(cell -> !cell.isBlank());
            for (String column : table.header()) {
                assertThat(row.get(column)).isEqualTo(row.get(column).strip());
            }
        }
        assertThat(table.missingColumns(table.header())).isEmpty();

        CsvTable again;
        try {
            again = CsvTable.read(new ByteArrayInputStream(write(table).getBytes(StandardCharsets.UTF_8)));
        } catch (CsvTable.MalformedCsvException e) {
            throw new AssertionError("a table written out again is not read back: " + e.getMessage(), e);
        }
        assertThat(again.header()).isEqualTo(table.header());
        assertThat(again.rows().stream().map(CsvTable.Row::cells).toList())
                .isEqualTo(table.rows().stream().map(CsvTable.Row::cells).toList());
    }

    private static String write(CsvTable table) {
        List<List<String>> records = new ArrayList<>();
        records.add(table.header());
        table.rows().forEach(row -> records.add(row.cells()));
        return records.stream()
                .map(cells -> cells.stream()
                        .map(cell -> '"' + cell.replace("\"", "\"\"") + '"')
                        .collect(Collectors.joining(",")))
                .collect(Collectors.joining("\r\n"));
    }
}
