package org.zhengwu.catalog;

import org.zhengwu.shared.codes.CodeTable;

/**
 * 行政强制的种类: the measures of 《中华人民共和国行政强制法》第九条 (1x) and the ways of enforcement of its 第十二条 (2x),
 * coded by article and 项 (no national code table exists).
 */
public enum CompulsionKind implements CodeTable {
    RESTRICT_PERSONAL_FREEDOM("11"),
    SEAL_UP("12"),
    SEIZE("13"),
    FREEZE("14"),
    OTHER_MEASURE("15"),
    ADDITIONAL_FINE("21"),
    TRANSFER_DEPOSITS("22"),
    AUCTION("23"),
    REMOVE_OBSTRUCTION("24"),
    SUBSTITUTE_PERFORMANCE("25"),
    OTHER_ENFORCEMENT("26");

    private final String code;

    CompulsionKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
