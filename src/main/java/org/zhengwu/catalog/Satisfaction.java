package org.zhengwu.catalog;

import org.zhengwu.shared.codes.CodeTable;

/** 满意度 (docs/STANDARDS.md): the five-point rating of 好差评. */
public enum Satisfaction implements CodeTable {
    VERY_SATISFIED("1"),
    SATISFIED("2"),
    NEUTRAL("3"),
    DISSATISFIED("4"),
    VERY_DISSATISFIED("5");

    private final String code;

    Satisfaction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
