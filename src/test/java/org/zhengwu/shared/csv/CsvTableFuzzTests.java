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
 * the header, none of them blank, and which, written out again as the exports write CSV ({@link CsvCells}: every cell
 * quoted, a formula's first character guarded), reads back cell for cell once the guard is taken off — except a value
 * that itself began with an apostrophe and a formula character, which {@link CsvCells#value} documents it cannot
 * tell apart.
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
        assertThat(again.rows()).hasSameSizeAs(table.rows());
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> written = table.rows().get(r).cells();
            List<String> readBack = again.rows().get(r).cells();
            assertThat(readBack).hasSameSizeAs(written);
            for (int c = 0; c < written.size(); c++) {
                String value = written.get(c);
                if (!(value.length() > 1 && value.charAt(0) == '\'' && "=+-@\t\r".indexOf(value.charAt(1)) >= 0)) {
                    assertThat(CsvCells.value(readBack.get(c))).isEqualTo(value);
                }
            }
        }
    }

    private static String write(CsvTable table) {
        // The header as column names are written (quoted only); the rows as the exports write cells.
        List<String> lines = new ArrayList<>();
        lines.add(table.header().stream()
                .map(name -> '"' + name.replace("\"", "\"\"") + '"')
                .collect(Collectors.joining(",")));
        table.rows().forEach(row -> lines.add(CsvCells.row(row.cells())));
        return String.join("\r\n", lines);
    }
}
