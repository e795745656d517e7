package org.zhengwu.catalog;

import org.zhengwu.shared.codes.CodeTable;

/** 通办范围: how far from the implementing organisation's own area an application is accepted. */
public enum GeneralScope implements CodeTable {
    NOT_GENERAL("0"),
    COUNTY("1"),
    CITY("2"),
    PROVINCE("3"),
    INTER_PROVINCE("4"),
    NATIONAL("5");

    private final String code;

    GeneralScope(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
