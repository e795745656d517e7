package org.zhengwu.licence.document;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.zhengwu.shared.crypto.Sm2;

/**
 * Seals made in memory under a root of the test's own — a second platform, or certificates with chosen validity — for
 * the verifier to judge. Real SM2 keys and certificates, the same code as the platform's signer.
 */
final class TestSeals implements SealSigner {

    final byte[] rootKey = Sm2.newPrivateKey();
    final byte[] rootCertificate;
    private final Instant notBefore;
    private final Instant notAfter;
    private final Map<String, SealMaker.Made> made = new ConcurrentHashMap<>();

    /** A root valid from two years ago for two years more; its seal certificates valid as given. */
    TestSeals(String rootName, Instant notBefore, Instant notAfter) {
        Instant now = Instant.now();
        this.rootCertificate = SealCertificates.root(
                rootName, rootKey, now.minus(Duration.ofDays(730)), now.plus(Duration.ofDays(730)));
        this.notBefore = notBefore;
        this.notAfter = notAfter;
    }

    /** A root and seal certificates valid from yesterday for a year. */
    static TestSeals current(String rootName) {
        Instant now = Instant.now();
        return new TestSeals(rootName, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }

    @Override
    public OrganisationSeal seal(String issuerUscc, String issuerName) {
        return made.computeIfAbsent(
                        issuerUscc,
                        uscc -> SealMaker.make(
                                CjkFont.load(""), rootCertificate, rootKey, uscc, issuerName, notBefore, notAfter))
                .seal();
    }

    /** Seals whose maker signature is broken (one bit flipped), the document signature itself right. */
    SealSigner withBrokenSeal() {
        TestSeals outer = this;
        return new SealSigner() {
            @Override
            public OrganisationSeal seal(String issuerUscc, String issuerName) {
                OrganisationSeal good = outer.seal(issuerUscc, issuerName);
                Ses.Seal parsed = Ses.readSeal(good.seal());
                byte[] signature = parsed.makerSignature().clone();
                signature[signature.length - 3] ^= 1;
                return new OrganisationSeal(
                        issuerUscc, issuerName, good.signerCertificate(), Ses.seal(parsed.makerSigned(), signature));
            }

            @Override
            public byte[] sign(OrganisationSeal seal, byte[] toBeSigned) {
                return outer.sign(seal, toBeSigned);
            }
        };
    }

    @Override
    public byte[] sign(OrganisationSeal seal, byte[] toBeSigned) {
        return Sm2.sign(made.get(seal.issuerUscc()).privateKey(), toBeSigned);
    }

    static LicenceContent businessLicence(String identifier, String issuerUscc) {
        return new LicenceContent(
                identifier,
                "营业执照",
                "20260000123",
                1,
                "合肥市庐阳区张记小吃店",
                "92340103MA2TXXXX1B",
                "统一社会信用代码",
                "合肥市庐阳区市场监督管理局",
                issuerUscc,
                LocalDate.of(2026, 11, 21),
                LocalDate.of(2026, 11, 21),
                null,
                List.of(
                        new LicenceContent.Line("类型", "个体工商户"),
                        new LicenceContent.Line("经营者", "张三"),
                        new LicenceContent.Line("组成形式", "个人经营"),
                        new LicenceContent.Line("经营场所", "安徽省合肥市庐阳区长江中路 88 号 1 层 101 室"),
                        new LicenceContent.Line("经营范围", "许可项目：食品销售；餐饮服务。一般项目：食用农产品零售（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）"),
                        new LicenceContent.Line("注册日期", "2026年11月21日")),
                "https://zhengwu.example.gov.cn/licences/verify?id=" + identifier,
                "certificate");
    }
}
