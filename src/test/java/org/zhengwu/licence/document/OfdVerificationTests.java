package org.zhengwu.licence.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.zhengwu.licence.document.Verification.Outcome;

/**
 * The verifier alone, on files sealed in memory under a root of the test's own (real SM2 keys and certificates): every
 * outcome, with a control that the same file untouched (or re-packed unchanged) is valid, so that each bad outcome is
 * caused by the change made.
 */
class OfdVerificationTests {

    static final String IDENTIFIER = "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U";
    static final String ISSUER = "11340100MB1234567X";

    private static final TestSeals SEALS = TestSeals.current("测试平台根证书");
    private static final OfdComposer COMPOSER = new OfdComposer(CjkFont.load(""));
    private static final OfdVerifier VERIFIER = new OfdVerifier(
            () -> new OfdVerifier.Roots(1, List.of(SealCertificates.holder(SEALS.rootCertificate))), 16 << 20);
    private static final byte[] ISSUED = issue(SEALS, TestSeals.businessLicence(IDENTIFIER, ISSUER));

    static byte[] issue(SealSigner signer, LicenceContent content) {
        SealSigner.OrganisationSeal seal = signer.seal(content.issuerUscc(), content.issuerName());
        return OfdSealer.seal(
                COMPOSER.files(content, true),
                signer,
                seal,
                OfdComposer.geometry(content.layout()).sealBox(),
                Clock.systemUTC());
    }

    @Test
    void anIssuedFileIsValidAndSaysWhoSealedItWhenAndWhatItIs() {
        Verification v = VERIFIER.verify(ISSUED);
        assertThat(v.outcome()).as(v.detail()).isEqualTo(Outcome.VALID);
        assertThat(v.identifier()).isEqualTo(IDENTIFIER);
        assertThat(v.signerName()).isEqualTo("合肥市庐阳区市场监督管理局");
        assertThat(v.signerUscc()).isEqualTo(ISSUER);
        assertThat(v.sealName()).isEqualTo("合肥市庐阳区市场监督管理局电子证照专用章");
        assertThat(v.signedAt()).isBetween(Instant.now().minusSeconds(600), Instant.now());
        // re-packed without a change it is the same document
        assertThat(VERIFIER.verify(OfdFiles.zip(OfdFiles.entries(ISSUED))).outcome())
                .isEqualTo(Outcome.VALID);
    }

    @Test
    void theSealCoversEveryFileAndTheMetadata() {
        Map<String, byte[]> files = OfdFiles.entries(ISSUED);
        assertThat(files)
                .containsKeys(
                        "OFD.xml",
                        "Doc_0/Document.xml",
                        "Doc_0/Pages/Page_0/Content.xml",
                        "Doc_0/Signs/Signatures.xml",
                        "Doc_0/Signs/Sign_0/Signature.xml",
                        "Doc_0/Signs/Sign_0/SignedValue.dat",
                        "Doc_0/Signs/Sign_0/Seal.esl");
        String signature = new String(files.get("Doc_0/Signs/Sign_0/Signature.xml"), StandardCharsets.UTF_8);
        assertThat(signature).contains("FileRef=\"/OFD.xml\"", "FileRef=\"/Doc_0/Pages/Page_0/Content.xml\"");
    }

    @Test
    void oneChangedCharacterOnThePageIsTampering() {
        byte[] changed = OfdFiles.withText(ISSUED, "Doc_0/Pages/Page_0/Content.xml", s -> s.replace("张记", "李记"));
        Verification v = VERIFIER.verify(changed);
        assertThat(v.outcome()).isEqualTo(Outcome.SIGNATURE_INVALID);
        assertThat(v.detail()).contains("Content.xml");
    }

    @Test
    void oneFlippedByteAnywhereInTheSignedContentIsTampering() {
        for (String entry : List.of(
                "Doc_0/Pages/Page_0/Content.xml",
                "Doc_0/Document.xml",
                "Doc_0/Signs/Sign_0/Seal.esl",
                "Doc_0/Signs/Sign_0/Signature.xml",
                "Doc_0/Signs/Sign_0/SignedValue.dat")) {
            for (int index : new int[] {60, -5}) {
                Verification v = VERIFIER.verify(OfdFiles.withByteFlipped(ISSUED, entry, index));
                assertThat(v.outcome())
                        .as(entry + " @" + index + ": " + v.detail())
                        .isIn(Outcome.SIGNATURE_INVALID, Outcome.MALFORMED_FILE);
                if (!entry.endsWith(".xml")) {
                    assertThat(v.outcome()).as(entry).isEqualTo(Outcome.SIGNATURE_INVALID);
                }
            }
        }
    }

