package org.zhengwu.catalog;

import org.zhengwu.shared.codes.CodeTable;

/** 来源渠道 of a material: who produces it. */
public enum MaterialSource implements CodeTable {
    APPLICANT("10"),
    GOVERNMENT("20"),
    OTHER("99");

    private final String code;

    MaterialSource(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
