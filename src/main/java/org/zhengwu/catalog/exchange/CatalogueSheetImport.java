package org.zhengwu.catalog.exchange;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zhengwu.catalog.Guide;
import org.zhengwu.shared.csv.CsvCells;
import org.zhengwu.shared.csv.CsvTable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The inverse of {@link CatalogueSheets}: the four sheets read back into the tree of an exchange file, which then goes
 * through the same validation as a JSON file. Each element of the tree remembers the sheet, line and column it came
 * from, so that a problem found in the tree is shown where the clerk can find it.
 */
final class CatalogueSheetImport {

    /** The sheets, in the order they are read; {@code name} is the file's default name. */
    enum Sheet {
        BASE_ITEMS("zhengwu-base-items.csv"),
        ENTRIES("zhengwu-entries.csv"),
        MATERIALS("zhengwu-materials.csv"),
        LISTS("zhengwu-lists.csv");

        final String defaultName;

        Sheet(String defaultName) {
            this.defaultName = defaultName;
        }
    }

    /** One uploaded sheet. */
    record Upload(String fileName, byte[] content) {}

    private static final String CODE = "implementationCode";
    private static final String POSITION = "position";
    private static final String LIST = "list";
    private static final Pattern LIST_ELEMENT = Pattern.compile("^(.*?)\\[(\\d+)](?:\\.(.*))?$");

    private static final Map<String, SheetSchema.Column> BASE_COLUMNS =
            SheetSchema.columns(CatalogueFile.BaseItem.class);
    private static final Map<String, SheetSchema.Column> ENTRY_COLUMNS = SheetSchema.columns(CatalogueFile.Entry.class);
    private static final Map<String, SheetSchema.Column> MATERIAL_COLUMNS = SheetSchema.columns(Guide.Material.class);
    /** Every list of objects of an entry, but materials, by path, with its element's columns. */
    private static final Map<String, Map<String, SheetSchema.Column>> LISTS = new LinkedHashMap<>();
    /** The columns of the lists sheet after its three keys: the union of its lists' element fields. */
    private static final Map<String, SheetSchema.Column> LIST_FIELDS = new LinkedHashMap<>();

    static {
        ENTRY_COLUMNS.forEach((path, column) -> {
            if (column.kind() == SheetSchema.Kind.OBJECT_LIST && !path.equals(CatalogueSheets.MATERIALS)) {
                Map<String, SheetSchema.Column> fields = SheetSchema.columns(column.type());
                LISTS.put(path, fields);
                fields.forEach(LIST_FIELDS::putIfAbsent);
            }
        });
    }

    /** Reads the cells that hold JSON; what the tree means is checked with the rest of the file. */
    private static final JsonMapper CELL_JSON = JsonMapper.builder().build();

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final List<ImportProblem> problems = new ArrayList<>();
    private final Map<Sheet, String> fileNames = new HashMap<>();
    private final List<Integer> baseLines = new ArrayList<>();
    private final List<Integer> entryLines = new ArrayList<>();
    /** Line of each list element: entry index → list path → lines in position order. */
    private final Map<Integer, Map<String, List<Integer>>> elementLines = new HashMap<>();

    private CatalogueSheetImport() {}

    /** The sheets read: the tree (null when a sheet is malformed), the problems of reading, and where things came from. */
    record Read(JsonNode root, List<ImportProblem> problems, CatalogueSheetImport where) {}

    /** Reads the sheets given (a missing one has no rows) into the tree of an exchange file. */
    static Read read(Map<Sheet, Upload> uploads) {
        CatalogueSheetImport reader = new CatalogueSheetImport();
        for (Sheet sheet : Sheet.values()) {
            Upload upload = uploads.get(sheet);
            reader.fileNames.put(
                    sheet,
                    upload == null
                                    || upload.fileName() == null
                                    || upload.fileName().isBlank()
                            ? sheet.defaultName
                            : upload.fileName());
        }
        JsonNode root = reader.build(uploads);
        return new Read(reader.problems.isEmpty() ? root : null, List.copyOf(reader.problems), reader);
    }

