package org.zhengwu.shared.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvCellsTests {

    @Test
    void cellsCannotBecomeSpreadsheetFormulas() {
        assertThat(CsvCells.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvCells.cell("+1")).isEqualTo("\"'+1\"");
        assertThat(CsvCells.cell("-1")).isEqualTo("\"'-1\"");
        assertThat(CsvCells.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(CsvCells.cell("\t=1+1")).isEqualTo("\"'\t=1+1\"");
        assertThat(CsvCells.cell("\r=1+1")).isEqualTo("\"'\r=1+1\"");
        assertThat(CsvCells.cell("个体工商户")).isEqualTo("\"个体工商户\"");
        assertThat(CsvCells.cell("a=b")).isEqualTo("\"a=b\"");
    }

    @Test
    void aRowQuotesEveryCell() {
        assertThat(CsvCells.row(List.of("a", "", "b,c"))).isEqualTo("\"a\",\"\",\"b,c\"");
        assertThat(CsvCells.cell(null)).isEqualTo("\"\"");
    }
}
