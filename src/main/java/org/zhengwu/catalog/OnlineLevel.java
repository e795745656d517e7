package org.zhengwu.catalog;

import org.zhengwu.shared.codes.CodeTable;

/**
 * The province's 网上办理深度 level, Ⅰ information and consultation online … Ⅳ handled entirely online (全程网办). Derived
 * from the national {@link OnlineDepth} codes and the number of visits ({@link Guide#onlineLevel()}); shown, searched
 * and counted, never stored in a guide.
 */
public enum OnlineLevel implements CodeTable {
    CONSULTATION("1"),
    ONLINE_SUBMISSION("2"),
    ONLINE_PRE_EXAMINATION("3"),
    FULLY_ONLINE("4");

    private final String code;

    OnlineLevel(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
