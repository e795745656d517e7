package org.zhengwu.catalog;

import org.zhengwu.shared.codes.CodeTable;

/** 权力来源: how the implementing organisation came to exercise an administrative power. */
public enum PowerSource implements CodeTable {
    STATUTORY("1"),
    DEVOLVED_FROM_ABOVE("2"),
    AUTHORISED_FROM_ABOVE("3"),
    AUTHORISED_BY_PEER("4"),
    ENTRUSTED_FROM_ABOVE("5"),
    ENTRUSTED_BY_PEER("6");

    private final String code;

    PowerSource(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