    private JsonNode build(Map<Sheet, Upload> uploads) {
        List<Map<String, Cell>> baseRows = rows(Sheet.BASE_ITEMS, uploads, BASE_COLUMNS, List.of());
        List<Map<String, Cell>> entryRows = rows(Sheet.ENTRIES, uploads, ENTRY_COLUMNS, List.of(CODE));
        List<Map<String, Cell>> materialRows =
                rows(Sheet.MATERIALS, uploads, withKeys(MATERIAL_COLUMNS, CODE, POSITION), List.of(CODE, POSITION));
        List<Map<String, Cell>> listRows =
                rows(Sheet.LISTS, uploads, withKeys(LIST_FIELDS, CODE, LIST, POSITION), List.of(CODE, LIST, POSITION));
        if (!problems.isEmpty()) {
            return null;
        }
        ObjectNode root = nodes.objectNode();
        root.put("format", CatalogueFile.FORMAT);
        ArrayNode baseItems = root.putArray("baseItems");
        for (Map<String, Cell> row : baseRows) {
            baseLines.add(line(row));
            baseItems.add(object(Sheet.BASE_ITEMS, BASE_COLUMNS, "", row, Map.of()));
        }
        Map<String, Integer> entryIndex = new HashMap<>();
        for (int i = 0; i < entryRows.size(); i++) {
            String code = entryRows.get(i).get(CODE).value();
            if (!code.isEmpty()) {
                entryIndex.putIfAbsent(code, i);
            }
        }
        // Each entry's list elements, by list and position.
        Map<Integer, Map<String, TreeMap<Integer, Map<String, Cell>>>> elements = new HashMap<>();
        collect(Sheet.MATERIALS, materialRows, row -> CatalogueSheets.MATERIALS, entryIndex, elements);
        collect(Sheet.LISTS, listRows, row -> row.get(LIST).value(), entryIndex, elements);
        if (!problems.isEmpty()) {
            return null;
        }
        ArrayNode entries = root.putArray("entries");
        for (int i = 0; i < entryRows.size(); i++) {
            Map<String, Cell> row = entryRows.get(i);
            entryLines.add(line(row));
            Map<String, List<ObjectNode>> lists = new HashMap<>();
            Map<String, List<Integer>> lines = new HashMap<>();
            elements.getOrDefault(i, Map.of()).forEach((path, byPosition) -> {
                Map<String, SheetSchema.Column> fields =
                        path.equals(CatalogueSheets.MATERIALS) ? MATERIAL_COLUMNS : LISTS.get(path);
                Sheet sheet = path.equals(CatalogueSheets.MATERIALS) ? Sheet.MATERIALS : Sheet.LISTS;
                for (Map<String, Cell> element : byPosition.values()) {
                    lists.computeIfAbsent(path, p -> new ArrayList<>())
                            .add(object(sheet, fields, "", element, Map.of()));
                    lines.computeIfAbsent(path, p -> new ArrayList<>()).add(line(element));
                    element.forEach((column, cell) -> {
                        if (!cell.value().isEmpty()
                                && !fields.containsKey(column)
                                && !List.of(CODE, LIST, POSITION).contains(column)) {
                            problems.add(at(sheet, line(element), column, "catalog.exchange.sheet-not-in-list", path));
                        }
                    });
                }
            });
            elementLines.put(i, lines);
            entries.add(object(Sheet.ENTRIES, ENTRY_COLUMNS, "", row, lists));
        }
        return root;
    }

    /** A cell's value (the export's formula guard taken off) and the line of its row. */
    private record Cell(String value, int line) {}

    private static int line(Map<String, Cell> row) {
        return row.values().iterator().next().line();
    }

    private static Map<String, SheetSchema.Column> withKeys(Map<String, SheetSchema.Column> fields, String... keys) {
        Map<String, SheetSchema.Column> columns = new LinkedHashMap<>();
        for (String key : keys) {
            columns.put(key, new SheetSchema.Column(SheetSchema.Kind.SCALAR, String.class));
        }
        columns.putAll(fields);
        return columns;
    }

