package org.zhengwu.catalog;

import org.zhengwu.shared.codes.CodeTable;

/** 材料形式: on paper, electronic, or both. */
public enum MaterialForm implements CodeTable {
    PAPER("1"),
    ELECTRONIC("2"),
    PAPER_AND_ELECTRONIC("3");

    private final String code;

    MaterialForm(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
