package org.zhengwu.catalog.exchange;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.zhengwu.shared.csv.CsvCells;
import tools.jackson.databind.JsonNode;

/**
 * The exchange file as spreadsheets (CSV, UTF-8 with a byte-order mark, CRLF): the base list; the entries with every
 * scalar element, one column per element named by its path in the JSON file ({@code guide.fee.charged}); and the
 * materials keyed by 实施编码. Values are exactly those of the JSON file: national codes, several joined with
 * {@code ^}, booleans {@code true}/{@code false}; the other lists of objects of a guide in a fourth sheet; the application
 * form as one line of JSON in its cell of the entries sheet. Read back by
 * {@link CatalogueSheetImport}. Built from the JSON tree, so that no element can be missing here and
 * present there.
 */
@Component
class CatalogueSheets {

    /** Marks, among a row's columns, a list of objects: such a column is left out of the sheet. */
    private static final String OBJECT_LISTS = "\u0000";

    static final String MATERIALS = "guide.materials";

    /** The paths of the elements written whole, as one line of JSON, in their cell ({@link SheetSchema#JSON_CELLS}). */
    static final Set<String> JSON_COLUMNS = SheetSchema.columns(CatalogueFile.Entry.class).entrySet().stream()
            .filter(c -> c.getValue().kind() == SheetSchema.Kind.JSON)
            .map(Map.Entry::getKey)
            .collect(Collectors.toUnmodifiableSet());

    private final ExchangeJson json;

    CatalogueSheets(ExchangeJson json) {
        this.json = json;
    }

    byte[] baseItems(CatalogueFile file) {
        return sheet(rows(nodes(file, "baseItems"), List.of()));
    }

    byte[] entries(CatalogueFile file) {
        return sheet(rows(nodes(file, "entries"), List.of()));
    }

    /** One row per material, after its entry's 实施编码 and its position (1, 2, …) among the entry's materials. */
    byte[] materials(CatalogueFile file) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode entry : nodes(file, "entries")) {
            JsonNode materials = entry.path("guide").path("materials");
            for (int i = 0; i < materials.size(); i++) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("implementationCode", entry.get("implementationCode").asString());
                row.put("position", Integer.toString(i + 1));
                flatten("", materials.get(i), row);
                rows.add(row);
            }
        }
        return sheet(rows);
    }

    /**
     * One row per element of every other list of objects of a guide (办理流程, 收费项目, 常见问题, 中介服务, 裁量基准,
     * the articles of 处罚/强制/检查): the entry's 实施编码, the list's path ({@code guide.steps}), the position (1, 2,
     * …) within it, then the element's fields.
     */
    byte[] lists(CatalogueFile file) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode entry : nodes(file, "entries")) {
            listRows(entry.get("implementationCode").asString(), "guide", entry.path("guide"), rows);
        }
        return sheet(rows);
    }

    private void listRows(String code, String path, JsonNode node, List<Map<String, String>> rows) {
        if (JSON_COLUMNS.contains(path)) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                listRows(code, path + "." + field.getKey(), field.getValue(), rows);
            }
        } else if (node.isArray()
                && !path.equals(MATERIALS)
                && node.valueStream().anyMatch(JsonNode::isObject)) {
            for (int i = 0; i < node.size(); i++) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("implementationCode", code);
                row.put("list", path);
                row.put("position", Integer.toString(i + 1));
                flatten("", node.get(i), row);
                rows.add(row);
            }
        }
    }

    private List<JsonNode> nodes(CatalogueFile file, String list) {
        List<JsonNode> nodes = new ArrayList<>();
        json.readTree(json.write(file)).get(list).forEach(nodes::add);
        return nodes;
    }

    private List<Map<String, String>> rows(List<JsonNode> nodes, List<String> ignored) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode node : nodes) {
            Map<String, String> row = new LinkedHashMap<>();
            flatten("", node, row);
            ignored.forEach(row::remove);
            rows.add(row);
        }
        return rows;
    }

    /**
     * Scalars as they are, lists of scalars joined with {@code ^}, objects by their fields; lists of objects (steps,
     * materials, charges, articles …) are left to their own sheets ({@link #materials}, {@link #lists}).
     */
    private void flatten(String prefix, JsonNode node, Map<String, String> row) {
        if (node.isObject() && !prefix.isEmpty() && JSON_COLUMNS.contains(prefix.substring(0, prefix.length() - 1))) {
            row.put(prefix.substring(0, prefix.length() - 1), json.oneLine(node));
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                flatten(prefix + field.getKey() + ".", field.getValue(), row);
            }
            return;
        }
        String column = prefix.substring(0, prefix.length() - 1);
        if (node.isArray()) {
            if (node.valueStream().allMatch(JsonNode::isValueNode)) {
                row.put(column, node.valueStream().map(JsonNode::asString).collect(Collectors.joining("^")));
            } else {
                // An empty list says nothing of what it holds: a list of objects in any row is left out of all.
                row.put(OBJECT_LISTS + column, "");
            }
            return;
        }
        row.put(column, node.isNull() ? "" : node.asString());
    }

    /** The columns are every one any row has, in the order first met; a row without one leaves it empty. */
    private static byte[] sheet(List<Map<String, String>> rows) {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(row -> columns.addAll(row.keySet()));
        Set<String> objectLists = columns.stream()
                .filter(c -> c.startsWith(OBJECT_LISTS))
                .map(c -> c.substring(OBJECT_LISTS.length()))
                .collect(Collectors.toSet());
        columns.removeIf(c -> c.startsWith(OBJECT_LISTS) || objectLists.contains(c));
        StringBuilder csv = new StringBuilder("\uFEFF")
                .append(CsvCells.row(List.copyOf(columns)))
                .append("\r\n");
        for (Map<String, String> row : rows) {
            csv.append(CsvCells.row(
                            columns.stream().map(c -> row.getOrDefault(c, "")).toList()))
                    .append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
