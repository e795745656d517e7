package org.zhengwu.basedata.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.basedata.LegalEntities;
import org.zhengwu.basedata.Population;
import org.zhengwu.shared.csv.ImportReport;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/** Bulk imports of persons and legal entities from CSV and .xlsx, in both modes, with every bad row reported. */
@ZhengwuTest
class LibraryImportTests {

    static final String PERSON_HEADER = "id_number,name,sex,birth_date,household_division,address,deceased\n";

    @Autowired
    LibraryImport imports;

    @Autowired
    ImportJobRepository jobs;

    @Autowired
    Population population;

    @Autowired
    LegalEntities entities;

    @Autowired
    JdbcClient jdbc;

    private ImportJob run(String library, String mode, String kind, byte[] content) {
        long id = jobs.create(library, mode, "test." + kind, kind, "importer");
        imports.run(id, library, mode, kind, content, "importer");
        return jobs.find(id, "importer").orElseThrow();
    }

    static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(String csvText) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("persons");
            String[] lines = csvText.split("\n");
            for (int r = 0; r < lines.length; r++) {
                Row row = sheet.createRow(r);
                String[] cells = lines[r].split(",", -1);
                for (int c = 0; c < cells.length; c++) {
                    if (!cells[c].isEmpty()) {
                        row.createCell(c).setCellValue(cells[c]);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aGoodCsvFileOfPersonsIsImported() {
        String a = TestPeople.newIdNumber();
        String b = TestPeople.newIdNumber();
        ImportJob job = run(
                "person",
                LibraryImport.ALL_OR_NOTHING,
                "csv",
                csv(PERSON_HEADER + a + ",导入甲,,,340104,蜀山区1号,false\n" + b + ",导入乙,,,340111,\"包河区2号,3单元\",否\n"));
        assertThat(job.status()).isEqualTo(ImportJob.COMPLETED);
        assertThat(job.rowsRead()).isEqualTo(2);
        assertThat(job.rowsImported()).isEqualTo(2);
        assertThat(job.rowsRefused()).isZero();
        assertThat(population.find(b).orElseThrow().address()).isEqualTo("包河区2号,3单元");
        assertThat(population.matches("导入甲", a)).isTrue();
    }

    @Test
    void aGoodXlsxFileOfPersonsAndOneOfLegalEntitiesAreImported() throws IOException {
        String a = TestPeople.newIdNumber();
        ImportJob persons = run(
                "person",
                LibraryImport.SKIP_BAD_ROWS,
                "xlsx",
                xlsx("name,id_number,household_division,sex\n表格甲," + a + ",340103,\n"));
        assertThat(persons.status()).isEqualTo(ImportJob.COMPLETED);
        assertThat(persons.rowsImported()).isEqualTo(1);
        assertThat(population.find(a).orElseThrow().householdDivision()).isEqualTo("340103");

        String uscc = TestPeople.newCreditCode();
        ImportJob legal = run(
                "legal-entity",
                LibraryImport.ALL_OR_NOTHING,
                "xlsx",
                xlsx(String.join(",", LibraryRows.ENTITY_COLUMNS) + "\n" + uscc + ",表格导入有限公司,91,表格甲," + a
                        + ",340103,存续,2019-05-06\n"));
        assertThat(legal.status()).isEqualTo(ImportJob.COMPLETED);
        assertThat(entities.find(uscc).orElseThrow().status()).isEqualTo("active");
        assertThat(entities.isLegalRepresentative(uscc, "表格甲", a)).isTrue();
    }

    private String badFile(String good, String other) {
        String badCheck = other.substring(0, 17) + (other.charAt(17) == '0' ? '1' : '0');
        return PERSON_HEADER
                + good + ",好人,,,340104,,false\n"
                + badCheck + ",校验错,,,340104,,false\n"
                + TestPeople.newIdNumber() + ",,,,340104,,false\n"
                + TestPeople.newIdNumber() + ",日期错,,1990-02-30,340104,,false\n"
                + TestPeople.newIdNumber() + ",区划错,,,349999,,false\n"
                + good + ",重复,,,340104,,false\n"
                + TestPeople.newIdNumber() + ",是否错,,,340104,,maybe\n";
    }

    private static final List<org.assertj.core.groups.Tuple> BAD_FILE_PROBLEMS = List.of(
            tuple(3, "id_number", "code.defect.CHECK_CHARACTER_MISMATCH"),
            tuple(4, "name", "import.required"),
            tuple(5, "birth_date", "import.date"),
            tuple(6, "household_division", "code.defect.UNKNOWN_DIVISION"),
            tuple(7, "id_number", "basedata.import.duplicate"),
            tuple(8, "deceased", "basedata.import.yes-no"));

    @Test
    void allOrNothingWithBadRowsReportsEachAndWritesNothing() throws IOException {
        for (String kind : List.of("csv", "xlsx")) {
            String good = TestPeople.newIdNumber();
            long personsBefore = count("basedata_person");
            String file = badFile(good, TestPeople.newIdNumber());
            ImportJob job =
                    run("person", LibraryImport.ALL_OR_NOTHING, kind, kind.equals("csv") ? csv(file) : xlsx(file));
            assertThat(job.status()).as(kind).isEqualTo(ImportJob.REJECTED);
            assertThat(job.rowsRead()).isEqualTo(7);
            assertThat(job.rowsImported()).isZero();
            assertThat(job.rowsRefused()).isEqualTo(6);
            assertThat(imports.problems(job.id()))
                    .extracting(
                            ImportReport.Problem::line, ImportReport.Problem::column, ImportReport.Problem::messageKey)
                    .containsExactlyElementsOf(BAD_FILE_PROBLEMS);
            assertThat(imports.problems(job.id()).get(4).arguments()).containsExactly("2");
            assertThat(population.find(good))
                    .as("the good row is not written either")
                    .isEmpty();
            assertThat(count("basedata_person")).isEqualTo(personsBefore);
        }
    }

    @Test
    void skipBadRowsImportsTheGoodRowsAndReportsTheBadOnes() {
        String good = TestPeople.newIdNumber();
        ImportJob job = run("person", LibraryImport.SKIP_BAD_ROWS, "csv", csv(badFile(good, TestPeople.newIdNumber())));
        assertThat(job.status()).isEqualTo(ImportJob.COMPLETED);
        assertThat(job.rowsRead()).isEqualTo(7);
        assertThat(job.rowsImported()).isEqualTo(1);
        assertThat(job.rowsRefused()).isEqualTo(6);
        assertThat(imports.problems(job.id()))
                .extracting(ImportReport.Problem::line, ImportReport.Problem::column, ImportReport.Problem::messageKey)
                .containsExactlyElementsOf(BAD_FILE_PROBLEMS);
        assertThat(population.find(good).orElseThrow().name()).isEqualTo("好人");
    }

    @Test
    void aFileWithAWrongHeaderOrNotReadableImportsNothing() {
        ImportJob missing = run("legal-entity", LibraryImport.SKIP_BAD_ROWS, "csv", csv("uscc,name,colour\nx,y,z\n"));
        assertThat(missing.status()).isEqualTo(ImportJob.FAILED);
        assertThat(imports.problems(missing.id()))
                .extracting(ImportReport.Problem::line, ImportReport.Problem::column, ImportReport.Problem::messageKey)
                .containsExactly(
                        tuple(1, "", "import.missing-columns"), tuple(1, "colour", "basedata.import.unknown-column"));
        ImportJob broken = run("person", LibraryImport.ALL_OR_NOTHING, "xlsx", csv("PK not really a workbook"));
        assertThat(broken.status()).isEqualTo(ImportJob.FAILED);
        assertThat(imports.problems(broken.id()))
                .extracting(ImportReport.Problem::messageKey)
                .containsExactly("basedata.import.unreadable-xlsx");
        ImportJob notUtf8 =
                run("person", LibraryImport.ALL_OR_NOTHING, "csv", new byte[] {(byte) 0xB9, (byte) 0xFA, ','});
        assertThat(notUtf8.status()).isEqualTo(ImportJob.FAILED);
    }

    @Test
    void generatedRegistersPassEveryCheckOfTheLibraries(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        new org.zhengwu.basedata.synthetic.SyntheticRegisters(5).writeCsv(dir, 400, 80);
        ImportJob persons = run(
                "person",
                LibraryImport.ALL_OR_NOTHING,
                "csv",
                java.nio.file.Files.readAllBytes(dir.resolve("persons.csv")));
        assertThat(imports.problems(persons.id())).isEmpty();
        assertThat(persons.rowsImported()).isEqualTo(400);
        ImportJob legal = run(
                "legal-entity",
                LibraryImport.ALL_OR_NOTHING,
                "csv",
                java.nio.file.Files.readAllBytes(dir.resolve("legal-entities.csv")));
        assertThat(imports.problems(legal.id())).isEmpty();
        assertThat(legal.status()).isEqualTo(ImportJob.COMPLETED);
        assertThat(legal.rowsImported()).isEqualTo(80);
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
