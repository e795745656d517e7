package org.zhengwu.portal;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.zhengwu.catalog.ItemSummary;
import org.zhengwu.catalog.OnlineLevel;
import org.zhengwu.catalog.SearchResult;
import org.zhengwu.shared.web.CodeLabels;

/**
 * The lines of each search result as the results list prints them, worked out here so that the page only prints
 * them: formatting them in the template (a bean call, two messages with arguments and two conditions on nested
 * properties per result) cost each render of a search page more than the rest of the list.
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

    List<Entry> of(SearchResult result, Locale locale) {
        return result.items().stream().map(item -> entry(item, locale)).toList();
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
