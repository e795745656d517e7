package org.zhengwu.shared.crypto;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link SealedColumns} for tables read and written with plain SQL: a module's bean extends it with its name and its
 * columns, and runs it on its own connection. A batch reads the next rows in key order whose value does not start with
 * the current key's header, opens each value under whichever configured key sealed it, seals it under the current key
 * and writes it back only if the row still holds the value read (a compare-and-set: a concurrent writer wins, and what
 * it wrote is under the current key already). The work is its own progress: a batch interrupted or run again redoes
 * nothing that was done, and any node can continue.
 */
public abstract class JdbcSealedColumns implements SealedColumns {

    private static final Logger log = LoggerFactory.getLogger(JdbcSealedColumns.class);

    private final String module;
    private final JdbcTemplate jdbc;
    private final PlatformKeys keys;

    protected JdbcSealedColumns(String module, JdbcTemplate jdbc, PlatformKeys keys) {
        this.module = module;
        this.jdbc = jdbc;
        this.keys = keys;
    }

    @Override
    public String module() {
        return module;
    }

    @Override
    public Batch reseal(SealedColumn column, List<Object> after, int limit) {
        String key = String.join(", ", column.keyColumns());
        String placeholders =
                String.join(", ", Collections.nCopies(column.keyColumns().size(), "?"));
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(key)
                .append(", ")
                .append(column.column())
                .append(" AS sealed_value, ")
                .append(column.contextColumn() == null ? "NULL" : column.contextColumn())
                .append(" AS context_value FROM ")
                .append(column.table())
                .append(" WHERE ")
                .append(column.column())
                .append(" IS NOT NULL AND substring(")
                .append(column.column())
                .append(" from 1 for ")
                .append(FieldKeyRing.HEADER_BYTES)
                .append(") IS DISTINCT FROM ?");
        parameters.add(keys.currentFieldKeyHeader());
        if (after != null) {
            sql.append(" AND (")
                    .append(key)
                    .append(") > (")
                    .append(placeholders)
                    .append(")");
            parameters.addAll(after);
        }
        sql.append(" ORDER BY ").append(key).append(" LIMIT ?");
        parameters.add(limit);
        List<Row> rows = jdbc.query(sql.toString(), (rs, n) -> row(rs, column), parameters.toArray());
        if (rows.isEmpty()) {
            return new Batch(0, 0, 0, null);
        }
        List<Object[]> updates = new ArrayList<>();
        int failed = 0;
        for (Row row : rows) {
            String context = column.contextOf(row.contextValue());
            try {
                byte[] resealed = keys.reseal(row.sealed(), context);
                Object[] update = new Object[row.key().size() + 2];
                update[0] = resealed;
                for (int i = 0; i < row.key().size(); i++) {
                    update[i + 1] = row.key().get(i);
                }
                update[update.length - 1] = row.sealed();
                updates.add(update);
            } catch (IllegalArgumentException e) {
                failed++;
                log.warn("{} of row {}: cannot be sealed again: {}", column.name(), row.key(), e.getMessage());
            }
        }
        int resealed = 0;
        if (!updates.isEmpty()) {
            StringBuilder update = new StringBuilder("UPDATE ")
                    .append(column.table())
                    .append(" SET ")
                    .append(column.column())
                    .append(" = ? WHERE ");
            for (String keyColumn : column.keyColumns()) {
                update.append(keyColumn).append(" = ? AND ");
            }
            update.append(column.column()).append(" = ?");
            for (int count : jdbc.batchUpdate(update.toString(), updates)) {
                // A driver that cannot tell (SUCCESS_NO_INFO, -2) counts as written: the census says what is left.
                resealed += count == 0 ? 0 : 1;
            }
        }
        return new Batch(
                rows.size(), resealed, failed, rows.get(rows.size() - 1).key());
    }

    @Override
    public Map<String, Long> census(SealedColumn column) {
        String sql = "SELECT CASE WHEN substring(" + column.column() + " from 1 for 2) = ? AND length("
                + column.column() + ") >= " + (FieldKeyRing.HEADER_BYTES + Sm4Gcm.MIN_SEALED)
                + " THEN encode(substring(" + column.column() + " from 3 for " + FieldKeyRing.ID_BYTES
                + "), 'hex') ELSE 'legacy' END AS key_id, count(*) AS value_count FROM " + column.table()
                + " WHERE " + column.column() + " IS NOT NULL GROUP BY 1 ORDER BY 1";
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(
                sql,
                rs -> {
                    counts.put(rs.getString("key_id"), rs.getLong("value_count"));
                },
                (Object) FieldKeyRing.MAGIC);
        return counts;
    }

    private record Row(List<Object> key, byte[] sealed, String contextValue) {}

    private static Row row(ResultSet rs, SealedColumn column) throws SQLException {
        List<Object> key = new ArrayList<>();
        for (String keyColumn : column.keyColumns()) {
            key.add(rs.getObject(keyColumn));
        }
        return new Row(key, rs.getBytes("sealed_value"), rs.getString("context_value"));
    }
}
