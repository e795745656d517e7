package org.zhengwu.catalog;

import org.zhengwu.shared.codes.CodeTable;

/** 办件类型 (docs/STANDARDS.md): decided on the spot, or later within a promised time. */
public enum CaseKind implements CodeTable {
    IMMEDIATE("1"),
    PROMISED("2");

    private final String code;

    CaseKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
