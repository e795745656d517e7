package org.zhengwu.catalog;

import org.zhengwu.shared.codes.CodeTable;

/** 办理形式 (docs/STANDARDS.md): how an application can be made. */
public enum HandlingChannel implements CodeTable {
    WINDOW("1"),
    PC("2"),
    MOBILE("3"),
    EXPRESS("4"),
    OTHER("9");

    private final String code;

    HandlingChannel(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
