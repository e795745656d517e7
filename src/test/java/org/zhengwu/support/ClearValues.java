package org.zhengwu.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where a value lies in clear in the database: every column of every table of the schema is searched, whatever its
 * type (text, numbers in text, JSON, arrays, bytes as UTF-8), ignoring case — so that a table added later that keeps a
 * number or an address in clear is found without anyone adding it to a list.
 */
public final class ClearValues {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private ClearValues() {}

    /** The columns, as {@code table.column}, of which some row holds {@code value}. */
    public static List<String> columnsHolding(JdbcClient jdbc, String value) {
        List<Map<String, Object>> columns = jdbc.sql("""
                        SELECT c.table_name, c.column_name, c.data_type
                        FROM information_schema.columns c
                        JOIN information_schema.tables t
                          ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
                        WHERE c.table_schema = current_schema() ORDER BY c.table_name, c.column_name""").query().listOfRows();
        // One statement, so that a data source without a pool opens one connection, not one per column.
        List<String> searches = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            if (!NAME.matcher(table).matches() || !NAME.matcher(name).matches()) {
                throw new IllegalStateException("unexpected identifier " + table + "." + name);
            }
            // Identifiers from the catalogue, checked above; the value is bound.
            String quoted = '"' + name + '"';
            String condition = "bytea".equals(column.get("data_type"))
                    ? "position(convert_to(:value, 'UTF8') IN " + quoted + ") > 0"
                            + " OR position(convert_to(lower(:value), 'UTF8') IN " + quoted + ") > 0"
                    : "strpos(lower(CAST(" + quoted + " AS TEXT)), lower(:value)) > 0";
            searches.add("SELECT '" + table + "." + name + "' AS place WHERE EXISTS (SELECT 1 FROM \"" + table
                    + "\" WHERE " + condition + ")");
        }
        return jdbc.sql(String.join("\nUNION ALL\n", searches))
                .param("value", value)
                .query(String.class)
                .list();
    }
}
