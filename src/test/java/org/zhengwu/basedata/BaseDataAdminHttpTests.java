package org.zhengwu.basedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.shared.codes.UnifiedSocialCreditCode;
import org.zhengwu.support.LockWaits;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.ZhengwuTest;

/** Registering organisations and importing divisions through the administration pages. */
@ZhengwuTest
class BaseDataAdminHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    DataSource dataSource;

    TestBrowser admin;

    @BeforeEach
    void signIn() {
        admin = new TestBrowser(port);
        admin.signInNewAdministrator(accounts);
    }

    private TestBrowser.Page register(Map<String, String> values) {
        Element form =
                admin.get("/admin/organisations/new").html().selectFirst("form[action=/admin/organisations/new]");
        Map<String, List<String>> fields = TestBrowser.formFields(form);
        values.forEach((k, v) -> fields.put(k, new ArrayList<>(List.of(v))));
        return admin.postMulti("/admin/organisations/new", fields);
    }

    private static String validCode(String body17) {
        return body17 + UnifiedSocialCreditCode.checkCharacter(body17);
    }

    @Test
    void aFormatErrorIsAlwaysRefusedAndEveryFieldIsNamed() {
        TestBrowser.Page page = register(Map.of(
                "uscc",
                "91340100I000100Y43",
                "name",
                "",
                "divisionCode",
                "341421",
                "exerciseLevel",
                "",
                "nature",
                "9",
                "phone",
                "not a phone"));
        assertThat(page.status()).isEqualTo(200);
        String summary = page.html().selectFirst(".error-summary").text();
        assertThat(summary).contains("第 9 位的字符“I”不允许使用", "此项为必填项", "不在有效期内", "请选择一项", "电话号码");
        TestBrowser.Page confirmed = register(Map.of(
                "uscc",
                "91340100I000100Y43",
                "acceptLegacyCode",
                "true",
                "name",
                "某公司",
                "divisionCode",
                "340104",
                "exerciseLevel",
                "4",
                "nature",
                "9"));
        assertThat(confirmed.html().selectFirst(".error-summary").text()).contains("不允许使用");
    }

    @Test
    void aCheckCharacterFailureIsAcceptedOnlyWhenTheAdministratorConfirmsALegacyCode() {
        String good = validCode("12340104MB1T" + String.format("%05d", System.nanoTime() % 100000));
        char wrongCheck = good.charAt(17) == '0' ? '1' : '0';
        String legacy = good.substring(0, 17) + wrongCheck;
        Map<String, String> values = new java.util.HashMap<>(Map.of(
                "uscc", legacy, "name", "测试存量机构", "divisionCode", "340104", "exerciseLevel", "4", "nature", "2"));
        Document warned = register(values).html();
        assertThat(warned.selectFirst(".error-summary").text()).contains("校验码不正确", "存量代码");
        values.put("acceptLegacyCode", "true");
        TestBrowser.Page saved = register(values);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(admin.getJson("/api/v1/organisations/" + legacy).body()).contains("\"legacyCode\":true");
        assertThat(register(values).html().selectFirst(".error-summary").text()).contains("已登记");
    }

    @Test
    void anOrganisationCanBeChangedButNotItsCode() {
        String code = validCode("11340111MB2T" + String.format("%05d", (System.nanoTime() / 7) % 100000));
        assertThat(register(Map.of(
                                "uscc",
                                code,
                                "name",
                                "包河区测试局",
                                "divisionCode",
                                "340111",
                                "exerciseLevel",
                                "4",
                                "nature",
                                "1"))
                        .status())
                .isEqualTo(302);
        Element form =
                admin.get("/admin/organisations/" + code).html().selectFirst("form[action^=/admin/organisations/]");
        assertThat(form.selectFirst("input[name=uscc]").hasAttr("readonly")).isTrue();
        Map<String, List<String>> fields = TestBrowser.formFields(form);
        fields.put("name", List.of("包河区测试局（更名）"));
        fields.put("uscc", List.of("91350100M000100Y43"));
        assertThat(admin.postMulti(form.attr("action"), fields).status()).isEqualTo(302);
        assertThat(admin.getJson("/api/v1/organisations/" + code).body()).contains("包河区测试局（更名）");
        assertThat(admin.getJson("/api/v1/organisations/91350100M000100Y43").status())
                .isEqualTo(404);
    }

    @Test
    void divisionImportListsEveryBadRowAndLoadsNothing() {
        Document page = admin.get("/admin/divisions/import").html();
        String csrf = page.selectFirst("input[name=_csrf]").attr("value");
        String bad =
                "code,name,parent_code,effective_from,effective_to\n130000,河北省,,1980-01-01,\n13010X,坏,,1980-01-01,\n130102,,,1980-01-01,\n";
        Document report = admin.postMultipart(
                        "/admin/divisions/import",
                        Map.of("_csrf", List.of(csrf)),
                        Map.of(
                                "file",
                                new TestBrowser.FilePart(
                                        "divisions.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8))))
                .html();
        // The summary names the file; the rows' problems are listed next to it, and the file input points at them.
        assertThat(report.selectFirst(".error-summary").text()).contains("CSV 文件", "2 处问题", "未导入任何记录");
        assertThat(report.select("#file-problems tbody tr")).hasSize(2);
        assertThat(report.selectFirst("#file-problems").text()).contains("不允许使用", "此项为必填项");
        assertThat(report.selectFirst("#file").attr("aria-describedby")).contains("file-problems");
        assertThat(admin.getJson("/api/v1/divisions/130000").status()).isEqualTo(404);

        Document notCsv = admin.postMultipart(
                        "/admin/divisions/import",
                        Map.of("_csrf", List.of(csrf)),
                        Map.of(
                                "file",
                                new TestBrowser.FilePart(
                                        "divisions.exe", "application/octet-stream", new byte[] {'M', 'Z'})))
                .html();
        assertThat(notCsv.selectFirst(".error-summary").text()).contains("只能上传 CSV 文件");

        String good =
                "code,name,parent_code,effective_from,effective_to\n130000,河北省,,1980-01-01,\n130100,石家庄市,,1980-01-01,\n";
        Document applied = admin.postMultipart(
                        "/admin/divisions/import",
                        Map.of("_csrf", List.of(csrf)),
                        Map.of(
                                "file",
                                new TestBrowser.FilePart(
                                        "divisions.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8))))
                .html();
        assertThat(applied.selectFirst(".notice--success").text()).contains("新增 2 条");
        assertThat(admin.getJson("/api/v1/divisions/130100").body()).contains("石家庄市");
    }

    @Test
    void anOrganisationRegisteredMeanwhileBySomeoneElseIsAFieldErrorNotAServerError() throws Exception {
        String code = validCode("12340104MB3T" + String.format("%05d", (System.nanoTime() / 11) % 100000));
        Element form =
                admin.get("/admin/organisations/new").html().selectFirst("form[action=/admin/organisations/new]");
        Map<String, List<String>> fields = TestBrowser.formFields(form);
        Map.of("uscc", code, "name", "同时登记的机构", "divisionCode", "340104", "exerciseLevel", "4", "nature", "2")
                .forEach((k, v) -> fields.put(k, List.of(v)));
        TestBrowser.Page page = LockWaits.racingAnInsert(
                dataSource,
                "basedata_organisation",
                """
                        INSERT INTO basedata_organisation (uscc, name, division_code, exercise_level, nature)
                        VALUES (?, '另一位管理员登记的机构', '340104', '4', '2')""",
                new Object[] {code},
                () -> admin.postMulti("/admin/organisations/new", fields));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().selectFirst(".error-summary").text()).contains("已登记");
        assertThat(page.html().selectFirst("input[name=name]").attr("value")).isEqualTo("同时登记的机构");
    }

    @Test
    void aDivisionImportedMeanwhileBySomeoneElseIsReplacedNotAServerError() throws Exception {
        String csrf = TestBrowser.csrf(admin.get("/admin/divisions/import"));
        String file = "code,name,parent_code,effective_from,effective_to\n620000,甘肃省,,1980-01-01,\n";
        TestBrowser.Page page = LockWaits.racingAnInsert(
                dataSource,
                "basedata_division",
                """
                        INSERT INTO basedata_division (code, name, level, effective_from)
                        VALUES ('620000', '甘肃', 'PROVINCE', DATE '1980-01-01')""",
                new Object[0],
                () -> admin.postMultipart(
                        "/admin/divisions/import",
                        Map.of("_csrf", List.of(csrf)),
                        Map.of(
                                "file",
                                new TestBrowser.FilePart(
                                        "divisions.csv", "text/csv", file.getBytes(StandardCharsets.UTF_8)))));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.html().selectFirst(".notice--success").text()).contains("更新 1 条");
        assertThat(admin.getJson("/api/v1/divisions/620000").body()).contains("甘肃省");
    }

    @Test
    void renamingAnOrganisationRenamesItInTheCatalogueItsSearchAndItsCachedPages() {
        String uscc = "11340000955007715T";
        String oldName = "安徽省水利厅";
        String word = "Renamed" + Long.toString(System.nanoTime() % 1_000_000, 36);
        String newName = "安徽省水利厅 " + word;
        TestBrowser visitor = new TestBrowser(port);
        Document before = visitor.get("/search?org=" + uscc).html();
        assertThat(before.select(".result")).isNotEmpty();
        assertThat(before.select(".result__meta span:not(.tag)").eachText()).contains(oldName);
        String guide = before.selectFirst(".result__title a").attr("href");
        assertThat(visitor.get(guide).html().selectFirst(".caption").text()).contains(oldName);
        try {
            rename(uscc, newName);
            // The catalogue hears of the rename after it commits, on a thread of its own.
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(visitor.get("/search?org=" + uscc)
                                    .html()
                                    .select(".result__meta span:not(.tag)")
                                    .eachText())
                            .contains(newName)
                            .doesNotContain(oldName));
            Document after = visitor.get("/search?org=" + uscc).html();
            assertThat(after.select("#filter-org option[selected]").text()).contains(newName);
            assertThat(visitor.get(guide).html().selectFirst(".caption").text()).contains(newName);
            // The new name is searchable: the entries were indexed again, not only relabelled.
            assertThat(visitor.getJson("/api/v1/items?q=" + word).body()).contains(newName);
        } finally {
            rename(uscc, oldName);
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(visitor.get("/search?org=" + uscc)
                                .html()
                                .select(".result__meta span:not(.tag)")
                                .eachText())
                        .contains(oldName));
    }

    private void rename(String uscc, String name) {
        Element form =
                admin.get("/admin/organisations/" + uscc).html().selectFirst("form[action^=/admin/organisations/]");
        Map<String, List<String>> fields = TestBrowser.formFields(form);
        fields.put("name", List.of(name));
        assertThat(admin.postMulti(form.attr("action"), fields).status()).isEqualTo(302);
    }
}
