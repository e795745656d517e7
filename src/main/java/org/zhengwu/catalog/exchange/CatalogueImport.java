package org.zhengwu.catalog.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.zhengwu.basedata.ExerciseLevel;
import org.zhengwu.basedata.Organisation;
import org.zhengwu.basedata.Organisations;
import org.zhengwu.catalog.CatalogCodes;
import org.zhengwu.catalog.GuideRules;
import org.zhengwu.catalog.ItemType;
import org.zhengwu.catalog.entry.BaseItemRecord;
import org.zhengwu.catalog.entry.CatalogEditing;
import org.zhengwu.catalog.entry.GuideInvalidException;
import org.zhengwu.catalog.entry.ItemRepository;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.codes.CodeCheck;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Checks a whole exchange file against the catalogue and loads it only when nothing is wrong. Base items keep their
 * base codes and entries their implementation codes; each entry's version is published through
 * {@link CatalogEditing#importEntry}.
 */
@Component
class CatalogueImport {

    static final int MAX_BASE_ITEMS = 20_000;
    static final int MAX_ENTRIES = 100_000;
    /** Problems listed in full; past this the file is clearly not the one meant, and the list says so. */
    static final int MAX_PROBLEMS = 1_000;

    private static final Set<String> TOP_LEVEL = Set.of("format", "exportedAt", "baseItems", "entries");

    private final ExchangeJson json;
    private final CatalogCodes codes;
    private final ItemRepository repository;
    private final Organisations organisations;
    private final CatalogEditing editing;
    private final AccountabilityLog audit;

    CatalogueImport(
            ExchangeJson json,
            CatalogCodes codes,
            ItemRepository repository,
            Organisations organisations,
            CatalogEditing editing,
            AccountabilityLog audit) {
        this.json = json;
        this.codes = codes;
        this.repository = repository;
        this.organisations = organisations;
        this.editing = editing;
        this.audit = audit;
    }

    /** What a valid file adds: base items and entries, each with its row. */
    record Plan(Map<String, BaseItemRecord> baseItems, Map<String, CatalogueFile.Entry> entries) {
        int size() {
            return baseItems.size() + entries.size();
        }
    }

    /** Either problems, or the plan to load. */
    record Validation(List<ImportProblem> problems, Plan plan) {}

    /** A load stopped by something the validation could not see (a change made meanwhile): nothing is kept. */
    static final class LoadRefused extends RuntimeException {
        final List<ImportProblem> problems;

        LoadRefused(List<ImportProblem> problems) {
            super("import refused: " + problems);
            this.problems = problems;
        }
    }

    Validation validate(byte[] content) {
        List<ImportProblem> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = json.readTree(content);
        } catch (JacksonException e) {
            problems.add(ImportProblem.of("/", "", "catalog.exchange.not-json", where(e)));
            return new Validation(problems, null);
        }
        return validate(root);
    }

    /** The same checks for a tree already read (from the spreadsheets, {@link CatalogueSheetImport}). */
    Validation validate(JsonNode root) {
        List<ImportProblem> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            problems.add(ImportProblem.of("/", "", "catalog.exchange.not-object"));
            return new Validation(problems, null);
        }
        JsonNode format = root.get("format");
        if (format == null || format.isNull()) {
            problems.add(ImportProblem.of("/format", "format", "validation.required"));
        } else if (!CatalogueFile.FORMAT.equals(format.asString())) {
            problems.add(ImportProblem.of(
                    "/format", "format", "catalog.exchange.unknown-format", format.toString(), CatalogueFile.FORMAT));
        }
        for (String name : root.propertyNames()) {
            if (!TOP_LEVEL.contains(name)) {
                problems.add(ImportProblem.of("/" + name, name, "catalog.exchange.unknown-field"));
            }
        }
        JsonNode baseNodes = list(root, "baseItems", MAX_BASE_ITEMS, problems);
        JsonNode entryNodes = list(root, "entries", MAX_ENTRIES, problems);
        if (!problems.isEmpty()) {
            return new Validation(problems, null);
        }
        Map<String, BaseItemRecord> baseItems = baseItems(baseNodes, problems);
        Map<String, CatalogueFile.Entry> entries = entries(entryNodes, baseItems, problems);
        if (!problems.isEmpty()) {
            return new Validation(problems.size() > MAX_PROBLEMS ? cut(problems) : problems, null);
        }
        return new Validation(List.of(), new Plan(baseItems, entries));
    }

    private static List<ImportProblem> cut(List<ImportProblem> problems) {
        List<ImportProblem> first = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
        first.add(ImportProblem.of("/", "", "catalog.exchange.more-problems", problems.size() - MAX_PROBLEMS));
        return first;
    }

    private static JsonNode list(JsonNode root, String name, int max, List<ImportProblem> problems) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            problems.add(ImportProblem.of("/" + name, name, "validation.required"));
        } else if (!node.isArray()) {
            problems.add(ImportProblem.of("/" + name, name, "catalog.exchange.not-a-list"));
        } else if (node.size() > max) {
            problems.add(ImportProblem.of("/" + name, name, "catalog.exchange.too-many", max, node.size()));
        }
        return node;
    }

    /** The base items of the file by row, checked each alone and against the catalogue. */
    private Map<String, BaseItemRecord> baseItems(JsonNode nodes, List<ImportProblem> problems) {
        Map<String, BaseItemRecord> valid = new LinkedHashMap<>();
        Map<String, String> codeRows = new HashMap<>();
        Map<String, String> nameRows = new HashMap<>();
        Set<String> known = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            String row = "/baseItems/" + i;
            CatalogueFile.BaseItem item = convert(nodes.get(i), CatalogueFile.BaseItem.class, row, problems);
            if (item == null) {
                continue;
            }
            int before = problems.size();
            String code = item.baseCode();
            if (blank(code)) {
                problems.add(ImportProblem.of(row, "baseCode", "validation.required"));
            } else {
                CodeCheck check = codes.checkBaseCode(code);
                if (!check.isValid() || !check.normalised().equals(code)) {
                    problems.add(ImportProblem.of(
                            row,
                            "baseCode",
                            check.isValid()
                                    ? "catalog.exchange.not-normalised"
                                    : check.defect().messageKey(),
                            check.isValid() ? new Object[] {check.normalised()} : check.argumentArray()));
                } else {
                    known.add(code);
                    if (item.itemType() != null && codes.itemType(code) != item.itemType()) {
                        problems.add(ImportProblem.of(
                                row,
                                "itemType",
                                "catalog.exchange.type-differs-from-code",
                                codes.itemType(code).code()));
                    }
                    String first = codeRows.putIfAbsent(code, row);
                    if (first != null) {
                        problems.add(ImportProblem.of(row, "baseCode", "catalog.exchange.duplicate", first));
                    } else if (repository.findBaseItem(code).isPresent()) {
                        problems.add(ImportProblem.of(row, "baseCode", "catalog.exchange.base-exists"));
                    }
                }
            }
            if (blank(item.name())) {
                problems.add(ImportProblem.of(row, "name", "validation.required"));
            } else if (item.name().length() > GuideRules.MAX_NAME) {
                problems.add(ImportProblem.of(row, "name", "validation.too-long", GuideRules.MAX_NAME));
            } else {
                String first = nameRows.putIfAbsent(item.name(), row);
                if (first != null) {
                    problems.add(ImportProblem.of(row, "name", "catalog.exchange.duplicate", first));
                } else if (repository.baseNameTaken(item.name())) {
                    problems.add(ImportProblem.of(row, "name", "catalog.base.name-taken"));
                }
            }
            if (item.itemType() == null) {
                problems.add(ImportProblem.of(row, "itemType", "validation.required"));
            }
            List<ExerciseLevel> levels = item.exerciseLevels() == null ? List.of() : item.exerciseLevels();
            if (levels.isEmpty()) {
                problems.add(ImportProblem.of(row, "exerciseLevels", "catalog.base.levels-required"));
            } else if (Set.copyOf(levels).size() != levels.size()) {
                problems.add(ImportProblem.of(row, "exerciseLevels", "catalog.exchange.repeated-value"));
            }
            if (levels.contains(ExerciseLevel.TIERED)) {
                problems.add(ImportProblem.of(row, "exerciseLevels", "catalog.base.level-not-national"));
            }
            if (item.itemType() != null) {
                levels.forEach(level -> GuideRules.checkLevel(item.itemType(), level, "exerciseLevels")
                        .forEach(v -> problems.add(problem(row, "", v))));
            }
            if (problems.size() == before) {
                valid.put(row, new BaseItemRecord(code, item.name(), item.itemType(), Set.copyOf(levels)));
            }
        }
        // A sub-item (子项) needs its main item, in the file or in the catalogue.
        valid.forEach((row, item) -> {
            if (codes.subItem(item.baseCode()) != 0 || codes.handlingItem(item.baseCode()) != 0) {
                String main = codes.baseCode(item.itemType(), codes.mainItem(item.baseCode()), 0, 0);
                if (!known.contains(main) && repository.findBaseItem(main).isEmpty()) {
                    problems.add(ImportProblem.of(row, "baseCode", "catalog.exchange.main-item-missing", main));
                }
            }
        });
        return valid;
    }

    private Map<String, CatalogueFile.Entry> entries(
            JsonNode nodes, Map<String, BaseItemRecord> fileBaseItems, List<ImportProblem> problems) {
        Map<String, BaseItemRecord> inFile = new HashMap<>();
        fileBaseItems.values().forEach(b -> inFile.put(b.baseCode(), b));
        Map<String, Organisation> organisationsByUscc = new HashMap<>();
        Map<String, String> codeRows = new HashMap<>();
        Map<String, CatalogueFile.Entry> valid = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            String row = "/entries/" + i;
            CatalogueFile.Entry entry = convert(nodes.get(i), CatalogueFile.Entry.class, row, problems);
            if (entry == null) {
                continue;
            }
            int before = problems.size();
            BaseItemRecord base = null;
            if (blank(entry.baseCode())) {
                problems.add(ImportProblem.of(row, "baseCode", "validation.required"));
            } else {
                base = inFile.get(entry.baseCode());
                if (base == null) {
                    base = repository.findBaseItem(entry.baseCode()).orElse(null);
                }
                if (base == null) {
                    problems.add(ImportProblem.of(row, "baseCode", "catalog.entry.unknown-base-item"));
                }
            }
            Organisation organisation = null;
            if (blank(entry.organisationUscc())) {
                problems.add(ImportProblem.of(row, "organisationUscc", "validation.required"));
            } else {
                organisation = organisationsByUscc.computeIfAbsent(
                        entry.organisationUscc(),
                        uscc -> organisations.find(uscc).orElse(null));
                if (organisation == null) {
                    problems.add(ImportProblem.of(row, "organisationUscc", "catalog.entry.unknown-organisation"));
                }
            }
            if (entry.exerciseLevel() == null) {
                problems.add(ImportProblem.of(row, "exerciseLevel", "validation.required"));
            }
            if (blank(entry.divisionCode())) {
                problems.add(ImportProblem.of(row, "divisionCode", "validation.required"));
            }
            if (organisation != null && entry.exerciseLevel() != null) {
                if (organisation.exerciseLevel() != entry.exerciseLevel()) {
                    problems.add(ImportProblem.of(
                            row,
                            "exerciseLevel",
                            "catalog.exchange.level-not-organisations",
                            organisation.exerciseLevel().code()));
                }
                if (!blank(entry.divisionCode()) && !organisation.divisionCode().equals(entry.divisionCode())) {
                    problems.add(ImportProblem.of(
                            row,
                            "divisionCode",
                            "catalog.exchange.division-not-organisations",
                            organisation.divisionCode()));
                }
            }
            if (base != null && entry.exerciseLevel() != null) {
                if (!base.exerciseLevels().contains(entry.exerciseLevel())) {
                    problems.add(ImportProblem.of(
                            row, "exerciseLevel", "catalog.entry.level-not-in-base", base.exerciseLevelCodes()));
                }
                GuideRules.checkLevel(base.itemType(), entry.exerciseLevel(), "exerciseLevel")
                        .forEach(v -> problems.add(problem(row, "", v)));
            }
            checkImplementationCode(row, entry, codeRows, problems);
            if (blank(entry.name())) {
                problems.add(ImportProblem.of(row, "name", "validation.required"));
            } else if (entry.name().length() > GuideRules.MAX_NAME) {
                problems.add(ImportProblem.of(row, "name", "validation.too-long", GuideRules.MAX_NAME));
            }
            if (entry.guide() == null) {
                problems.add(ImportProblem.of(row, "guide", "validation.required"));
            } else {
                ItemType type = base == null ? ItemType.OTHER : base.itemType();
                editing.check(entry.guide(), type).forEach(v -> problems.add(problem(row, "guide.", v)));
            }
            if (problems.size() == before) {
                valid.put(row, entry);
            }
        }
        return valid;
    }

    private void checkImplementationCode(
            String row, CatalogueFile.Entry entry, Map<String, String> codeRows, List<ImportProblem> problems) {
        String code = entry.implementationCode();
        if (blank(code)) {
            problems.add(ImportProblem.of(row, "implementationCode", "validation.required"));
            return;
        }
        CodeCheck check = codes.checkImplementationCode(code);
        if (!check.isValid()) {
            problems.add(
                    ImportProblem.of(row, "implementationCode", check.defect().messageKey(), check.argumentArray()));
            return;
        }
        if (!blank(entry.organisationUscc()) && entry.exerciseLevel() != null && !blank(entry.baseCode())) {
            String expected =
                    codes.implementationCode(entry.organisationUscc(), entry.exerciseLevel(), entry.baseCode());
            if (!expected.equals(code)) {
                problems.add(
                        ImportProblem.of(row, "implementationCode", "catalog.exchange.code-inconsistent", expected));
                return;
            }
        }
        String first = codeRows.putIfAbsent(code, row);
        if (first != null) {
            problems.add(ImportProblem.of(row, "implementationCode", "catalog.exchange.duplicate", first));
        } else if (repository.implementationCodeTaken(code)) {
            problems.add(ImportProblem.of(row, "implementationCode", "catalog.entry.exists", code));
        }
    }

    /**
     * Loads a validated plan in the caller's transaction: base items in code order (a main item before its
     * sub-items), then the entries, each published. {@code progress} is told after each.
     *
     * @throws LoadRefused when the catalogue changed since the validation so that an item no longer fits
     */
    void load(Plan plan, String actor, Runnable progress) {
        List<Map.Entry<String, BaseItemRecord>> baseItems =
                new ArrayList<>(plan.baseItems().entrySet());
        baseItems.sort(Map.Entry.comparingByValue((a, b) -> a.baseCode().compareTo(b.baseCode())));
        for (Map.Entry<String, BaseItemRecord> item : baseItems) {
            try {
                editing.importBaseItem(item.getValue(), actor);
            } catch (GuideInvalidException e) {
                throw refused(item.getKey(), "", e);
            }
            progress.run();
        }
        for (Map.Entry<String, CatalogueFile.Entry> row : plan.entries().entrySet()) {
            CatalogueFile.Entry entry = row.getValue();
            try {
                editing.importEntry(
                        entry.implementationCode(),
                        entry.baseCode(),
                        entry.organisationUscc(),
                        entry.name(),
                        entry.guide(),
                        actor);
            } catch (GuideInvalidException e) {
                throw refused(row.getKey(), "guide.", e);
            }
            progress.run();
        }
        audit.record(AuditEvent.success(actor, "catalog.exchange.import", "catalog", CatalogueFile.FORMAT)
                .withDetails(plan.baseItems().size() + " base items, "
                        + plan.entries().size() + " entries"));
    }

    private static LoadRefused refused(String row, String guidePrefix, GuideInvalidException e) {
        return new LoadRefused(
                e.violations().stream().map(v -> problem(row, guidePrefix, v)).toList());
    }

    /** A rule's violation at a row; the guide's own fields get {@code prefix} ("guide.") before their name. */
    private static ImportProblem problem(String row, String prefix, GuideRules.Violation violation) {
        boolean entryField = Set.of(
                        "name",
                        "baseCode",
                        "organisationUscc",
                        "exerciseLevel",
                        "exerciseLevels",
                        "implementationCode",
                        "mainItem")
                .contains(violation.field());
        return new ImportProblem(
                row, (entryField ? "" : prefix) + violation.field(), violation.messageKey(), violation.arguments());
    }

    private <T> T convert(JsonNode node, Class<T> type, String row, List<ImportProblem> problems) {
        if (node == null || !node.isObject()) {
            problems.add(ImportProblem.of(row, "", "catalog.exchange.not-object"));
            return null;
        }
        try {
            return json.convert(node, type);
        } catch (JacksonException e) {
            String column = column(e);
            Object value = e instanceof InvalidFormatException invalid ? invalid.getValue() : null;
            problems.add(
                    value == null
                            ? ImportProblem.of(row, column, "catalog.exchange.invalid-element", shortReason(e))
                            : ImportProblem.of(row, column, "catalog.exchange.invalid-value", String.valueOf(value)));
            return null;
        }
    }

    /** The element a mapping failure is at, as {@code guide.materials[0].form}. */
    private static String column(JacksonException e) {
        StringBuilder column = new StringBuilder();
        Iterator<JacksonException.Reference> path = e.getPath().iterator();
        while (path.hasNext()) {
            JacksonException.Reference reference = path.next();
            if (reference.getPropertyName() != null) {
                if (!column.isEmpty()) {
                    column.append('.');
                }
                column.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                column.append('[').append(reference.getIndex()).append(']');
            }
        }
        return column.toString();
    }

    private static String shortReason(JacksonException e) {
        String message = e.getOriginalMessage();
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static String where(JacksonException e) {
        return e.getLocation() == null
                ? ""
                : e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
