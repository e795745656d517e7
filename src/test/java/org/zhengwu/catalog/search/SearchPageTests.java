package org.zhengwu.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengwu.catalog.ItemSummary;
import org.zhengwu.catalog.ItemType;
import org.zhengwu.catalog.SearchQuery;
import org.zhengwu.support.ZhengwuTest;

/**
 * A page of results taken from the names first (the entries ranked by their name, through the distinct names and
 * each name's first entries, issue 13's province scale) must be the page that ranking every match gives — checked
 * against that ranking written out plainly, for substrings of the demo catalogue's names, common words, words of
 * letters and digits, with a type, an organisation and a region, on the first three pages.
 */
@ZhengwuTest
class SearchPageTests {

    static final List<String> SHUSHAN_AND_ABOVE = SearchCountsTests.SHUSHAN_AND_ABOVE;
    static final int PAGE_SIZE = 3;

    @Autowired
    SearchIndex index;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void everyNameOfAnEntryIsKeptWithItsTerms() {
        assertThat(namesKept()).hasSizeGreaterThan(100);
        assertThat(entriesWithoutTheirName()).isZero();
        // Withdrawn, renamed (indexed again under another name): the new name is there at once. Undone at the end.
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            List<Long> entries = jdbc.sql("SELECT item_id FROM catalog_search_entry ORDER BY item_id")
                    .query(Long.class)
                    .list();
            index.remove(entries.get(0));
            jdbc.sql("""
                            UPDATE catalog_search_entry SET name = name || '（更名）', name_terms = name_terms || CAST('更名' AS TEXT)
                            WHERE item_id = :item""").param("item", entries.get(1)).update();
            assertThat(entriesWithoutTheirName()).isZero();
            assertThat(namesKept()).anyMatch(name -> name.endsWith("（更名）"));
            status.setRollbackOnly();
        });
        assertThat(entriesWithoutTheirName()).isZero();
    }

    private long entriesWithoutTheirName() {
        return jdbc.sql("""
                        SELECT count(*) FROM catalog_search_entry e LEFT JOIN catalog_search_name n ON n.name = e.name
                        WHERE n.name IS NULL OR n.name_terms <> e.name_terms""").query(Long.class).single();
    }

    private List<String> namesKept() {
        return jdbc.sql("SELECT name FROM catalog_search_name ORDER BY name")
                .query(String.class)
                .list();
    }

    @Test
    void aPageFromTheNamesIsThePageOfEveryMatchRanked() {
        List<String> names = jdbc.sql("SELECT DISTINCT name FROM catalog_search_entry ORDER BY name")
                .query(String.class)
                .list();
        Random random = new Random(13);
        Set<String> texts = new LinkedHashSet<>(List.of("登记", "许可", "证明", "申请", "营业执照", "户口", "备案", "注销"));
        while (texts.size() < 160) {
            String name = names.get(random.nextInt(names.size()));
            int length = 1 + random.nextInt(Math.min(6, name.length()));
            int start = random.nextInt(name.length() - length + 1);
            String text = name.substring(start, start + length);
            if (!SearchTerms.ofQuery(SearchTerms.normalise(text)).isEmpty()) {
                texts.add(text);
            }
        }
        int fromNames = 0;
        int compared = 0;
        for (String text : texts) {
            for (int page = 1; page <= 3; page++) {
                List<SearchQuery> queries = List.of(
                        query(text, null, null, page),
                        query(text, ItemType.PUBLIC_SERVICE, null, page),
                        query(text, null, SearchCountsTests.HEFEI_MARKET, page));
                for (SearchQuery query : queries) {
                    for (List<String> divisions : java.util.Arrays.asList(null, SHUSHAN_AND_ABOVE)) {
                        List<String> ranked = everyMatchRanked(query, divisions);
                        List<String> searched = codes(SearchCountsTests.search(index, query, divisions)
                                .items());
                        assertThat(searched).as("%s, %s", query, divisions).isEqualTo(ranked);
                        List<String> named = codes(index.pageFromNames(query, divisions));
                        if (!named.isEmpty()) {
                            assertThat(named)
                                    .as("from the names: %s, %s", query, divisions)
                                    .isEqualTo(ranked);
                            fromNames++;
                        }
                        compared++;
                    }
                }
            }
        }
        // The names must have given many of the pages, or this test says nothing about them.
        assertThat(fromNames).as("pages from the names, of %d", compared).isGreaterThan(80);
    }

    @Test
    void aWordOfLettersIsRankedOverEveryMatchNotFromTheNames() {
        // "ab" is in the name "abc" (rank 1, the shortest name), but the terms of "abc" are the word "abc", not "ab":
        // the names holding "ab" are the three "ab证明" (rank 1 too, longer). Taken from the names, the page would miss
        // "abc". Undone at the end.
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            List<String> codes = jdbc.sql("SELECT implementation_code FROM catalog_search_entry ORDER BY item_id")
                    .query(String.class)
                    .list()
                    .subList(0, 4);
            rename(codes.get(0), "abc");
            codes.subList(1, 4).forEach(code -> rename(code, "ab证明"));
            SearchQuery ab = query("ab", null, null, 1);
            assertThat(index.pageFromNames(ab, null)).isEmpty();
            List<String> page = codes(SearchCountsTests.search(index, ab, null).items());
            assertThat(page).hasSize(3).startsWith(codes.get(0)).isEqualTo(everyMatchRanked(ab, null));
            status.setRollbackOnly();
        });
    }

    /** Names the entry and adds "ab" to what it mentions. */
    private void rename(String code, String name) {
        jdbc.sql("""
                        UPDATE catalog_search_entry SET name = :name, name_terms = CAST(:nameTerms AS TEXT[]),
                            terms = terms || CAST(:nameTerms AS TEXT[]) || CAST(ARRAY['ab'] AS TEXT[])
                        WHERE implementation_code = :code""")
                .param("name", name)
                .param("nameTerms", SearchTerms.ofDocument(name).toArray(String[]::new))
                .param("code", code)
                .update();
    }

    private static SearchQuery query(String text, ItemType type, String organisation, int page) {
        // Pages of three: a name carries up to a dozen of the demo's entries, so the second and third pages reach into
        // the names' entries past the first page's worth.
        return new SearchQuery(text, type, organisation, null, null, null, null, page, PAGE_SIZE);
    }

    private static List<String> codes(List<ItemSummary> items) {
        List<String> codes = new ArrayList<>();
        items.forEach(i -> codes.add(i.implementationCode()));
        return codes;
    }

    private List<String> everyMatchRanked(SearchQuery query, List<String> divisions) {
        String text = SearchTerms.normalise(query.text());
        List<String> terms = SearchTerms.ofQuery(text);
        Map<String, Object> p = new HashMap<>();
        p.put("terms", terms.toArray(String[]::new));
        p.put("text", text);
        p.put("divisions", divisions == null ? List.of("") : divisions);
        p.put("type", query.type() == null ? null : query.type().code());
        p.put("uscc", query.organisation());
        p.put("offset", query.offset());
        p.put("size", PAGE_SIZE);
        return jdbc.sql("""
                        SELECT implementation_code FROM catalog_search_entry
                        WHERE terms @> CAST(:terms AS TEXT[])
                          AND (CAST(:type AS TEXT) IS NULL OR item_type = :type)
                          AND (CAST(:uscc AS TEXT) IS NULL OR organisation_uscc = :uscc)""" + (divisions == null ? "" : " AND division_code IN (:divisions)") + """
                         ORDER BY CASE WHEN lower(name) = :text THEN 0
                                       WHEN strpos(lower(name), :text) > 0 THEN 1
                                       WHEN name_terms @> CAST(:terms AS TEXT[]) THEN 2
                                       WHEN lower(result_name) = :text THEN 3
                                       WHEN strpos(lower(result_name), :text) > 0 THEN 4
                                       ELSE 5 END,
                                  char_length(name), name, implementation_code
                         LIMIT :size OFFSET :offset""")
                .params(p)
                .query(String.class)
                .list();
    }
}
