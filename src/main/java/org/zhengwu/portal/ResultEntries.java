package org.zhengwu.portal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;
import org.zhengwu.catalog.ItemSummary;
import org.zhengwu.catalog.OnlineLevel;
import org.zhengwu.catalog.SearchResult;
import org.zhengwu.shared.web.CodeLabels;

/**
 * The search results as the results list prints them, worked out and printed here: formatting them in the template
 * (a bean call, two messages with arguments and two conditions on nested properties per result) cost each render of
 * a search page more than the rest of the list, and printing them there still cost about ten expression evaluations
 * a result, a link expression among them — a fifth of an uncached search page. Every text is escaped here.
 */
@Component
class ResultEntries {

    /** One result: what its title links to and the texts of its two lines. */
    record Entry(
            String code,
            String name,
            String typeLabel,
            boolean fullyOnline,
            boolean noVisit,
            String organisationName,
            String resultLine,
            String promisedLine) {}

    private final CodeLabels labels;
    private final MessageSource messages;

    ResultEntries(CodeLabels labels, MessageSource messages) {
        this.labels = labels;
        this.messages = messages;
    }

    /** The list items of one page of results, escaped. */
    String of(SearchResult result, Locale locale) {
        List<Entry> list =
                result.items().stream().map(item -> entry(item, locale)).toList();
        String fullyOnline = messages.getMessage("guide.fullyOnline", null, locale);
        String noVisit = messages.getMessage("guide.noVisit", null, locale);
        StringBuilder html = new StringBuilder(list.size() * 600);
        for (Entry entry : list) {
            html.append("<li class=\"result\">\n<h3 class=\"result__title\"><a href=\"/items/")
                    .append(escape(UriUtils.encodePathSegment(entry.code(), StandardCharsets.UTF_8)))
                    .append("\">")
                    .append(escape(entry.name()))
                    .append("</a></h3>\n<p class=\"result__meta\">\n<span class=\"tag\">")
                    .append(escape(entry.typeLabel()))
                    .append("</span>\n");
            if (entry.fullyOnline()) {
                html.append("<span class=\"tag tag--online\">")
                        .append(escape(fullyOnline))
                        .append("</span>\n");
            }
            if (entry.noVisit()) {
                html.append("<span class=\"tag tag--online\">")
                        .append(escape(noVisit))
                        .append("</span>\n");
            }
            html.append("<span>")
                    .append(escape(entry.organisationName()))
                    .append("</span>\n</p>\n<p class=\"result__meta\">\n<span>")
                    .append(escape(entry.resultLine()))
                    .append("</span> ·\n<span>")
                    .append(escape(entry.promisedLine()))
                    .append("</span>\n</p>\n</li>\n");
        }
        return html.toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private Entry entry(ItemSummary item, Locale locale) {
        boolean fullyOnline = item.onlineLevel() == OnlineLevel.FULLY_ONLINE;
        int promised = item.promisedLimit().value();
        return new Entry(
                item.implementationCode(),
                item.name(),
                labels.label(item.type(), locale),
                fullyOnline,
                item.visits() == 0 && !fullyOnline,
                item.organisationName(),
                messages.getMessage("guide.result.short", new Object[] {item.resultName()}, locale),
                promised == 0
                        ? messages.getMessage("guide.promised.immediate", null, locale)
                        : messages.getMessage(
                                "guide.promised.short",
                                new Object[] {
                                    promised, labels.label(item.promisedLimit().unit(), locale)
                                },
                                locale));
    }
}
