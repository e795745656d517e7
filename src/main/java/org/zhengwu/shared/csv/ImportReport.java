package org.zhengwu.shared.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import did, or why it did nothing: an import with any problem loads no row at all.
 *
 * @param rowsRead data rows in the file
 * @param inserted rows added
 * @param updated  existing rows replaced
 * @param problems every problem found, in file order; empty when the import was applied
 */
public record ImportReport(int rowsRead, int inserted, int updated, List<Problem> problems) {

    /** One bad cell or row: the line as a spreadsheet numbers it, the column (or empty), a message and its values. */
    public record Problem(int line, String column, String messageKey, List<Object> arguments) {
        public Problem {
            arguments = List.copyOf(arguments);
        }

        public Object[] argumentArray() {
            return arguments.toArray();
        }
    }

    public ImportReport {
        problems = List.copyOf(problems);
    }

    public boolean applied() {
        return problems.isEmpty();
    }

    public static ImportReport rejected(int rowsRead, List<Problem> problems) {
        return new ImportReport(rowsRead, 0, 0, problems);
    }

    /** Collects problems while a file is checked. */
    public static final class Problems {
        private final List<Problem> list = new ArrayList<>();

        public void add(int line, String column, String messageKey, Object... arguments) {
            list.add(new Problem(line, column, messageKey, List.of(arguments)));
        }

        public boolean isEmpty() {
            return list.isEmpty();
        }

        public List<Problem> list() {
            return List.copyOf(list);
        }
    }
}
