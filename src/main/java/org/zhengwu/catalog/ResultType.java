package org.zhengwu.catalog;

import org.zhengwu.shared.codes.CodeTable;

/** 审批结果类型: what the applicant receives. */
public enum ResultType implements CodeTable {
    LICENCE("1"),
    DOCUMENT("2"),
    OTHER("3");

    private final String code;

    ResultType(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
