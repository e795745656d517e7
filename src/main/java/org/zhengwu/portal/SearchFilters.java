package org.zhengwu.portal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.util.HtmlUtils;
import org.zhengwu.basedata.Division;
import org.zhengwu.basedata.Divisions;
import org.zhengwu.basedata.Organisations;
import org.zhengwu.catalog.ItemType;
import org.zhengwu.catalog.OnlineLevel;
import org.zhengwu.catalog.SearchRequests;
import org.zhengwu.catalog.SearchResult;
import org.zhengwu.catalog.ServiceObject;
import org.zhengwu.catalog.ServiceTheme;
import org.zhengwu.shared.codes.CodeTable;
import org.zhengwu.shared.codes.DivisionCode;
import org.zhengwu.shared.web.CodeLabels;

/**
 * The choices of the search filters, worked out here so that the page only prints them. Types and departments are
 * facets of the current search (with their counts; the departments only over a few thousand matches, the page saying
 * so otherwise); regions are the province, its cities and — once a city or
 * district is chosen — that city's districts, so that a region is picked in two steps without JavaScript.
 */
@Component
class SearchFilters {

    static final Duration REFRESH = Duration.ofMinutes(5);

    /**
     * One option of a select, its text as printed: the label, with the number of matches where the option has one.
     * Worked out here rather than in the template: a search page has about a hundred options, and each message the
     * template formatted cost its render more than the rest of the option.
     */
    record Option(String value, String text, boolean selected) {}

    /** A group of options under a heading (an optgroup). */
    record Group(String label, List<Option> options) {}

    /**
     * The options of each select as HTML, every value and text escaped here. A search page has about ninety options,
     * and a template spends four expression evaluations on each (the iteration, value, selected, text): printed from
     * Java they cost the uncached page a third of its rendering.
     */
    record OptionsHtml(String type, String division, String organisation, String object, String depth, String theme) {

        static String of(List<Option> options) {
            StringBuilder html = new StringBuilder(options.size() * 48);
            options.forEach(o -> append(html, o));
            return html.toString();
        }

        static String ofGroups(List<Group> groups) {
            StringBuilder html = new StringBuilder(groups.size() * 400);
            for (Group group : groups) {
                html.append("<optgroup label=\"").append(escape(group.label())).append("\">");
                group.options().forEach(o -> append(html, o));
                html.append("</optgroup>");
            }
            return html.toString();
        }

        private static void append(StringBuilder html, Option option) {
            html.append("<option value=\"").append(escape(option.value())).append('"');
            if (option.selected()) {
                html.append(" selected=\"selected\"");
            }
            html.append('>').append(escape(option.text())).append("</option>");
        }

        private static String escape(String text) {
            return HtmlUtils.htmlEscape(text, "UTF-8");
        }
    }

    private final Organisations organisations;
    private final Divisions divisions;
    private final PortalSettings settings;
    private final CodeLabels labels;
    private final MessageSource messages;
    private final Cache<String, List<Division>> regions =
            Caffeine.newBuilder().expireAfterWrite(REFRESH).build();
    /** The province itself, asked for by every search page. */
    private final Cache<String, Optional<Division>> current =
            Caffeine.newBuilder().expireAfterWrite(REFRESH).build();

    SearchFilters(
            Organisations organisations,
            Divisions divisions,
            PortalSettings settings,
            CodeLabels labels,
            MessageSource messages) {
        this.organisations = organisations;
        this.divisions = divisions;
        this.settings = settings;
        this.labels = labels;
        this.messages = messages;
    }

    /** @param result the search result, or null when the parameters were unusable */
    void addTo(Model model, SearchRequests.Parameters selected, SearchResult result, Locale locale) {
        model.addAttribute("filterOptions", options(selected, result, locale));
        model.addAttribute(
                "organisationsUnlisted", result != null && !result.facets().organisationsCounted());
    }

