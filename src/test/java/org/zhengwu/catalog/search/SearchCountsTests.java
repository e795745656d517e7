package org.zhengwu.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.catalog.ItemType;
import org.zhengwu.catalog.SearchQuery;
import org.zhengwu.catalog.SearchResult;
import org.zhengwu.shared.codes.CodeTable;
import org.zhengwu.support.ZhengwuTest;

/**
 * The total and the facets come from one pass over the matches (issue 13, province scale): they must be what a
 * separate count and a GROUP BY per facet, each leaving out its own filter, give — checked here against those
 * queries, written out plainly, over the demo catalogue, with and without a type, an organisation and a region.
 */
@ZhengwuTest
class SearchCountsTests {

    static final String HEFEI_MARKET = "11340100662167280R";
    static final List<String> SHUSHAN_AND_ABOVE = List.of("340000", "340100", "340104");

    @Autowired
    SearchIndex index;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aWordAloneCountsEveryMatchIntoBothFacets() {
        same(query("登记", null, null), null);
        same(query("营业执照", null, null), null);
    }

    @Test
    void aTypeFilterNarrowsTheTotalAndTheOrganisationFacetButNotTheTypeFacet() {
        SearchResult result = same(query("登记", ItemType.LICENSING, null), null);
        SearchResult all = search(index, query("登记", null, null), null);
        assertThat(result.total()).isPositive().isLessThan(all.total());
        assertThat(result.facets().types()).isEqualTo(all.facets().types());
    }

    @Test
    void anOrganisationFilterNarrowsTheTotalAndTheTypeFacetButNotTheOrganisationFacet() {
        SearchResult result = same(query("登记", null, HEFEI_MARKET), null);
        SearchResult all = search(index, query("登记", null, null), null);
        assertThat(result.total()).isPositive().isLessThan(all.total());
        assertThat(result.facets().organisations()).isEqualTo(all.facets().organisations());
    }

    @Test
    void bothFiltersAndARegion() {
        same(query("登记", ItemType.LICENSING, HEFEI_MARKET), SHUSHAN_AND_ABOVE);
        same(query("", ItemType.PUBLIC_SERVICE, null), SHUSHAN_AND_ABOVE);
        SearchResult none = same(query("登记", ItemType.PENALTY, HEFEI_MARKET), null);
        assertThat(none.total()).isZero();
        assertThat(none.items()).isEmpty();
    }

    /**
     * Above the limit the organisations are not counted, and the page is told so; the total and the type facet are the
     * same either way. The limit counts the matches the organisation facet would group: those of the chosen type, of
     * every organisation. Exactly at the limit they are counted.
     */
    @Test
    void theOrganisationsAreNotCountedOverMoreMatchesThanTheLimit() {
        SearchQuery word = query("登记", null, null);
        SearchIndex.Counts counted = index.counts(word, null);
        long matches = counted.total();
        assertThat(matches).isGreaterThan(2);
        assertThat(counted.facets().organisationsCounted()).isTrue();
        assertThat(counted.facets().organisations()).isNotEmpty();

        SearchIndex.Counts atTheLimit = index.counts(word, null, matches);
        assertThat(atTheLimit).isEqualTo(counted);

        SearchIndex.Counts aboveIt = index.counts(word, null, matches - 1);
        assertThat(aboveIt.total()).isEqualTo(matches);
        assertThat(aboveIt.facets().types()).isEqualTo(counted.facets().types());
        assertThat(aboveIt.facets().organisations()).isEmpty();
        assertThat(aboveIt.facets().organisationsCounted()).isFalse();

        // A chosen organisation does not: the facet counts every organisation's matches.
        SearchIndex.Counts oneOrganisation = index.counts(query("登记", null, HEFEI_MARKET), null, matches - 1);
        assertThat(oneOrganisation.total()).isPositive().isLessThan(matches - 1);
        assertThat(oneOrganisation.facets().organisationsCounted()).isFalse();

        // A type narrows what the organisations are counted over, whichever organisation is chosen.
        ItemType type = ItemType.LICENSING;
        long ofType = counted.facets().types().get(type);
        assertThat(ofType).isLessThan(matches);
        SearchIndex.Counts typeChosen = index.counts(query("登记", type, null), null, ofType);
        assertThat(typeChosen.facets().organisationsCounted()).isTrue();
        assertThat(typeChosen.facets().organisations())
                .isEqualTo(index.counts(query("登记", type, null), null).facets().organisations());
        SearchIndex.Counts organisationChosen = index.counts(query("登记", type, HEFEI_MARKET), null, ofType - 1);
        assertThat(organisationChosen.facets().organisationsCounted()).isFalse();
        assertThat(organisationChosen.total())
                .isEqualTo(index.counts(query("登记", type, HEFEI_MARKET), null).total());
    }

