package org.zhengwu.catalog;

import java.util.List;

/** A page of search results and the number of all matches. */
public record SearchResult(long total, int page, int size, List<ItemSummary> items) {

    public SearchResult {
        items = List.copyOf(items);
    }

    public int pages() {
        return (int) ((total + size - 1) / size);
    }
}
