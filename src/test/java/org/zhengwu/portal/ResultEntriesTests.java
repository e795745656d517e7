package org.zhengwu.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhengwu.basedata.ExerciseLevel;
import org.zhengwu.catalog.Guide;
import org.zhengwu.catalog.ItemSummary;
import org.zhengwu.catalog.ItemType;
import org.zhengwu.catalog.LimitUnit;
import org.zhengwu.catalog.OnlineLevel;
import org.zhengwu.catalog.SearchResult;
import org.zhengwu.support.ZhengwuTest;

/** The result entries printed from Java: each text escaped, the tags only where they apply. */
@ZhengwuTest
class ResultEntriesTests {

    @Autowired
    ResultEntries entries;

    private static ItemSummary item(String name, String organisation, String result, OnlineLevel level, int visits) {
        return new ItemSummary(
                "11340100662167280R3010000100000",
                name,
                ItemType.LICENSING,
                "11340100662167280R",
                organisation,
                "340100",
                ExerciseLevel.MUNICIPAL,
                level,
                visits,
                true,
                result,
                new Guide.TimeLimit(3, LimitUnit.WORKING_DAYS, null));
    }

    @Test
    void markupInADepartmentsTextsIsPrintedAsText() {
        SearchResult result = new SearchResult(
                2,
                1,
                10,
                List.of(
                        item("<script>alert(1)</script>登记", "某局 & \"处\"", "<b>证</b>", OnlineLevel.FULLY_ONLINE, 0),
                        item("备案", "合肥市市场监督管理局", "回执", OnlineLevel.ONLINE_PRE_EXAMINATION, 0)),
                new SearchResult.Facets(Map.of(), List.of()));
        String printed = entries.of(result, Locale.SIMPLIFIED_CHINESE);
        assertThat(printed).doesNotContain("<script>", "<b>");
        List<Element> items =
                Jsoup.parseBodyFragment("<ol>" + printed + "</ol>").select("li.result");
        assertThat(items).hasSize(2);
        Element first = items.get(0);
        assertThat(first.selectFirst(".result__title a").text()).isEqualTo("<script>alert(1)</script>登记");
        assertThat(first.selectFirst(".result__title a").attr("href"))
                .isEqualTo("/items/11340100662167280R3010000100000");
        assertThat(first.select(".tag").eachText()).containsExactly("行政许可", "全程网办");
        assertThat(first.select(".result__meta").get(0).text()).endsWith("某局 & \"处\"");
        assertThat(first.select(".result__meta").get(1).text()).isEqualTo("办理结果：<b>证</b> · 承诺时限 3 个工作日");
        assertThat(items.get(1).select(".tag").eachText()).containsExactly("行政许可", "零跑动");
    }
}
