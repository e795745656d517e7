package org.zhengwu.catalog;

import org.zhengwu.shared.codes.CodeTable;

/** 事项类型 (GB/T 39046-2020): the kind of power or service an item is. */
public enum ItemType implements CodeTable {
    ADMINISTRATIVE_POWER("00"),
    LICENSING("01"),
    PENALTY("02"),
    COMPULSION("03"),
    LEVY("04"),
    BENEFIT("05"),
    INSPECTION("06"),
    CONFIRMATION("07"),
    REWARD("08"),
    ADJUDICATION("09"),
    OTHER("10"),
    PUBLIC_SERVICE("20");

    private final String code;

    ItemType(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
