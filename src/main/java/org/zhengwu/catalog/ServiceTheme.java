package org.zhengwu.catalog;

import java.util.Arrays;
import java.util.List;
import org.zhengwu.shared.codes.CodeTable;

/** 服务主题: the life events (个人) and business events (法人) by which the portal groups items. */
public enum ServiceTheme implements CodeTable {
    BIRTH_AND_ADOPTION("P01", Audience.PERSONAL),
    HOUSEHOLD_REGISTRATION("P02", Audience.PERSONAL),
    EDUCATION("P03", Audience.PERSONAL),
    EMPLOYMENT("P04", Audience.PERSONAL),
    SOCIAL_INSURANCE("P05", Audience.PERSONAL),
    MARRIAGE("P06", Audience.PERSONAL),
    HOUSING("P07", Audience.PERSONAL),
    HEALTH("P08", Audience.PERSONAL),
    TRANSPORT("P09", Audience.PERSONAL),
    IDENTITY_DOCUMENTS("P10", Audience.PERSONAL),
    ELDERLY_CARE("P11", Audience.PERSONAL),
    SOCIAL_ASSISTANCE("P12", Audience.PERSONAL),
    DEATH_AND_FUNERAL("P13", Audience.PERSONAL),
    STARTING_A_BUSINESS("E01", Audience.ENTERPRISE),
    CHANGES("E02", Audience.ENTERPRISE),
    CLOSING_A_BUSINESS("E03", Audience.ENTERPRISE),
    QUALIFICATIONS("E04", Audience.ENTERPRISE),
    INVESTMENT_APPROVAL("E05", Audience.ENTERPRISE),
    CONSTRUCTION("E06", Audience.ENTERPRISE),
    TAX_AND_FINANCE("E07", Audience.ENTERPRISE),
    HUMAN_RESOURCES("E08", Audience.ENTERPRISE),
    ENVIRONMENT("E09", Audience.ENTERPRISE),
    WORK_SAFETY("E10", Audience.ENTERPRISE),
    UTILITIES("E11", Audience.ENTERPRISE);

    /** Whom a theme speaks to: the portal's 个人服务 and 法人服务. */
    public enum Audience {
        PERSONAL,
        ENTERPRISE
    }

    private final String code;
    private final Audience audience;

    ServiceTheme(String code, Audience audience) {
        this.code = code;
        this.audience = audience;
    }

    @Override
    public String code() {
        return code;
    }

    public Audience audience() {
        return audience;
    }

    public static List<ServiceTheme> of(Audience audience) {
        return Arrays.stream(values()).filter(t -> t.audience == audience).toList();
    }
}
