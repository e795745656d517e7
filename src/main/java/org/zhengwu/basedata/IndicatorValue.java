package org.zhengwu.basedata;

import java.math.BigDecimal;

/**
 * One figure of an indicator's time series.
 *
 * @param period as the frequency has it: 2024 (year), 2024Q1 (quarter), 2024-03 (month)
 */
public record IndicatorValue(String divisionCode, String period, BigDecimal value) {}
