package org.zhengwu.licence.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.licence.document.Verification.Outcome;
import org.zhengwu.shared.crypto.PlatformKeys;
import org.zhengwu.support.ZhengwuTest;

/**
 * The service on the whole platform: seals made on first use and kept in the database (one per organisation, also
 * when two nodes make it at once), issue → verify, the trust list for another platform's root.
 */
@ZhengwuTest
class LicenceDocumentsTests {

    @Autowired
    LicenceDocuments documents;

    @Autowired
    IssuerTrust trust;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformKeys keys;

    @Autowired
    LicenceFonts fonts;

    @Autowired
    LicenceDocumentsProperties properties;

    private static String uscc() {
        // any 18 characters of the code's alphabet fit the table's check; the test needs only uniqueness
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder code = new StringBuilder("11");
        for (int i = 0; i < 16; i++) {
            code.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return code.toString();
    }

    @Test
    void anIssuedLicenceVerifiesAndItsSealIsKeptEncrypted() {
        String issuer = uscc();
        byte[] ofd = documents.issue(TestSeals.businessLicence(OfdVerificationTests.IDENTIFIER, issuer));
        Verification v = documents.verify(ofd);
        assertThat(v.outcome()).as(v.detail()).isEqualTo(Outcome.VALID);
        assertThat(v.signerUscc()).isEqualTo(issuer);
        assertThat(v.identifier()).isEqualTo(OfdVerificationTests.IDENTIFIER);

        byte[] sealed = jdbc.sql("SELECT private_key FROM licence_seal WHERE issuer_uscc = :u")
                .param("u", issuer)
                .query(byte[].class)
                .single();
        assertThat(sealed.length).isGreaterThan(32);
        // bound to its row: the key does not open as another organisation's
        assertThatIllegalArgumentException()
                .isThrownBy(() -> keys.decrypt(sealed, "licence_seal.private_key/" + uscc()));

        // a second licence of the same issuer uses the same seal
        byte[] again = documents.issue(TestSeals.businessLicence(OfdVerificationTests.IDENTIFIER, issuer));
        assertThat(documents.verify(again).outcome()).isEqualTo(Outcome.VALID);
        assertThat(jdbc.sql("SELECT count(*) FROM licence_seal WHERE issuer_uscc = :u")
                        .param("u", issuer)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        byte[] tampered = OfdFiles.withText(ofd, "Doc_0/Pages/Page_0/Content.xml", s -> s.replace("张三", "李四"));
        assertThat(documents.verify(tampered).outcome()).isEqualTo(Outcome.SIGNATURE_INVALID);
        assertThat(documents.render(ofd, 72)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThatIllegalArgumentException().isThrownBy(() -> documents.render(new byte[100], 72));
    }

    @Test
    void twoNodesMakingTheSameSealAtOnceEndWithOne() throws Exception {
        String issuer = uscc();
        int nodes = 4;
        List<LocalSealSigner> signers = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            signers.add(new LocalSealSigner(jdbc, keys, Clock.systemUTC(), fonts, properties));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            List<Future<SealSigner.OrganisationSeal>> made = new ArrayList<>();
            for (LocalSealSigner signer : signers) {
                made.add(pool.submit(() -> {
                    start.await();
                    return signer.seal(issuer, "并发测试局");
                }));
            }
            start.countDown();
            byte[] first = made.get(0).get().signerCertificate();
            for (Future<SealSigner.OrganisationSeal> seal : made) {
                assertThat(seal.get().signerCertificate()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM licence_seal WHERE issuer_uscc = :u")
                        .param("u", issuer)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        // and each of them signs with the key that was kept
        for (LocalSealSigner signer : signers) {
            byte[] ofd = documents.issue(TestSeals.businessLicence(OfdVerificationTests.IDENTIFIER, issuer), signer);
            assertThat(documents.verify(ofd).outcome()).isEqualTo(Outcome.VALID);
        }
    }

    @Test
    void anotherPlatformsLicenceIsTrustedOnlyWhileItsRootIsOnTheList() {
        TestSeals other = TestSeals.current("另一省政务服务平台电子印章根证书");
        byte[] ofd = documents.issue(TestSeals.businessLicence(OfdVerificationTests.IDENTIFIER, uscc()), other);
        assertThat(documents.verify(ofd).outcome()).isEqualTo(Outcome.ISSUER_UNTRUSTED);

        IssuerTrust.TrustedRoot added = trust.trust("另一省政务服务平台", other.rootCertificate, "trust-admin");
        assertThat(added.platform()).isFalse();
        assertThat(documents.verify(ofd).outcome()).isEqualTo(Outcome.VALID);
        assertThat(trust.list())
                .extracting(IssuerTrust.TrustedRoot::fingerprint)
                .contains(added.fingerprint());
        assertThat(trust.list().get(0).platform()).isTrue();
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM shared_audit_entry WHERE action = 'licence.trust.add' AND object_id = :f")
                        .param("f", added.fingerprint())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        assertThat(trust.untrust(added.fingerprint(), "trust-admin")).isTrue();
        assertThat(trust.untrust(added.fingerprint(), "trust-admin")).isFalse();
        assertThat(documents.verify(ofd).outcome()).isEqualTo(Outcome.ISSUER_UNTRUSTED);
    }

    @Test
    void theTrustListRefusesWhatIsNotAnSm2Root() {
        TestSeals other = TestSeals.current("另一根");
        SealSigner.OrganisationSeal seal = other.seal(uscc(), "某局");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> trust.trust("不是根", seal.signerCertificate(), "trust-admin"))
                .withMessageContaining("self-signed");
        assertThatIllegalArgumentException().isThrownBy(() -> trust.trust("乱码", new byte[] {1, 2, 3}, "trust-admin"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> trust.trust("本平台", trust.platformRoot(), "trust-admin"))
                .withMessageContaining("always trusted");
        assertThatIllegalArgumentException().isThrownBy(() -> trust.trust(" ", other.rootCertificate, "trust-admin"));
    }
}
