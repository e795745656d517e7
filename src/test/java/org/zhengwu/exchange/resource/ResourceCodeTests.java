package org.zhengwu.exchange.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** 政务信息资源代码: 前段码 (类 项 目 细目) / 后段码 (6-digit 顺序码); and the update cycles' timeliness. */
class ResourceCodeTests {

    @Test
    void wellFormedCodesOfEachDepth() {
        assertThat(ResourceCode.defect("101/000001", "101")).isEmpty();
        assertThat(ResourceCode.defect("101001/000001", "101001")).isEmpty();
        assertThat(ResourceCode.defect("30100101/123456", "30100101")).isEmpty();
        assertThat(ResourceCode.defect("301001001/000001", "301001001")).isEmpty();
    }

    @Test
    void malformedCodesAreNamed() {
        assertThat(ResourceCode.defect("101001000001", "101001")).contains("exchange.resource.code.format");
        assertThat(ResourceCode.defect("401001/000001", null)).contains("exchange.resource.code.format");
        assertThat(ResourceCode.defect("101001/00001", null)).contains("exchange.resource.code.format");
        assertThat(ResourceCode.defect("1010/000001", null)).contains("exchange.resource.code.format");
        assertThat(ResourceCode.defect("1010011/000001", null)).contains("exchange.resource.code.format");
        assertThat(ResourceCode.defect("101001/000001 ", null)).contains("exchange.resource.code.format");
        assertThat(ResourceCode.defect(null, null)).contains("exchange.resource.code.format");
        assertThat(ResourceCode.defect("101001/000001", "102001")).contains("exchange.resource.code.classification");
        assertThat(ResourceCode.classificationDefect("4")).contains("exchange.resource.classification.format");
        assertThat(ResourceCode.classificationDefect("3010")).contains("exchange.resource.classification.format");
        assertThat(ResourceCode.classificationDefect("301")).isEmpty();
    }

    @Test
    void timelinessAllowsOneCycleAndADay() {
        LocalDate today = LocalDate.of(2026, 12, 4);
        assertThat(UpdateCycle.DAILY.current(today.minusDays(2), today)).isTrue();
        assertThat(UpdateCycle.DAILY.current(today.minusDays(3), today)).isFalse();
        assertThat(UpdateCycle.MONTHLY.current(LocalDate.of(2026, 11, 3), today))
                .isTrue();
        assertThat(UpdateCycle.MONTHLY.current(LocalDate.of(2026, 11, 2), today))
                .isFalse();
        assertThat(UpdateCycle.YEARLY.current(null, today)).isFalse();
        assertThat(UpdateCycle.OTHER.current(null, today)).isTrue();
    }
}
