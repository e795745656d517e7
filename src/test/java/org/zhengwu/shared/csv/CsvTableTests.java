package org.zhengwu.shared.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvTableTests {

    private static CsvTable read(String text) throws CsvTable.MalformedCsvException {
        return CsvTable.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws Exception {
        CsvTable table = read("\uFEFFCode,Name\r\n340104,\"蜀山区, \"\"西\"\"\"\r\n340111,\"包河\n区\"\n\n340102,瑶海区");
        assertThat(table.header()).containsExactly("code", "name");
        assertThat(table.rows()).hasSize(3);
        assertThat(table.rows().get(0).get("name")).isEqualTo("蜀山区, \"西\"");
        assertThat(table.rows().get(1).get("name")).isEqualTo("包河\n区");
        assertThat(table.rows().get(2).line()).isEqualTo(6);
        assertThat(table.missingColumns(java.util.List.of("code", "parent_code")))
                .containsExactly("parent_code");
    }

    @Test
    void aShortRowReadsEmptyCells() throws Exception {
        assertThat(read("a,b,c\n1").rows().get(0).get("c")).isEmpty();
    }

    @Test
    void refusesWhatIsNotCsv() {
        assertThatExceptionOfType(CsvTable.MalformedCsvException.class)
                .isThrownBy(() -> CsvTable.read(new ByteArrayInputStream("代码,名称".getBytes(Charset.forName("GBK")))))
                .satisfies(e -> assertThat(e.messageKey()).isEqualTo("csv.not-utf8"));
        assertThatExceptionOfType(CsvTable.MalformedCsvException.class)
                .isThrownBy(() -> read("a,b\n\"open,1"))
                .satisfies(e -> assertThat(e.line()).isEqualTo(2));
        assertThatExceptionOfType(CsvTable.MalformedCsvException.class).isThrownBy(() -> read(""));
    }
}
