package org.zhengwu.basedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.ZhengwuTest;

/** Macro-economic indicators with their series, and named places: versions, refusals, the admin pages. */
@ZhengwuTest
class ReferenceLibrariesTests {

    @LocalServerPort
    int port;

    @Autowired
    Indicators indicators;

    @Autowired
    Places places;

    @Autowired
    StaffAccounts staff;

    @Test
    void anIndicatorKeepsASeriesPerDivisionAndEachChangeIsAVersion() {
        String code = "TEST-" + System.nanoTime() % 1_000_000;
        IndicatorRecord added = indicators.save(code, "常住人口", "万人", "year");
        assertThat(added.version()).isEqualTo(1);
        assertThat(indicators.save(code, "常住人口", "万人", "year")).isEqualTo(added);
        indicators.putValue(code, "340000", "2023", new BigDecimal("6121"));
        indicators.putValue(code, "340000", "2022", new BigDecimal("6127"));
        indicators.putValue(code, "340100", "2023", new BigDecimal("985.3"));
        indicators.putValue(code, "340100", "2023", new BigDecimal("985.30"));
        assertThat(indicators.find(code).orElseThrow().version())
                .as("an equal figure changes nothing")
                .isEqualTo(4);
        assertThat(indicators.series(code, "340000"))
                .extracting(IndicatorValue::period)
                .containsExactly("2022", "2023");
        assertThat(indicators.series(code, null)).hasSize(3);
        assertThatThrownBy(() -> indicators.putValue(code, "349999", "23", new BigDecimal("1.00001")))
                .isInstanceOfSatisfying(
                        RecordRefusedException.class,
                        e -> assertThat(e.problems())
                                .extracting(RecordProblem::field, RecordProblem::messageKey)
                                .containsExactly(
                                        tuple("division", "code.defect.UNKNOWN_DIVISION"),
                                        tuple("period", "basedata.indicator.period.year"),
                                        tuple("value", "basedata.indicator.value")));
        assertThatThrownBy(() -> indicators.save(code, "常住人口", "万人", "month"))
                .isInstanceOf(RecordRefusedException.class);
    }

    @Test
    void placesAreFoundByDivisionAndRefusedOutsideChina() {
        String code = "P-" + System.nanoTime() % 1_000_000;
        PlaceRecord place = places.save(
                code, "测试公园", "park", "340602", "淮北市杜集区", new BigDecimal("116.83"), new BigDecimal("33.99"));
        assertThat(places.inDivision("340600", 100))
                .extracting(PlaceRecord::code)
                .contains(code);
        assertThat(places.inDivision("340100", 1000))
                .extracting(PlaceRecord::code)
                .doesNotContain(code);
        PlaceRecord moved = places.save(
                code, "测试公园", "park", "340602", "淮北市杜集区", new BigDecimal("116.84"), new BigDecimal("33.99"));
        assertThat(moved.version()).isEqualTo(place.version() + 1);
        assertThat(places.check(code, "x", "park", "340602", "", new BigDecimal("200"), new BigDecimal("1")))
                .extracting(RecordProblem::field)
                .containsExactly("longitude", "latitude");
    }

    @Test
    void theIndicatorPageHasAChartAndATableOfTheSameFigures() {
        TestBrowser admin = new TestBrowser(port);
        admin.signInNewAdministrator(staff);
        Document page =
                admin.get("/admin/basedata/indicators/GDP?division=340100").html();
        assertThat(page.selectFirst("[data-chart=line]").attr("data-table")).isEqualTo("indicator-series");
        assertThat(page.select("#indicator-series tbody th[data-label]"))
                .extracting(e -> e.attr("data-label"))
                .containsSequence("2019", "2020", "2021", "2022", "2023", "2024");
        assertThat(page.select("#indicator-series tbody td").get(5).text()).isEqualTo("13507.7");
        assertThat(page.select("script[src*=echarts]")).hasSize(1);
        String csrf = TestBrowser.csrf(admin.get("/admin/basedata/indicators/GDP"));
        TestBrowser.Page saved = admin.post(
                "/admin/basedata/indicators/GDP/values",
                Map.of("_csrf", csrf, "division", "340200", "period", "2024", "value", "11006.1"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(indicators.series("GDP", "340200"))
                .extracting(IndicatorValue::value)
                .containsExactly(new BigDecimal("11006.1000"));
        assertThat(admin.get("/admin/basedata/places?division=340100").html().text())
                .contains("合肥市政务服务中心");
        assertThat(List.of(page.title())).isNotEmpty();
    }
}
