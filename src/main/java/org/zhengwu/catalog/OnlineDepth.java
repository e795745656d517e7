package org.zhengwu.catalog;

import org.zhengwu.shared.codes.CodeTable;

/** 网上办理深度: Ⅰ online information and consultation … Ⅳ handled entirely online (全程网办). */
public enum OnlineDepth implements CodeTable {
    CONSULTATION("1"),
    ONLINE_SUBMISSION("2"),
    ONLINE_PRE_EXAMINATION("3"),
    FULLY_ONLINE("4");

    private final String code;

    OnlineDepth(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
