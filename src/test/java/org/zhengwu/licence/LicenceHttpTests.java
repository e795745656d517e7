package org.zhengwu.licence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.licence.register.LicenceRecords;
import org.zhengwu.licence.register.LicenceRow;
import org.zhengwu.shared.files.FileStore;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A licence as its users meet it over HTTP: anyone verifies it by identifier or file (page and API), its holder finds
 * it in 我的证照 and downloads it, the issuing organisation's officer revokes, annotates and re-issues it — and
 * everyone else is refused.
 */
@ZhengwuTest
class LicenceHttpTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    LicenceFixtures fixtures;

    @Autowired
    LicenceRecords licences;

    @Autowired
    FileStore files;

    @Autowired
    StaffAccounts staff;

    @Autowired
    JdbcClient jdbc;

    private TestBrowser anyone;

    @BeforeEach
    void browser() {
        anyone = new TestBrowser(port, "198.51.100." + (int) (Math.random() * 200 + 1));
    }

    private JsonNode verify(String identifier) {
        TestBrowser.Page page = anyone.getJson("/api/v1/licences/verification?identifier=" + identifier);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return JSON.readTree(page.body());
    }

    @Test
    void verificationByIdentifierAnswersEachCaseAndMasksAPersonsData() {
        LicenceRow l = fixtures.businessLicence("钱七", "合肥市蜀山区钱记小吃").licence();

        JsonNode valid = verify(l.identifier());
        assertThat(valid.get("result").asText()).isEqualTo("VALID");
        assertThat(valid.at("/licence/number").asText()).isEqualTo(l.number());
        assertThat(valid.at("/licence/holderName").asText()).isEqualTo("合肥市蜀山区钱记小吃");
        assertThat(valid.at("/licence/issuerUscc").asText()).isEqualTo(l.issuerUscc());

        String wrongCheck = l.identifier().substring(0, l.identifier().length() - 1)
                + (l.identifier().endsWith("A") ? "B" : "A");
        assertThat(verify(wrongCheck).get("result").asText()).isEqualTo("MALFORMED");
        assertThat(verify("1.2.156.3005.2.nonsense").get("result").asText()).isEqualTo("MALFORMED");

        LicenceIdentifier neverIssued = new LicenceIdentifier(l.typeCode(), l.issuerUscc(), "19990000001", 1);
        assertThat(verify(neverIssued.value()).get("result").asText()).isEqualTo("NOT_FOUND");

        TestBrowser.Page missing = anyone.getJson("/api/v1/licences/verification");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("identifier");

        TestBrowser.Page page = anyone.get("/licences/verification?identifier=" + l.identifier());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("data-result=\"VALID\"")
                .contains(l.number())
                .contains("合肥市蜀山区钱记小吃");
    }

    @Test
    void aPersonsLicenceIsShownMaskedToTheVerifier() {
        LicenceRow l = fixtures.businessLicence("孙八", null).licence();
        jdbc.sql("UPDATE licence_licence SET holder_code_kind = '111', holder_code_masked = '3401**********1234'"
                        + " WHERE id = :id")
                .param("id", l.id())
                .update();
        JsonNode answer = verify(l.identifier());
        assertThat(answer.at("/licence/holderName").asText()).isEqualTo("孙*");
        assertThat(answer.at("/licence/holderCode").asText()).isEqualTo("3401**********1234");
    }

    @Test
    void anExpiredLicenceIsReportedExpired() {
        LicenceRow l = fixtures.businessLicence("周九", null).licence();
        jdbc.sql("UPDATE licence_licence SET valid_from = DATE '2020-01-01', valid_until = DATE '2021-12-31'"
                        + " WHERE id = :id")
                .param("id", l.id())
                .update();
        assertThat(verify(l.identifier()).get("result").asText()).isEqualTo("EXPIRED");
    }

    @Test
    void verificationByFileDetectsAChangedByteAndABrokenFile() throws IOException {
        LicenceRow l = fixtures.businessLicence("吴十", "合肥市蜀山区吴家菜馆").licence();
        byte[] ofd = read(l);

        JsonNode valid = verifyFile(ofd);
        assertThat(valid.get("result").asText()).isEqualTo("VALID");
        assertThat(valid.at("/licence/identifier").asText()).isEqualTo(l.identifier());
        assertThat(valid.at("/seal/signerUscc").asText()).isEqualTo(l.issuerUscc());

        assertThat(verifyFile(changeOneByteOfThePage(ofd)).get("result").asText())
                .isEqualTo("SIGNATURE_INVALID");
        JsonNode truncated = verifyFile(java.util.Arrays.copyOf(ofd, ofd.length / 2));
        assertThat(truncated.get("result").asText()).isEqualTo("MALFORMED");
        assertThat(truncated.get("reason").asText()).isEqualTo("FILE");
        assertThat(verifyFile("not an ofd".getBytes(StandardCharsets.UTF_8))
                        .get("result")
                        .asText())
                .isEqualTo("MALFORMED");

        TestBrowser.Page form = anyone.get("/licences/verification");
        TestBrowser.Page page = anyone.postMultipart(
                "/licences/verification",
                Map.of("_csrf", List.of(TestBrowser.csrf(form))),
                Map.of("file", new TestBrowser.FilePart("licence.ofd", "application/ofd", ofd)));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-result=\"VALID\"").contains("合肥市蜀山区吴家菜馆");
        TestBrowser.Page none = anyone.postMultipart(
                "/licences/verification", Map.of("_csrf", List.of(TestBrowser.csrf(form))), Map.of());
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.body()).contains("请选择要核验的 OFD 证照文件");
    }

    @Test
    void theHolderFindsDownloadsAndSeesTheirLicenceAndNobodyElseDoes() throws IOException {
        LicenceFixtures.Issued issued = fixtures.businessLicence("郑十一", "合肥市蜀山区郑氏粮油店");
        LicenceRow l = issued.licence();
        TestBrowser holder = new TestBrowser(port);
        assertThat(holder.signIn(issued.citizen().username(), TestPeople.PASSWORD)
                        .status())
                .isEqualTo(302);

        assertThat(holder.get("/account").body())
                .contains("href=\"/my/licences\"")
                .contains("href=\"/my/cases\"");
        TestBrowser.Page mine = holder.get("/my/licences");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).contains("营业执照").contains(l.number());

        TestBrowser.Page one = holder.get("/my/licences/" + l.id());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body()).contains(l.identifier()).contains("合肥市蜀山区郑氏粮油店").contains("个人经营");

        TestBrowser.Page file = holder.get("/my/licences/" + l.id() + "/file");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.headers().get("content-type")).anyMatch(v -> v.startsWith("application/ofd"));
        assertThat(file.headers().get("content-disposition")).anyMatch(v -> v.startsWith("attachment"));

        TestPeople.Citizen other = TestPeople.register(fixtures.citizens(), "冯十二");
        TestBrowser stranger = new TestBrowser(port);
        stranger.signIn(other.username(), TestPeople.PASSWORD);
        assertThat(stranger.get("/my/licences").body()).doesNotContain(l.number());
        assertThat(stranger.get("/my/licences/" + l.id()).status()).isEqualTo(404);
        assertThat(stranger.get("/my/licences/" + l.id() + "/file").status()).isEqualTo(404);
        assertThat(stranger.get("/my/licences/" + l.id() + "/page.png").status())
                .isEqualTo(404);

        assertThat(anyone.get("/my/licences/" + l.id() + "/file").status()).isIn(302, 401);
    }

    @Test
    void theIssuingOfficerRevokesAnnotatesAndReissuesAndOthersCannot() {
        LicenceRow l = fixtures.businessLicence("陈十三", "合肥市蜀山区陈记茶社").licence();
        TestBrowser officer = new TestBrowser(port);
        officer.signInNewStaff(staff, l.issuerUscc(), LicenceAccess.LICENCE_OFFICER);

        assertThat(officer.get("/licences/manage").body()).contains(l.number());
        assertThat(officer.get("/admin").body())
                .as("the administration home links to the officer's work")
                .contains("href=\"/licences/manage\"")
                .doesNotContain("href=\"/licences/authorised\"");

        TestBrowser.Page form = officer.get("/licences/manage/" + l.id() + "/annotate");
        assertThat(form.status()).isEqualTo(200);
        String csrf = TestBrowser.csrf(form);
        TestBrowser.Page blank = officer.post(
                "/licences/manage/" + l.id() + "/annotate", Map.of("_csrf", csrf, "reason", "", "content", ""));
        assertThat(blank.status()).isEqualTo(200);
        assertThat(blank.body()).contains("此项为必填项");
        TestBrowser.Page annotated = officer.post(
                "/licences/manage/" + l.id() + "/annotate",
                Map.of("_csrf", csrf, "reason", "年度报告", "content", "2026 年度报告已公示", "validUntil", ""));
        assertThat(annotated.status()).isEqualTo(302);
        assertThat(officer.get("/licences/manage/" + l.id()).body()).contains("2026 年度报告已公示");

        TestBrowser.Page reissued =
                officer.post("/licences/manage/" + l.id() + "/reissue", Map.of("_csrf", csrf, "reason", "证照文件损毁"));
        assertThat(reissued.status()).isEqualTo(302);
        LicenceRow second = licences.versions(l).get(0);
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.identifier())
                .isEqualTo(LicenceIdentifier.parse(l.identifier())
                        .orElseThrow()
                        .withVersion(2)
                        .value());
        assertThat(verify(l.identifier()).get("result").asText()).isEqualTo("SUPERSEDED");
        assertThat(verify(second.identifier()).get("result").asText()).isEqualTo("VALID");

        TestBrowser.Page again =
                officer.post("/licences/manage/" + l.id() + "/revoke", Map.of("_csrf", csrf, "reason", "重复"));
        assertThat(again.status()).as("a superseded version cannot be revoked").isEqualTo(409);

        TestBrowser otherOrganisation = new TestBrowser(port);
        String otherUscc = jdbc.sql("SELECT uscc FROM basedata_organisation WHERE uscc <> :u ORDER BY uscc LIMIT 1")
                .param("u", l.issuerUscc())
                .query(String.class)
                .single();
        otherOrganisation.signInNewStaff(staff, otherUscc, LicenceAccess.LICENCE_OFFICER);
        assertThat(otherOrganisation.get("/licences/manage/" + second.id()).status())
                .isEqualTo(404);
        TestBrowser.Page otherForm = otherOrganisation.get("/licences/manage");
        assertThat(otherForm.body()).doesNotContain(second.number());

        TestBrowser.Page revoked =
                officer.post("/licences/manage/" + second.id() + "/revoke", Map.of("_csrf", csrf, "reason", "依法吊销"));
        assertThat(revoked.status()).isEqualTo(302);
        JsonNode answer = verify(second.identifier());
        assertThat(answer.get("result").asText()).isEqualTo("REVOKED");
        assertThat(answer.at("/licence/statusReason").asText()).isEqualTo("依法吊销");
        assertThat(jdbc.sql("SELECT count(*) FROM shared_audit_entry WHERE action IN ('licence.annotate',"
                                + " 'licence.reissue', 'licence.revoke') AND details LIKE :d")
                        .param("d", "%")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void theHolderAuthorisesADepartmentWhichSeesTheLicenceUntilTheAuthorisationIsWithdrawn() {
        LicenceFixtures.Issued issued = fixtures.businessLicence("褚十四", "合肥市蜀山区褚记酒楼");
        LicenceRow l = issued.licence();
        String department = jdbc.sql("SELECT uscc FROM basedata_organisation WHERE uscc <> :u ORDER BY uscc LIMIT 1")
                .param("u", l.issuerUscc())
                .query(String.class)
                .single();
        TestBrowser holder = new TestBrowser(port);
        holder.signIn(issued.citizen().username(), TestPeople.PASSWORD);
        TestBrowser.Page page = holder.get("/my/licences/" + l.id());
        String csrf = TestBrowser.csrf(page);

        TestBrowser.Page bad = holder.post(
                "/my/licences/" + l.id() + "/authorisations",
                Map.of("_csrf", csrf, "grantee", "", "caseNumber", "123", "scope", "FILE", "validUntil", "2020-01-01"));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("请选择一项").contains("办件编号格式不对").contains("授权期限不能早于今天");
        assertThat(jdbc.sql("SELECT count(*) FROM licence_authorisation WHERE number = :n")
                        .param("n", l.number())
                        .query(Long.class)
                        .single())
                .isZero();

        String until = java.time.LocalDate.now(org.zhengwu.shared.time.BusinessTime.ZONE)
                .plusDays(10)
                .toString();
        TestBrowser.Page granted = holder.post(
                "/my/licences/" + l.id() + "/authorisations",
                Map.of("_csrf", csrf, "grantee", department, "caseNumber", "", "scope", "FIELDS", "validUntil", until));
        assertThat(granted.status()).isEqualTo(302);
        long authorisation = jdbc.sql("SELECT id FROM licence_authorisation WHERE number = :n")
                .param("n", l.number())
                .query(Long.class)
                .single();

        TestBrowser clerk = new TestBrowser(port);
        clerk.signInNewStaff(staff, department, LicenceAccess.LICENCE_USER);
        assertThat(clerk.get("/licences/authorised").body()).contains(l.number());
        assertThat(clerk.get("/admin").body())
                .contains("href=\"/licences/authorised\"")
                .doesNotContain("href=\"/licences/manage\"");
        TestBrowser.Page opened = clerk.get("/licences/authorised/" + authorisation);
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.body()).contains("合肥市蜀山区褚记酒楼");
        assertThat(clerk.get("/licences/authorised/" + authorisation + "/file").status())
                .as("only the fields were authorised")
                .isEqualTo(404);
        assertThat(clerk.get("/licences/authorised/" + authorisation + "?case=123")
                        .status())
                .as("a mistyped case number")
                .isEqualTo(400);

        TestBrowser otherDepartment = new TestBrowser(port);
        otherDepartment.signInNewStaff(staff, l.issuerUscc(), LicenceAccess.LICENCE_USER);
        assertThat(otherDepartment.get("/licences/authorised").body()).doesNotContain(l.number());
        assertThat(otherDepartment.get("/licences/authorised/" + authorisation).status())
                .isEqualTo(404);

        TestBrowser.Page withUses = holder.get("/my/licences/" + l.id());
        assertThat(withUses.body()).contains("data-testid=\"uses\"").contains("查看证照信息");

        TestPeople.Citizen other = TestPeople.register(fixtures.citizens(), "卫十五");
        TestBrowser stranger = new TestBrowser(port);
        stranger.signIn(other.username(), TestPeople.PASSWORD);
        String strangerCsrf = TestBrowser.csrf(stranger.get("/my/licences"));
        assertThat(stranger.post(
                                "/my/licences/" + l.id() + "/authorisations/" + authorisation + "/withdraw",
                                Map.of("_csrf", strangerCsrf))
                        .status())
                .isEqualTo(404);
        assertThat(clerk.get("/licences/authorised/" + authorisation).status()).isEqualTo(200);

        TestBrowser.Page withdrawn = holder.post(
                "/my/licences/" + l.id() + "/authorisations/" + authorisation + "/withdraw", Map.of("_csrf", csrf));
        assertThat(withdrawn.status()).isEqualTo(302);
        assertThat(holder.post(
                                "/my/licences/" + l.id() + "/authorisations/" + authorisation + "/withdraw",
                                Map.of("_csrf", csrf))
                        .status())
                .as("the same withdrawal sent again")
                .isEqualTo(404);
        assertThat(clerk.get("/licences/authorised/" + authorisation).status()).isEqualTo(404);
        assertThat(clerk.get("/licences/authorised").body()).doesNotContain(l.number());
        assertThat(jdbc.sql("SELECT count(*) FROM licence_use u JOIN licence_licence l ON l.id = u.licence_id"
                                + " WHERE l.number = :n")
                        .param("n", l.number())
                        .query(Long.class)
                        .single())
                .as("two looks: the page and the second page after the stranger's attempt")
                .isEqualTo(2);
    }

    @Test
    void anAuthorisationForOneCaseServesThatCaseOnly() {
        LicenceFixtures.Issued issued = fixtures.businessLicence("蒋十六", null);
        LicenceRow l = issued.licence();
        TestBrowser holder = new TestBrowser(port);
        holder.signIn(issued.citizen().username(), TestPeople.PASSWORD);
        String csrf = TestBrowser.csrf(holder.get("/my/licences/" + l.id()));
        String caseNumber = issued.caseNumber();
        holder.post(
                "/my/licences/" + l.id() + "/authorisations",
                Map.of(
                        "_csrf",
                        csrf,
                        "grantee",
                        l.issuerUscc(),
                        "caseNumber",
                        caseNumber,
                        "scope",
                        "FILE",
                        "validUntil",
                        java.time.LocalDate.now(org.zhengwu.shared.time.BusinessTime.ZONE)
                                .toString()));
        long authorisation = jdbc.sql("SELECT id FROM licence_authorisation WHERE number = :n")
                .param("n", l.number())
                .query(Long.class)
                .single();
        TestBrowser clerk = new TestBrowser(port);
        clerk.signInNewStaff(staff, l.issuerUscc(), LicenceAccess.LICENCE_USER);
        assertThat(clerk.get("/licences/authorised/" + authorisation).status())
                .as("no case named")
                .isEqualTo(404);
        assertThat(clerk.get("/licences/authorised/" + authorisation + "?case=" + caseNumber)
                        .status())
                .isEqualTo(200);
        TestBrowser.Page file = clerk.get("/licences/authorised/" + authorisation + "/file?case=" + caseNumber);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.headers().get("content-type")).anyMatch(v -> v.startsWith("application/ofd"));
    }

    private byte[] read(LicenceRow l) throws IOException {
        try (InputStream in = files.open(l.fileKey())) {
            return in.readAllBytes();
        }
    }

    private JsonNode verifyFile(byte[] content) {
        String boundary = "----licence" + UUID.randomUUID();
        List<byte[]> parts = new ArrayList<>();
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"licence.ofd\"\r\n"
                        + "Content-Type: application/ofd\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        parts.add(content);
        parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://localhost:" + port + "/api/v1/licences/verification"))
                                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                    .header("Accept", "application/json")
                                    .header("X-Forwarded-For", "203.0.113." + (int) (Math.random() * 200 + 1))
                                    .POST(HttpRequest.BodyPublishers.ofByteArrays(parts))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** The OFD with one byte of the page's content changed, every other entry as it was. */
    static byte[] changeOneByteOfThePage(byte[] ofd) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        boolean changed = false;
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(ofd));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] data = in.readAllBytes();
                if (!changed
                        && entry.getName().contains("Pages/")
                        && entry.getName().endsWith("Content.xml")) {
                    String text = new String(data, StandardCharsets.UTF_8);
                    int at = text.indexOf("营业执照");
                    if (at >= 0) {
                        data = (text.substring(0, at) + "营业执昭" + text.substring(at + 4))
                                .getBytes(StandardCharsets.UTF_8);
                    } else {
                        data[data.length / 2] ^= 1;
                    }
                    changed = true;
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(data);
                zip.closeEntry();
            }
        }
        assertThat(changed).as("the OFD has a page content").isTrue();
        return out.toByteArray();
    }
}
