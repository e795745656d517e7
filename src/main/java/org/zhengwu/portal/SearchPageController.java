package org.zhengwu.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhengwu.catalog.ItemSearch;
import org.zhengwu.catalog.SearchQuery;
import org.zhengwu.catalog.SearchRequests;
import org.zhengwu.catalog.SearchResult;

/** 事项搜索: the search page with its filters. Works as a plain GET form; bad parameters are named on the page. */
@Controller
class SearchPageController {

    private final ItemSearch search;
    private final SearchRequests requests;
    private final SearchFilters filters;
    private final MessageSource messages;

    SearchPageController(ItemSearch search, SearchRequests requests, SearchFilters filters, MessageSource messages) {
        this.search = search;
        this.requests = requests;
        this.filters = filters;
        this.messages = messages;
    }

    @GetMapping("/search")
    String search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String org,
            @RequestParam(required = false) String division,
            @RequestParam(required = false) String object,
            @RequestParam(required = false) String depth,
            @RequestParam(required = false) String theme,
            @RequestParam(required = false) String page,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        SearchRequests.Parsed parsed = requests.parse(
                new SearchRequests.Parameters(q, type, org, division, object, depth, theme, page, null),
                SearchQuery.DEFAULT_SIZE);
        SearchRequests.Parameters selected =
                new SearchRequests.Parameters(q, type, org, division, object, depth, theme, page, null);
        model.addAttribute("q", q == null ? "" : q);
        if (!parsed.ok()) {
            filters.addTo(model, selected, null, locale);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute(
                    "problems",
                    parsed.problems().stream()
                            .map(p -> new PageProblem(
                                    p.parameter(),
                                    messages.getMessage(
                                                    "search.parameter." + p.parameter(), null, p.parameter(), locale)
                                            + "：" + messages.getMessage(p.messageKey(), p.argumentArray(), locale)))
                            .toList());
            return "portal/search";
        }
        SearchResult result = search.search(parsed.query());
        filters.addTo(model, selected, result, locale);
        model.addAttribute("result", result);
        model.addAttribute("unsearchable", parsed.query().hasUnsearchableText());
        model.addAttribute("searched", hasAnyCriterion(q, type, org, division, object, depth, theme));
        model.addAttribute("pagination", Pagination.of(request, result.page(), result.pages()));
        return "portal/search";
    }

    /** A parameter the page could not use, with its message in the reader's language. */
    record PageProblem(String parameter, String message) {}

    private static boolean hasAnyCriterion(String... values) {
        return Arrays.stream(values).anyMatch(v -> v != null && !v.isBlank());
    }
}
