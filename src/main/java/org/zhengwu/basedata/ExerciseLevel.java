package org.zhengwu.basedata;

import org.zhengwu.shared.codes.CodeTable;

/** 行使层级 (GB/T 39046 code table A.2): the level of government at which a power or service is exercised. */
public enum ExerciseLevel implements CodeTable {
    NATIONAL("1"),
    PROVINCIAL("2"),
    MUNICIPAL("3"),
    COUNTY("4"),
    TOWNSHIP("5"),
    VILLAGE("6"),
    TIERED("7");

    private final String code;

    ExerciseLevel(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
