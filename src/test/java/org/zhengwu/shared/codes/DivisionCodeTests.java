package org.zhengwu.shared.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DivisionCodeTests {

    private static final DivisionRegister.Validity ALWAYS =
            new DivisionRegister.Validity(LocalDate.of(1980, 1, 1), null);

    /** 341421 庐江县 belonged to the abolished 巢湖地区 until 2011-08-22, when it moved to 合肥市 as 340124. */
    private final DivisionRegister register = code -> Map.of(
                    "340000", List.of(ALWAYS),
                    "340100", List.of(ALWAYS),
                    "340104", List.of(ALWAYS),
                    "340124", List.of(new DivisionRegister.Validity(LocalDate.of(2011, 8, 22), null)),
                    "341421",
                            List.of(new DivisionRegister.Validity(LocalDate.of(1980, 1, 1), LocalDate.of(2011, 8, 22))))
            .getOrDefault(code, List.of());

    @ParameterizedTest
    @CsvSource({"340000, PROVINCE", "340100, PREFECTURE", "340104, COUNTY", "419001, COUNTY", "110000, PROVINCE"})
    void derivesLevelFromTheCode(String code, DivisionCode.Level level) {
        assertThat(new DivisionCode(code).level()).isEqualTo(level);
    }

    @ParameterizedTest
    @CsvSource({
        "'',      BLANK",
        "34010,   WRONG_LENGTH",
        "3401040, WRONG_LENGTH",
        "34010a,  ILLEGAL_CHARACTER",
        "990100,  UNKNOWN_PROVINCE",
        "340004,  MALFORMED_DIVISION",
    })
    void rejectsMalformedCodes(String code, CodeDefect defect) {
        assertThat(DivisionCode.checkFormat(code).defect()).isEqualTo(defect);
        assertThatIllegalArgumentException().isThrownBy(() -> new DivisionCode(code));
        assertThat(DivisionCode.parse(code)).isEmpty();
    }

    @Test
    void pathRunsFromProvinceDown() {
        assertThat(new DivisionCode("340104").pathFromProvince())
                .extracting(DivisionCode::value)
                .containsExactly("340000", "340100", "340104");
        assertThat(new DivisionCode("340000").pathFromProvince())
                .extracting(DivisionCode::value)
                .containsExactly("340000");
    }

    @Test
    void coversItsSubtreeOnly() {
        DivisionCode hefei = new DivisionCode("340100");
        assertThat(hefei.covers(new DivisionCode("340104"))).isTrue();
        assertThat(hefei.covers(hefei)).isTrue();
        assertThat(hefei.covers(new DivisionCode("340202"))).isFalse();
        assertThat(hefei.covers(new DivisionCode("340000"))).isFalse();
        assertThat(new DivisionCode("340000").covers(new DivisionCode("341802")))
                .isTrue();
        assertThat(new DivisionCode("340104").covers(new DivisionCode("340103")))
                .isFalse();
    }

    @Test
    void checksExistenceAndEffectiveDateAgainstTheRegister() {
        LocalDate today = LocalDate.of(2026, 11, 22);
        assertThat(DivisionCode.check("340104", today, register).isValid()).isTrue();
        assertThat(DivisionCode.check("340199", today, register).defect()).isEqualTo(CodeDefect.UNKNOWN_DIVISION);
        assertThat(DivisionCode.check("341421", today, register).defect()).isEqualTo(CodeDefect.DIVISION_NOT_EFFECTIVE);
        assertThat(DivisionCode.check("341421", LocalDate.of(2010, 5, 1), register)
                        .isValid())
                .isTrue();
        assertThat(DivisionCode.check("340124", LocalDate.of(2010, 5, 1), register)
                        .defect())
                .isEqualTo(CodeDefect.DIVISION_NOT_EFFECTIVE);
        assertThat(DivisionCode.check("340124", LocalDate.of(2011, 8, 22), register)
                        .isValid())
                .isTrue();
        assertThat(DivisionCode.check("341421", LocalDate.of(2011, 8, 21), register)
                        .isValid())
                .isTrue();
        assertThat(DivisionCode.check("34x104", today, register).defect()).isEqualTo(CodeDefect.ILLEGAL_CHARACTER);
    }
}
