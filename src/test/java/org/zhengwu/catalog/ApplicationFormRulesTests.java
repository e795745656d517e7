package org.zhengwu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules an editor's definition of an application form meets, each with the element it names. */
public class ApplicationFormRulesTests {

    /** A form meeting every rule: a choice, a field shown under it, a box and a field required under it. */
    public static ApplicationForm valid() {
        return new ApplicationForm(List.of(
                FormField.of("applicant_name", "申请人姓名", "Applicant's name", FieldType.TEXT, true)
                        .withText(50, null)
                        .withPrefill(Prefill.NAME),
                FormField.of("applicant_id_number", "公民身份号码", "Citizen identity number", FieldType.CITIZEN_ID, true)
                        .withPrefill(Prefill.CITIZEN_ID_NUMBER),
                FormField.of("status", "婚姻状况", "Marital status", FieldType.CHOICE, true)
                        .withOptions(List.of(
                                new FormField.Option("single", "未婚", "Single"),
                                new FormField.Option("married", "已婚", "Married"))),
                FormField.of("spouse_name", "配偶姓名", "Spouse's name", FieldType.TEXT, true)
                        .shownWhen("status", "married"),
                FormField.of("certified", "已领结婚证", "Certificate issued", FieldType.CHECKBOX, false),
                FormField.of("certificate_number", "结婚证字号", "Certificate number", FieldType.TEXT, false)
                        .withHint("如 J340104-2024-001234", "E.g. J340104-2024-001234")
                        .withText(30, "J[0-9]{6}-[0-9]{4}-[0-9]{6}")
                        .requiredWhen("certified", "true"),
                FormField.of("contact_mobile", "手机号码", "Mobile", FieldType.MOBILE, true)
                        .withPrefill(Prefill.MOBILE)));
    }

    private static List<String> violations(ApplicationForm form) {
        return ApplicationFormRules.check(form).stream()
                .map(v -> v.field() + ":" + v.messageKey())
                .toList();
    }

    /** The valid form with field {@code index} replaced. */
    private static ApplicationForm with(int index, FormField field) {
        List<FormField> fields = new ArrayList<>(valid().fields());
        fields.set(index, field);
        return new ApplicationForm(fields);
    }

    private static FormField text(String key) {
        return FormField.of(key, "名称", "Name", FieldType.TEXT, false);
    }

    @Test
    void theValidFormMeetsEveryRule() {
        assertThat(violations(valid())).isEmpty();
        assertThat(GuideRules.check(
                        GuideRulesTests.valid().toBuilder()
                                .applicationForm(valid())
                                .build(),
                        ItemType.LICENSING))
                .isEmpty();
    }

    @Test
    void keysAreShortLowerCaseWordsAndUnique() {
        assertThat(violations(with(0, text(null)))).containsExactly("fields[0].key:validation.required");
        for (String bad : List.of("Name", "1name", "_name", "name-x", "名字", "a".repeat(41), "name ")) {
            assertThat(violations(with(0, text(bad))))
                    .as(bad)
                    .containsExactly("fields[0].key:applicationForm.rule.key");
        }
        assertThat(violations(with(0, text("a" + "b".repeat(39))))).isEmpty();
        List<GuideRules.Violation> repeated = ApplicationFormRules.check(with(4, text("applicant_id_number")));
        assertThat(repeated).extracting(GuideRules.Violation::field).contains("fields[4].key");
        assertThat(repeated.stream()
                        .filter(v -> v.field().equals("fields[4].key"))
                        .findFirst()
                        .orElseThrow()
                        .arguments())
                .containsExactly(2);
    }

    @Test
    void labelsAreNeededInBothLanguagesAndHintsAreShort() {
        FormField noEnglish =
                new FormField("x", "名称", " ", null, null, FieldType.TEXT, false, null, null, null, null, null, null);
        assertThat(violations(with(0, noEnglish))).containsExactly("fields[0].labelEn:validation.required");
        FormField noChinese =
                new FormField("x", null, "Name", null, null, FieldType.TEXT, false, null, null, null, null, null, null);
        assertThat(violations(with(0, noChinese))).containsExactly("fields[0].labelZh:validation.required");
        assertThat(violations(with(0, text("x").withHint("说".repeat(501), null))))
                .containsExactly("fields[0].hintZh:validation.too-long");
        FormField noType = FormField.of("x", "名称", "Name", null, false);
        assertThat(violations(with(0, noType))).containsExactly("fields[0].type:validation.choose");
    }

    @Test
    void aChoiceHasAtLeastTwoOptionsWithUniqueCodesAndBothLabels() {
        FormField oneOption = FormField.of("x", "选", "Pick", FieldType.CHOICE, true)
                .withOptions(List.of(new FormField.Option("a", "甲", "A")));
        assertThat(violations(with(0, oneOption))).containsExactly("fields[0].options:applicationForm.rule.options");
        assertThat(violations(with(0, FormField.of("x", "选", "Pick", FieldType.CHOICE, true))))
                .containsExactly("fields[0].options:applicationForm.rule.options");
        FormField bad = FormField.of("x", "选", "Pick", FieldType.CHOICE, true)
                .withOptions(List.of(
                        new FormField.Option("a", "甲", "A"),
                        new FormField.Option("a", "乙", "B"),
                        new FormField.Option("c d", "丙", ""),
                        new FormField.Option("d", "", "D")));
        assertThat(violations(with(0, bad)))
                .containsExactly(
                        "fields[0].options[1].code:applicationForm.rule.option-code-repeated",
                        "fields[0].options[2].code:applicationForm.rule.option-code",
                        "fields[0].options[2].labelEn:applicationForm.rule.option-label",
                        "fields[0].options[3].labelZh:applicationForm.rule.option-label");
        assertThat(violations(with(0, text("x").withOptions(List.of(new FormField.Option("a", "甲", "A"))))))
                .containsExactly("fields[0].options:applicationForm.rule.options-for-choice");
    }

