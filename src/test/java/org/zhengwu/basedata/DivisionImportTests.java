package org.zhengwu.basedata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhengwu.basedata.division.DivisionImport;
import org.zhengwu.shared.csv.ImportReport;
import org.zhengwu.support.ZhengwuTest;

/** Loading GB/T 2260 divisions from CSV: all or nothing, every bad row reported. Uses 北京 codes (11xxxx). */
@ZhengwuTest
class DivisionImportTests {

    static final String HEADER = "code,name,parent_code,effective_from,effective_to\n";

    @Autowired
    DivisionImport divisionImport;

    @Autowired
    Divisions divisions;

    private ImportReport load(String csv) {
        return divisionImport.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "tester");
    }

    @Test
    void aGoodFileLoadsEveryRowAndParentsComeFromCodeStructure() {
        ImportReport report = load(HEADER + """
                110000,北京市,,1980-01-01,
                110100,市辖区,110000,1980-01-01,
                110105,朝阳区,,1980-01-01,
                110108,海淀区,,1980-01-01,
                """);
        assertThat(report.applied()).isTrue();
        assertThat(report.rowsRead()).isEqualTo(4);
        assertThat(report.inserted()).isEqualTo(4);
        assertThat(divisions.pathFromTop("110105")).extracting(Division::name).containsExactly("北京市", "市辖区", "朝阳区");
        assertThat(divisions.children("110100")).extracting(Division::code).containsExactly("110105", "110108");

        ImportReport again = load(HEADER + "110108,海淀区,,1980-01-01,2030-01-01\n");
        assertThat(again.updated()).isEqualTo(1);
        assertThat(divisions.onDate("110108", LocalDate.of(2031, 1, 1))).isEmpty();
    }

    @Test
    void aFileWithErrorsReportsEveryBadRowAndLoadsNothing() {
        ImportReport report = load(HEADER + """
                120000,天津市,,1980-01-01,
                12010X,坏代码,,1980-01-01,
                120101,,,1980-01-01,
                120102,河东区,,1980-02-30,
                120103,河西区,,2000-01-01,1999-01-01
                120104,南开区,129900,1980-01-01,
                120105,河北区,,1980-01-01,
                120105,河北区,,1980-01-01,
                120106,红桥区,,1980-01-01,2000-01-01
                120106,红桥区,,1990-01-01,
                """);
        assertThat(report.applied()).isFalse();
        assertThat(report.inserted()).isZero();
        assertThat(report.problems()).extracting(ImportReport.Problem::line).contains(3, 4, 5, 6, 7, 9, 11);
        assertThat(report.problems())
                .extracting(ImportReport.Problem::messageKey)
                .contains(
                        "code.defect.ILLEGAL_CHARACTER",
                        "import.required",
                        "import.date",
                        "import.division.period-order",
                        "import.division.unknown-parent",
                        "import.division.duplicate",
                        "import.division.overlap");
        assertThat(divisions.history("120000")).isEmpty();
    }

    @Test
    void missingColumnsAndNonCsvFilesAreRefused() {
        assertThat(load("code,name\n130000,河北省\n").problems())
                .extracting(ImportReport.Problem::messageKey)
                .containsExactly("import.missing-columns");
        ImportReport gbk = divisionImport.importCsv(
                new ByteArrayInputStream("代码".getBytes(java.nio.charset.Charset.forName("GBK"))), "tester");
        assertThat(gbk.problems()).extracting(ImportReport.Problem::messageKey).containsExactly("csv.not-utf8");
    }

    @Test
    void theSeededProvinceKeepsAbolishedCodesResolvable() {
        assertThat(divisions.current("341421")).isEmpty();
        assertThat(divisions.onDate("341421", LocalDate.of(2005, 1, 1)))
                .map(Division::name)
                .contains("庐江县");
        assertThat(divisions.current("340124")).map(Division::parentCode).contains("340100");
        assertThat(divisions.children("340000")).hasSize(16);
        assertThat(divisions.check("341421", LocalDate.of(2026, 1, 1)).isValid())
                .isFalse();
    }
}
