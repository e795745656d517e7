package org.zhengwu.licence.issuance;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.zhengwu.cases.DecidedCases.DecidedCase;
import org.zhengwu.licence.LicenceType;
import org.zhengwu.licence.register.SealedFields;
import org.zhengwu.shared.codes.UnifiedSocialCreditCode;

/**
 * 持证主体 of a licence to be issued: a person by 公民身份号码 (code kind 111) or an entity by 统一社会信用代码 (001).
 */
record Holder(String name, String code, String codeKind, Long accountId) {

    static final String PERSON_CODE = "111";
    static final String ENTITY_CODE = "001";

    /**
     * Who holds the licence a decided case yields, by the type's rule; {@code assigned} gives a new entity's code
     * when the type assigns one.
     */
    static Holder of(LicenceType type, DecidedCase c, java.util.function.Supplier<String> assigned) {
        Map<String, String> values = c.formValues();
        if (type.holderKind() == LicenceType.HolderKind.PERSON) {
            if (c.applicantIdNumber() == null) {
                throw new IllegalStateException("case " + c.caseNumber() + " has no applicant 公民身份号码");
            }
            return new Holder(c.applicantName(), c.applicantIdNumber(), PERSON_CODE, c.applicantAccountId());
        }
        LicenceType.HolderRule rule = type.holder();
        String named = firstAnswered(values, rule.nameFrom());
        if (c.actingForUscc() != null) {
            String name = c.actingForName() != null ? c.actingForName() : named;
            return new Holder(
                    name == null ? c.actingForUscc() : name, c.actingForUscc(), ENTITY_CODE, c.applicantAccountId());
        }
        String given = rule.codeFrom() == null ? null : values.get(rule.codeFrom());
        if (given != null && UnifiedSocialCreditCode.isValid(given.strip().toUpperCase(Locale.ROOT))) {
            String name = named == null ? c.applicantName() : named;
            return new Holder(name, given.strip().toUpperCase(Locale.ROOT), ENTITY_CODE, c.applicantAccountId());
        }
        if (rule.assignCategory() != null) {
            return new Holder(
                    named == null ? c.applicantName() : named, assigned.get(), ENTITY_CODE, c.applicantAccountId());
        }
        if (c.applicantIdNumber() == null) {
            throw new IllegalStateException("case " + c.caseNumber() + " names no holder");
        }
        // A person may hold an entity's licence where no enterprise is named (a builder who is a private person).
        return new Holder(
                named == null ? c.applicantName() : named, c.applicantIdNumber(), PERSON_CODE, c.applicantAccountId());
    }

    static String firstAnswered(Map<String, String> values, List<String> keys) {
        if (keys == null) {
            return null;
        }
        for (String key : keys) {
            String value = values.get(key);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    /** The name of the code's kind as printed on the licence. */
    String codeKindLabel() {
        return PERSON_CODE.equals(codeKind) ? "公民身份号码" : "统一社会信用代码";
    }

    /** The code as verification shows it. */
    String masked() {
        return SealedFields.masked(codeKind, code);
    }
}
