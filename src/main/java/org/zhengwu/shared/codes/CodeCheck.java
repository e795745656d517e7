package org.zhengwu.shared.codes;

import java.util.List;

/**
 * The outcome of checking one code.
 *
 * @param normalised the code as it should be stored (trimmed, upper case) — meaningful only when the format is right
 * @param defect     the reason for refusal, or {@code null} when the code is valid
 * @param arguments  values for the defect's message
 */
public record CodeCheck(String normalised, CodeDefect defect, List<Object> arguments) {

    public CodeCheck {
        arguments = List.copyOf(arguments);
    }

    static CodeCheck valid(String normalised) {
        return new CodeCheck(normalised, null, List.of());
    }

    static CodeCheck invalid(String normalised, CodeDefect defect, Object... arguments) {
        return new CodeCheck(normalised, defect, List.of(arguments));
    }

    public boolean isValid() {
        return defect == null;
    }

    /** True when only the check character is wrong: the rest of the code is well formed. */
    public boolean isCheckFailureOnly() {
        return defect != null && defect.kind() == CodeDefect.Kind.CHECK;
    }

    public Object[] argumentArray() {
        return arguments.toArray();
    }
}
