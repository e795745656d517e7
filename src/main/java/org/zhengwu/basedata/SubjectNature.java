package org.zhengwu.basedata;

import org.zhengwu.shared.codes.CodeTable;

/** 实施主体性质 (docs/STANDARDS.md: 1–3 national; 9 a provincial extension for public utilities). */
public enum SubjectNature implements CodeTable {
    STATUTORY_AUTHORITY("1"),
    AUTHORISED_ORGANISATION("2"),
    ENTRUSTED_ORGANISATION("3"),
    OTHER("9");

    private final String code;

    SubjectNature(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