    OptionsHtml options(SearchRequests.Parameters selected, SearchResult result, Locale locale) {
        return new OptionsHtml(
                OptionsHtml.of(typeOptions(selected.type(), result, locale)),
                OptionsHtml.ofGroups(divisionGroups(selected.division(), locale)),
                OptionsHtml.of(organisationOptions(selected.organisation(), result, locale)),
                OptionsHtml.of(codeOptions(ServiceObject.values(), selected.serviceObject(), locale, null)),
                OptionsHtml.of(codeOptions(OnlineLevel.values(), selected.depth(), locale, "search.depth.atLeast")),
                OptionsHtml.of(codeOptions(ServiceTheme.values(), selected.theme(), locale, null)));
    }

    private List<Option> typeOptions(String selected, SearchResult result, Locale locale) {
        List<Option> options = new ArrayList<>();
        for (ItemType t : ItemType.values()) {
            boolean chosen = t.code().equals(selected);
            String label = labels.label(t, locale);
            if (result == null) {
                options.add(new Option(t.code(), label, chosen));
                continue;
            }
            long count = result.facets().types().getOrDefault(t, 0L);
            if (count > 0 || chosen) {
                options.add(new Option(t.code(), withCount(label, count, locale), chosen));
            }
        }
        return options;
    }

    private List<Option> organisationOptions(String selected, SearchResult result, Locale locale) {
        List<Option> options = new ArrayList<>();
        if (result != null) {
            result.facets()
                    .organisations()
                    .forEach(o -> options.add(new Option(
                            o.uscc(),
                            withCount(o.name(), o.count(), locale),
                            o.uscc().equals(selected))));
        }
        if (selected != null && options.stream().noneMatch(Option::selected)) {
            // Not among the counted ones: it has no match, unless the organisations were not counted at all.
            boolean counted = result == null || result.facets().organisationsCounted();
            organisations
                    .find(selected)
                    .ifPresent(o -> options.add(
                            0, new Option(o.uscc(), counted ? withCount(o.name(), 0L, locale) : o.name(), true)));
        }
        return options;
    }

    private String withCount(String label, long count, Locale locale) {
        return messages.getMessage("search.option.count", new Object[] {label, count}, locale);
    }

    private List<Group> divisionGroups(String selected, Locale locale) {
        String province = settings.provinceCode();
        List<Group> groups = new ArrayList<>();
        List<Division> top = regions.get(province, divisions::children);
        current.get(province, divisions::current)
                .ifPresent(p -> groups.add(new Group(
                        p.name(),
                        List.of(new Option(p.code(), p.name(), p.code().equals(selected))))));
        groups.add(new Group(
                messages.getMessage("search.division.cities", null, locale),
                top.stream()
                        .map(c -> new Option(c.code(), c.name(), c.code().equals(selected)))
                        .toList()));
        DivisionCode.parse(selected)
                .filter(code -> code.level() != DivisionCode.Level.PROVINCE)
                .map(code -> code.level() == DivisionCode.Level.COUNTY
                        ? code.structuralParent().map(DivisionCode::value).orElse(null)
                        : code.value())
                .filter(Objects::nonNull)
                .flatMap(city -> top.stream().filter(c -> c.code().equals(city)).findFirst())
                .ifPresent(city -> groups.add(new Group(
                        city.name(),
                        regions.get(city.code(), divisions::children).stream()
                                .map(d -> new Option(
                                        d.code(),
                                        city.name() + " " + d.name(),
                                        d.code().equals(selected)))
                                .toList())));
        return groups;
    }

    /** @param messageKey the message that frames each label, or null for the label alone */
    private <E extends Enum<E> & CodeTable> List<Option> codeOptions(
            E[] values, String selected, Locale locale, String messageKey) {
        return Arrays.stream(values)
                .map(v -> {
                    String label = labels.label(v, locale);
                    return new Option(
                            v.code(),
                            messageKey == null ? label : messages.getMessage(messageKey, new Object[] {label}, locale),
                            v.code().equals(selected));
                })
                .toList();
    }
}
