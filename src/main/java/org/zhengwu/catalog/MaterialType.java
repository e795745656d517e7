package org.zhengwu.catalog;

import org.zhengwu.shared.codes.CodeTable;

/** 材料类型: original, copy, or both; derived from the numbers of originals and copies asked for. */
public enum MaterialType implements CodeTable {
    ORIGINAL("1"),
    COPY("2"),
    ORIGINAL_AND_COPY("3");

    private final String code;

    MaterialType(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
