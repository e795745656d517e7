package org.zhengwu.catalog;

import org.zhengwu.shared.codes.CodeTable;

/** 事项类型 (docs/STANDARDS.md): the kind of power or service an item is. */
public enum ItemType implements CodeTable {
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

    /** Whether it is a power exercised on someone (处罚, 强制, 检查), with elements of its own instead of a guide to apply. */
    public boolean enforcement() {
        return this == PENALTY || this == COMPULSION || this == INSPECTION;
    }

    /** Whether it is an administrative power (01–10), which has a 权力来源, rather than a public service (20). */
    public boolean administrativePower() {
        return this != PUBLIC_SERVICE;
    }
}
