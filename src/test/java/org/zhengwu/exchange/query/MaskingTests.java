package org.zhengwu.exchange.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.zhengwu.exchange.resource.DataType;

/** The masking rule per data type (docs/SHARING.md § Masking), with the licence module's masking of codes. */
class MaskingTests {

    @Test
    void codesKeepTheirFirstAndLastFourAsLicenceHoldersCodesDo() {
        assertThat(Masking.masked(DataType.STRING, "34010419900101123X")).isEqualTo("3401**********123X");
        assertThat(Masking.masked(DataType.STRING, "91340100MA2XXXXX1K")).isEqualTo("9134**********XX1K");
        assertThat(Masking.masked(DataType.STRING, "34010419900101123X"))
                .isEqualTo(org.zhengwu.licence.register.SealedFields.masked("111", "34010419900101123X"));
    }

    @Test
    void namesKeepTheirFirstCharacterAndAddressesTheirFirstSix() {
        assertThat(Masking.masked(DataType.STRING, "张三")).isEqualTo("张*");
        assertThat(Masking.masked(DataType.STRING, "欧阳娜娜")).isEqualTo("欧***");
        assertThat(Masking.masked(DataType.STRING, "安徽省合肥市蜀山区长江西路100号")).isEqualTo("安徽省合肥市****");
        assertThat(Masking.masked(DataType.STRING, "𠀀𠀁")).isEqualTo("𠀀*");
        assertThat(Masking.masked(DataType.STRING, null)).isNull();
    }

    @Test
    void datesKeepTheYearAndNumbersAndTruthsAreWithheld() {
        assertThat(Masking.masked(DataType.DATE, LocalDate.of(1990, 3, 7))).isEqualTo("1990-**-**");
        assertThat(Masking.masked(DataType.DECIMAL, new BigDecimal("117.2"))).isNull();
        assertThat(Masking.masked(DataType.INTEGER, 42)).isNull();
        assertThat(Masking.masked(DataType.BOOLEAN, true)).isNull();
    }
}
