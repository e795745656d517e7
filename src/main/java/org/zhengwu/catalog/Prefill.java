package org.zhengwu.catalog;

/**
 * Where a field's first value comes from: the signed-in account (the person, or the enterprise the person acts for).
 * The cases module supplies the values; the applicant may still change them unless the case says otherwise.
 */
public enum Prefill {
    /** The account holder's real name. */
    NAME(FieldType.TEXT),
    /** The account holder's 公民身份号码. */
    CITIZEN_ID_NUMBER(FieldType.CITIZEN_ID),
    /** The account's verified mobile number. */
    MOBILE(FieldType.MOBILE),
    /** The account's e-mail address. */
    EMAIL(FieldType.EMAIL),
    /** The name of the enterprise the person acts for. */
    ENTERPRISE_NAME(FieldType.TEXT),
    /** The 统一社会信用代码 of the enterprise the person acts for. */
    ENTERPRISE_USCC(FieldType.USCC);

    private final FieldType type;

    Prefill(FieldType type) {
        this.type = type;
    }

    /** The only field type a value from this source fits. */
    public FieldType fieldType() {
        return type;
    }
}
