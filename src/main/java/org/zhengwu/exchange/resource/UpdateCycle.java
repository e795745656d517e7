package org.zhengwu.exchange.resource;

import java.time.LocalDate;
import java.time.Period;

/** 更新周期, and how long after the last update of the data a resource of the cycle is still current. */
public enum UpdateCycle {
    REALTIME(Period.ofDays(1)),
    DAILY(Period.ofDays(2)),
    WEEKLY(Period.ofDays(8)),
    MONTHLY(Period.ofMonths(1).plusDays(1)),
    QUARTERLY(Period.ofMonths(3).plusDays(1)),
    YEARLY(Period.ofYears(1).plusDays(1)),
    OTHER(null);

    private final Period allowance;

    UpdateCycle(Period allowance) {
        this.allowance = allowance;
    }

    /**
     * Whether data last updated on {@code lastUpdate} is current on {@code today}: updated within one cycle and a day
     * of grace. OTHER has no cycle and is always current; data never updated is not.
     */
    public boolean current(LocalDate lastUpdate, LocalDate today) {
        if (allowance == null) {
            return true;
        }
        return lastUpdate != null && !today.isAfter(lastUpdate.plus(allowance));
    }
}
