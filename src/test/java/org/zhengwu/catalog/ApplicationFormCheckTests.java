package org.zhengwu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zhengwu.shared.codes.CitizenIdNumber;
import org.zhengwu.shared.codes.DivisionRegister;
import org.zhengwu.shared.codes.UnifiedSocialCreditCode;

/** The check of an applicant's answers: every kind of field, conditions, and what is kept. */
class ApplicationFormCheckTests {

    static final LocalDate TODAY = LocalDate.of(2026, 5, 20);
    static final String ID = "11010519491231002X";
    static final String USCC = uscc("91340100MA2N0XYY1");

    /** 340104 蜀山区 in force; 340111 包河区 from 2002; 342400 六安地区 abolished in 2000. */
    static final DivisionRegister DIVISIONS = code -> switch (code) {
        case "340104" -> List.of(new DivisionRegister.Validity(LocalDate.of(1980, 1, 1), null));
        case "340111" -> List.of(new DivisionRegister.Validity(LocalDate.of(2002, 1, 1), null));
        case "342400" -> List.of(new DivisionRegister.Validity(LocalDate.of(1980, 1, 1), LocalDate.of(2000, 1, 1)));
        default -> List.of();
    };

    static String uscc(String first17) {
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    private static ApplicationFormCheck.Result check(ApplicationForm form, Map<String, String> values) {
        return ApplicationFormCheck.check(form, values, TODAY, DIVISIONS);
    }

    private static ApplicationForm one(FormField field) {
        return new ApplicationForm(List.of(field));
    }

    private static List<String> problems(ApplicationFormCheck.Result result) {
        return result.problems().stream()
                .map(p -> p.field() + ":" + p.messageKey())
                .toList();
    }

    private static ApplicationFormCheck.Result answer(FormField field, String value) {
        Map<String, String> values = new HashMap<>();
        values.put(field.key(), value);
        return check(one(field), values);
    }

    private static FormField field(FieldType type, boolean required) {
        return FormField.of("answer", "答案", "Answer", type, required);
    }

    @Test
    void aCompleteAnswerIsAcceptedAndKeptNormalisedInTheFormsOrder() {
        ApplicationForm form = new ApplicationForm(List.of(
                field(FieldType.TEXT, true).withText(10, null),
                FormField.of("id_number", "身份号码", "ID", FieldType.CITIZEN_ID, true),
                FormField.of("uscc", "信用代码", "USCC", FieldType.USCC, true),
                FormField.of("mobile", "手机", "Mobile", FieldType.MOBILE, true),
                FormField.of("born", "日期", "Date", FieldType.DATE, true),
                FormField.of("declared", "承诺", "Declared", FieldType.CHECKBOX, true)));
        Map<String, String> values = new HashMap<>();
        values.put("declared", "true");
        values.put("born", "2026-3-1");
        values.put("mobile", "138 0013-8000");
        values.put("uscc", USCC.toLowerCase());
        values.put("id_number", "11010519491231002x");
        values.put("answer", "  张三  ");
        ApplicationFormCheck.Result result = check(form, values);
        assertThat(result.valid()).isTrue();
        assertThat(result.values())
                .containsExactly(
                        Map.entry("answer", "张三"),
                        Map.entry("id_number", ID),
                        Map.entry("uscc", USCC),
                        Map.entry("mobile", "13800138000"),
                        Map.entry("born", "2026-03-01"),
                        Map.entry("declared", "true"));
    }

    @Test
    void aMissingRequiredAnswerIsNamedByKindAndAnOptionalOneIsSimplyAbsent() {
        assertThat(problems(answer(field(FieldType.TEXT, true), null)))
                .containsExactly("answer:applicationForm.value.required");
        assertThat(problems(answer(field(FieldType.TEXT, true), "   ")))
                .containsExactly("answer:applicationForm.value.required");
        assertThat(problems(answer(field(FieldType.CITIZEN_ID, true), "")))
                .containsExactly("answer:applicationForm.value.required");
        FormField choice = field(FieldType.CHOICE, true)
                .withOptions(List.of(new FormField.Option("a", "甲", "A"), new FormField.Option("b", "乙", "B")));
        assertThat(problems(answer(choice, ""))).containsExactly("answer:applicationForm.value.choose");
        assertThat(problems(answer(field(FieldType.CHECKBOX, true), null)))
                .containsExactly("answer:applicationForm.value.tick");
        assertThat(problems(answer(field(FieldType.CHECKBOX, true), "false")))
                .containsExactly("answer:applicationForm.value.tick");
        ApplicationFormCheck.Result optional = answer(field(FieldType.TEXT, false), " ");
        assertThat(optional.valid()).isTrue();
        assertThat(optional.values()).isEmpty();
        assertThat(answer(field(FieldType.CHECKBOX, false), null).values()).containsEntry("answer", "false");
    }

    @Test
    void textIsLimitedByTheEditorsLengthOrTheTypesDefaultCountingCharactersNotBytes() {
        FormField ten = field(FieldType.TEXT, true).withText(10, null);
        assertThat(answer(ten, "一二三四五六七八九十").valid()).isTrue();
        ApplicationFormCheck.Result tooLong = answer(ten, "一二三四五六七八九十一");
        assertThat(problems(tooLong)).containsExactly("answer:applicationForm.value.too-long");
        assertThat(tooLong.problems().get(0).arguments()).containsExactly(10);
        assertThat(answer(field(FieldType.TEXT, true), "a".repeat(200)).valid()).isTrue();
        assertThat(answer(field(FieldType.TEXT, true), "a".repeat(201)).valid()).isFalse();
        assertThat(answer(field(FieldType.TEXTAREA, true), "a\n".repeat(1000)).valid())
                .isTrue();
        assertThat(answer(field(FieldType.TEXTAREA, true), "a".repeat(2001)).valid())
                .isFalse();
        // A character outside the basic plane is one character.
        assertThat(answer(field(FieldType.TEXT, true).withText(2, null), "𠀀𠀀").valid())
                .isTrue();
    }

    @Test
    void aPatternMustMatchTheWholeAnswer() {
        FormField code = field(FieldType.TEXT, true).withText(10, "[A-Z][0-9]{9}");
        assertThat(answer(code, "Q340012345").valid()).isTrue();
        assertThat(problems(answer(code, "Q34001234"))).containsExactly("answer:applicationForm.value.pattern");
        assertThat(problems(answer(code, "xQ340012345"))).containsExactly("answer:applicationForm.value.too-long");
        assertThat(problems(answer(code, "q340012345"))).containsExactly("answer:applicationForm.value.pattern");
        FormField name = field(FieldType.TEXT, true).withText(20, "[\\p{IsHan}·]{2,20}");
        assertThat(answer(name, "阿依古丽·买买提").valid()).isTrue();
        assertThat(answer(name, "Zhang San").valid()).isFalse();
    }

    @Test
    void aPatternThatBacktracksWithoutEndIsStoppedAndTheAnswerRefused() {
        // Not a pattern the rules let an editor save; the check must still end quickly should one be stored.
        FormField evil = field(FieldType.TEXT, true).withText(500, "(a+)+b");
        long start = System.nanoTime();
        ApplicationFormCheck.Result result = answer(evil, "a".repeat(60));
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
        assertThat(problems(result)).containsExactly("answer:applicationForm.value.pattern");
    }

    @Test
    void numbersAndDatesAreCheckedForForm() {
        FormField number = field(FieldType.NUMBER, true);
        assertThat(answer(number, "12").valid()).isTrue();
        assertThat(answer(number, "-3.5").valid()).isTrue();
        assertThat(answer(number, "0.123456").valid()).isTrue();
        for (String bad : List.of("12a", "1,000", "1e5", ".5", "3.", "0.1234567", "１２", "NaN")) {
            assertThat(problems(answer(number, bad))).as(bad).containsExactly("answer:applicationForm.value.number");
        }
        FormField date = field(FieldType.DATE, true);
        assertThat(answer(date, "2024-02-29").values()).containsEntry("answer", "2024-02-29");
        for (String bad : List.of("2025-02-29", "2026-13-01", "2026/03/01", "20260301", "26-3-1", "2026-03-01T00:00")) {
            assertThat(problems(answer(date, bad))).as(bad).containsExactly("answer:applicationForm.value.date");
        }
    }

    @Test
    void aChoiceTakesOnlyTheCodeOfAnOption() {
        FormField sex = field(FieldType.CHOICE, true)
                .withOptions(List.of(new FormField.Option("1", "男", "Male"), new FormField.Option("2", "女", "Female")));
        assertThat(answer(sex, "2").values()).containsEntry("answer", "2");
        assertThat(problems(answer(sex, "男"))).containsExactly("answer:applicationForm.value.choice");
        assertThat(problems(answer(sex, "3"))).containsExactly("answer:applicationForm.value.choice");
        assertThat(problems(answer(field(FieldType.CHECKBOX, false), "yes")))
                .containsExactly("answer:applicationForm.value.choice");
        assertThat(answer(field(FieldType.CHECKBOX, true), "on").values()).containsEntry("answer", "true");
    }

    @Test
    void nationalCodesNameTheirDefectAsTheSharedChecksReportIt() {
        FormField id = field(FieldType.CITIZEN_ID, true);
        ApplicationFormCheck.Result wrongCheck = answer(id, "110105194912310021");
        assertThat(problems(wrongCheck)).containsExactly("answer:code.defect.CHECK_CHARACTER_MISMATCH");
        assertThat(wrongCheck.problems().get(0).arguments()).containsExactly("X", "1");
        assertThat(problems(answer(id, "11010519491231002"))).containsExactly("answer:code.defect.WRONG_LENGTH");
        assertThat(problems(answer(id, "110105194913310027"))).containsExactly("answer:code.defect.INVALID_DATE");
        String unborn = "110105202701010010";
        unborn = unborn.substring(0, 17) + CitizenIdNumber.checkCharacter(unborn.substring(0, 17));
        assertThat(problems(answer(id, unborn))).containsExactly("answer:code.defect.DATE_OUT_OF_RANGE");

        FormField uscc = field(FieldType.USCC, true);
        assertThat(answer(uscc, USCC).valid()).isTrue();
        String wrong = USCC.substring(0, 17) + (USCC.charAt(17) == '0' ? '1' : '0');
        assertThat(problems(answer(uscc, wrong))).containsExactly("answer:code.defect.CHECK_CHARACTER_MISMATCH");
        assertThat(problems(answer(uscc, "91340100MA2N0XYZ1I")))
                .containsExactly("answer:code.defect.ILLEGAL_CHARACTER");

        FormField division = field(FieldType.DIVISION, true);
        assertThat(answer(division, "340104").valid()).isTrue();
        assertThat(problems(answer(division, "349999"))).containsExactly("answer:code.defect.UNKNOWN_DIVISION");
        assertThat(problems(answer(division, "342400"))).containsExactly("answer:code.defect.DIVISION_NOT_EFFECTIVE");
        assertThat(problems(answer(division, "990000"))).containsExactly("answer:code.defect.UNKNOWN_PROVINCE");
        assertThat(problems(answer(division, "34010"))).containsExactly("answer:code.defect.WRONG_LENGTH");
    }

    @Test
    void mobileNumbersAndEmailAddressesAreCheckedForForm() {
        FormField mobile = field(FieldType.MOBILE, true);
        assertThat(answer(mobile, "+86 139-0000-1111").values()).containsEntry("answer", "13900001111");
        for (String bad : List.of("12900001111", "1390000111", "139000011112", "0551-63538000", "l3900001111")) {
            assertThat(problems(answer(mobile, bad))).as(bad).containsExactly("answer:applicationForm.value.mobile");
        }
        FormField email = field(FieldType.EMAIL, true);
        assertThat(answer(email, "zhang.san@example.cn").valid()).isTrue();
        for (String bad : List.of("zhang", "zhang@", "@example.cn", "zhang@example", "a b@example.cn", "张@例子.中国")) {
            assertThat(problems(answer(email, bad))).as(bad).containsExactly("answer:applicationForm.value.email");
        }
    }

    /** Married? Then the spouse's name is asked and required; a certificate number is required when declared. */
    private static ApplicationForm married() {
        return new ApplicationForm(List.of(
                FormField.of("status", "婚姻状况", "Marital status", FieldType.CHOICE, true)
                        .withOptions(List.of(
                                new FormField.Option("single", "未婚", "Single"),
                                new FormField.Option("married", "已婚", "Married"))),
                FormField.of("spouse", "配偶姓名", "Spouse", FieldType.TEXT, true).shownWhen("status", "married"),
                FormField.of("certified", "已领结婚证", "Certificate issued", FieldType.CHECKBOX, false)
                        .shownWhen("status", "married"),
                FormField.of("certificate", "结婚证号", "Certificate number", FieldType.TEXT, false)
                        .requiredWhen("certified", "true")));
    }

    @Test
    void aFieldShownOnlyUnderAConditionIsNotAskedOtherwiseAndItsValueIsDropped() {
        ApplicationFormCheck.Result single =
                check(married(), Map.of("status", "single", "spouse", "李四", "certified", "true"));
        assertThat(single.valid()).isTrue();
        assertThat(single.values()).containsExactly(Map.entry("status", "single"));

        ApplicationFormCheck.Result married = check(married(), Map.of("status", "married"));
        assertThat(problems(married)).containsExactly("spouse:applicationForm.value.required");
        assertThat(married.values()).containsEntry("certified", "false");
    }

    @Test
    void aFieldRequiredUnderAConditionIsAlwaysAskedAndRequiredOnlyThen() {
        assertThat(check(married(), Map.of("status", "single", "certificate", "J340104-2024-1"))
                        .values())
                .containsEntry("certificate", "J340104-2024-1");
        ApplicationFormCheck.Result declared =
                check(married(), Map.of("status", "married", "spouse", "李四", "certified", "true"));
        assertThat(problems(declared)).containsExactly("certificate:applicationForm.value.required");
        // The box itself is hidden when not married: its "true" does not count, so nothing is required.
        assertThat(check(married(), Map.of("status", "single", "certified", "true"))
                        .valid())
                .isTrue();
    }

    @Test
    void aConditionOnAWrongAnswerIsNotMet() {
        ApplicationFormCheck.Result result = check(married(), Map.of("status", "divorced", "spouse", "李四"));
        assertThat(problems(result)).containsExactly("status:applicationForm.value.choice");
        assertThat(result.values()).isEmpty();
    }

    @Test
    void unknownKeysAreIgnoredAndEveryFieldInErrorIsNamedOnceInOrder() {
        ApplicationForm form = new ApplicationForm(List.of(
                FormField.of("name", "姓名", "Name", FieldType.TEXT, true),
                FormField.of("mobile", "手机", "Mobile", FieldType.MOBILE, true),
                FormField.of("email", "邮箱", "E-mail", FieldType.EMAIL, false)));
        ApplicationFormCheck.Result result =
                check(form, Map.of("mobile", "123", "email", "x", "admin", "true", "values[name]", "张三"));
        assertThat(problems(result))
                .containsExactly(
                        "name:applicationForm.value.required",
                        "mobile:applicationForm.value.mobile",
                        "email:applicationForm.value.email");
        assertThat(result.values()).isEmpty();
        assertThat(result.of("mobile")).hasSize(1);
        assertThat(result.of("admin")).isEmpty();
        assertThat(check(form, null).problems()).hasSize(2);
    }

    @Test
    void theStandardFormsAreValidAndAskWhatTheServiceObjectsNeed() {
        ApplicationForm person = ApplicationForm.standard(java.util.Set.of(ServiceObject.NATURAL_PERSON));
        assertThat(person.fields())
                .extracting(FormField::key)
                .containsExactly("applicant_name", "applicant_id_number", "contact_mobile");
        ApplicationForm enterprise = ApplicationForm.standard(java.util.Set.of(ServiceObject.ENTERPRISE_LEGAL_PERSON));
        assertThat(enterprise.fields())
                .extracting(FormField::key)
                .containsExactly("enterprise_name", "enterprise_uscc", "legal_representative", "contact_mobile");
        ApplicationForm both = ApplicationForm.standard(
                java.util.Set.of(ServiceObject.NATURAL_PERSON, ServiceObject.UNINCORPORATED_ENTERPRISE));
        assertThat(both.fields()).hasSize(7);
        for (ApplicationForm form : List.of(person, enterprise, both)) {
            assertThat(ApplicationFormRules.check(form)).isEmpty();
        }
        ApplicationFormCheck.Result asPerson = check(
                both,
                Map.of(
                        "applicant_kind",
                        "person",
                        "applicant_name",
                        "张三",
                        "applicant_id_number",
                        ID,
                        "contact_mobile",
                        "13800138000",
                        "enterprise_uscc",
                        "nonsense"));
        assertThat(asPerson.valid()).isTrue();
        assertThat(asPerson.values()).doesNotContainKey("enterprise_uscc");
        assertThat(problems(check(both, Map.of("applicant_kind", "organisation", "contact_mobile", "13800138000"))))
                .containsExactly(
                        "enterprise_name:applicationForm.value.required",
                        "enterprise_uscc:applicationForm.value.required",
                        "legal_representative:applicationForm.value.required");
    }

    @Test
    void sixtyFieldsAreCheckedQuickly() {
        List<FormField> fields = new java.util.ArrayList<>();
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < 60; i++) {
            FieldType type = FieldType.values()[i % FieldType.values().length];
            FormField field = FormField.of("f" + i, "字段", "Field", type, false);
            if (type == FieldType.CHOICE) {
                field = field.withOptions(
                        List.of(new FormField.Option("a", "甲", "A"), new FormField.Option("b", "乙", "B")));
            }
            if (type == FieldType.TEXT) {
                field = field.withText(50, "[a-z]{1,50}");
            }
            fields.add(field);
            values.put("f" + i, "abc");
        }
        ApplicationForm form = new ApplicationForm(fields);
        assertThat(ApplicationFormRules.check(form)).isEmpty();
        check(form, values);
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            check(form, values);
        }
        // Generous for a shared machine: about 0.05 ms a check is typical.
        assertThat((System.nanoTime() - start) / 1000).isLessThan(2_000_000L);
    }
}
