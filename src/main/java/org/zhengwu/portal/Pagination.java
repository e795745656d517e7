package org.zhengwu.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;

/** Page links for a list: the current page, its neighbours, the first and the last, each keeping the other filters. */
record Pagination(int page, int pages, String previous, String next, List<Link> links) {

    record Link(int number, String url, boolean current, boolean gap) {}

    static Pagination of(HttpServletRequest request, int page, int pages) {
        List<Link> links = new ArrayList<>();
        int last = 0;
        for (int n = 1; n <= pages; n++) {
            if (n == 1 || n == pages || Math.abs(n - page) <= 2) {
                if (last != 0 && n - last > 1) {
                    links.add(new Link(0, null, false, true));
                }
                links.add(new Link(n, url(request, n), n == page, false));
                last = n;
            }
        }
        return new Pagination(
                page,
                pages,
                page > 1 ? url(request, page - 1) : null,
                page < pages ? url(request, page + 1) : null,
                links);
    }

    private static String url(HttpServletRequest request, int page) {
        return UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(request.getQueryString())
                .replaceQueryParam("page", page)
                .build(false)
                .toUriString();
    }
}
