package org.zhengwu.shared.crypto;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A column of a module's table that holds values sealed with the field key ({@link PlatformKeys#encrypt}), as the
 * module declares it to the re-encryption ({@link SealedColumns}).
 *
 * @param table         the table
 * @param column        the sealed column (null values are skipped)
 * @param keyColumns    the table's primary key, which orders the batches and finds the row again
 * @param context       the context the values are sealed with; with {@code contextColumn}, its prefix
 * @param contextColumn null when every value has the same context; else the column whose value follows
 *     {@code context} in each row's context (e.g. the resource code of an exchange change)
 */
public record SealedColumn(String table, String column, List<String> keyColumns, String context, String contextColumn) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public SealedColumn {
        // The names go into SQL: they are constants of the module's code, and checked to be plain identifiers.
        identifier(table);
        identifier(column);
        if (keyColumns.isEmpty()) {
            throw new IllegalArgumentException(table + ": a sealed column needs the table's key");
        }
        keyColumns.forEach(SealedColumn::identifier);
        keyColumns = List.copyOf(keyColumns);
        if (contextColumn != null) {
            identifier(contextColumn);
        }
    }

    /** A column whose values share one context, in a table whose key is {@code keyColumns}. */
    public static SealedColumn of(String table, String column, String context, String... keyColumns) {
        return new SealedColumn(table, column, List.of(keyColumns), context, null);
    }

    /** A column whose values' context is {@code prefix} followed by the row's {@code contextColumn}. */
    public static SealedColumn withContextFrom(
            String table, String column, String prefix, String contextColumn, String... keyColumns) {
        return new SealedColumn(table, column, List.of(keyColumns), prefix, contextColumn);
    }

    /** The context of a row's value, given its {@code contextColumn} (ignored when there is none). */
    public String contextOf(String contextValue) {
        return contextColumn == null ? context : context + contextValue;
    }

    /** table.column, as reports name it. */
    public String name() {
        return table + "." + column;
    }

    private static void identifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + name);
        }
    }
}
