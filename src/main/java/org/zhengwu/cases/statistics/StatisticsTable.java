package org.zhengwu.cases.statistics;

import java.util.List;

/**
 * One table of the statistics page, in the reader's language: a caption, the columns of figures, and a row for each
 * thing counted. The same object is drawn as a chart (the columns marked {@link Column#plotted}), shown as the table
 * beside it, and exported as CSV, so the three always agree.
 *
 * @param name  the table's name in addresses ({@code /statistics/{name}.csv}) and element ids
 * @param chart how the chart draws it ({@code bar}, {@code hbar}, {@code line}, {@code pie}), or null for none
 */
public record StatisticsTable(
        String name, String caption, String rowHeading, String chart, List<Column> columns, List<Row> rows) {

    /** A column of figures; {@code plotted} when the chart draws it. */
    public record Column(String label, boolean plotted) {}

    /**
     * One thing counted: its name, its code (a status, a credit code, a division code, …) and its figures, one per
     * column.
     */
    public record Row(String label, String code, List<Figure> figures) {}

    public StatisticsTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
