package org.zhengwu.basedata.division;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.basedata.Division;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.codes.CodeCheck;
import org.zhengwu.shared.codes.DivisionCode;
import org.zhengwu.shared.csv.CsvTable;
import org.zhengwu.shared.csv.ImportReport;

/**
 * Loads administrative divisions from CSV ({@code code,name,parent_code,effective_from,effective_to}), the form in
 * which a deployment imports the national GB/T 2260 list. Every bad row is reported; a file with any problem loads
 * nothing. A row replaces the stored period of the same code starting on the same date.
 */
@Service
public class DivisionImport {

    static final List<String> COLUMNS = List.of("code", "name", "parent_code", "effective_from", "effective_to");
    private static final int MAX_NAME = 100;

    private final DivisionRepository divisions;
    private final AccountabilityLog audit;

    DivisionImport(DivisionRepository divisions, AccountabilityLog audit) {
        this.divisions = divisions;
        this.audit = audit;
    }

    /** Imports a file for {@code actor}; the outcome, applied or refused, goes to the accountability log. */
    @Transactional
    public ImportReport importCsv(InputStream csv, String actor) {
        ImportReport report = importCsv(csv);
        audit.record(new AuditEvent(
                actor,
                null,
                "basedata.division.import",
                "division-file",
                null,
                report.applied() ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.FAILURE,
                report.applied()
                        ? "inserted " + report.inserted() + ", updated " + report.updated()
                        : report.problems().size() + " problems"));
        return report;
    }

