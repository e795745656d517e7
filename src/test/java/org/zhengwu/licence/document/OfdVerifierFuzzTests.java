package org.zhengwu.licence.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.zhengwu.licence.document.Verification.Outcome;

/**
 * A licence's OFD file handed to the public verification page: a file sealed here under a test root, then changed by
 * the fuzzer, or any bytes at all. The seed files are either {@code 0x01} and patches of four bytes each (a three-byte
 * offset into the sealed file, and a byte XORed in there) or {@code 0x00} and a whole file. Verifying never fails
 * (every outcome comes with its reason); and a file is VALID only when the files it holds are exactly those sealed
 * (same names, same bytes) and it claims what the sealed one claims — so no change to what the seal covers gets
 * through, while a change to the ZIP's own bookkeeping (times, order, compression) may. Seeds:
 * {@code OfdVerifierFuzzTestsInputs}.
 */
class OfdVerifierFuzzTests {

    private static final TestSeals SEALS = TestSeals.current("测试平台根证书");
    private static final OfdVerifier VERIFIER = new OfdVerifier(
            () -> new OfdVerifier.Roots(1, List.of(SealCertificates.holder(SEALS.rootCertificate))), 16 << 20);
    private static final byte[] SEALED = OfdVerificationTests.issue(
            SEALS, TestSeals.businessLicence(OfdVerificationTests.IDENTIFIER, OfdVerificationTests.ISSUER));
    private static final Map<String, byte[]> SEALED_FILES = OfdFiles.entries(SEALED);
    private static final Verification SEALED_VERIFICATION = VERIFIER.verify(SEALED);

    @FuzzTest
    void onlyTheSealedContentIsValid(byte[] input) {
        assertThat(SEALED_VERIFICATION.outcome()).isEqualTo(Outcome.VALID);
        byte[] file;
        if (input.length > 0 && input[0] == 1) {
            file = SEALED.clone();
            for (int at = 1; at + 4 <= input.length; at += 4) {
                int offset =
                        ((input[at] & 0xFF) << 16 | (input[at + 1] & 0xFF) << 8 | (input[at + 2] & 0xFF)) % file.length;
                file[offset] ^= input[at + 3];
            }
        } else {
            file = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
        }

        Verification v = VERIFIER.verify(file);
        assertThat(v.outcome()).isNotNull();
        assertThat(v.detail() != null || v.outcome() == Outcome.VALID).isTrue();
        if (v.outcome() != Outcome.VALID) {
            return;
        }
        Map<String, byte[]> files = OfdFiles.entries(file);
        assertThat(files.keySet()).isEqualTo(SEALED_FILES.keySet());
        files.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(SEALED_FILES.get(name)));
        assertThat(v.identifier()).isEqualTo(SEALED_VERIFICATION.identifier());
        assertThat(v.signerUscc()).isEqualTo(SEALED_VERIFICATION.signerUscc());
        assertThat(v.data()).isEqualTo(SEALED_VERIFICATION.data());
    }
}