    /**
     * A type chosen from the facets of a search just made is counted from that search's counts when they suffice
     * (ItemSearch): the same counts as counting it afresh, for every type, with and without a region, at several
     * limits; and not derived when the type's organisations would be counted.
     */
    @Test
    void aTypeChosenFromTheFacetsIsCountedFromTheSearchOfAnyType() {
        int derived = 0;
        for (String text : List.of("登记", "证明", "许可", "")) {
            for (List<String> divisions : java.util.Arrays.asList(null, SHUSHAN_AND_ABOVE)) {
                for (long limit : List.of(1L, 5L, 20L)) {
                    SearchIndex.Counts ofAnyType = index.counts(query(text, null, null), divisions, limit);
                    for (ItemType type : ItemType.values()) {
                        java.util.Optional<SearchIndex.Counts> narrowed =
                                SearchIndex.narrowedToType(ofAnyType, type, limit);
                        if (narrowed.isPresent()) {
                            assertThat(narrowed.get())
                                    .as("%s of type %s in %s, limit %d", text, type, divisions, limit)
                                    .isEqualTo(index.counts(query(text, type, null), divisions, limit));
                            derived++;
                        } else {
                            assertThat(index.counts(query(text, type, null), divisions, limit)
                                            .facets()
                                            .organisationsCounted())
                                    .as("%s of type %s in %s, limit %d", text, type, divisions, limit)
                                    .isTrue();
                        }
                    }
                }
            }
        }
        assertThat(derived).isGreaterThan(20);
    }

    /**
     * A search reads these columns of every match (ranking, facets, the page): they stay in the row, and only the
     * terms, matched through the GIN index and never read back, go out of line (V41, V44). An out-of-line code cost a
     * long-tail query at province scale 200 of its 250 ms (its sort fetched each code from TOAST at each comparison).
     */
    @Test
    void onlyTheTermsAreStoredOutOfTheRow() {
        List<String> outOfLine = jdbc.sql("""
                        SELECT column_name FROM catalog_search_entry, LATERAL (VALUES
                            ('implementation_code', pg_column_toast_chunk_id(implementation_code)),
                            ('name', pg_column_toast_chunk_id(name)),
                            ('item_type', pg_column_toast_chunk_id(item_type)),
                            ('organisation_uscc', pg_column_toast_chunk_id(organisation_uscc)),
                            ('organisation_name', pg_column_toast_chunk_id(organisation_name)),
                            ('division_code', pg_column_toast_chunk_id(division_code)),
                            ('exercise_level', pg_column_toast_chunk_id(exercise_level)),
                            ('service_objects', pg_column_toast_chunk_id(service_objects)),
                            ('themes', pg_column_toast_chunk_id(themes)),
                            ('result_name', pg_column_toast_chunk_id(result_name)),
                            ('promised_unit', pg_column_toast_chunk_id(promised_unit)),
                            ('name_terms', pg_column_toast_chunk_id(name_terms)),
                            ('terms', pg_column_toast_chunk_id(terms))) AS stored(column_name, chunk)
                        WHERE chunk IS NOT NULL GROUP BY column_name ORDER BY column_name""").query(String.class).list();
        assertThat(outOfLine).containsExactly("terms");
    }