    private ImportReport importCsv(InputStream csv) {
        CsvTable table;
        try {
            table = CsvTable.read(csv);
        } catch (CsvTable.MalformedCsvException e) {
            ImportReport.Problems problems = new ImportReport.Problems();
            problems.add(e.line(), "", e.messageKey());
            return ImportReport.rejected(0, problems.list());
        }
        ImportReport.Problems problems = new ImportReport.Problems();
        List<String> missing = table.missingColumns(COLUMNS);
        if (!missing.isEmpty()) {
            problems.add(1, "", "import.missing-columns", String.join(", ", missing));
            return ImportReport.rejected(table.rows().size(), problems.list());
        }
        List<ParsedRow> parsed = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            parse(row, problems).ifPresent(parsed::add);
        }
        checkDuplicatesAndOverlaps(parsed, problems);
        checkParents(parsed, problems);
        if (!problems.isEmpty()) {
            return ImportReport.rejected(table.rows().size(), problems.list());
        }
        int inserted = 0;
        // Parents before children, so that a reader in another transaction never sees an orphan.
        parsed.sort(Comparator.comparing((ParsedRow r) -> r.division().level())
                .thenComparing(r -> r.division().code()));
        for (ParsedRow row : parsed) {
            if (divisions.save(row.division())) {
                inserted++;
            }
        }
        return new ImportReport(table.rows().size(), inserted, parsed.size() - inserted, List.of());
    }

    private record ParsedRow(int line, Division division) {}

    private static Optional<ParsedRow> parse(CsvTable.Row row, ImportReport.Problems problems) {
        boolean ok = true;
        String code = row.get("code");
        CodeCheck codeCheck = DivisionCode.checkFormat(code);
        if (!codeCheck.isValid()) {
            problems.add(row.line(), "code", codeCheck.defect().messageKey(), codeCheck.argumentArray());
            ok = false;
        }
        String name = row.get("name");
        if (name.isEmpty()) {
            problems.add(row.line(), "name", "import.required");
            ok = false;
        } else if (name.length() > MAX_NAME) {
            problems.add(row.line(), "name", "import.too-long", MAX_NAME);
            ok = false;
        }
        String parent = row.get("parent_code");
        if (!parent.isEmpty()) {
            CodeCheck parentCheck = DivisionCode.checkFormat(parent);
            if (!parentCheck.isValid()) {
                problems.add(row.line(), "parent_code", parentCheck.defect().messageKey(), parentCheck.argumentArray());
                ok = false;
            } else if (parent.equals(code)) {
                problems.add(row.line(), "parent_code", "import.division.self-parent");
                ok = false;
            }
        }
        LocalDate from = date(row, "effective_from", true, problems);
        LocalDate to = date(row, "effective_to", false, problems);
        if (from == null || (to == null && !row.get("effective_to").isEmpty())) {
            ok = false;
        }
        if (from != null && to != null && !to.isAfter(from)) {
            problems.add(row.line(), "effective_to", "import.division.period-order", from, to);
            ok = false;
        }
        if (!ok) {
            return Optional.empty();
        }
        DivisionCode divisionCode = new DivisionCode(code);
        String parentCode = parent.isEmpty()
                ? divisionCode.structuralParent().map(DivisionCode::value).orElse(null)
                : parent;
        return Optional.of(new ParsedRow(
                row.line(), new Division(divisionCode.value(), name, divisionCode.level(), parentCode, from, to)));
    }

    private static LocalDate date(CsvTable.Row row, String column, boolean required, ImportReport.Problems problems) {
        String value = row.get(column);
        if (value.isEmpty()) {
            if (required) {
                problems.add(row.line(), column, "import.required");
            }
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(row.line(), column, "import.date", value);
            return null;
        }
    }

    private void checkDuplicatesAndOverlaps(List<ParsedRow> rows, ImportReport.Problems problems) {
        Map<String, List<ParsedRow>> byCode = new HashMap<>();
        for (ParsedRow row : rows) {
            byCode.computeIfAbsent(row.division().code(), c -> new ArrayList<>())
                    .add(row);
        }
        Map<String, List<Division>> stored = new HashMap<>();
        for (Division d : divisions.allHistoryOf(byCode.keySet())) {
            stored.computeIfAbsent(d.code(), c -> new ArrayList<>()).add(d);
        }
        for (Map.Entry<String, List<ParsedRow>> entry : byCode.entrySet()) {
            List<ParsedRow> fileRows = entry.getValue();
            Set<LocalDate> starts = new HashSet<>();
            for (ParsedRow row : fileRows) {
                if (!starts.add(row.division().effectiveFrom())) {
                    problems.add(
                            row.line(),
                            "effective_from",
                            "import.division.duplicate",
                            entry.getKey(),
                            row.division().effectiveFrom());
                }
            }
            // The periods after the import: stored ones not replaced by a file row, plus the file rows.
            List<Division> periods = new ArrayList<>(stored.getOrDefault(entry.getKey(), List.of()).stream()
                    .filter(d -> !starts.contains(d.effectiveFrom()))
                    .toList());
            for (ParsedRow row : fileRows) {
                for (Division other : periods) {
                    if (overlap(row.division(), other)) {
                        problems.add(
                                row.line(),
                                "effective_from",
                                "import.division.overlap",
                                entry.getKey(),
                                other.effectiveFrom(),
                                other.effectiveTo() == null ? "—" : other.effectiveTo());
                    }
                }
                periods.add(row.division());
            }
        }
    }

    private static boolean overlap(Division a, Division b) {
        boolean aEndsBeforeB = a.effectiveTo() != null && !a.effectiveTo().isAfter(b.effectiveFrom());
        boolean bEndsBeforeA = b.effectiveTo() != null && !b.effectiveTo().isAfter(a.effectiveFrom());
        return !aEndsBeforeB && !bEndsBeforeA;
    }

    private void checkParents(List<ParsedRow> rows, ImportReport.Problems problems) {
        Set<String> inFile = new HashSet<>();
        rows.forEach(r -> inFile.add(r.division().code()));
        Set<String> parents = new HashSet<>();
        rows.stream()
                .map(r -> r.division().parentCode())
                .filter(p -> p != null && !inFile.contains(p))
                .forEach(parents::add);
        Set<String> storedParents = new HashSet<>();
        divisions.allHistoryOf(parents).forEach(d -> storedParents.add(d.code()));
        for (ParsedRow row : rows) {
            String parent = row.division().parentCode();
            if (parent != null && !inFile.contains(parent) && !storedParents.contains(parent)) {
                problems.add(row.line(), "parent_code", "import.division.unknown-parent", parent);
            }
        }
    }
}
