package org.zhengwu.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhengwu.catalog.ItemSearch;
import org.zhengwu.catalog.SearchQuery;
import org.zhengwu.catalog.SearchRequests;
import org.zhengwu.catalog.SearchResult;
import org.zhengwu.shared.database.ReplicaRead;

/**
 * 事项搜索: the search page with its filters. Works as a plain GET form; bad parameters are named on the page in the
 * same error summary as every form's, each linking to its filter (the page number, which has none, is named alone).
 */
@Controller
@ReplicaRead
class SearchPageController {

    /** The parameters the page has a control for; the control's id is {@code filter-} and the parameter's name. */
    private static final Set<String> FILTERS = Set.of("q", "type", "org", "division", "object", "depth", "theme");

    private final ItemSearch search;
    private final SearchRequests requests;
    private final SearchFilters filters;
    private final ResultEntries entries;

    SearchPageController(ItemSearch search, SearchRequests requests, SearchFilters filters, ResultEntries entries) {
        this.search = search;
        this.requests = requests;
        this.filters = filters;
        this.entries = entries;
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
            Map<String, Object> typed = new LinkedHashMap<>();
            BindingResult problems = new MapBindingResult(typed, "search");
            for (SearchRequests.Problem p : parsed.problems()) {
                if (FILTERS.contains(p.parameter())) {
                    problems.rejectValue("filter-" + p.parameter(), p.messageKey(), p.argumentArray(), null);
                } else {
                    problems.reject("search.problem." + p.parameter(), p.argumentArray(), null);
                }
            }
            model.addAttribute("search", typed);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "search", problems);
            return "portal/search";
        }
        SearchResult result = search.search(parsed.query());
        filters.addTo(model, selected, result, locale);
        model.addAttribute("result", result);
        model.addAttribute("entries", entries.of(result, locale));
        model.addAttribute("unsearchable", parsed.query().hasUnsearchableText());
        model.addAttribute("searched", hasAnyCriterion(q, type, org, division, object, depth, theme));
        model.addAttribute("pagination", Pagination.of(request, result.page(), result.pages()));
        return "portal/search";
    }

    private static boolean hasAnyCriterion(String... values) {
        return Arrays.stream(values).anyMatch(v -> v != null && !v.isBlank());
    }
}
