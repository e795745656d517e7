package org.zhengwu.catalog.exchange;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.zhengwu.catalog.ApplicationForm;

/**
 * The columns of the exchange sheets, read off the records of the exchange file: every scalar element by its path
 * ({@code guide.fee.charged}), every list of scalars (joined with {@code ^}), every object that may be absent, and
 * every list of objects with the record of its elements ({@code guide.steps} → {@link org.zhengwu.catalog.Guide.Step}),
 * and the few elements that are a whole tree in one cell of JSON ({@link #JSON_CELLS}). Derived, not listed, so that
 * an element added to the guide is a column of the sheets at once.
 */
final class SheetSchema {

    enum Kind {
        SCALAR,
        SCALAR_LIST,
        /** An object that may be absent: its column, written empty, only says so. */
        OBJECT,
        OBJECT_LIST,
        /** A tree too deep for rows and columns (lists of objects within lists): its JSON in one cell. */
        JSON
    }

    /**
     * Elements kept whole in one cell: an application form's fields each have a list of options, which neither the
     * entries sheet nor the lists sheet could hold without a sheet of its own per level.
     */
    static final Set<Class<?>> JSON_CELLS = Set.of(ApplicationForm.class);

    /** One column: its kind and Java type (for a list, the element's). */
    record Column(Kind kind, Class<?> type) {}

    /** The columns of a record, in component order, by path. */
    static Map<String, Column> columns(Class<?> record) {
        Map<String, Column> columns = new LinkedHashMap<>();
        walk(record, "", columns);
        return columns;
    }

    private static void walk(Class<?> record, String prefix, Map<String, Column> columns) {
        for (RecordComponent component : record.getRecordComponents()) {
            String path = prefix + component.getName();
            Class<?> type = component.getType();
            if (JSON_CELLS.contains(type)) {
                columns.put(path, new Column(Kind.JSON, type));
            } else if (Collection.class.isAssignableFrom(type)) {
                Class<?> element =
                        (Class<?>) ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                columns.put(path, new Column(element.isRecord() ? Kind.OBJECT_LIST : Kind.SCALAR_LIST, element));
            } else if (type.isRecord()) {
                columns.put(path, new Column(Kind.OBJECT, type));
                walk(type, path + ".", columns);
            } else {
                columns.put(path, new Column(Kind.SCALAR, type));
            }
        }
    }

    private SheetSchema() {}
}
