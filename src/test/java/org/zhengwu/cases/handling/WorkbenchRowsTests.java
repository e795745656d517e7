package org.zhengwu.cases.handling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhengwu.cases.CaseStatus;
import org.zhengwu.support.ZhengwuTest;

/** The workbench rows printed from Java: each text escaped, the overdue and warning tags only where they apply. */
@ZhengwuTest
class WorkbenchRowsTests {

    @Autowired
    WorkbenchRows rows;

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    @Test
    void eachCellIsPrintedAsTheTemplatePrintedItAndMarkupAsText() {
        List<WorkbenchQueries.Row> cases = List.of(
                new WorkbenchQueries.Row(
                        41,
                        "34010420261205000012X",
                        CaseStatus.UNDER_REVIEW,
                        "audit",
                        "<script>alert(1)</script>卫生许可 & \"换证\"",
                        "11340100662167280R3010000100000",
                        "2",
                        TODAY.minusDays(20),
                        TODAY.minusDays(1),
                        "RED"),
                new WorkbenchQueries.Row(
                        42,
                        "34010420261205000013Y",
                        CaseStatus.DELIVERED,
                        null,
                        "备案",
                        "11340100662167280R3010000200000",
                        "1",
                        TODAY.minusDays(30),
                        TODAY.minusDays(3),
                        null),
                new WorkbenchQueries.Row(
                        43,
                        "34010420261205000014Z",
                        CaseStatus.SUBMITTED,
                        null,
                        "登记",
                        "11340100662167280R3010000300000",
                        "9",
                        TODAY,
                        null,
                        "YELLOW"));
        String printed = rows.of(cases, TODAY, Locale.SIMPLIFIED_CHINESE);
        assertThat(printed).doesNotContain("<script>");
        List<Element> trs = Jsoup.parseBodyFragment("<table><tbody>" + printed + "</tbody></table>")
                .select("tr");
        assertThat(trs).hasSize(3);

        Element open = trs.get(0);
        assertThat(open.selectFirst("a").attr("href")).isEqualTo("/workbench/cases/41");
        assertThat(open.selectFirst("a").text()).isEqualTo("34010420261205000012X");
        assertThat(open.select("td").get(1).text()).isEqualTo("<script>alert(1)</script>卫生许可 & \"换证\"");
        assertThat(open.selectFirst("span.tag").className()).isEqualTo("tag tag--status-UNDER_REVIEW");
        assertThat(open.selectFirst("span.tag").text()).isEqualTo("审查中");
        assertThat(open.selectFirst("span.hint").text()).isEqualTo("审核环节");
        assertThat(open.select("td").get(3).text()).isEqualTo("网上（电脑端）");
        assertThat(open.select("td").get(4).text()).isEqualTo("2026-11-15");
        assertThat(open.select("strong.tag--warning").text()).isEqualTo("已超期");
        assertThat(open.selectFirst("[data-testid=warning-tag]").className()).isEqualTo("tag tag--warning-RED");
        assertThat(open.selectFirst("[data-testid=warning-tag]").text()).isEqualTo("红色预警");

        Element closed = trs.get(1);
        assertThat(closed.select("span.hint")).isEmpty();
        assertThat(closed.select("strong"))
                .as("a delivered case is not overdue")
                .isEmpty();

        Element unknown = trs.get(2);
        assertThat(unknown.select("td").get(5).selectFirst("span").text()).isEqualTo("所在年度的工作日安排尚未公布，暂不能计算");
        assertThat(unknown.select("strong.tag--warning")).isEmpty();
        assertThat(unknown.selectFirst("[data-testid=warning-tag]").text()).isEqualTo("黄色预警");

        String english = rows.of(cases.subList(0, 1), TODAY, Locale.ENGLISH);
        assertThat(Jsoup.parseBodyFragment("<table>" + english + "</table>")
                        .selectFirst("span.tag")
                        .text())
                .isNotEqualTo("审查中");
    }
}
