package org.zhengwu.licence.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.licence.LicenceAccess;
import org.zhengwu.licence.LicenceIdentifier;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * 互认 over HTTP: another platform's licence is refused while its root is not trusted, imported once the trust
 * administrator adds the root, then verifies as valid; a second import, a changed file and staff without the trust
 * permission are refused.
 */
@ZhengwuTest
class LicenceImportHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    LicenceDocuments documents;

    @Autowired
    StaffAccounts staff;

    @Autowired
    JdbcClient jdbc;

    private static LicenceContent otherPlatformsLicence(String identifier, LicenceIdentifier parts, String holderCode) {
        return new LicenceContent(
                identifier,
                "营业执照",
                parts.number(),
                parts.version(),
                "杭州市西湖区互认小馆",
                holderCode,
                "统一社会信用代码",
                "杭州市西湖区市场监督管理局",
                parts.issuerCode(),
                LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 11, 2),
                null,
                List.of(new LicenceContent.Line("类型", "个体工商户")),
                "https://zwfw.example.gov.cn/licences/verification?identifier=" + identifier,
                "certificate");
    }

    @Test
    void anotherPlatformsLicenceIsImportedOnceItsRootIsTrusted() {
        TestSeals otherPlatform = TestSeals.current("浙江省电子证照根证书");
        String issuer = TestPeople.newCreditCode();
        LicenceIdentifier parts = new LicenceIdentifier("11100000000013338W011", issuer, "20260000077", 1);
        String holderCode = TestPeople.newCreditCode();
        byte[] ofd = documents.issue(otherPlatformsLicence(parts.value(), parts, holderCode), otherPlatform);

        TestBrowser admin = new TestBrowser(port);
        admin.signInNewStaff(staff, null, LicenceAccess.LICENCE_TRUST_ADMIN);
        TestBrowser.Page form = admin.get("/licences/import");
        assertThat(form.status()).isEqualTo(200);
        String csrf = TestBrowser.csrf(form);

        TestBrowser.Page untrusted = importFile(admin, csrf, ofd);
        assertThat(untrusted.status()).isEqualTo(422);
        assertThat(untrusted.body()).contains("签发机构的根证书不在信任列表中");
        assertThat(registered(parts)).isZero();

        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder().encodeToString(otherPlatform.rootCertificate)
                + "\n-----END CERTIFICATE-----\n";
        TestBrowser.Page nameless = admin.postMultipart(
                "/licences/trust",
                Map.of("_csrf", List.of(csrf), "name", List.of("")),
                Map.of(
                        "certificate",
                        new TestBrowser.FilePart(
                                "root.pem", "application/x-pem-file", pem.getBytes(StandardCharsets.US_ASCII))));
        assertThat(nameless.status()).isEqualTo(200);
        assertThat(nameless.body()).contains("请填写名称");
        TestBrowser.Page notACertificate = admin.postMultipart(
                "/licences/trust",
                Map.of("_csrf", List.of(csrf), "name", List.of("浙江省")),
                Map.of(
                        "certificate",
                        new TestBrowser.FilePart(
                                "root.cer",
                                "application/pkix-cert",
                                "not a certificate".getBytes(StandardCharsets.US_ASCII))));
        assertThat(notACertificate.body()).contains("这不是有效的 SM2 自签名根证书");
        TestBrowser.Page added = admin.postMultipart(
                "/licences/trust",
                Map.of("_csrf", List.of(csrf), "name", List.of("浙江省电子证照库")),
                Map.of(
                        "certificate",
                        new TestBrowser.FilePart(
                                "root.pem", "application/x-pem-file", pem.getBytes(StandardCharsets.US_ASCII))));
        assertThat(added.status()).isEqualTo(302);
        assertThat(admin.get("/licences/trust").body()).contains("浙江省电子证照库");

        TestBrowser.Page imported = importFile(admin, csrf, ofd);
        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.body()).contains("data-testid=\"imported\"").contains(parts.value());
        assertThat(registered(parts)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT imported_from FROM licence_licence WHERE identifier = :i")
                        .param("i", parts.value())
                        .query(String.class)
                        .single())
                .isEqualTo("杭州市西湖区市场监督管理局");
        TestBrowser anyone = new TestBrowser(port);
        assertThat(anyone.getJson("/api/v1/licences/verification?identifier=" + parts.value())
                        .body())
                .contains("\"result\":\"VALID\"")
                .contains("杭州市西湖区互认小馆");

        assertThat(importFile(admin, csrf, ofd).status())
                .as("registered already")
                .isEqualTo(409);
        byte[] changed = ofd.clone();
        changed[changed.length / 2] ^= 1;
        assertThat(importFile(admin, csrf, changed).status()).isEqualTo(422);
        assertThat(registered(parts)).isEqualTo(1);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM shared_audit_entry WHERE action = 'licence.import' AND outcome = 'FAILURE'")
                        .query(Long.class)
                        .single())
                .as("refused imports stay in the accountability log")
                .isGreaterThanOrEqualTo(2);

        String fingerprint = SealCertificates.fingerprint(otherPlatform.rootCertificate);
        TestBrowser.Page removed = admin.post("/licences/trust/" + fingerprint + "/remove", Map.of("_csrf", csrf));
        assertThat(removed.status()).isEqualTo(302);
        assertThat(documents.verify(ofd).outcome())
                .as("once the root is removed, the file no longer verifies")
                .isEqualTo(Verification.Outcome.ISSUER_UNTRUSTED);
        assertThat(admin.post("/licences/trust/" + fingerprint + "/remove", Map.of("_csrf", csrf))
                        .status())
                .isEqualTo(404);

        TestBrowser officer = new TestBrowser(port);
        officer.signInNewStaff(staff, issuer(), LicenceAccess.LICENCE_OFFICER);
        assertThat(officer.get("/licences/import").status()).isEqualTo(403);
        assertThat(officer.get("/licences/trust").status()).isEqualTo(403);

        TestBrowser.Page root = anyone.get("/licences/trust/platform-root.cer");
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.headers().get("content-type")).anyMatch(v -> v.startsWith("application/pkix-cert"));
    }

    private String issuer() {
        return jdbc.sql("SELECT uscc FROM basedata_organisation ORDER BY uscc LIMIT 1")
                .query(String.class)
                .single();
    }

    private long registered(LicenceIdentifier parts) {
        return jdbc.sql("SELECT count(*) FROM licence_licence WHERE identifier = :i")
                .param("i", parts.value())
                .query(Long.class)
                .single();
    }

    private static TestBrowser.Page importFile(TestBrowser browser, String csrf, byte[] ofd) {
        return browser.postMultipart(
                "/licences/import",
                Map.of("_csrf", List.of(csrf)),
                Map.of("file", new TestBrowser.FilePart("licence.ofd", "application/ofd", ofd)));
    }
}
