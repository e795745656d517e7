package org.zhengwu.catalog;

import org.zhengwu.shared.codes.CodeTable;

/**
 * 处罚种类: the six kinds of 《中华人民共和国行政处罚法》(2021) 第九条, coded by the number of the 项 that names them
 * (no national code table exists).
 */
public enum PenaltyKind implements CodeTable {
    WARNING_OR_CRITICISM("1"),
    FINE_OR_CONFISCATION("2"),
    PERMIT_SANCTION("3"),
    BUSINESS_RESTRICTION("4"),
    DETENTION("5"),
    OTHER("6");

    private final String code;

    PenaltyKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
