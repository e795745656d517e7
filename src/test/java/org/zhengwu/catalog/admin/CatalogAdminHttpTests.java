package org.zhengwu.catalog.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.catalog.CatalogAccess;
import org.zhengwu.catalog.CatalogCodes;
import org.zhengwu.catalog.ItemType;
import org.zhengwu.identity.IdentityAccess;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.support.LockWaits;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.ZhengwuTest;

/** A catalogue administrator's journey through the pages: create a base item and an entry, review, publish, edit. */
@ZhengwuTest
class CatalogAdminHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CatalogCodes codes;

    TestBrowser admin;

    @BeforeEach
    void signIn() {
        admin = new TestBrowser(port);
        admin.signInNewStaff(
                accounts, null, IdentityAccess.ADMIN, CatalogAccess.CATALOG_EDITOR, CatalogAccess.CATALOG_REVIEWER);
    }

    private TestBrowser.Page submit(String pagePath, String formSelector, Map<String, String> changes) {
        Document page = admin.get(pagePath).html();
        Element form = page.selectFirst(formSelector);
        Map<String, List<String>> fields = TestBrowser.formFields(form);
        changes.forEach((k, v) -> fields.put(k, new ArrayList<>(List.of(v))));
        return admin.postMulti(form.attr("action"), fields);
    }

    private String createBaseItem(String name) {
        return createBaseItem(name, "01");
    }

    private String createBaseItem(String name, String type) {
        TestBrowser.Page created = submit(
                "/admin/catalog/base-items/new",
                "form[action=/admin/catalog/base-items/new]",
                Map.of("name", name, "type", type, "exerciseLevels", "3"));
        assertThat(created.status()).isEqualTo(302);
        String list = admin.get("/admin/catalog/base-items").body();
        Element row = admin.get("/admin/catalog/base-items").html().selectFirst("tr:contains(" + name + ")");
        assertThat(list).contains(name);
        return row.selectFirst("td.guide-code").text();
    }

    /** The fields of the new-entry form, filled with a valid guide for {@code baseCode} at 合肥市市场监督管理局. */
    private Map<String, List<String>> validNewEntryForm(String baseCode) {
        Map<String, List<String>> fields = TestBrowser.formFields(
                admin.get("/admin/catalog/new").html().selectFirst("form[action=/admin/catalog/new]"));
        validGuide("guide.").forEach((k, v) -> fields.put(k, List.of(v)));
        fields.put("baseCode", List.of(baseCode));
        fields.put("organisationUscc", List.of("11340100662167280R"));
        return fields;
    }

    private Map<String, String> validGuide(String prefix) {
        return Map.ofEntries(
                Map.entry(prefix + "caseKind", "2"), Map.entry(prefix + "onlineDepths", "2"),
                Map.entry(prefix + "powerSource", "1"), Map.entry(prefix + "resultType", "1"),
                Map.entry(prefix + "materials[0].form", "1"), Map.entry(prefix + "materials[0].sourceChannel", "10"),
                Map.entry(prefix + "resultName", "测试许可证"), Map.entry(prefix + "serviceObjects", "1"),
                Map.entry(prefix + "conditions", "申请人为本市居民。"), Map.entry(prefix + "legalBasis", "《测试条例》第一条"),
                Map.entry(prefix + "materials[0].name", "申请表"), Map.entry(prefix + "materials[0].source", "申请人自备"),
                Map.entry(prefix + "steps[0].name", "申请"), Map.entry(prefix + "statutoryLimit.value", "20"),
                Map.entry(prefix + "promisedLimit.value", "5"), Map.entry(prefix + "channels", "2"),
                Map.entry(prefix + "visits", "0"), Map.entry(prefix + "scope", "3"),
                Map.entry(prefix + "location", "合肥市政务服务中心"), Map.entry(prefix + "consultPhone", "0551-63538000"));
    }

    @Test
    void createReviewPublishAndReviseAnEntry() {
        String name = "测试事项" + UUID.randomUUID().toString().substring(0, 6);
        String baseCode = createBaseItem(name);
        assertThat(baseCode).startsWith("01").hasSize(12);

        // A first attempt with mistakes: every problem is named next to its field, nothing is lost.
        Map<String, String> wrong = new java.util.HashMap<>(validGuide("guide."));
        wrong.put("baseCode", baseCode);
        wrong.put("organisationUscc", "11340100662167280R");
        wrong.put("guide.visits", "2");
        wrong.put("guide.promisedLimit.value", "30");
        wrong.put("guide.materials[0].source", "");
        wrong.put("guide.realNameLevel", "9");
        TestBrowser.Page invalid = submit("/admin/catalog/new", "form[action=/admin/catalog/new]", wrong);
        assertThat(invalid.status()).isEqualTo(200);
        Document errors = invalid.html();
        assertThat(errors.selectFirst(".error-summary").text())
                .contains("须说明需要到现场的原因", "承诺办结时限不能超过法定办结时限", "此项为必填项", "网上申请所需实名等级");
        assertThat(errors.selectFirst("input[name='guide.materials[0].name']").attr("value"))
                .isEqualTo("申请表");
        assertThat(errors.selectFirst("select[name=baseCode] option[selected]").attr("value"))
                .isEqualTo(baseCode);

        Map<String, List<String>> fixed = TestBrowser.formFields(errors.selectFirst("form[action=/admin/catalog/new]"));
        fixed.put("guide.visits", List.of("0"));
        fixed.put("guide.promisedLimit.value", List.of("5"));
        fixed.put("guide.materials[0].source", List.of("申请人自备"));
        fixed.put("guide.realNameLevel", List.of("4"));
        TestBrowser.Page created = admin.postMulti("/admin/catalog/new", fixed);
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String versionPath = admin.relative(created.location());

        Document draft = admin.get(versionPath).html();
        assertThat(draft.select(".tag").text()).contains("草稿");
        assertThat(draft.select(".summary-list").text()).contains("L4 现场核验");
        assertThat(submit(versionPath, "form[action$=/submit]", Map.of()).status())
                .isEqualTo(302);
        assertThat(submit(versionPath, "form[action$=/approve]", Map.of()).status())
                .isEqualTo(302);
        assertThat(submit(versionPath, "form[action$=/publish]", Map.of()).status())
                .isEqualTo(302);
        assertThat(admin.get(versionPath).html().select(".notice").text()).contains("已发布");

        TestBrowser anyone = new TestBrowser(port);
        Document results = anyone.get("/search?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8))
                .html();
        String guideHref = results.selectFirst(".result__title a").attr("href");
        assertThat(guideHref).isEqualTo("/items/11340100662167280R3" + baseCode);
        assertThat(anyone.get(guideHref).html().text()).contains("测试许可证", "《测试条例》第一条");

        // Revising: a new draft; the published version stays live until the new one is published.
        String itemPath =
                admin.get(versionPath).html().selectFirst("a:contains(返回事项)").attr("href");
        TestBrowser.Page newVersion = submit(itemPath, "form[action$=/new-version]", Map.of());
        String editPath = admin.relative(newVersion.location());
        assertThat(editPath).endsWith("/edit");
        TestBrowser.Page saved = submit(
                editPath,
                "form[action$=/edit]",
                Map.of("promisedLimit.value", "3", "changeNote", "承诺时限缩短", "action", "submit"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(anyone.get(guideHref).html().text()).contains("5 个工作日").doesNotContain("3 个工作日");
        String secondVersion = admin.relative(saved.location());
        submit(secondVersion, "form[action$=/approve]", Map.of());
        submit(secondVersion, "form[action$=/publish]", Map.of());
        assertThat(anyone.get(guideHref).html().select("dd").eachText()).contains("3 个工作日");
        assertThat(anyone.get(guideHref + "/versions").html().select("td a").eachText())
                .containsExactly("第 2 版", "第 1 版");
        assertThat(anyone.get(guideHref + "/versions/1")
                        .html()
                        .selectFirst(".notice--warning")
                        .text())
                .contains("第 1 版", "请以现行版本为准");

        // Withdrawal: the stable address explains that the service is no longer offered.
        submit(itemPath, "form[action$=/withdraw]", Map.of("reason", "测试撤回"));
        TestBrowser.Page gone = anyone.get(guideHref);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.html().text()).contains("已停止办理", "测试撤回");
        assertThat(anyone.getJson("/api/v1" + guideHref).status()).isEqualTo(410);
    }

    private String createDraft(String baseCode) {
        Map<String, String> fields = new java.util.HashMap<>(validGuide("guide."));
        fields.put("baseCode", baseCode);
        fields.put("organisationUscc", "11340100662167280R");
        TestBrowser.Page created = submit("/admin/catalog/new", "form[action=/admin/catalog/new]", fields);
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        return admin.relative(created.location());
    }

    @Test
    void sendingBackAndWithdrawingNeedAReasonNamedOnItsFieldAndNothingChangesWithout() {
        String versionPath =
                createDraft(createBaseItem("退回原因" + UUID.randomUUID().toString().substring(0, 6)));
        assertThat(submit(versionPath, "form[action$=/submit]", Map.of()).status())
                .isEqualTo(302);
        TestBrowser.Page noReason = submit(versionPath, "form[action$=/reject]", Map.of("reason", "   "));
        assertThat(noReason.status()).isEqualTo(200);
        Document page = noReason.html();
        assertThat(page.selectFirst(".error-summary a[href=\"#reason\"]").text())
                .isEqualTo("退回原因：此项为必填项。");
        assertThat(page.selectFirst("#reason").attr("aria-invalid")).isEqualTo("true");
        assertThat(admin.get(versionPath).html().select(".tag").text()).contains("审核中");
        String tooLong = "长".repeat(501);
        assertThat(submit(versionPath, "form[action$=/reject]", Map.of("reason", tooLong))
                        .html()
                        .selectFirst("#reason-error")
                        .text())
                .contains("不能超过 500 个字");
        assertThat(submit(versionPath, "form[action$=/reject]", Map.of("reason", "请补充材料"))
                        .status())
                .isEqualTo(302);
        assertThat(admin.get(versionPath).html().text()).contains("请补充材料");

        assertThat(submit(versionPath, "form[action$=/submit]", Map.of()).status())
                .isEqualTo(302);
        submit(versionPath, "form[action$=/approve]", Map.of());
        submit(versionPath, "form[action$=/publish]", Map.of());
        String itemPath =
                admin.get(versionPath).html().selectFirst("a:contains(返回事项)").attr("href");
        TestBrowser.Page noWithdrawalReason = submit(itemPath, "form[action$=/withdraw]", Map.of("reason", ""));
        assertThat(noWithdrawalReason.status()).isEqualTo(200);
        assertThat(noWithdrawalReason.html().selectFirst(".error-summary").text())
                .contains("撤回原因：此项为必填项");
        assertThat(admin.get(versionPath).html().select(".tag").text()).contains("已发布");
    }

    @Test
    void discardingTheOnlyDraftOfAnEntryRemovesTheEntry() {
        String baseCode = createBaseItem("只有草稿" + UUID.randomUUID().toString().substring(0, 6));
        String versionPath = createDraft(baseCode);
        String itemPath =
                admin.get(versionPath).html().selectFirst("a:contains(返回事项)").attr("href");
        assertThat(admin.get(itemPath).status()).isEqualTo(200);

        TestBrowser.Page discarded = submit(versionPath, "form[action$=/discard]", Map.of());
        assertThat(discarded.status()).isEqualTo(302);
        assertThat(admin.relative(discarded.location())).isEqualTo("/admin/catalog");
        TestBrowser.Page gone = admin.get(itemPath);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body()).doesNotContain("Exception");
        // Nothing is left behind: the same organisation can start the entry again.
        createDraft(baseCode);
    }

    @Test
    void aBaseItemAddedMeanwhileBySomeoneElseGetsTheNextCodeNotAServerError() throws Exception {
        String name = "同时新增" + UUID.randomUUID().toString().substring(0, 6);
        Element form = admin.get("/admin/catalog/base-items/new")
                .html()
                .selectFirst("form[action=/admin/catalog/base-items/new]");
        Map<String, List<String>> fields = TestBrowser.formFields(form);
        fields.put("name", List.of(name));
        fields.put("type", List.of("01"));
        fields.put("exerciseLevels", List.of("3"));
        int next = jdbc
                        .sql("SELECT base_code FROM catalog_base_item WHERE item_type = '01'")
                        .query(String.class)
                        .list()
                        .stream()
                        .mapToInt(codes::mainItem)
                        .max()
                        .orElse(0)
                + 1;
        String taken = codes.baseCode(ItemType.LICENSING, next, 0, 0);
        TestBrowser.Page created = LockWaits.racingAnInsert(
                dataSource,
                "catalog_base_item",
                """
                        INSERT INTO catalog_base_item (base_code, name, item_type, exercise_levels, created_by)
                        VALUES (?, ?, '01', ARRAY['3'], 'another-editor')""",
                new Object[] {taken, "另一位编辑的" + name},
                () -> admin.postMulti("/admin/catalog/base-items/new", fields));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        Element row = admin.get("/admin/catalog/base-items")
                .html()
                .selectFirst("tr:contains(" + name + "):not(:contains(另一位编辑的))");
        assertThat(row.selectFirst("td.guide-code").text()).isNotEqualTo(taken).startsWith("01");
    }

    @Test
    void anEntryCreatedMeanwhileBySomeoneElseIsAFieldErrorNotAServerError() throws Exception {
        String baseCode = createBaseItem("同时实施" + UUID.randomUUID().toString().substring(0, 6));
        Map<String, List<String>> fields = validNewEntryForm(baseCode);
        TestBrowser.Page page = LockWaits.racingAnInsert(
                dataSource,
                "catalog_item",
                """
                        INSERT INTO catalog_item (implementation_code, base_code, organisation_uscc, exercise_level,
                                                  division_code, created_by)
                        VALUES (?, ?, '11340100662167280R', '3', '340100', 'another-editor')""",
                new Object[] {"11340100662167280R3" + baseCode, baseCode},
                () -> admin.postMulti("/admin/catalog/new", fields));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.html().selectFirst(".error-summary").text()).contains("该部门已实施此事项");
        assertThat(page.html().selectFirst("input[name='guide.resultName']").attr("value"))
                .isEqualTo("测试许可证");
    }

    @Test
    void aDraftChangedMeanwhileBySomeoneElseIsNotOverwrittenAndTheEditorKeepsTheirInput() {
        String versionPath =
                createDraft(createBaseItem("同时编辑" + UUID.randomUUID().toString().substring(0, 6)));
        String editPath = versionPath + "/edit";
        Element mine = admin.get(editPath).html().selectFirst("form[action$=/edit]");

        // A colleague saves the same draft first.
        TestBrowser colleague = new TestBrowser(port);
        colleague.signInNewStaff(accounts, "11340100662167280R", CatalogAccess.CATALOG_EDITOR);
        Element theirs = colleague.get(editPath).html().selectFirst("form[action$=/edit]");
        Map<String, List<String>> theirFields = TestBrowser.formFields(theirs);
        theirFields.put("resultName", List.of("同事改的结果"));
        assertThat(colleague.postMulti(theirs.attr("action"), theirFields).status())
                .isEqualTo(302);

        Map<String, List<String>> myFields = TestBrowser.formFields(mine);
        myFields.put("resultName", List.of("我改的结果"));
        TestBrowser.Page conflict = admin.postMulti(mine.attr("action"), myFields);
        assertThat(conflict.status()).isEqualTo(409);
        Document page = conflict.html();
        assertThat(page.selectFirst("[data-testid=conflict]").text()).contains("已被他人修改");
        assertThat(page.selectFirst("input[name=resultName]").attr("value")).isEqualTo("我改的结果");
        assertThat(admin.get(versionPath).html().text()).contains("同事改的结果").doesNotContain("我改的结果");

        // Having seen the warning, saving again is a deliberate choice, and it is kept.
        TestBrowser.Page again =
                admin.postMulti(mine.attr("action"), TestBrowser.formFields(page.selectFirst("form[action$=/edit]")));
        assertThat(again.status()).isEqualTo(302);
        assertThat(admin.get(versionPath).html().text()).contains("我改的结果");

        // A draft submitted meanwhile can no longer be saved, but what was typed is still on the page.
        Element stale = admin.get(editPath).html().selectFirst("form[action$=/edit]");
        assertThat(submit(versionPath, "form[action$=/submit]", Map.of()).status())
                .isEqualTo(302);
        Map<String, List<String>> late = TestBrowser.formFields(stale);
        late.put("resultName", List.of("迟到的修改"));
        TestBrowser.Page refused = admin.postMulti(stale.attr("action"), late);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.html().selectFirst("[data-testid=conflict]").text()).contains("已不是草稿");
        assertThat(refused.html().selectFirst("input[name=resultName]").attr("value"))
                .isEqualTo("迟到的修改");
    }

    @Test
    void aPenaltyEntryIsEditedWithItsOwnElementsAndNoApplicationSections() {
        String name = "处罚测试" + UUID.randomUUID().toString().substring(0, 6);
        String baseCode = createBaseItem(name, "02");
        Document page = admin.get("/admin/catalog/new?baseCode=" + baseCode).html();
        assertThat(page.select("textarea[name='guide.penalty.violation']")).hasSize(1);
        assertThat(page.select("input[name='guide.penalty.kinds']")).isNotEmpty();
        assertThat(page.select("input[name^='guide.materials']")).isEmpty();
        assertThat(page.select("input[name='guide.fee.charged']")).isEmpty();
        assertThat(page.select("input[name^='guide.intermediaries']")).isEmpty();
        assertThat(page.select("textarea[name='guide.compulsion.circumstances']"))
                .isEmpty();

        Map<String, List<String>> fields = validNewEntryForm(baseCode);
        fields.keySet().removeIf(k -> k.startsWith("guide.materials"));
        Document refused = admin.postMulti("/admin/catalog/new", fields).html();
        assertThat(refused.selectFirst(".error-summary").text()).contains("违法行为");
        assertThat(refused.select("#guide\\.penalty\\.violation-error")).hasSize(1);

        fields.put("guide.penalty.violation", List.of("未取得许可从事经营"));
        fields.put("guide.penalty.kinds", List.of("1", "2"));
        fields.put("guide.penalty.discretion[0].circumstance", List.of("初次违法"));
        fields.put("guide.penalty.discretion[0].standard", List.of("警告"));
        fields.put("guide.penalty.basis[0].document", List.of("《测试条例》"));
        fields.put("guide.penalty.basis[0].article", List.of("第三十条"));
        TestBrowser.Page created = admin.postMulti("/admin/catalog/new", fields);
        assertThat(created.status()).isEqualTo(302);
        String version = created.location().replaceFirst("^https?://[^/]+", "");
        Document edit = admin.get(version + "/edit").html();
        assertThat(edit.selectFirst("textarea[name='penalty.violation']").text())
                .isEqualTo("未取得许可从事经营");
        assertThat(edit.selectFirst("textarea[name='penalty.discretion[0].standard']")
                        .text())
                .isEqualTo("警告");
        assertThat(edit.select("input[name='penalty.kinds'][checked]")).hasSize(2);
        assertThat(edit.select("input[name^='materials']")).isEmpty();
    }

    @Test
    void rowsCanBeAddedWithoutJavaScript() {
        String name = "加行测试" + UUID.randomUUID().toString().substring(0, 6);
        String baseCode = createBaseItem(name);
        Document form = admin.get("/admin/catalog/new?baseCode=" + baseCode).html();
        int rows = form.select("input[name^='guide.materials'][name$='.name']").size();
        Map<String, List<String>> fields = TestBrowser.formFields(form.selectFirst("form[action=/admin/catalog/new]"));
        fields.put("guide.materials[0].name", List.of("第一份材料"));
        fields.put("action", List.of("add-material"));
        Document more = admin.postMulti("/admin/catalog/new", fields).html();
        assertThat(more.select("input[name^='guide.materials'][name$='.name']")).hasSize(2);
        assertThat(rows).isEqualTo(2);
        assertThat(more.selectFirst("input[name='guide.materials[0].name']").attr("value"))
                .isEqualTo("第一份材料");
        assertThat(more.select(".error-summary")).isEmpty();
    }

    @Test
    void disguisedAndOversizedUploadsAreRefusedAndTheFormIsKept() {
        String name = "上传测试" + UUID.randomUUID().toString().substring(0, 6);
        String baseCode = createBaseItem(name);
        Map<String, List<String>> fields = validNewEntryForm(baseCode);
        byte[] executable = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        byte[] huge = new byte[6 * 1024 * 1024];
        System.arraycopy("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), 0, huge, 0, 8);
        TestBrowser.Page refused = admin.postMultipart(
                "/admin/catalog/new",
                fields,
                Map.of(
                        "guide.materials[0].blankFormFile",
                                new TestBrowser.FilePart("申请表.pdf", "application/pdf", executable),
                        "guide.materials[0].sampleFile", new TestBrowser.FilePart("样表.pdf", "application/pdf", huge)));
        assertThat(refused.status()).isEqualTo(200);
        String summary = refused.html().selectFirst(".error-summary").text();
        assertThat(summary).contains("内容与其扩展名不符", "不能超过 5 MB");
        assertThat(refused.html().selectFirst("input[name='guide.resultName']").attr("value"))
                .isEqualTo("测试许可证");

        byte[] pdf = "%PDF-1.4\n%test\n".getBytes(StandardCharsets.US_ASCII);
        TestBrowser.Page accepted = admin.postMultipart(
                "/admin/catalog/new",
                fields,
                Map.of(
                        "guide.materials[0].blankFormFile",
                        new TestBrowser.FilePart("申请表.pdf", "application/pdf", pdf)));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(302);
        Document version = admin.get(admin.relative(accepted.location())).html();
        String download = version.selectFirst("a:contains(空白表格)").attr("href");
        assertThat(admin.get(download).body()).startsWith("%PDF-1.4");
    }

    @Test
    void anUploadOverTheRequestLimitGetsAClearPageNotAServerError() {
        Document form = admin.get("/admin/catalog/new").html();
        Map<String, List<String>> fields = TestBrowser.formFields(form.selectFirst("form[action=/admin/catalog/new]"));
        for (int megabytes : new int[] {21, 30}) {
            byte[] huge = new byte[megabytes * 1024 * 1024];
            TestBrowser.Page refused = admin.postMultipart(
                    "/admin/catalog/new",
                    fields,
                    Map.of(
                            "guide.materials[0].blankFormFile",
                            new TestBrowser.FilePart("申请表.pdf", "application/pdf", huge)));
            assertThat(refused.status()).as(megabytes + " MB").isEqualTo(413);
            assertThat(refused.header("Content-Type")).startsWith("text/html");
            assertThat(refused.html().text())
                    .as("the message of the upload checks, naming the file")
                    .contains("文件“申请表.pdf”超过 20 MB")
                    .doesNotContain("Exception");
        }
        // The session survives: the next page works as before.
        assertThat(admin.get("/admin/catalog/new").status()).isEqualTo(200);
    }

    @Test
    void aMaterialRowWithOnlyAnUploadedFormIsKeptAndItsMissingNameNamed() {
        String baseCode = createBaseItem("只有表格" + UUID.randomUUID().toString().substring(0, 6));
        Map<String, List<String>> fields = validNewEntryForm(baseCode);
        byte[] pdf = "%PDF-1.4\n%only a form\n".getBytes(StandardCharsets.US_ASCII);
        TestBrowser.Page page = admin.postMultipart(
                "/admin/catalog/new",
                fields,
                Map.of("guide.materials[1].blankFormFile", new TestBrowser.FilePart("表格.pdf", "application/pdf", pdf)));
        assertThat(page.status()).as("the row must not be dropped silently").isEqualTo(200);
        Document html = page.html();
        assertThat(html.selectFirst(".error-summary").text()).contains("材料 2 名称");
        assertThat(html.selectFirst("input[name='guide.materials[1].blankFormId']")
                        .attr("value"))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void errorSummaryLinksOfCheckboxGroupsLeadToTheGroupsFirstCheckbox() {
        String baseCode = createBaseItem("复选框" + UUID.randomUUID().toString().substring(0, 6));
        Map<String, List<String>> fields = validNewEntryForm(baseCode);
        fields.remove("guide.serviceObjects");
        fields.remove("guide.channels");
        Document page = admin.postMulti("/admin/catalog/new", fields).html();
        List<String> targets = page.select(".error-summary a").eachAttr("href");
        assertThat(targets).contains("#guide.serviceObjects", "#guide.channels");
        for (String target : targets) {
            Element field = page.getElementById(target.substring(1));
            assertThat(field).as(target).isNotNull();
            assertThat(field.tagName()).as(target).isIn("input", "select", "textarea");
        }
        assertThat(page.getElementById("guide.serviceObjects").attr("type")).isEqualTo("checkbox");
        assertThat(page.getElementById("guide.serviceObjects").attr("value")).isEqualTo("1");
        // Every checkbox still has its own id and its own label.
        List<String> ids = page.select("form input[type=checkbox]").eachAttr("id");
        List<String> labelled = page.select("label[for]").eachAttr("for");
        assertThat(ids)
                .doesNotHaveDuplicates()
                .allSatisfy(id ->
                        assertThat(labelled.stream().filter(id::equals)).as(id).hasSize(1));
    }

    @Test
    void errorSummaryLinksOfWholeListsLeadToTheListsMessage() {
        String baseCode = createBaseItem("无流程" + UUID.randomUUID().toString().substring(0, 6));
        Map<String, List<String>> fields = validNewEntryForm(baseCode);
        fields.put("guide.steps[0].name", List.of(""));
        fields.put("guide.fee.charged", List.of("true"));
        fields.put("guide.fee.basis", List.of("《测试收费办法》"));
        Document page = admin.postMulti("/admin/catalog/new", fields).html();
        List<String> targets = page.select(".error-summary a").eachAttr("href");
        assertThat(targets).contains("#guide.steps", "#guide.fee.items");
        for (String target : List.of("#guide.steps", "#guide.fee.items")) {
            Element message = page.getElementById(target.substring(1));
            assertThat(message).as(target).isNotNull();
            assertThat(message.hasClass("error-message")).as(target).isTrue();
            assertThat(message.attr("tabindex")).isEqualTo("-1");
        }
    }

    @Test
    void anEmptyNewEntryAsksToChooseTheItemAndTheOrganisationRatherThanCallingThemUnknown() {
        Map<String, List<String>> fields = TestBrowser.formFields(
                admin.get("/admin/catalog/new").html().selectFirst("form[action=/admin/catalog/new]"));
        fields.put("baseCode", List.of(""));
        fields.put("organisationUscc", List.of(""));
        String summary = admin.postMulti("/admin/catalog/new", fields)
                .html()
                .selectFirst(".error-summary")
                .text();
        assertThat(summary).contains("基本目录事项：请选择一项", "实施主体：请选择一项").doesNotContain("没有该事项", "未登记", "名称：");
    }

    @Test
    void aForgedAttachmentIdIsRefused() {
        String name = "伪造附件" + UUID.randomUUID().toString().substring(0, 6);
        String baseCode = createBaseItem(name);
        Map<String, String> guide = new java.util.HashMap<>(validGuide("guide."));
        guide.put("baseCode", baseCode);
        guide.put("organisationUscc", "11340100662167280R");
        guide.put("guide.materials[0].blankFormId", "0".repeat(64));
        TestBrowser.Page page = submit("/admin/catalog/new", "form[action=/admin/catalog/new]", guide);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().selectFirst(".error-summary").text()).contains("未找到该文件");
    }

    @Test
    void unknownVersionsAndBadListFiltersGetClearPages() {
        assertThat(admin.get("/admin/catalog/versions/99999999").status()).isEqualTo(404);
        assertThat(admin.get("/admin/catalog/items/abc").status()).isEqualTo(400);
        assertThat(admin.get("/admin/catalog?status=NOPE").status()).isEqualTo(400);
        Document list = admin.get("/admin/catalog?status=PUBLISHED").html();
        assertThat(list.select("tbody tr")).hasSize(20);
    }
}