    @Test
    void aChangedIdentifierInTheMetadataIsTampering() {
        String other = IDENTIFIER.substring(0, IDENTIFIER.length() - 7) + "002.S";
        byte[] changed = OfdFiles.withText(ISSUED, "OFD.xml", s -> s.replace(IDENTIFIER, other));
        Verification v = VERIFIER.verify(changed);
        assertThat(v.outcome()).isEqualTo(Outcome.SIGNATURE_INVALID);
        assertThat(v.identifier()).isEqualTo(other);
        assertThat(v.detail()).contains("OFD.xml");
    }

    @Test
    void anAddedFileIsNotProtectedAndRefused() {
        Map<String, byte[]> files = OfdFiles.entries(ISSUED);
        files.put("Doc_0/Res/extra.png", new byte[] {1, 2, 3});
        assertThat(VERIFIER.verify(OfdFiles.zip(files)).outcome()).isEqualTo(Outcome.SIGNATURE_INVALID);
    }

    @Test
    void aSealWhoseOwnSignatureIsBrokenIsInvalid() {
        byte[] file = issue(SEALS.withBrokenSeal(), TestSeals.businessLicence(IDENTIFIER, "11340100MB7654321Y"));
        Verification v = VERIFIER.verify(file);
        assertThat(v.outcome()).isEqualTo(Outcome.SIGNATURE_INVALID);
        assertThat(v.detail()).contains("seal's own signature");
    }

    @Test
    void theRememberedResultOfASealsOwnSignatureIsForThoseExactBytesOnly() {
        OfdVerifier verifier = new OfdVerifier(
                () -> new OfdVerifier.Roots(1, List.of(SealCertificates.holder(SEALS.rootCertificate))), 16 << 20);
        String uscc = "11340100MB2468100Z";
        byte[] good = issue(SEALS, TestSeals.businessLicence(IDENTIFIER, uscc));
        // the same seal (id, name, certificates, picture) with one bit of the maker's signature flipped
        byte[] broken = issue(SEALS.withBrokenSeal(), TestSeals.businessLicence(IDENTIFIER, uscc));
        assertThat(verifier.verify(good).outcome()).isEqualTo(Outcome.VALID);
        Verification v = verifier.verify(broken);
        assertThat(v.outcome()).isEqualTo(Outcome.SIGNATURE_INVALID);
        assertThat(v.detail()).contains("seal's own signature");
        assertThat(verifier.verify(good).outcome()).isEqualTo(Outcome.VALID);
        assertThat(verifier.verify(broken).outcome()).isEqualTo(Outcome.SIGNATURE_INVALID);
    }

    @Test
    void truncatedEmptyAndForeignFilesAreMalformed() {
        for (int cut : new int[] {1, 22, ISSUED.length / 2, ISSUED.length - 30}) {
            byte[] truncated = Arrays.copyOf(ISSUED, ISSUED.length - cut);
            assertThat(VERIFIER.verify(truncated).outcome()).as("cut " + cut).isEqualTo(Outcome.MALFORMED_FILE);
        }
        assertThat(VERIFIER.verify(null).outcome()).isEqualTo(Outcome.MALFORMED_FILE);
        assertThat(VERIFIER.verify(new byte[0]).outcome()).isEqualTo(Outcome.MALFORMED_FILE);
        assertThat(VERIFIER.verify("%PDF-1.7 not an OFD at all, just text"
                                .repeat(10)
                                .getBytes(StandardCharsets.UTF_8))
                        .outcome())
                .isEqualTo(Outcome.MALFORMED_FILE);
        // a ZIP, but not an OFD
        assertThat(VERIFIER.verify(OfdFiles.zip(Map.of("word/document.xml", "<w/>".getBytes())))
                        .outcome())
                .isEqualTo(Outcome.MALFORMED_FILE);
        // an OFD.xml that is not XML
        assertThat(VERIFIER.verify(OfdFiles.zip(Map.of("OFD.xml", "<ofd:OFD".getBytes())))
                        .outcome())
                .isEqualTo(Outcome.MALFORMED_FILE);
        // an OFD.xml with a DOCTYPE (entity expansion is never attempted)
        String doctype =
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\">&a;</ofd:OFD>";
        assertThat(VERIFIER.verify(OfdFiles.zip(Map.of("OFD.xml", doctype.getBytes())))
                        .outcome())
                .isEqualTo(Outcome.MALFORMED_FILE);
    }

