package org.zhengwu.catalog;

/**
 * What an applicant enters in one field of an {@link ApplicationForm}, and so how it is shown and checked. The
 * national codes are checked as the platform checks them everywhere ({@code shared.codes}).
 */
public enum FieldType {
    /** One line of text; {@link FormField#maxLength()} (default {@link FormField#DEFAULT_TEXT_LENGTH}) and an optional pattern. */
    TEXT,
    /** Several lines of text; {@link FormField#maxLength()} (default {@link FormField#DEFAULT_TEXTAREA_LENGTH}). */
    TEXTAREA,
    /** A decimal number: an optional minus sign, up to 15 digits, optionally a point and up to 6 more. */
    NUMBER,
    /** A calendar date, {@code yyyy-MM-dd}. */
    DATE,
    /** One of the field's options, by its code. */
    CHOICE,
    /** A yes/no box; "required" means it must be ticked (a declaration, a consent). Its value is {@code true} or {@code false}. */
    CHECKBOX,
    /** 公民身份号码 (GB 11643). */
    CITIZEN_ID,
    /** 统一社会信用代码 (GB 32100). */
    USCC,
    /** 行政区划代码 (GB/T 2260) of a division in force today. */
    DIVISION,
    /** A mainland mobile number: 11 digits starting 13–19. */
    MOBILE,
    /** An e-mail address. */
    EMAIL;

    /** Whether the editor may set a length limit and (for {@link #TEXT}) a pattern. */
    public boolean freeText() {
        return this == TEXT || this == TEXTAREA;
    }

    /** Whether another field's condition may name this one: its values are a closed set. */
    public boolean closed() {
        return this == CHOICE || this == CHECKBOX;
    }
}
