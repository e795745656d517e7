package org.zhengwu.identity;

import java.util.Map;

/**
 * A condition of a SQL {@code WHERE} clause that keeps the rows an actor may reach, and the values of its named
 * parameters. The text holds only column names the code chose ({@link ScopeColumns}) and the parameter markers
 * {@code :scopeOrganisation} and {@code :scopeRegion}; every value is bound. Use it as
 * {@code jdbc.sql("... WHERE " + condition.sql()).params(condition.parameters())}, and do not name other
 * parameters of the query {@code scope…}. The text is always one parenthesised expression, so that it stays one
 * term after {@code AND} or {@code OR} and a missing space before it (a text block drops a line's trailing space)
 * cannot join it to the keyword.
 */
public record ScopeCondition(String sql, Map<String, Object> parameters) {

    /** Every row: the platform's own staff. */
    public static final ScopeCondition EVERYTHING = new ScopeCondition("(TRUE)", Map.of());

    /** No row: the public, or staff who hold none of the permissions asked about. */
    public static final ScopeCondition NOTHING = new ScopeCondition("(FALSE)", Map.of());

    public ScopeCondition {
        if (!sql.startsWith("(") || !sql.endsWith(")")) {
            throw new IllegalArgumentException("a scope condition is one parenthesised expression: " + sql);
        }
        parameters = Map.copyOf(parameters);
    }
}
