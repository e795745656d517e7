package org.zhengwu.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The field keys' ring: values name their key, previous keys stay readable, an unknown key is said as such. */
class FieldKeyRingTests {

    private static final String A = base64(1);
    private static final String B = base64(2);
    private static final String C = base64(3);
    private static final String INDEX = Base64.getEncoder().encodeToString(filled(32, 9));
    private static final String CONTEXT = "identity_account.id_number";
    private static final String NUMBER = "340102199001010014";

    @Test
    void aValueNamesItsKeyAndStaysReadableUnderThatKeyAsAPreviousOne(@TempDir Path dir) {
        PlatformKeys a = new PlatformKeys(A, INDEX, dir.toString());
        byte[] sealed = a.encrypt(NUMBER, CONTEXT);
        assertThat(Arrays.copyOf(sealed, 2)).isEqualTo(new byte[] {0x5A, 0x4B});
        assertThat(PlatformKeys.fieldKeyIdOf(sealed))
                .isEqualTo(a.fieldKeyId())
                .isEqualTo(PlatformKeys.fieldKeyId(A))
                .matches("[0-9a-f]{8}");
        assertThat(a.underCurrentFieldKey(sealed)).isTrue();

        PlatformKeys b = new PlatformKeys(B, A, INDEX, dir.toString());
        assertThat(b.fieldKeyId()).isEqualTo(PlatformKeys.fieldKeyId(B)).isNotEqualTo(a.fieldKeyId());
        assertThat(b.readableFieldKeyIds()).containsExactly(b.fieldKeyId(), a.fieldKeyId());
        assertThat(b.decrypt(sealed, CONTEXT)).isEqualTo(NUMBER);
        assertThat(b.underCurrentFieldKey(sealed)).isFalse();
        byte[] resealed = b.reseal(sealed, CONTEXT);
        assertThat(PlatformKeys.fieldKeyIdOf(resealed)).isEqualTo(b.fieldKeyId());
        assertThat(b.underCurrentFieldKey(resealed)).isTrue();

        PlatformKeys bOnly = new PlatformKeys(B, INDEX, dir.toString());
        assertThat(bOnly.decrypt(resealed, CONTEXT)).isEqualTo(NUMBER);
        assertThatThrownBy(() -> bOnly.decrypt(sealed, CONTEXT))
                .isInstanceOf(UnknownFieldKeyException.class)
                .hasMessageContaining("sealed under field key " + a.fieldKeyId())
                .hasMessageContaining("ZHENGWU_FIELD_KEY_PREVIOUS")
                .hasMessageNotContaining(NUMBER)
                .satisfies(
                        e -> assertThat(((UnknownFieldKeyException) e).keyId()).isEqualTo(a.fieldKeyId()));
    }

    @Test
    void valuesSealedBeforeKeyIdentifiersAreReadUnderWhicheverKeySealedThem(@TempDir Path dir) {
        byte[] context = CONTEXT.getBytes(StandardCharsets.UTF_8);
        byte[] legacy = new Sm4Gcm(Base64.getDecoder().decode(A))
                .encrypt(
                        NUMBER.getBytes(StandardCharsets.UTF_8),
                        context,
                        HexFormat.of().parseHex("5a4b00112233445566778899"));
        // Even a legacy nonce that starts like a header (one in 65,536) is read.
        assertThat(PlatformKeys.fieldKeyIdOf(legacy)).isEqualTo("00112233");
        byte[] plain = new Sm4Gcm(Base64.getDecoder().decode(A))
                .encrypt(
                        NUMBER.getBytes(StandardCharsets.UTF_8),
                        context,
                        HexFormat.of().parseHex("010203040506070809101112"));
        assertThat(PlatformKeys.fieldKeyIdOf(plain)).isEqualTo("legacy");

        PlatformKeys a = new PlatformKeys(A, INDEX, dir.toString());
        PlatformKeys b = new PlatformKeys(B, A, INDEX, dir.toString());
        PlatformKeys bOnly = new PlatformKeys(B, INDEX, dir.toString());
        for (byte[] value : new byte[][] {legacy, plain}) {
            assertThat(a.decrypt(value, CONTEXT)).isEqualTo(NUMBER);
            assertThat(b.decrypt(value, CONTEXT)).isEqualTo(NUMBER);
            assertThat(b.underCurrentFieldKey(value)).isFalse();
            assertThat(PlatformKeys.fieldKeyIdOf(b.reseal(value, CONTEXT))).isEqualTo(b.fieldKeyId());
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> bOnly.decrypt(value, CONTEXT))
                    .withMessageNotContaining(NUMBER);
        }
        assertThatIllegalArgumentException()
                .isThrownBy(() -> bOnly.decrypt(plain, CONTEXT))
                .withMessageContaining("sealed before key identifiers")
                .withMessageContaining(bOnly.fieldKeyId());
    }

    @Test
    void anAlteredValueOrAnotherColumnsValueIsRefusedNotReadAsGarbage(@TempDir Path dir) {
        PlatformKeys b = new PlatformKeys(B, A, INDEX, dir.toString());
        byte[] sealed = b.encrypt(NUMBER, CONTEXT);
        byte[] altered = sealed.clone();
        altered[altered.length - 1] ^= 1;
        assertThatIllegalArgumentException()
                .isThrownBy(() -> b.decrypt(altered, CONTEXT))
                .withMessageContaining("failed its integrity check");
        assertThatIllegalArgumentException().isThrownBy(() -> b.decrypt(sealed, "identity_account.mobile"));
        // The header is bound to the value: naming another readable key does not open it under that key.
        byte[] renamed = sealed.clone();
        byte[] otherId = HexFormat.of().parseHex(PlatformKeys.fieldKeyId(A));
        System.arraycopy(otherId, 0, renamed, 2, 4);
        assertThatIllegalArgumentException().isThrownBy(() -> b.decrypt(renamed, CONTEXT));
        // A value naming a key nobody configured.
        byte[] unknown = new PlatformKeys(C, INDEX, dir.toString()).encrypt(NUMBER, CONTEXT);
        assertThatThrownBy(() -> b.decrypt(unknown, CONTEXT))
                .isInstanceOf(UnknownFieldKeyException.class)
                .hasMessageContaining(PlatformKeys.fieldKeyId(C));
    }

    @Test
    void previousKeysThatAreNotKeysStopTheStartWithTheirPosition(@TempDir Path dir) {
        assertThatIllegalStateException()
                .isThrownBy(() -> new PlatformKeys(B, A + ",c2hvcnQ=", INDEX, dir.toString()))
                .withMessageContaining("key 2 of ZHENGWU_FIELD_KEY_PREVIOUS must be 16 bytes in base64: 5 bytes");
        assertThatIllegalStateException()
                .isThrownBy(() -> new PlatformKeys(B, "not base64!", INDEX, dir.toString()))
                .withMessageContaining("key 1 of ZHENGWU_FIELD_KEY_PREVIOUS")
                .withMessageContaining("not base64");
        // Spaces, empty entries and the current key named again are harmless.
        PlatformKeys keys = new PlatformKeys(B, " " + A + " , ," + B + "," + C, INDEX, dir.toString());
        assertThat(keys.readableFieldKeyIds())
                .containsExactly(PlatformKeys.fieldKeyId(B), PlatformKeys.fieldKeyId(A), PlatformKeys.fieldKeyId(C));
    }

    private static String base64(int fill) {
        return Base64.getEncoder().encodeToString(filled(16, fill));
    }

    private static byte[] filled(int length, int fill) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) fill);
        return bytes;
    }
}