    @Test
    void aZipBombAndAnOversizedFileAreMalformed() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("OFD.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 100; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(out.size()).isLessThan(1 << 20);
        Verification bomb = VERIFIER.verify(out.toByteArray());
        assertThat(bomb.outcome()).isEqualTo(Outcome.MALFORMED_FILE);
        assertThat(bomb.detail()).contains("unpacks to more than");
        OfdVerifier small = new OfdVerifier(() -> new OfdVerifier.Roots(1, List.of()), ISSUED.length - 1);
        assertThat(small.verify(ISSUED).detail()).contains("larger than");
    }

    @Test
    void anOfdWithoutSealIsUnsigned() {
        byte[] unsigned = COMPOSER.compose(TestSeals.businessLicence(IDENTIFIER, ISSUER));
        Verification v = VERIFIER.verify(unsigned);
        assertThat(v.outcome()).isEqualTo(Outcome.UNSIGNED);
        assertThat(v.identifier()).isEqualTo(IDENTIFIER);
    }

    @Test
    void aSealOfAnotherRootIsUntrusted() {
        TestSeals other = TestSeals.current("另一平台根证书");
        Verification v = VERIFIER.verify(issue(other, TestSeals.businessLicence(IDENTIFIER, ISSUER)));
        assertThat(v.outcome()).isEqualTo(Outcome.ISSUER_UNTRUSTED);
        assertThat(v.signerUscc()).isEqualTo(ISSUER);
    }

    @Test
    void aSealWhoseCertificateHadExpiredWhenSigningIsExpired() {
        Instant now = Instant.now();
        TestSeals expired = new TestSeals("过期测试根", now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(30)));
        OfdVerifier verifier = new OfdVerifier(
                () -> new OfdVerifier.Roots(1, List.of(SealCertificates.holder(expired.rootCertificate))), 16 << 20);
        Verification v = verifier.verify(issue(expired, TestSeals.businessLicence(IDENTIFIER, ISSUER)));
        assertThat(v.outcome()).as(v.detail()).isEqualTo(Outcome.CERTIFICATE_EXPIRED);
        // and a seal certificate not yet valid
        TestSeals future = new TestSeals("未来测试根", now.plus(Duration.ofDays(30)), now.plus(Duration.ofDays(60)));
        OfdVerifier futureVerifier = new OfdVerifier(
                () -> new OfdVerifier.Roots(1, List.of(SealCertificates.holder(future.rootCertificate))), 16 << 20);
        assertThat(futureVerifier
                        .verify(issue(future, TestSeals.businessLicence(IDENTIFIER, ISSUER)))
                        .outcome())
                .isEqualTo(Outcome.CERTIFICATE_EXPIRED);
    }

    @Test
    void thePortraitLayoutIsSealedAndValidToo() {
        LicenceContent landscape = TestSeals.businessLicence(IDENTIFIER, ISSUER);
        LicenceContent portrait = new LicenceContent(
                landscape.identifier(),
                "出生医学证明",
                landscape.number(),
                1,
                "王小明",
                "340104202611210011",
                "公民身份号码",
                landscape.issuerName(),
                ISSUER,
                landscape.issuedOn(),
                landscape.validFrom(),
                null,
                List.of(new LicenceContent.Line("出生时间", "2026年11月20日 08时30分")),
                landscape.verificationUrl(),
                OfdComposer.PORTRAIT);
        assertThat(VERIFIER.verify(issue(SEALS, portrait)).outcome()).isEqualTo(Outcome.VALID);
    }
}
