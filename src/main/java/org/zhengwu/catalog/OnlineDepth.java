package org.zhengwu.catalog;

import org.zhengwu.shared.codes.CodeTable;

/**
 * 网上办理深度 as the national exchange codes it: what of an item can be done over the internet, several per entry.
 * The province's Ⅰ–Ⅳ级 is derived from these ({@link OnlineLevel}), never stored under these numbers.
 */
public enum OnlineDepth implements CodeTable {
    CONSULTATION("1"),
    SUBMISSION("2"),
    PRE_EXAMINATION("3"),
    ACCEPTANCE("4"),
    HANDLING("5"),
    RESULT_FEEDBACK("6"),
    LICENCE_FEEDBACK("7"),
    OTHER("8");

    private final String code;

    OnlineDepth(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
