package org.zhengwu.identity;

import java.util.regex.Pattern;

/**
 * The two columns of a table that place a row in the data scope: the owning organisation's 统一社会信用代码 and the
 * 行政区划代码 where the object is located. Column names are part of the SQL text that {@link DataScope} writes, so
 * they must be constants of the code, never input: each is checked against a plain identifier pattern (with an
 * optional table alias, {@code i.organisation_uscc}) and anything else is refused.
 */
public record ScopeColumns(String ownerColumn, String divisionColumn) {

    private static final Pattern IDENTIFIER = Pattern.compile("([a-z_][a-z0-9_]{0,62}\\.)?[a-z_][a-z0-9_]{0,62}");

    public ScopeColumns {
        requireIdentifier(ownerColumn);
        requireIdentifier(divisionColumn);
    }

    private static void requireIdentifier(String column) {
        if (column == null || !IDENTIFIER.matcher(column).matches()) {
            throw new IllegalArgumentException("not a column name: '" + column + "'");
        }
    }
}
