package org.zhengwu.catalog.exchange;

import java.util.List;

/**
 * One reason a file is refused.
 *
 * @param row       where in the file: a JSON pointer, e.g. {@code /entries/3} ("/" for the file as a whole)
 * @param column    which element: a field of the base item or entry, {@code guide.materials[0].name} for a guide's
 * @param messageKey the reason, in the message bundles
 * @param arguments the reason's values
 */
record ImportProblem(String row, String column, String messageKey, List<Object> arguments) {

    ImportProblem {
        arguments = List.copyOf(arguments);
    }

    static ImportProblem of(String row, String column, String messageKey, Object... arguments) {
        return new ImportProblem(row, column, messageKey, List.of(arguments));
    }

    Object[] argumentArray() {
        return arguments.toArray();
    }
}
