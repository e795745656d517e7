package org.zhengwu.shared.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.zhengwu.support.FuzzMessages;

/**
 * 行政区划代码 as typed: the format check, the parse, the constructor and the check against a register agree with
 * each other; a valid code's level, parent, path and prefix fit together; a refusal has a specific, readable reason.
 * Seeds: {@code DivisionCodeFuzzTestsInputs}.
 */
class DivisionCodeFuzzTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    /** A small register: 合肥 in force, 巢湖市 (340181) abolished as a prefecture in 2011, 蜀山区 since 2002. */
    private static final Map<String, List<DivisionRegister.Validity>> REGISTER = Map.of(
            "340000", List.of(new DivisionRegister.Validity(LocalDate.of(1949, 10, 1), null)),
            "340100", List.of(new DivisionRegister.Validity(LocalDate.of(1949, 10, 1), null)),
            "340104", List.of(new DivisionRegister.Validity(LocalDate.of(2002, 3, 1), null)),
            "341400", List.of(new DivisionRegister.Validity(LocalDate.of(1999, 7, 1), LocalDate.of(2011, 8, 22))));

    private static final Set<CodeDefect> FORMAT_DEFECTS = Set.of(
            CodeDefect.BLANK,
            CodeDefect.WRONG_LENGTH,
            CodeDefect.ILLEGAL_CHARACTER,
            CodeDefect.UNKNOWN_PROVINCE,
            CodeDefect.MALFORMED_DIVISION);

    @FuzzTest
    void formatParseAndRegisterAgree(byte[] input) {
        String typed = new String(input, StandardCharsets.UTF_8);
        CodeCheck format = DivisionCode.checkFormat(typed);
        CodeCheck registered = DivisionCode.check(typed, TODAY, code -> REGISTER.getOrDefault(code, List.of()));
        if (!format.isValid()) {
            assertThat(format.defect()).isIn(FORMAT_DEFECTS);
            FuzzMessages.assertMessage("shared", format.defect().messageKey(), format.arguments());
            assertThat(DivisionCode.parse(typed)).isEmpty();
            assertThatIllegalArgumentException().isThrownBy(() -> new DivisionCode(typed));
            assertThat(registered).isEqualTo(format);
            return;
        }
        String code = format.normalised();
        assertThat(code).isEqualTo(typed.strip()).matches("[0-9]{6}");
        DivisionCode division = DivisionCode.parse(typed).orElseThrow();
        assertThat(division.value()).isEqualTo(code);
        assertThat(new DivisionCode(code)).isEqualTo(division);
        List<DivisionCode> path = division.pathFromProvince();
        assertThat(path.get(0).level()).isEqualTo(DivisionCode.Level.PROVINCE);
        assertThat(path.get(path.size() - 1)).isEqualTo(division);
        assertThat(path).hasSize(division.level().ordinal() + 1);
        for (int i = 0; i + 1 < path.size(); i++) {
            assertThat(path.get(i).covers(path.get(i + 1))).isTrue();
            assertThat(path.get(i + 1).covers(path.get(i))).isFalse();
            assertThat(path.get(i + 1).structuralParent()).contains(path.get(i));
        }
        assertThat(code).startsWith(division.significantPrefix());
        assertThat(division.covers(division)).isTrue();
        if (registered.isValid()) {
            assertThat(registered.normalised()).isEqualTo(code);
            assertThat(REGISTER.get(code)).anyMatch(v -> v.covers(TODAY));
        } else {
            assertThat(registered.defect()).isIn(CodeDefect.UNKNOWN_DIVISION, CodeDefect.DIVISION_NOT_EFFECTIVE);
            assertThat(registered.defect().kind()).isEqualTo(CodeDefect.Kind.REGISTER);
            FuzzMessages.assertMessage("shared", registered.defect().messageKey(), registered.arguments());
        }
    }
}
