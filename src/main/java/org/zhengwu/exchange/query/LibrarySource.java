package org.zhengwu.exchange.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where the query API reads one base library's records: one implementation per library of basedata, each asking
 * basedata's public API. Values are keyed by the resource's item fields; the API then keeps only the fields granted
 * and masks the sensitive ones.
 */
interface LibrarySource {

    /** One record: its position for keyset paging, its key (the subject) and its values by item field. */
    record Row(long recordId, String key, Map<String, Object> values) {
        public Row {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /** The library's name in the catalogue (person, legal-entity). */
    String library();

    /** The filter parameters this library takes (besides after and limit). */
    List<String> filters();

    Optional<Row> byKey(String key);

    /** Up to {@code limit} records after {@code afterRecordId}, in record order; a bad filter is a BadParameterException. */
    List<Row> page(Map<String, String> filter, long afterRecordId, int limit);

    /** Every record the filter keeps, in record order, one at a time (constant memory). */
    void forEach(Map<String, String> filter, Consumer<Row> each);
}
