package org.zhengwu.catalog.exchange;

import java.util.List;

/**
 * One reason a file is refused.
 *
 * @param row       where in the file: a JSON pointer, e.g. {@code /entries/3} ("/" for the file as a whole)
 * @param column    which element: a field of the base item or entry, {@code guide.materials[0].name} for a guide's;
 *                  for a spreadsheet, the sheet's column
 * @param messageKey the reason, in the message bundles
 * @param arguments the reason's values
 * @param sheet     for an import of the spreadsheets, the file the problem is in (then {@code row} is not used), else
 *                  null
 * @param line      the line in {@code sheet}, as a spreadsheet numbers it (header = 1)
 */
record ImportProblem(String row, String column, String messageKey, List<Object> arguments, String sheet, int line) {

    ImportProblem {
        arguments = List.copyOf(arguments);
    }

    ImportProblem(String row, String column, String messageKey, List<Object> arguments) {
        this(row, column, messageKey, arguments, null, 0);
    }

    static ImportProblem of(String row, String column, String messageKey, Object... arguments) {
        return new ImportProblem(row, column, messageKey, List.of(arguments));
    }

    /** The same problem, found at a line of a spreadsheet. */
    ImportProblem inSheet(String sheet, int line) {
        return new ImportProblem(row, column, messageKey, arguments, sheet, line);
    }

    Object[] argumentArray() {
        return arguments.toArray();
    }
}
