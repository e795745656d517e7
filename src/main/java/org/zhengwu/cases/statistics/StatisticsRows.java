package org.zhengwu.cases.statistics;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The body rows of the statistics page's tables, printed here as the workbench's are ({@code WorkbenchRows}): in the
 * template each of the page's seventy-odd rows cost about a dozen expression evaluations (the row header's label and
 * code under conditions on the table, each figure's text twice), more than half of the page's time under load. The
 * markup is the template's, every text escaped here.
 */
@Component
class StatisticsRows {

    /** The tables whose rows also show their code (an entry's, a department's or a division's). */
    static final Set<String> CODED = Set.of("items", "departments", "regions", "rectification");

    private final MessageSource messages;

    StatisticsRows(MessageSource messages) {
        this.messages = messages;
    }

    /** Each table's {@code <tbody>} content by the table's name. */
    Map<String, String> of(CaseStatistics.Report report, Locale locale) {
        String none = escape(messages.getMessage("cases.statistics.none", null, locale));
        Map<String, String> bodies = new HashMap<>();
        for (StatisticsTable table : report.tables()) {
            bodies.put(table.name(), body(table, report.period().by(), none, locale));
        }
        return bodies;
    }

    private String body(StatisticsTable table, CaseStatistics.Granularity by, String none, Locale locale) {
        if (table.rows().isEmpty()) {
            return "<tr><td colspan=\"" + (table.columns().size() + 1) + "\">"
                    + escape(messages.getMessage("cases.statistics.empty", null, locale)) + "</td></tr>\n";
        }
        // The weeks are plotted by their first day; every other row by its label.
        boolean labelIsCode = table.name().equals("volume") && by == CaseStatistics.Granularity.WEEK;
        boolean coded = CODED.contains(table.name());
        StringBuilder html = new StringBuilder(table.rows().size() * 200);
        for (StatisticsTable.Row row : table.rows()) {
            String label = escape(row.label());
            html.append("<tr>\n<th scope=\"row\" data-label=\"")
                    .append(labelIsCode ? escape(row.code()) : label)
                    .append("\"><span>")
                    .append(label)
                    .append("</span>");
            if (coded) {
                html.append("\n<span class=\"hint guide-code\">")
                        .append(escape(row.code()))
                        .append("</span>");
            }
            html.append("</th>");
            for (Figure figure : row.figures()) {
                String text = figure.text();
                html.append("\n<td class=\"number\" data-value=\"")
                        .append(text)
                        .append("\">")
                        .append(figure.known() ? text : none)
                        .append("</td>");
            }
            html.append("\n</tr>\n");
        }
        return html.toString();
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
