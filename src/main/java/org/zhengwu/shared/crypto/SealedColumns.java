package org.zhengwu.shared.crypto;

import java.util.List;
import java.util.Map;

/**
 * The columns a module seals with the field key, and the module's own re-sealing of them: the SPI of the field key's
 * rotation ({@link FieldKeyRotation}). Each module that seals values provides one bean; the rotation asks each in turn
 * and never writes a module's tables itself. {@link JdbcSealedColumns} implements it for plain tables.
 */
public interface SealedColumns {

    /** The module that owns the tables, for reports and the accountability log. */
    String module();

    List<SealedColumn> columns();

    /**
     * Seals again under the current field key the next values of the column not under it yet, up to {@code limit},
     * after the row whose key is {@code after} (null: from the start), in key order. A row changed meanwhile by
     * another writer (which sealed it under the current key) is left as it is.
     */
    Batch reseal(SealedColumn column, List<Object> after, int limit);

    /** How many values of the column each field key sealed (key identifier, or "legacy"). */
    Map<String, Long> census(SealedColumn column);

    /**
     * One batch's work.
     *
     * @param examined  values read that were not under the current key
     * @param resealed  those rewritten under it
     * @param failed    those that could not be opened (unknown key, altered), left as they are
     * @param last      the key of the last row examined, where the next batch starts; null when none was
     */
    record Batch(int examined, int resealed, int failed, List<Object> last) {}
}
