package org.zhengwu.basedata;

import java.time.Instant;

/**
 * A macro-economic indicator (宏观经济指标) of the library.
 *
 * @param code      its code (capitals, digits, _ . -), e.g. GDP
 * @param unit      the unit of its values, e.g. 亿元
 * @param frequency {@link Indicators#FREQUENCIES}: year, quarter or month
 * @param version   1 when added, one more at each change of the indicator or of one of its values
 */
public record IndicatorRecord(
        long recordId, String code, String name, String unit, String frequency, long version, Instant updatedAt) {}
