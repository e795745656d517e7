package org.zhengwu.licence;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * 电子证照标识 (GB/T 36904) as typed or scanned on the public verification page: either read into an identifier
 * that prints back as the text given (trimmed, upper case), whose check character recomputes and whose next version
 * reads back, or refused (empty) — never an exception; one changed data character is always caught. Seeds:
 * {@code LicenceIdentifierFuzzTestsInputs}.
 */
class LicenceIdentifierFuzzTests {

    @FuzzTest
    void parseIsTotalAndRoundTrips(byte[] input) {
        String typed = new String(input, StandardCharsets.UTF_8);
        Optional<LicenceIdentifier> parsed = LicenceIdentifier.parse(typed);
        if (parsed.isEmpty()) {
            return;
        }
        LicenceIdentifier identifier = parsed.get();
        String value = identifier.value();
        assertThat(value).isEqualTo(typed.strip().toUpperCase(Locale.ROOT)).startsWith(LicenceIdentifier.PREFIX);
        assertThat(value.chars()).allMatch(c -> c < 128);
        assertThat(LicenceIdentifier.parse(value)).contains(identifier);
        assertThat(identifier.version()).isBetween(1, 999);
        if (identifier.version() < 999) {
            LicenceIdentifier next = identifier.withVersion(identifier.version() + 1);
            assertThat(LicenceIdentifier.parse(next.value())).contains(next);
            assertThat(next.value()).isNotEqualTo(value);
        }
        // One changed character among the data (not the dots or the fixed prefix) is caught.
        String data = identifier.typeCode() + identifier.issuerCode() + identifier.number() + identifier.versionText();
        int at = Math.floorMod(typed.hashCode(), data.length());
        for (char other : "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray()) {
            if (other == data.charAt(at)) {
                continue;
            }
            String changedData = data.substring(0, at) + other + data.substring(at + 1);
            String changed =
                    LicenceIdentifier.PREFIX + changedData.substring(0, 21) + "." + changedData.substring(21, 39)
                            + "." + changedData.substring(39, changedData.length() - 3) + "."
                            + changedData.substring(changedData.length() - 3) + "." + identifier.checkCharacter();
            assertThat(LicenceIdentifier.parse(changed)).as(changed).isEmpty();
        }
    }
}
