package org.zhengwu.cases.handling;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The rows of a workbench list as its table prints them, printed here: in the template each of the fifty rows cost
 * about a dozen expression evaluations (a link, messages under computed keys, conditions on the row's properties),
 * the larger part of rendering a clerk's 待办 under load. Every text is escaped here.
 */
@Component
class WorkbenchRows {

    private final MessageSource messages;

    WorkbenchRows(MessageSource messages) {
        this.messages = messages;
    }

    /** The table rows of one page of cases, escaped; {@code today} decides which open cases show as overdue. */
    String of(List<WorkbenchQueries.Row> rows, LocalDate today, Locale locale) {
        StringBuilder html = new StringBuilder(rows.size() * 700);
        for (WorkbenchQueries.Row row : rows) {
            String status = row.status().name();
            html.append("<tr>\n<td><a href=\"/workbench/cases/")
                    .append(row.id())
                    .append("\" class=\"guide-code\">")
                    .append(escape(row.caseNumber()))
                    .append("</a></td>\n<td>")
                    .append(escape(row.itemName()))
                    .append("</td>\n<td><span class=\"tag tag--status-")
                    .append(escape(status))
                    .append("\">")
                    .append(message("cases.status." + status, locale))
                    .append("</span>");
            if (row.stage() != null) {
                html.append("\n<span class=\"hint\">")
                        .append(message("cases.stage." + row.stage(), locale))
                        .append("</span>");
            }
            html.append("</td>\n<td>")
                    .append(message("cases.channel." + row.channel(), locale))
                    .append("</td>\n<td>")
                    .append(row.receivedOn() == null ? "" : row.receivedOn().toString())
                    .append("</td>\n<td><span>")
                    .append(row.dueOn() != null ? row.dueOn().toString() : message("cases.due.unknown", locale))
                    .append("</span>");
            if (row.dueOn() != null
                    && row.dueOn().isBefore(today)
                    && row.status().open()) {
                html.append("\n<strong class=\"tag tag--warning\">")
                        .append(message("cases.overdue", locale))
                        .append("</strong>");
            }
            if (row.warning() != null) {
                html.append("\n<strong class=\"tag tag--warning-")
                        .append(escape(row.warning()))
                        .append("\" data-testid=\"warning-tag\">")
                        .append(message("cases.warning.level." + row.warning(), locale))
                        .append("</strong>");
            }
            html.append("</td>\n</tr>\n");
        }
        return html.toString();
    }

    private String message(String key, Locale locale) {
        return escape(messages.getMessage(key, null, locale));
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
