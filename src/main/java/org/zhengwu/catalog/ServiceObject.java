package org.zhengwu.catalog;

import org.zhengwu.shared.codes.CodeTable;

/** 服务对象: who may apply. */
public enum ServiceObject implements CodeTable {
    NATURAL_PERSON("1"),
    ENTERPRISE_LEGAL_PERSON("2"),
    INSTITUTION_LEGAL_PERSON("3"),
    SOCIAL_ORGANISATION_LEGAL_PERSON("4"),
    UNINCORPORATED_ENTERPRISE("5"),
    GOVERNMENT_AGENCY("6"),
    OTHER_ORGANISATION("9");

    private final String code;

    ServiceObject(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
