package org.zhengwu.identity.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One-time passwords against the published vectors, so that a code an authenticator app shows is the code the
 * platform expects. Sources: RFC 6238 Appendix B (TOTP; the SHA-1 rows, seed the 20 ASCII bytes
 * "12345678901234567890", 30-second steps from 0), RFC 4226 Appendix D (HOTP, same seed) and RFC 4648 section 10
 * (base 32). The RFCs print eight digits; six-digit codes, which every authenticator app shows, are their last six
 * (dynamic truncation modulo 10^6 instead of 10^8). The platform computes HMAC-SHA-1 codes only: the SHA-256 and
 * SHA-512 rows of Appendix B do not apply, as authenticator apps commonly ignore any other algorithm.
 */
class TotpTests {

    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "T = {0} s gives {1}")
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130"
    })
    void codesAreTheSha1RowsOfRfc6238AppendixB(long seconds, String eightDigits) {
        long step = Totp.step(Instant.ofEpochSecond(seconds));
        assertThat(Totp.code(RFC_SEED, step)).isEqualTo(eightDigits.substring(2));
    }

    @Test
    void stepsAreThirtySecondsCountedFromTheEpochAsInRfc6238AppendixB() {
        assertThat(Totp.step(Instant.ofEpochSecond(59))).isEqualTo(0x1L);
        assertThat(Totp.step(Instant.ofEpochSecond(1111111109))).isEqualTo(0x23523ECL);
        assertThat(Totp.step(Instant.ofEpochSecond(1111111111))).isEqualTo(0x23523EDL);
        assertThat(Totp.step(Instant.ofEpochSecond(1234567890))).isEqualTo(0x273EF07L);
        assertThat(Totp.step(Instant.ofEpochSecond(2000000000))).isEqualTo(0x3F940AAL);
        assertThat(Totp.step(Instant.ofEpochSecond(20000000000L))).isEqualTo(0x27BC86AAL);
    }

    @Test
    void countersGiveTheHotpValuesOfRfc4226AppendixD() {
        String[] expected = {
            "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"
        };
        for (int counter = 0; counter < expected.length; counter++) {
            assertThat(Totp.code(RFC_SEED, counter)).as("counter %d", counter).isEqualTo(expected[counter]);
        }
    }

    @Test
    void aCodeIsAcceptedInItsStepAndOneEitherSideAndNeverTwice() {
        Instant at = Instant.ofEpochSecond(1111111109);
        assertThat(Totp.matchingStep(RFC_SEED, "081804", at, null)).hasValue(0x23523ECL);
        assertThat(Totp.matchingStep(RFC_SEED, " 050471 ", at, null))
                .as("the next step (clock drift)")
                .hasValue(0x23523EDL);
        assertThat(Totp.matchingStep(RFC_SEED, "081804", at, 0x23523ECL))
                .as("used once")
                .isEmpty();
        assertThat(Totp.matchingStep(RFC_SEED, "081804", at.plusSeconds(90), null))
                .as("two steps later")
                .isEmpty();
        assertThat(Totp.matchingStep(RFC_SEED, "08180", at, null)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SEED, null, at, null)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({"'', ''", "f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI"})
    void base32IsRfc4648WithoutPadding(String text, String encoded) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        assertThat(Totp.base32(bytes)).isEqualTo(encoded);
        assertThat(Totp.fromBase32(encoded)).isEqualTo(bytes);
    }

    @Test
    void theRfcSeedIsTheSecretAppsAreGivenAndReadBackAsTyped() {
        assertThat(Totp.base32(RFC_SEED)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.fromBase32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq")).isEqualTo(RFC_SEED);
        assertThat(Totp.fromBase32("MZXW6===")).isEqualTo("foo".getBytes(StandardCharsets.US_ASCII));
        assertThatIllegalArgumentException().isThrownBy(() -> Totp.fromBase32("GEZDGNBV1"));
        assertThatIllegalArgumentException().isThrownBy(() -> Totp.fromBase32("GEZD-GNBV"));
    }
}
