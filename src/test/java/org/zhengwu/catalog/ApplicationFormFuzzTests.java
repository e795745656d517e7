package org.zhengwu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.zhengwu.shared.codes.CitizenIdNumber;
import org.zhengwu.shared.codes.DivisionRegister;
import org.zhengwu.shared.codes.UnifiedSocialCreditCode;
import org.zhengwu.support.FuzzMessages;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An application form as an editor declares it (its JSON, as the exchange's sheets carry it in a cell) and an
 * applicant's answers: the seed files are {@code {"form": {...}, "answers": {...}}}. Reading either succeeds or fails
 * as JSON; the definition's rules never fail and name every broken rule with a readable message; and a definition
 * that passes them checks any answers without failing: every problem is a readable message on a field of the form,
 * every accepted value is one its type allows (a choice among the options, a box true or false, a code that checks,
 * a date in ISO form, a text that matches its pattern, no more than its length), a field not asked has no value,
 * and answers accepted whole are accepted again unchanged. Seeds: {@code ApplicationFormFuzzTestsInputs}.
 */
class ApplicationFormFuzzTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    private static final DivisionRegister DIVISIONS = code ->
            code.startsWith("34") ? List.of(new DivisionRegister.Validity(LocalDate.of(1949, 10, 1), null)) : List.of();
    private static final List<String> BUNDLES = List.of("catalog", "shared");

    @FuzzTest
    void definitionAndAnswersAreCheckedWithoutFailing(byte[] input) {
        ApplicationForm form;
        Map<String, String> answers = new HashMap<>();
        try {
            JsonNode root = JSON.readTree(input);
            if (root == null || !root.isObject()) {
                return;
            }
            if (root.get("form") == null) {
                return;
            }
            form = JSON.treeToValue(root.get("form"), ApplicationForm.class);
            JsonNode given = root.get("answers");
            if (given != null && given.isObject()) {
                for (Map.Entry<String, JsonNode> answer : given.properties()) {
                    answers.put(
                            answer.getKey(),
                            answer.getValue().isNull()
                                    ? null
                                    : answer.getValue().asString());
                }
            }
        } catch (JacksonException e) {
            return; // refused as not a form: the importer reports where
        }
        if (form == null) {
            return;
        }
        List<GuideRules.Violation> violations = ApplicationFormRules.check(form);
        for (GuideRules.Violation violation : violations) {
            assertThat(violation.field()).startsWith("fields");
            FuzzMessages.assertMessage(BUNDLES, violation.messageKey(), violation.arguments());
        }
        if (!violations.isEmpty()) {
            return;
        }
        ApplicationFormCheck.Result result = ApplicationFormCheck.check(form, answers, TODAY, DIVISIONS);
        Set<String> keys = form.fields().stream().map(FormField::key).collect(Collectors.toSet());
        assertThat(keys).containsAll(result.values().keySet());
        for (ApplicationFormCheck.FieldProblem problem : result.problems()) {
            assertThat(keys).contains(problem.field());
            assertThat(result.values()).doesNotContainKey(problem.field());
            FuzzMessages.assertMessage(BUNDLES, problem.messageKey(), problem.arguments());
        }
        assertThat(result.problems().stream().map(ApplicationFormCheck.FieldProblem::field))
                .doesNotHaveDuplicates();
        for (FormField field : form.fields()) {
            String value = result.values().get(field.key());
            if (field.shownWhen() != null
                    && !field.shownWhen()
                            .value()
                            .equals(result.values().get(field.shownWhen().field()))) {
                assertThat(value).as("value of %s, not asked", field.key()).isNull();
                assertThat(result.of(field.key())).isEmpty();
            }
            if (value != null) {
                assertAllowed(field, value);
            }
        }
        if (result.valid()) {
            ApplicationFormCheck.Result again = ApplicationFormCheck.check(form, result.values(), TODAY, DIVISIONS);
            assertThat(again.problems()).isEmpty();
            assertThat(again.values()).isEqualTo(result.values());
        }
    }

    private static void assertAllowed(FormField field, String value) {
        assertThat(value).isEqualTo(value.strip()).isNotEmpty();
        if (field.type() != FieldType.CHECKBOX) {
            assertThat(value.codePointCount(0, value.length())).isLessThanOrEqualTo(field.lengthLimit());
        }
        switch (field.type()) {
            case CHOICE -> assertThat(field.option(value)).isPresent();
            case CHECKBOX -> assertThat(value).isIn("true", "false");
            case CITIZEN_ID -> assertThat(CitizenIdNumber.isValid(value, TODAY)).isTrue();
            case USCC -> assertThat(UnifiedSocialCreditCode.isValid(value)).isTrue();
            case DIVISION -> assertThat(value).matches("34[0-9]{4}");
            case DATE -> assertThat(LocalDate.parse(value).toString()).isEqualTo(value);
            case MOBILE -> assertThat(value).matches("1[3-9][0-9]{9}");
            case NUMBER -> assertThat(value).matches("-?[0-9]{1,15}(\\.[0-9]{1,6})?");
            case TEXT -> {
                if (field.pattern() != null && !field.pattern().isEmpty()) {
                    assertThat(SafePattern.matches(SafePattern.compile(field.pattern()), value))
                            .isEqualTo(SafePattern.Outcome.MATCH);
                }
            }
            default -> {}
        }
    }
}
