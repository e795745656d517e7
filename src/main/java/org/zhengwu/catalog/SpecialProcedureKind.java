package org.zhengwu.catalog;

import org.zhengwu.shared.codes.CodeTable;

/** 特别程序 (docs/STANDARDS.md): procedures whose time does not count towards the limit. */
public enum SpecialProcedureKind implements CodeTable {
    EXTENDED_APPROVAL("1"),
    OTHER("2");

    private final String code;

    SpecialProcedureKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