    @Test
    void aConditionNamesAnEarlierChoiceOrBoxAndOneOfItsValues() {
        assertThat(violations(with(3, text("spouse_name").shownWhen("nobody", "married"))))
                .containsExactly("fields[3].shownWhen.field:applicationForm.rule.condition-unknown");
        assertThat(violations(with(3, text("spouse_name").shownWhen("spouse_name", "married"))))
                .containsExactly("fields[3].shownWhen.field:applicationForm.rule.condition-self");
        assertThat(violations(with(3, text("spouse_name").shownWhen("contact_mobile", "x"))))
                .containsExactly("fields[3].shownWhen.field:applicationForm.rule.condition-later");
        assertThat(violations(with(3, text("spouse_name").shownWhen("applicant_name", "张三"))))
                .containsExactly("fields[3].shownWhen.field:applicationForm.rule.condition-closed");
        assertThat(violations(with(3, text("spouse_name").shownWhen("status", "divorced"))))
                .containsExactly("fields[3].shownWhen.value:applicationForm.rule.condition-value");
        assertThat(violations(with(3, text("spouse_name").shownWhen("status", null))))
                .containsExactly("fields[3].shownWhen.value:validation.required");
        assertThat(violations(with(5, text("certificate_number").requiredWhen("certified", "yes"))))
                .containsExactly("fields[5].requiredWhen.value:applicationForm.rule.condition-value");
        assertThat(violations(with(5, text("certificate_number").requiredWhen(null, "true"))))
                .containsExactly("fields[5].requiredWhen.field:validation.required");
        FormField both = FormField.of("certificate_number", "字号", "Number", FieldType.TEXT, true)
                .requiredWhen("certified", "true");
        assertThat(violations(with(5, both)))
                .containsExactly("fields[5].required:applicationForm.rule.required-and-conditional");
    }

    @Test
    void lengthsAndPatternsAreForTextOnlyAndWithinBounds() {
        assertThat(violations(with(0, text("x").withText(0, null))))
                .containsExactly("fields[0].maxLength:validation.range");
        assertThat(violations(with(0, text("x").withText(501, null))))
                .containsExactly("fields[0].maxLength:validation.range");
        FormField long4000 =
                FormField.of("x", "说明", "Notes", FieldType.TEXTAREA, false).withText(4000, null);
        assertThat(violations(with(0, long4000))).isEmpty();
        FormField date = FormField.of("x", "日期", "Date", FieldType.DATE, false).withText(10, null);
        assertThat(violations(with(0, date)))
                .containsExactly("fields[0].maxLength:applicationForm.rule.length-for-text");
        FormField patternedArea =
                FormField.of("x", "说明", "Notes", FieldType.TEXTAREA, false).withText(null, "[a-z]+");
        assertThat(violations(with(0, patternedArea)))
                .containsExactly("fields[0].pattern:applicationForm.rule.pattern-for-text");
    }

    @Test
    void aPatternThatCouldBacktrackCatastrophicallyIsRefusedWithItsReason() {
        assertThat(violations(with(0, text("x").withText(null, "(a+)+b"))))
                .containsExactly("fields[0].pattern:applicationForm.rule.pattern-nested");
        assertThat(violations(with(0, text("x").withText(null, "(\\d+)(?=x)"))))
                .containsExactly("fields[0].pattern:applicationForm.rule.pattern-construct");
        assertThat(violations(with(0, text("x").withText(null, "[a-z"))))
                .containsExactly("fields[0].pattern:applicationForm.rule.pattern-syntax");
    }

    @Test
    void whatIsTakenFromTheAccountMustFitTheFieldsType() {
        assertThat(violations(with(0, text("x").withPrefill(Prefill.MOBILE))))
                .containsExactly("fields[0].prefill:applicationForm.rule.prefill-type");
        assertThat(violations(with(
                        0, FormField.of("x", "代码", "Code", FieldType.USCC, true).withPrefill(Prefill.ENTERPRISE_USCC))))
                .isEmpty();
        assertThat(violations(with(0, text("x").withPrefill(Prefill.ENTERPRISE_NAME))))
                .isEmpty();
    }

    @Test
    void aFormHasAtMostSixtyFields() {
        List<FormField> fields = new ArrayList<>();
        for (int i = 0; i < 61; i++) {
            fields.add(text("field_" + i));
        }
        assertThat(violations(new ApplicationForm(fields)))
                .containsExactly("fields:applicationForm.rule.too-many-fields");
        assertThat(violations(new ApplicationForm(fields.subList(0, 60)))).isEmpty();
    }

    @Test
    void theGuideRulesNameTheFormsProblemsUnderItsPathAndRefuseAFormForEnforcement() {
        Guide guide = GuideRulesTests.valid().toBuilder()
                .applicationForm(with(0, text("Bad")))
                .build();
        assertThat(GuideRules.check(guide, ItemType.LICENSING))
                .extracting(GuideRules.Violation::field)
                .containsExactly("applicationForm.fields[0].key");
        assertThat(GuideRules.check(
                        GuidePageFixtures.penalty().toBuilder()
                                .applicationForm(valid())
                                .build(),
                        ItemType.PENALTY))
                .extracting(GuideRules.Violation::field)
                .containsExactly("applicationForm");
        // An empty form is no form.
        assertThat(GuideRulesTests.valid().toBuilder()
                        .applicationForm(new ApplicationForm(List.of()))
                        .build()
                        .applicationForm())
                .isNull();
    }
}
