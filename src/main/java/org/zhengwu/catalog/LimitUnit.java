package org.zhengwu.catalog;

import org.zhengwu.shared.codes.CodeTable;

/** The unit of a time limit: working days on the provincial working-day calendar, natural days or hours. */
public enum LimitUnit implements CodeTable {
    WORKING_DAYS("W"),
    NATURAL_DAYS("N"),
    HOURS("H");

    private final String code;

    LimitUnit(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