    /**
     * A search in a region takes its matches from the terms index with the region among the index scan's conditions
     * (V46), so that only the region's rows are read; the planner would not combine the division index with the terms'.
     */
    @Test
    void aSearchInARegionTakesOnlyTheRegionsMatchesFromTheTermsIndex() {
        List<String> inRegion = index.countingPlan(query("营业执照", null, null), SHUSHAN_AND_ABOVE);
        assertThat(inRegion)
                .as(String.join("\n", inRegion))
                .anyMatch(line -> line.contains("Index Scan on catalog_search_terms_region_idx"))
                .anyMatch(line ->
                        line.contains("Index Cond:") && line.contains("terms @>") && line.contains("division_code"));
        List<String> anywhere = index.countingPlan(query("营业执照", null, null), null);
        assertThat(anywhere)
                .as(String.join("\n", anywhere))
                .anyMatch(line -> line.contains("Index Cond:") && line.contains("terms @>"))
                .noneMatch(line -> line.contains("division_code"));
    }

    /** What the portal shows of a query: its page and its counts. */
    static SearchResult search(SearchIndex index, SearchQuery query, Collection<String> divisions) {
        SearchIndex.Counts counts = index.counts(query, divisions);
        return new SearchResult(
                counts.total(), query.page(), query.size(), index.page(query, divisions), counts.facets());
    }

    private static SearchQuery query(String text, ItemType type, String organisation) {
        return new SearchQuery(text, type, organisation, null, null, null, null, 1, 10);
    }

    /** Searches and compares total and facets with the plain queries; returns the result. */
    private SearchResult same(SearchQuery query, List<String> divisions) {
        SearchResult result = search(index, query, divisions);
        List<String> terms = SearchTerms.ofQuery(SearchTerms.normalise(query.text()));
        Map<String, Object> p = new HashMap<>();
        p.put("terms", terms.toArray(String[]::new));
        p.put("divisions", divisions == null ? List.of("") : divisions);
        p.put("type", query.type() == null ? null : query.type().code());
        p.put("uscc", query.organisation());
        String where = " WHERE (cardinality(CAST(:terms AS TEXT[])) = 0 OR terms @> CAST(:terms AS TEXT[]))"
                + (divisions == null ? "" : " AND division_code IN (:divisions)");
        String typeFilter = " AND (CAST(:type AS TEXT) IS NULL OR item_type = :type)";
        String organisationFilter = " AND (CAST(:uscc AS TEXT) IS NULL OR organisation_uscc = :uscc)";
        long total = jdbc.sql("SELECT count(*) FROM catalog_search_entry" + where + typeFilter + organisationFilter)
                .params(p)
                .query(Long.class)
                .single();
        Map<ItemType, Long> types = new EnumMap<>(ItemType.class);
        jdbc.sql("SELECT item_type, count(*) AS n FROM catalog_search_entry" + where + organisationFilter
                        + " GROUP BY item_type")
                .params(p)
                .query((rs, n) ->
                        types.put(CodeTable.requireCode(ItemType.class, rs.getString("item_type")), rs.getLong("n")))
                .list();
        List<SearchResult.OrganisationCount> organisations = jdbc.sql("SELECT organisation_uscc, organisation_name,"
                        + " count(*) AS n FROM catalog_search_entry" + where + typeFilter
                        + " GROUP BY organisation_uscc, organisation_name ORDER BY count(*) DESC, organisation_name,"
                        + " organisation_uscc LIMIT 50")
                .params(p)
                .query((rs, n) -> new SearchResult.OrganisationCount(
                        rs.getString("organisation_uscc"), rs.getString("organisation_name"), rs.getLong("n")))
                .list();
        assertThat(result.total()).as("total of %s", query).isEqualTo(total);
        assertThat(result.facets().types()).as("type facet of %s", query).isEqualTo(types);
        assertThat(result.facets().organisationsCounted())
                .as("organisations counted for %s", query)
                .isTrue();
        assertThat(result.facets().organisations())
                .as("organisation facet of %s", query)
                .containsExactlyInAnyOrderElementsOf(organisations);
        assertThat(result.items()).hasSize((int) Math.min(10, total));
        // Fewer than the facet's limit, or ties at its end could be cut either way.
        assertThat(organisations).hasSizeLessThan(50);
        return result;
    }
}
