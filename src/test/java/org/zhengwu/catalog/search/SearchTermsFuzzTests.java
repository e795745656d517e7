package org.zhengwu.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Search terms of whatever a citizen types into the search box, as {@link SearchIndex} uses them (the query text
 * normalised, then its terms): at most {@value SearchTerms#MAX_QUERY_TERMS} non-blank terms, each a run of letters or
 * digits or one or two Chinese characters; normalising twice changes nothing; and a document whose text is the query
 * (alone, or among other words) holds every term of the query, so a search for a text always finds that text. Seeds:
 * {@code SearchTermsFuzzTestsInputs}.
 */
class SearchTermsFuzzTests {

    @FuzzTest
    void queryTermsAreFoundInTheirOwnText(byte[] input) {
        String query = new String(input, StandardCharsets.UTF_8);
        String normalised = SearchTerms.normalise(query);
        assertThat(SearchTerms.normalise(normalised)).isEqualTo(normalised);
        List<String> terms = SearchTerms.ofQuery(normalised);
        assertThat(SearchTerms.ofQuery(query)).isEqualTo(terms);
        assertThat(terms).hasSizeLessThanOrEqualTo(SearchTerms.MAX_QUERY_TERMS).doesNotHaveDuplicates();
        for (String term : terms) {
            assertThat(term).isNotBlank();
            int[] codePoints = term.codePoints().toArray();
            boolean han = Character.UnicodeScript.of(codePoints[0]) == Character.UnicodeScript.HAN;
            if (han) {
                assertThat(codePoints.length).isBetween(1, 2);
            }
            for (int c : codePoints) {
                assertThat(
                                han
                                        ? Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                                        : Character.isLetterOrDigit(c)
                                                && Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN)
                        .as("code point U+%04X of term %s", c, term)
                        .isTrue();
            }
        }
        Set<String> document = SearchTerms.ofDocument(query);
        assertThat(document).containsAll(terms);
        assertThat(SearchTerms.ofDocument("办理 " + query + " 指南", "another text"))
                .containsAll(terms);
    }
}
