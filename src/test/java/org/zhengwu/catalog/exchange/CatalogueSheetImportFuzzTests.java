package org.zhengwu.catalog.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.zhengwu.support.FuzzMessages;
import tools.jackson.databind.JsonNode;

/**
 * The exchange format's spreadsheets (zhengwu-catalogue/1 as four CSV sheets, docs/EXCHANGE.md) as an editor uploads
 * them: the seed files hold the base-items, entries, materials and lists sheets one after another, separated by a form
 * feed (a missing part is a sheet not uploaded). Reading never fails; it gives either problems, each a readable
 * message at a line of a named sheet, or the tree of an exchange file with the format and one element per row, which
 * the import then checks against the catalogue (covered by the exchange tests, with the database). Seeds:
 * {@code CatalogueSheetImportFuzzTestsInputs}.
 */
class CatalogueSheetImportFuzzTests {

    private static final List<CatalogueSheetImport.Sheet> ORDER = List.of(CatalogueSheetImport.Sheet.values());

    @FuzzTest
    void sheetsAreReadIntoATreeOrReadableProblems(byte[] input) {
        Map<CatalogueSheetImport.Sheet, CatalogueSheetImport.Upload> uploads =
                new EnumMap<>(CatalogueSheetImport.Sheet.class);
        int start = 0;
        for (int part = 0; part < ORDER.size() && start <= input.length; part++) {
            int end = start;
            while (end < input.length && input[end] != '\f') {
                end++;
            }
            if (end > start) {
                CatalogueSheetImport.Sheet sheet = ORDER.get(part);
                uploads.put(
                        sheet,
                        new CatalogueSheetImport.Upload(sheet.name() + ".csv", Arrays.copyOfRange(input, start, end)));
            }
            start = end + 1;
        }

        CatalogueSheetImport.Read read = CatalogueSheetImport.read(uploads);
        assertThat(read.root() == null).isEqualTo(!read.problems().isEmpty());
        for (ImportProblem problem : read.problems()) {
            assertThat(problem.sheet()).endsWith(".csv");
            assertThat(problem.line()).isPositive();
            FuzzMessages.assertMessage(List.of("catalog", "shared"), problem.messageKey(), problem.arguments());
        }
        if (read.root() == null) {
            return;
        }
        JsonNode root = read.root();
        assertThat(root.get("format").asString()).isEqualTo(CatalogueFile.FORMAT);
        assertThat(root.get("baseItems").isArray()).isTrue();
        assertThat(root.get("entries").isArray()).isTrue();
        for (JsonNode entry : root.get("entries")) {
            assertThat(entry.isObject()).isTrue();
        }
    }
}
