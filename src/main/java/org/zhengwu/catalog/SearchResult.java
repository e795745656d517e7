package org.zhengwu.catalog;

import java.util.List;
import java.util.Map;

/**
 * A page of search results, the number of all matches, and the facets that help narrow them down.
 */
public record SearchResult(long total, int page, int size, List<ItemSummary> items, Facets facets) {

    /** How many matches each item type and each organisation has, ignoring the query's own filter on it. */
    public record Facets(Map<ItemType, Long> types, List<OrganisationCount> organisations) {
        public Facets {
            types = Map.copyOf(types);
            organisations = List.copyOf(organisations);
        }
    }

    public record OrganisationCount(String uscc, String name, long count) {}

    public SearchResult {
        items = List.copyOf(items);
    }

    public int pages() {
        return (int) ((total + size - 1) / size);
    }
}
