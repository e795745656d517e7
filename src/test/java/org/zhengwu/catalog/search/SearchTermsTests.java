package org.zhengwu.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchTermsTests {

    @Test
    void chineseQueriesBecomeOverlappingPairs() {
        assertThat(SearchTerms.ofQuery("营业执照")).containsExactly("营业", "业执", "执照");
        assertThat(SearchTerms.ofQuery("证")).containsExactly("证");
    }

    @Test
    void documentsOfferCharactersAndPairsSoThatEveryQueryFindsIt() {
        Set<String> document = SearchTerms.ofDocument("机动车驾驶证换证");
        assertThat(document)
                .containsAll(SearchTerms.ofQuery("驾驶证"))
                .containsAll(SearchTerms.ofQuery("换证"))
                .containsAll(SearchTerms.ofQuery("证"));
        assertThat(document).doesNotContainAnyElementsOf(SearchTerms.ofQuery("营业执照"));
    }

    @Test
    void mixedTextSplitsIntoChineseRunsAndWords() {
        assertThat(SearchTerms.ofQuery("ICP 备案 2024年")).containsExactly("icp", "备案", "2024", "年");
        assertThat(SearchTerms.ofDocument("12345热线")).contains("12345", "热线", "热", "线");
    }

    @Test
    void fullWidthAndPunctuationAreNormalised() {
        assertThat(SearchTerms.ofQuery("ＩＣＰ，营业执照！")).containsExactly("icp", "营业", "业执", "执照");
        assertThat(SearchTerms.ofQuery("  ")).isEmpty();
        assertThat(SearchTerms.ofQuery(null)).isEmpty();
        assertThat(SearchTerms.ofQuery("%_'\\\"; DROP TABLE")).containsExactly("drop", "table");
    }

    @Test
    void longQueriesAreCapped() {
        assertThat(SearchTerms.ofQuery("政务服务".repeat(30))).hasSizeLessThanOrEqualTo(SearchTerms.MAX_QUERY_TERMS);
    }
}
