package org.zhengwu.cases.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhengwu.support.ZhengwuTest;

/**
 * The statistics tables' rows printed from Java: labels and codes escaped, a code shown only in the tables that show
 * one, a week plotted by its first day, an unknown figure said in words with an empty value, an empty table one row.
 */
@ZhengwuTest
class StatisticsRowsTests {

    @Autowired
    StatisticsRows rows;

    private static final CaseStatistics.Period WEEKS = new CaseStatistics.Period(
            LocalDate.of(2026, 9, 7), LocalDate.of(2026, 12, 5), CaseStatistics.Granularity.WEEK);

    private static StatisticsTable table(String name, List<StatisticsTable.Row> rows) {
        return new StatisticsTable(
                name,
                "表",
                "项目",
                null,
                List.of(new StatisticsTable.Column("件数", true), new StatisticsTable.Column("比例", false)),
                rows);
    }

    @Test
    void eachRowIsPrintedAsTheTemplatePrintedItAndMarkupAsText() {
        String hostile = "<script>alert(1)</script>卫生 & \"许可\"";
        CaseStatistics.Report report = new CaseStatistics.Report(
                WEEKS,
                List.of(
                        table(
                                "items",
                                List.of(new StatisticsTable.Row(
                                        hostile, "<b>113401</b>", List.of(Figure.count(12), Figure.percent(1, 3))))),
                        table(
                                "status",
                                List.of(new StatisticsTable.Row(
                                        "受理", "SUBMITTED", List.of(Figure.count(0), Figure.percent(0, 0))))),
                        table(
                                "volume",
                                List.of(new StatisticsTable.Row(
                                        "2026-09-07 当周", "2026-09-07", List.of(Figure.count(5), Figure.days(null))))),
                        table("rectification", List.of())),
                null);
        Map<String, String> printed = rows.of(report, Locale.SIMPLIFIED_CHINESE);
        assertThat(printed.values()).noneMatch(html -> html.contains("<script>") || html.contains("<b>"));

        Element item = body(printed.get("items")).selectFirst("tr");
        assertThat(item.selectFirst("th").attr("scope")).isEqualTo("row");
        assertThat(item.selectFirst("th").attr("data-label")).isEqualTo(hostile);
        assertThat(item.selectFirst("th > span").text()).isEqualTo(hostile);
        assertThat(item.selectFirst("span.guide-code").text()).isEqualTo("<b>113401</b>");
        assertThat(item.select("td").eachAttr("data-value")).containsExactly("12", "33.3");
        assertThat(item.select("td").eachText()).containsExactly("12", "33.3");
        assertThat(item.select("td.number")).hasSize(2);

        Element status = body(printed.get("status")).selectFirst("tr");
        assertThat(status.select("span.guide-code"))
                .as("a status shows no code")
                .isEmpty();
        assertThat(status.selectFirst("th").attr("data-label")).isEqualTo("受理");
        assertThat(status.select("td").get(1).attr("data-value")).isEmpty();
        assertThat(status.select("td").get(1).text()).isEqualTo("—");

        Element week = body(printed.get("volume")).selectFirst("tr");
        assertThat(week.selectFirst("th").attr("data-label"))
                .as("a week is plotted by its first day")
                .isEqualTo("2026-09-07");
        assertThat(week.selectFirst("th > span").text()).isEqualTo("2026-09-07 当周");

        Element empty = body(printed.get("rectification")).selectFirst("tr");
        assertThat(empty.selectFirst("td").attr("colspan")).isEqualTo("3");
        assertThat(empty.text()).isEqualTo("所选期间没有数据。");

        CaseStatistics.Report byMonth = new CaseStatistics.Report(
                new CaseStatistics.Period(WEEKS.from(), WEEKS.to(), CaseStatistics.Granularity.MONTH),
                List.of(table(
                        "volume", List.of(new StatisticsTable.Row("2026-09", "2026-09-01", List.of(Figure.count(5)))))),
                null);
        assertThat(body(rows.of(byMonth, Locale.ENGLISH).get("volume"))
                        .selectFirst("th")
                        .attr("data-label"))
                .as("a month is plotted by its label")
                .isEqualTo("2026-09");
    }

    private static Element body(String rows) {
        return Jsoup.parseBodyFragment("<table><tbody>" + rows + "</tbody></table>")
                .selectFirst("tbody");
    }
}
