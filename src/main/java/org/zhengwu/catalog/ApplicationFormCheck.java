package org.zhengwu.catalog;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhengwu.shared.codes.CitizenIdNumber;
import org.zhengwu.shared.codes.CodeCheck;
import org.zhengwu.shared.codes.DivisionCode;
import org.zhengwu.shared.codes.DivisionRegister;
import org.zhengwu.shared.codes.UnifiedSocialCreditCode;

/**
 * Checks an applicant's answers against an {@link ApplicationForm}. Pure and quick: no database but the division
 * register given, no state; the cases module calls it through {@link ApplicationForms}.
 *
 * <p>Fields are taken in order. A field whose {@code shownWhen} is not met is not asked: its value is dropped and
 * nothing is checked. A field is required when {@code required}, or when its {@code requiredWhen} is met. Conditions
 * look at the accepted values of earlier fields only, so a condition on a hidden or wrongly answered field is not
 * met. Submitted keys the form does not have are ignored. Values are trimmed; a blank value is no value.
 */
public final class ApplicationFormCheck {

    private static final Logger log = LoggerFactory.getLogger(ApplicationFormCheck.class);

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,15}(\\.[0-9]{1,6})?");
    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern MOBILE_SEPARATORS = Pattern.compile("[\\s-]");
    /** Enough to catch a typing error; whether the address receives mail only a message can tell. */
    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(\\.[A-Za-z0-9-]{1,63})*\\.[A-Za-z]{2,24}");

    private static final int MAX_EMAIL = 254;
    /** As a date picker sends it, or as typed where there is none: 2026-03-01 or 2026-3-1. */
    private static final Pattern DATE_TEXT = Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}");

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT);

    /** A problem of one field: its key, a message key of the bundles and the message's values. */
    public record FieldProblem(String field, String messageKey, List<Object> arguments) {
        public FieldProblem {
            arguments = List.copyOf(arguments);
        }

        public Object[] argumentArray() {
            return arguments.toArray();
        }
    }

    /**
     * The outcome of a check.
     *
     * @param values   the accepted values by key, in the form's order, normalised (trimmed; codes in upper case; a
     *                 mobile number without spaces; a box {@code true} or {@code false}); fields not asked, left blank
     *                 or in error are absent
     * @param problems every field in error, in the form's order, one problem each
     */
    public record Result(Map<String, String> values, List<FieldProblem> problems) {
        public Result {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }

        /** The problems of one field (none or one), for a template. */
        public List<FieldProblem> of(String field) {
            return problems.stream().filter(p -> p.field().equals(field)).toList();
        }
    }

    private ApplicationFormCheck() {}

    /**
     * @param today     the business date in China: identity numbers born later and divisions not in force are refused
     * @param divisions where division codes are looked up
     */
    public static Result check(
            ApplicationForm form, Map<String, String> submitted, LocalDate today, DivisionRegister divisions) {
        Map<String, String> accepted = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (FormField field : form.fields()) {
            if (field.shownWhen() != null && !met(field.shownWhen(), accepted)) {
                continue;
            }
            String raw = submitted == null ? null : submitted.get(field.key());
            String value = raw == null ? "" : raw.strip();
            boolean required =
                    field.required() || (field.requiredWhen() != null && met(field.requiredWhen(), accepted));
            Answer answer = field.type() == FieldType.CHECKBOX
                    ? box(value, required)
                    : value.isEmpty()
                            ? required
                                    ? Answer.wrong(
                                            field.type() == FieldType.CHOICE
                                                    ? "applicationForm.value.choose"
                                                    : "applicationForm.value.required")
                                    : Answer.NONE
                            : answer(field, value, today, divisions);
            if (answer.problem() != null) {
                problems.add(new FieldProblem(field.key(), answer.problem(), answer.arguments()));
            } else if (answer.value() != null) {
                accepted.put(field.key(), answer.value());
            }
        }
        return new Result(accepted, problems);
    }

    private static boolean met(FormField.Condition condition, Map<String, String> accepted) {
        return condition.value() != null && condition.value().equals(accepted.get(condition.field()));
    }

    /** A value accepted (normalised), a problem, or nothing given. */
    private record Answer(String value, String problem, List<Object> arguments) {
        static final Answer NONE = new Answer(null, null, List.of());

        static Answer ok(String value) {
            return new Answer(value, null, List.of());
        }

        static Answer wrong(String problem, Object... arguments) {
            return new Answer(null, problem, List.of(arguments));
        }

        static Answer of(CodeCheck check) {
            return check.isValid()
                    ? ok(check.normalised())
                    : new Answer(null, check.defect().messageKey(), check.arguments());
        }
    }

    private static Answer box(String value, boolean required) {
        boolean ticked = value.equals("true") || value.equals("on");
        if (!ticked && !value.isEmpty() && !value.equals("false")) {
            return Answer.wrong("applicationForm.value.choice");
        }
        if (required && !ticked) {
            return Answer.wrong("applicationForm.value.tick");
        }
        return Answer.ok(Boolean.toString(ticked));
    }

    private static Answer answer(FormField field, String value, LocalDate today, DivisionRegister divisions) {
        if (value.codePointCount(0, value.length()) > field.lengthLimit()) {
            return Answer.wrong("applicationForm.value.too-long", field.lengthLimit());
        }
        return switch (field.type()) {
            case TEXT -> text(field, value);
            case TEXTAREA -> Answer.ok(value);
            case NUMBER ->
                NUMBER.matcher(value).matches() ? Answer.ok(value) : Answer.wrong("applicationForm.value.number");
            case DATE -> date(value);
            case CHOICE ->
                field.option(value).isPresent() ? Answer.ok(value) : Answer.wrong("applicationForm.value.choice");
            case CHECKBOX -> box(value, field.required());
            case CITIZEN_ID -> Answer.of(CitizenIdNumber.check(value, today));
            case USCC -> Answer.of(UnifiedSocialCreditCode.check(value));
            case DIVISION -> Answer.of(DivisionCode.check(value, today, divisions));
            case MOBILE -> mobile(value);
            case EMAIL ->
                value.length() <= MAX_EMAIL && EMAIL.matcher(value).matches()
                        ? Answer.ok(value)
                        : Answer.wrong("applicationForm.value.email");
        };
    }

    private static Answer text(FormField field, String value) {
        if (field.pattern() == null || field.pattern().isEmpty()) {
            return Answer.ok(value);
        }
        SafePattern.Outcome outcome = SafePattern.matches(SafePattern.compile(field.pattern()), value);
        if (outcome == SafePattern.Outcome.TOO_SLOW) {
            // The definition passed the probes when saved; an answer that still exhausts the budget is refused.
            log.warn(
                    "The pattern of field {} ran out of its budget on an answer; treated as not matching", field.key());
        }
        return outcome == SafePattern.Outcome.MATCH ? Answer.ok(value) : Answer.wrong("applicationForm.value.pattern");
    }

    private static Answer date(String value) {
        if (!DATE_TEXT.matcher(value).matches()) {
            return Answer.wrong("applicationForm.value.date");
        }
        try {
            return Answer.ok(LocalDate.parse(value, DATE).toString());
        } catch (DateTimeParseException e) {
            return Answer.wrong("applicationForm.value.date");
        }
    }

    private static Answer mobile(String value) {
        String digits = MOBILE_SEPARATORS.matcher(value).replaceAll("");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        }
        return MOBILE.matcher(digits).matches() ? Answer.ok(digits) : Answer.wrong("applicationForm.value.mobile");
    }
}
