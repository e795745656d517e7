package org.zhengwu.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zhengwu.basedata.ExerciseLevel;
import org.zhengwu.shared.codes.CodeDefect;

class CatalogCodesTests {

    private final CatalogCodes codes = new CatalogCodes(
            CodeLayout.parse("ITEM_TYPE:2,MAIN_ITEM:5,SUB_ITEM:3,HANDLING_ITEM:2"),
            CodeLayout.parse("ORGANISATION:18,EXERCISE_LEVEL:1,BASE_CODE:12"));

    @Test
    void generatesBaseCodesSegmentBySegment() {
        assertThat(codes.baseCode(ItemType.LICENSING, 1, 0, 0)).isEqualTo("010000100000");
        assertThat(codes.baseCode(ItemType.PUBLIC_SERVICE, 123, 4, 5)).isEqualTo("200012300405");
        assertThat(codes.itemType("200012300405")).isEqualTo(ItemType.PUBLIC_SERVICE);
        assertThat(codes.mainItem("200012300405")).isEqualTo(123);
        assertThat(codes.subItem("200012300405")).isEqualTo(4);
    }

    @Test
    void implementationCodeIsCreditCodeLevelAndBaseCode() {
        String code = codes.implementationCode("11340100662167280R", ExerciseLevel.MUNICIPAL, "010000100000");
        assertThat(code).isEqualTo("11340100662167280R3010000100000").hasSize(31);
        CatalogCodes.ImplementationParts parts = codes.parse(code);
        assertThat(parts.organisationUscc()).isEqualTo("11340100662167280R");
        assertThat(parts.exerciseLevel()).isEqualTo(ExerciseLevel.MUNICIPAL);
        assertThat(parts.baseCode()).isEqualTo("010000100000");
        assertThat(codes.checkImplementationCode(code).isValid()).isTrue();
        assertThat(codes.checkImplementationCode(code.toLowerCase()).normalised())
                .isEqualTo(code);
    }

    @Test
    void serialsThatDoNotFitAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> codes.baseCode(ItemType.LICENSING, 100_000, 0, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> codes.baseCode(ItemType.LICENSING, -1, 0, 0));
    }

    @ParameterizedTest
    @CsvSource({
        "'',                               BLANK",
        "0100001000,                       WRONG_LENGTH",
        "01000010000A,                     ILLEGAL_CHARACTER",
        "990000100000,                     INVALID_SEGMENT",
    })
    void checksBaseCodes(String code, CodeDefect defect) {
        assertThat(codes.checkBaseCode(code).defect()).isEqualTo(defect);
    }

    @ParameterizedTest
    @CsvSource({
        "11340100662167280R301000010000,   WRONG_LENGTH",
        "11340100662167280I3010000100000,  ILLEGAL_CHARACTER",
        "11340100662167280R8010000100000,  INVALID_SEGMENT",
        "11340100662167280R3990000100000,  INVALID_SEGMENT",
    })
    void checksImplementationCodes(String code, CodeDefect defect) {
        assertThat(codes.checkImplementationCode(code).defect()).isEqualTo(defect);
    }

    @Test
    void aLegacyCreditCodeWithAWrongCheckCharacterStillMakesAValidImplementationCode() {
        assertThat(codes.checkImplementationCode("12340100MB1A5028C33010000100000")
                        .isValid())
                .isTrue();
    }

    @Test
    void theLayoutIsConfigurable() {
        CatalogCodes alternative = new CatalogCodes(
                CodeLayout.parse("ITEM_TYPE:2,MAIN_ITEM:6,SUB_ITEM:2,HANDLING_ITEM:2"),
                CodeLayout.parse("BASE_CODE:12,EXERCISE_LEVEL:1,ORGANISATION:18"));
        String base = alternative.baseCode(ItemType.LICENSING, 7, 1, 0);
        assertThat(base).isEqualTo("010000070100");
        String code = alternative.implementationCode("11340100662167280R", ExerciseLevel.COUNTY, base);
        assertThat(code).isEqualTo("010000070100" + "4" + "11340100662167280R");
        assertThat(alternative.parse(code).baseCode()).isEqualTo(base);
        assertThat(alternative.checkImplementationCode(code).isValid()).isTrue();
    }

    @Test
    void inconsistentLayoutsAreRefusedAtStart() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CatalogCodes(
                        CodeLayout.parse("ITEM_TYPE:3,MAIN_ITEM:4,SUB_ITEM:3,HANDLING_ITEM:2"),
                        CodeLayout.parse("ORGANISATION:18,EXERCISE_LEVEL:1,BASE_CODE:12")));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CatalogCodes(
                        CodeLayout.parse("ITEM_TYPE:2,MAIN_ITEM:5,SUB_ITEM:3,HANDLING_ITEM:2"),
                        CodeLayout.parse("ORGANISATION:18,EXERCISE_LEVEL:1,BASE_CODE:11")));
        assertThatIllegalArgumentException().isThrownBy(() -> CodeLayout.parse("ITEM_TYPE:2,ITEM_TYPE:2"));
        assertThatIllegalArgumentException().isThrownBy(() -> CodeLayout.parse("ITEM_TYPE=2"));
    }
}
