package org.zhengwu.basedata.library;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.zhengwu.basedata.LegalEntityDraft;
import org.zhengwu.basedata.PersonDraft;
import org.zhengwu.basedata.RecordProblem;
import org.zhengwu.shared.csv.CsvTable;

/**
 * The columns of each library's import file and how a row becomes a draft record. Only the form of the cells is
 * checked here (dates, yes/no, words for codes); the library's own {@code check} judges the record.
 */
public final class LibraryRows {

    public static final List<String> PERSON_COLUMNS =
            List.of("id_number", "name", "sex", "birth_date", "household_division", "address", "deceased");
    public static final List<String> PERSON_REQUIRED_COLUMNS = List.of("id_number", "name", "household_division");

    public static final List<String> ENTITY_COLUMNS = List.of(
            "uscc",
            "name",
            "entity_type",
            "legal_representative",
            "legal_representative_id_number",
            "registered_division",
            "status",
            "registration_date");
    public static final List<String> ENTITY_REQUIRED_COLUMNS = List.of(
            "uscc",
            "name",
            "legal_representative",
            "legal_representative_id_number",
            "registered_division",
            "status",
            "registration_date");

    private static final Map<String, String> SEX_WORDS = Map.of("男", "1", "女", "2", "未知", "0", "未说明", "9");
    private static final Map<String, String> STATUS_WORDS = Map.of(
            "存续",
            "active",
            "在业",
            "active",
            "在营",
            "active",
            "开业",
            "active",
            "吊销",
            "revoked",
            "注销",
            "cancelled",
            "迁出",
            "moved-out");

    /** A draft read from a row, and the problems of its cells' form (the draft is null when there are any). */
    public record Parsed<T>(T draft, List<RecordProblem> problems) {}

    private LibraryRows() {}

    public static Parsed<PersonDraft> person(CsvTable.Row row) {
        List<RecordProblem> problems = new ArrayList<>();
        String sex = cell(row, "sex");
        sex = SEX_WORDS.getOrDefault(sex, sex);
        LocalDate birth = date(row, "birth_date", false, problems);
        Boolean deceased = yesNo(row, "deceased", problems);
        if (!problems.isEmpty()) {
            return new Parsed<>(null, problems);
        }
        return new Parsed<>(
                new PersonDraft(
                        cell(row, "id_number"),
                        cell(row, "name"),
                        sex.isEmpty() ? null : sex,
                        birth,
                        cell(row, "household_division"),
                        cell(row, "address"),
                        deceased),
                List.of());
    }

    public static Parsed<LegalEntityDraft> legalEntity(CsvTable.Row row) {
        List<RecordProblem> problems = new ArrayList<>();
        LocalDate registered = date(row, "registration_date", true, problems);
        if (!problems.isEmpty()) {
            return new Parsed<>(null, problems);
        }
        String status = cell(row, "status");
        String type = cell(row, "entity_type");
        return new Parsed<>(
                new LegalEntityDraft(
                        cell(row, "uscc"),
                        cell(row, "name"),
                        type.isEmpty() ? null : type,
                        cell(row, "legal_representative"),
                        cell(row, "legal_representative_id_number"),
                        cell(row, "registered_division"),
                        STATUS_WORDS.getOrDefault(status, status),
                        registered),
                List.of());
    }

    /** The trimmed cell, empty when the file has no such column. */
    public static String cell(CsvTable.Row row, String column) {
        return row.columns().containsKey(column) ? row.get(column) : "";
    }

    static LocalDate date(CsvTable.Row row, String column, boolean required, List<RecordProblem> problems) {
        String value = cell(row, column);
        if (value.isEmpty()) {
            if (required) {
                problems.add(new RecordProblem(column, "import.required", List.of()));
            }
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new RecordProblem(column, "import.date", List.of(value)));
            return null;
        }
    }

    private static Boolean yesNo(CsvTable.Row row, String column, List<RecordProblem> problems) {
        String value = cell(row, column);
        switch (value) {
            case "", "false", "FALSE", "0", "否", "N", "n" -> {
                return false;
            }
            case "true", "TRUE", "1", "是", "Y", "y" -> {
                return true;
            }
            default -> {
                problems.add(new RecordProblem(column, "basedata.import.yes-no", List.of(value)));
                return null;
            }
        }
    }
}
