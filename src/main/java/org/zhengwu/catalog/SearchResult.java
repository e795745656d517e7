package org.zhengwu.catalog;

import java.util.List;
import java.util.Map;

/**
 * A page of search results, the number of all matches, and the facets that help narrow them down.
 */
public record SearchResult(long total, int page, int size, List<ItemSummary> items, Facets facets) {

    /**
     * How many matches each item type and each organisation has, ignoring the query's own filter on it. The
     * organisations are not counted ({@code organisationsCounted} false, the list empty) when they would be counted
     * over too many matches: across a province a name is implemented by thousands of village and town offices, one
     * entry each, and a list of fifty of them helps nobody, while grouping the matches by organisation cost a search
     * five times what its count does. Choosing a region narrows the matches until they are counted (the page says so).
     */
    public record Facets(
            Map<ItemType, Long> types, List<OrganisationCount> organisations, boolean organisationsCounted) {
        public Facets {
            types = Map.copyOf(types);
            organisations = List.copyOf(organisations);
        }

        public Facets(Map<ItemType, Long> types, List<OrganisationCount> organisations) {
            this(types, organisations, true);
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