    /** The rows of a sheet, each by its known column names; problems for malformed files and unknown columns. */
    private List<Map<String, Cell>> rows(
            Sheet sheet, Map<Sheet, Upload> uploads, Map<String, SheetSchema.Column> known, List<String> required) {
        Upload upload = uploads.get(sheet);
        if (upload == null) {
            return List.of();
        }
        CsvTable table;
        try {
            table = CsvTable.read(new ByteArrayInputStream(upload.content()));
        } catch (CsvTable.MalformedCsvException e) {
            problems.add(at(sheet, e.line(), "", e.messageKey()));
            return List.of();
        }
        Map<String, String> byLowerCase = new HashMap<>();
        known.keySet().forEach(k -> byLowerCase.put(k.toLowerCase(Locale.ROOT), k));
        List<String> header = new ArrayList<>();
        int before = problems.size();
        for (String written : table.header()) {
            String column = byLowerCase.get(written);
            if (column == null) {
                problems.add(at(sheet, 1, written, "catalog.exchange.sheet-unknown-column"));
            } else if (header.contains(column)) {
                problems.add(at(sheet, 1, written, "catalog.exchange.sheet-repeated-column"));
            }
            header.add(column);
        }
        for (String column : required) {
            if (!header.contains(column)) {
                problems.add(at(sheet, 1, column, "catalog.exchange.sheet-missing-column"));
            }
        }
        if (problems.size() > before) {
            return List.of();
        }
        List<Map<String, Cell>> rows = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            if (row.cells().size() != header.size()) {
                problems.add(at(
                        sheet,
                        row.line(),
                        "",
                        "catalog.exchange.sheet-cell-count",
                        header.size(),
                        row.cells().size()));
                continue;
            }
            Map<String, Cell> cells = new LinkedHashMap<>();
            cells.put(header.get(0), new Cell(CsvCells.value(row.cells().get(0)), row.line()));
            for (int i = 1; i < header.size(); i++) {
                cells.put(header.get(i), new Cell(CsvCells.value(row.cells().get(i)), row.line()));
            }
            for (String column : required) {
                cells.putIfAbsent(column, new Cell("", row.line()));
            }
            rows.add(cells);
        }
        return rows;
    }

    private void collect(
            Sheet sheet,
            List<Map<String, Cell>> rows,
            java.util.function.Function<Map<String, Cell>, String> listOf,
            Map<String, Integer> entryIndex,
            Map<Integer, Map<String, TreeMap<Integer, Map<String, Cell>>>> elements) {
        for (Map<String, Cell> row : rows) {
            int line = line(row);
            Integer entry = entryIndex.get(row.get(CODE).value());
            String list = listOf.apply(row);
            if (entry == null) {
                problems.add(at(
                        sheet,
                        line,
                        CODE,
                        "catalog.exchange.sheet-no-entry",
                        row.get(CODE).value()));
                continue;
            }
            if (!list.equals(CatalogueSheets.MATERIALS) && !LISTS.containsKey(list)) {
                problems.add(at(sheet, line, LIST, "catalog.exchange.sheet-unknown-list", list, LISTS.keySet()));
                continue;
            }
            String position = row.get(POSITION).value();
            if (!position.matches("[1-9][0-9]{0,5}")) {
                problems.add(at(sheet, line, POSITION, "catalog.exchange.invalid-value", position));
                continue;
            }
            Map<String, Cell> first = elements.computeIfAbsent(entry, e -> new HashMap<>())
                    .computeIfAbsent(list, l -> new TreeMap<>())
                    .putIfAbsent(Integer.parseInt(position), row);
            if (first != null) {
                problems.add(at(sheet, line, POSITION, "catalog.exchange.sheet-repeated-position", line(first)));
            }
        }
    }

    /**
     * The object of a record from the cells of a row: an empty cell is an absent value, a list of scalars is split at
     * {@code ^}, an object whose every cell is empty (and which has no list elements) is absent. Lists of objects come
     * from {@code lists}.
     */
    private ObjectNode object(
            Sheet sheet,
            Map<String, SheetSchema.Column> columns,
            String prefix,
            Map<String, Cell> row,
            Map<String, List<ObjectNode>> lists) {
        ObjectNode object = nodes.objectNode();
        columns.forEach((path, column) -> {
            if (!path.startsWith(prefix) || path.substring(prefix.length()).contains(".")) {
                return;
            }
            String name = path.substring(prefix.length());
            Cell cell = row.get(path);
            String value = cell == null ? "" : cell.value();
            switch (column.kind()) {
                case SCALAR -> {
                    if (!value.isEmpty()) {
                        object.set(name, scalar(column.type(), value));
                    }
                }
                case SCALAR_LIST -> {
                    ArrayNode array = object.putArray(name);
                    if (!value.isEmpty()) {
                        for (String part : value.split("\\^", -1)) {
                            array.add(scalar(column.type(), part));
                        }
                    }
                }
                case OBJECT -> {
                    if (!value.isEmpty()) {
                        problems.add(at(sheet, cell.line(), path, "catalog.exchange.sheet-object-cell"));
                    }
                    boolean given = row.entrySet().stream()
                                    .anyMatch(e -> e.getKey().startsWith(path + ".")
                                            && !e.getValue().value().isEmpty())
                            || lists.keySet().stream().anyMatch(l -> l.startsWith(path + "."));
                    if (given) {
                        object.set(name, object(sheet, columns, path + ".", row, lists));
                    }
                }
                case JSON -> {
                    if (!value.isEmpty()) {
                        try {
                            object.set(name, CELL_JSON.readTree(value));
                        } catch (JacksonException e) {
                            String where = e.getLocation() == null
                                    ? ""
                                    : Integer.toString(e.getLocation().getColumnNr());
                            problems.add(at(sheet, cell.line(), path, "catalog.exchange.sheet-json-cell", where));
                        }
                    }
                }
                case OBJECT_LIST -> {
                    if (!value.isEmpty()) {
                        problems.add(at(sheet, cell.line(), path, "catalog.exchange.sheet-object-cell"));
                    }
                    ArrayNode array = object.putArray(name);
                    lists.getOrDefault(path, List.of()).forEach(array::add);
                }
            }
        });
        return object;
    }

    /** A cell as the JSON value of its type; a value that is not of the type stays text, for the mapper to refuse. */
    private JsonNode scalar(Class<?> type, String value) {
        if ((type == int.class || type == Integer.class) && value.matches("-?[0-9]{1,9}")) {
            return nodes.numberNode(Integer.parseInt(value));
        }
        if ((type == boolean.class || type == Boolean.class) && (value.equals("true") || value.equals("false"))) {
            return nodes.booleanNode(Boolean.parseBoolean(value));
        }
        return nodes.stringNode(value);
    }

    private ImportProblem at(Sheet sheet, int line, String column, String key, Object... arguments) {
        return ImportProblem.of("/", column, key, arguments).inSheet(fileNames.get(sheet), line);
    }

    /**
     * A problem of the tree where the clerk finds it: {@code /entries/3} with {@code guide.materials[1].form} is the
     * materials sheet, the line of that material, column {@code form}.
     */
    ImportProblem locate(ImportProblem problem) {
        ImportProblem located = locateRow(problem);
        // "The same as /entries/3": the other row too as file and line.
        List<Object> arguments = located.arguments().stream()
                .map(a -> a instanceof String other && other.matches("/(baseItems|entries)/[0-9]+")
                        ? (Object) lineOf(locateRow(ImportProblem.of(other, "", "")))
                        : a)
                .toList();
        return new ImportProblem(
                located.row(), located.column(), located.messageKey(), arguments, located.sheet(), located.line());
    }

    private static String lineOf(ImportProblem problem) {
        return problem.sheet() == null ? problem.row() : problem.sheet() + ":" + problem.line();
    }

    private static boolean inJsonCell(String column) {
        return CatalogueSheets.JSON_COLUMNS.stream().anyMatch(c -> column.equals(c) || column.startsWith(c + "."));
    }

    private ImportProblem locateRow(ImportProblem problem) {
        String row = problem.row();
        String column = problem.column();
        if (row.startsWith("/baseItems/")) {
            int index = Integer.parseInt(row.substring("/baseItems/".length()));
            return problem.inSheet(fileNames.get(Sheet.BASE_ITEMS), baseLines.get(index));
        }
        if (!row.startsWith("/entries/")) {
            return problem;
        }
        int index = Integer.parseInt(row.substring("/entries/".length()));
        Matcher element = LIST_ELEMENT.matcher(column);
        if (inJsonCell(column)) {
            // A problem inside a JSON cell: the cell's line, and the path within it as the column.
            return new ImportProblem("/", column, problem.messageKey(), problem.arguments())
                    .inSheet(fileNames.get(Sheet.ENTRIES), entryLines.get(index));
        }
        if (element.matches()) {
            String list = element.group(1);
            List<Integer> lines = elementLines.getOrDefault(index, Map.of()).get(list);
            int position = Integer.parseInt(element.group(2));
            if (lines != null && position < lines.size()) {
                Sheet sheet = list.equals(CatalogueSheets.MATERIALS) ? Sheet.MATERIALS : Sheet.LISTS;
                String field = element.group(3) == null ? "" : element.group(3);
                return new ImportProblem("/", field, problem.messageKey(), problem.arguments())
                        .inSheet(fileNames.get(sheet), lines.get(position));
            }
            column = list;
        }
        return new ImportProblem("/", column, problem.messageKey(), problem.arguments())
                .inSheet(fileNames.get(Sheet.ENTRIES), entryLines.get(index));
    }
}
