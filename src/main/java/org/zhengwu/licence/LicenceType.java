package org.zhengwu.licence;

import java.util.List;

/**
 * 证照类型 (GB/T 36902 目录信息): what a licence of this type says and who holds it.
 *
 * @param code          the defining organisation's 统一社会信用代码 and a 3-digit sequence
 * @param holderKind    a person (公民身份号码) or an entity (统一社会信用代码)
 * @param validityYears how long a licence holds from its issue, or null for 长期
 * @param layout        the page layout the document is drawn with
 * @param fields        its 照面信息 in print order
 * @param holder        for an entity's licence: which entity holds it
 * @param baseCodes     the 基本编码 of the catalogue items whose result it is
 */
public record LicenceType(
        String code,
        String nameZh,
        String nameEn,
        String definingUscc,
        String definingName,
        HolderKind holderKind,
        Integer validityYears,
        String layout,
        List<Field> fields,
        HolderRule holder,
        List<String> baseCodes) {

    public enum HolderKind {
        PERSON,
        ENTITY
    }

    /**
     * One printed line: its value is the first answered of the application form's fields {@code from}, or
     * {@code fixed} when none is.
     */
    public record Field(String key, String labelZh, String labelEn, List<String> from, String fixed) {}

    /**
     * For an entity's licence: the enterprise the applicant acted for, else the one whose 统一社会信用代码 the form's
     * field {@code codeFrom} gives, else — when {@code assignCategory} is set (e.g. {@code 92}, 个体工商户) — a new
     * entity given a code of that registration category on issue. Its name is the first answered of
     * {@code nameFrom}.
     */
    public record HolderRule(List<String> nameFrom, String codeFrom, String assignCategory) {

        public static final HolderRule APPLICANT = new HolderRule(List.of(), null, null);
    }

    public String name(boolean english) {
        return english ? nameEn : nameZh;
    }
}
