package org.zhengwu.basedata;

import org.zhengwu.shared.codes.CodeTable;

/**
 * 行使层级 (docs/STANDARDS.md): the level of government at which a power or service is exercised. {@link #TIERED} has no
 * national source; it is kept only to read organisations stored with it and is refused for base items.
 */
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
