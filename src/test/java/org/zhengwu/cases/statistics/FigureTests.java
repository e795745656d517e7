package org.zhengwu.cases.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A figure's text: what the page, its charts and the CSV show of a count, a rate or an average. */
class FigureTests {

    @Test
    void ratesAndDaysAreRoundedHalfUpToOneDecimalAsTheFormatterWould() {
        Random random = new Random(20261206);
        for (int i = 0; i < 200_000; i++) {
            long whole = 1 + random.nextInt(i % 2 == 0 ? 1_000 : 5_000_000);
            long part = (long) (random.nextDouble() * (whole + 1));
            Figure rate = Figure.percent(part, whole);
            assertThat(rate.text())
                    .as("%d of %d", part, whole)
                    .isEqualTo(String.format(Locale.ROOT, "%.1f", 100.0 * part / whole));
            double days = random.nextInt(400_000) / (double) (1 + random.nextInt(20_000));
            assertThat(Figure.days(days).text())
                    .as("%s days", days)
                    .isEqualTo(String.format(Locale.ROOT, "%.1f", days));
        }
    }

    @Test
    void halvesRoundUpAndSmallAndWholeValuesKeepOneDecimal() {
        assertThat(Figure.percent(1, 8).text()).isEqualTo("12.5");
        assertThat(Figure.percent(1, 16).text()).isEqualTo("6.3");
        assertThat(Figure.percent(1, 2_000).text()).isEqualTo("0.1");
        assertThat(Figure.percent(1, 2_000_001).text()).isEqualTo("0.0");
        assertThat(Figure.percent(3, 3).text()).isEqualTo("100.0");
        assertThat(Figure.percent(0, 7).text()).isEqualTo("0.0");
        assertThat(Figure.days(0.15).text()).isEqualTo("0.2");
        assertThat(Figure.days(2.25).text()).isEqualTo("2.3");
        assertThat(Figure.days(1.0e-7).text()).isEqualTo("0.0");
        assertThat(Figure.days(4.849999).text()).isEqualTo("4.8");
    }

    @Test
    void countsAreWholeAndUnknownFiguresAreEmpty() {
        assertThat(Figure.count(1_234_567).text()).isEqualTo("1234567");
        assertThat(Figure.percent(0, 0).text()).isEmpty();
        assertThat(Figure.percent(0, 0).known()).isFalse();
        assertThat(Figure.days(null).text()).isEmpty();
    }
}
