package org.zhengwu.catalog.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.catalog.ApplicationForm;
import org.zhengwu.catalog.ApplicationFormRulesTests;
import org.zhengwu.catalog.CatalogAccess;
import org.zhengwu.catalog.FieldType;
import org.zhengwu.catalog.FormField;
import org.zhengwu.catalog.GuidePageFixtures;
import org.zhengwu.catalog.GuideRulesTests;
import org.zhengwu.catalog.ItemType;
import org.zhengwu.catalog.Prefill;
import org.zhengwu.catalog.entry.BaseItemRecord;
import org.zhengwu.catalog.entry.CatalogEditing;
import org.zhengwu.catalog.entry.ItemRepository;
import org.zhengwu.catalog.entry.VersionRecord;
import org.zhengwu.identity.IdentityAccess;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.ZhengwuTest;

/**
 * An editor defines a draft's application form on its page: rows of controls, every broken rule named on its row,
 * nothing saved until all is right, and the saved form previewed and tried as an applicant would fill it in.
 */
@ZhengwuTest
class ApplicationFormEditorHttpTests {

    static final String HEFEI_MARKET = "11340100662167280R";
    static final String EDITOR_FORM = "form[data-testid=form-editor]";

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    CatalogEditing editing;

    @Autowired
    ItemRepository repository;

    @Autowired
    JdbcClient jdbc;

    TestBrowser editor;

    @BeforeEach
    void signIn() {
        editor = new TestBrowser(port);
        editor.signInNewStaff(
                accounts, null, IdentityAccess.ADMIN, CatalogAccess.CATALOG_EDITOR, CatalogAccess.CATALOG_REVIEWER);
    }

    private VersionRecord draft(ItemType type, org.zhengwu.catalog.Guide guide) {
        BaseItemRecord base =
                editing.createBaseItem("申请表" + UUID.randomUUID().toString().substring(0, 6), type, null, "editor-a");
        return editing.createEntry(base.baseCode(), HEFEI_MARKET, null, guide, "editor-a");
    }

    private VersionRecord draft() {
        return draft(ItemType.LICENSING, GuideRulesTests.valid());
    }

    private static String page(VersionRecord version) {
        return "/admin/catalog/versions/" + version.id() + "/form";
    }

    private ApplicationForm stored(VersionRecord version) {
        return repository.findVersion(version.id()).orElseThrow().guide().applicationForm();
    }

    /** The editor's fields as shown, with {@code changes} applied (an empty value removes the field). */
    private static Map<String, List<String>> fields(Document page, Map<String, String> changes) {
        Map<String, List<String>> fields = TestBrowser.formFields(page.selectFirst(EDITOR_FORM));
        changes.forEach((k, v) -> {
            if (v == null) {
                fields.remove(k);
            } else {
                fields.put(k, new ArrayList<>(List.of(v)));
            }
        });
        return fields;
    }

    private TestBrowser.Page post(VersionRecord version, Map<String, String> changes, String action) {
        Map<String, List<String>> fields = fields(editor.get(page(version)).html(), changes);
        fields.put("action", List.of(action));
        return editor.postMulti(page(version), fields);
    }

    /** One field in row {@code i}. */
    private static Map<String, String> row(int i, String key, String zh, String en, String type) {
        String p = "fields[" + i + "].";
        return Map.of(p + "key", key, p + "labelZh", zh, p + "labelEn", en, p + "type", type);
    }

    private static Map<String, String> merge(List<Map<String, String>> parts) {
        Map<String, String> all = new java.util.LinkedHashMap<>();
        parts.forEach(all::putAll);
        return all;
    }

    private static List<String> summary(Document page) {
        return page.select(".error-summary li a").eachAttr("href");
    }

    @Test
    void anEditorStartsFromTheStandardFormSavesItAndSeesItAsTheApplicantWill() {
        VersionRecord draft = draft();
        Document empty = editor.get(page(draft)).html();
        assertThat(empty.select("[data-testid=no-form]")).hasSize(1);
        assertThat(empty.select(EDITOR_FORM + " fieldset.repeat-row")).hasSize(3);

        TestBrowser.Page started = post(draft, Map.of(), "standard");
        assertThat(started.status()).isEqualTo(200);
        Document rows = started.html();
        assertThat(rows.select(EDITOR_FORM + " input[name$=.key]").eachAttr("value"))
                .containsExactly("applicant_name", "applicant_id_number", "contact_mobile", "");
        assertThat(stored(draft)).as("nothing saved yet").isNull();

        Map<String, List<String>> fields = TestBrowser.formFields(rows.selectFirst(EDITOR_FORM));
        fields.put("action", List.of("save"));
        TestBrowser.Page saved = editor.postMulti(page(draft), fields);
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        assertThat(editor.relative(saved.location())).isEqualTo(page(draft));
        assertThat(stored(draft))
                .isEqualTo(ApplicationForm.standard(GuideRulesTests.valid().serviceObjects()));

        Document shown = editor.get(page(draft)).html();
        assertThat(shown.select(".notice--success").text()).contains("申请表已保存");
        Element preview = shown.selectFirst("form[data-testid=form-preview]");
        assertThat(preview.select("label[for=valuesapplicant_name]").text()).isEqualTo("申请人姓名");
        assertThat(preview.selectFirst("#valuesapplicant_id_number").attr("maxlength"))
                .isEqualTo("18");
        assertThat(preview.selectFirst("#valuescontact_mobile").attr("type")).isEqualTo("tel");
        assertThat(shown.select(EDITOR_FORM + " fieldset.repeat-row")).hasSize(4);

        // The version's page shows it with the rest of the guide, and links to it.
        Document version = editor.get("/admin/catalog/versions/" + draft.id()).html();
        assertThat(version.select("[data-testid=edit-application-form]").attr("href"))
                .isEqualTo(page(draft));
        assertThat(version.select("table[data-testid=application-form] tbody tr"))
                .hasSize(3);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM shared_audit_entry
                        WHERE action = 'catalog.version.edit' AND object_id = :code""")
                        .param(
                                "code",
                                repository
                                        .findItem(draft.itemId())
                                        .orElseThrow()
                                        .implementationCode())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aFormWithChoicesConditionsAFormatAndAPrefillIsSavedExactly() {
        VersionRecord draft = draft();
        Map<String, String> changes = merge(List.of(
                row(0, "status", "婚姻状况", "Marital status", "CHOICE"),
                Map.of(
                        "fields[0].required",
                        "true",
                        "fields[0].options",
                        "single|未婚|Single\r\nmarried ｜ 已婚 ｜ Married\r\n"),
                row(1, "spouse_name", "配偶姓名", "Spouse's name", "TEXT"),
                Map.of(
                        "fields[1].required",
                        "true",
                        "fields[1].shownWhenField",
                        "status",
                        "fields[1].shownWhenValue",
                        "married",
                        "fields[1].maxLength",
                        "50"),
                row(2, "certificate_number", "结婚证字号", "Certificate number", "TEXT"),
                Map.of(
                        "fields[2].requiredWhenField",
                        "status",
                        "fields[2].requiredWhenValue",
                        "married",
                        "fields[2].pattern",
                        "J[0-9]{6}-[0-9]{4}-[0-9]{6}",
                        "fields[2].hintZh",
                        "如 J340104-2024-001234")));
        TestBrowser.Page saved = post(draft, changes, "save");
        assertThat(saved.status())
                .as(saved.html().select(".error-summary").text())
                .isEqualTo(302);
        ApplicationForm form = stored(draft);
        assertThat(form.fields()).hasSize(3);
        assertThat(form.fields().get(0).options())
                .containsExactly(
                        new FormField.Option("single", "未婚", "Single"),
                        new FormField.Option("married", "已婚", "Married"));
        assertThat(form.fields().get(1).shownWhen()).isEqualTo(new FormField.Condition("status", "married"));
        assertThat(form.fields().get(1).maxLength()).isEqualTo(50);
        assertThat(form.fields().get(2).requiredWhen()).isEqualTo(new FormField.Condition("status", "married"));
        assertThat(form.fields().get(2).pattern()).isEqualTo("J[0-9]{6}-[0-9]{4}-[0-9]{6}");
        assertThat(form.fields().get(2).hintZh()).isEqualTo("如 J340104-2024-001234");

        // Shown again as it was saved, options one per line.
        Document again = editor.get(page(draft)).html();
        assertThat(again.selectFirst("textarea[name='fields[0].options']").wholeText())
                .isEqualTo("single|未婚|Single\nmarried|已婚|Married");
        assertThat(again.select("#valuesspouse_name-hint").text()).isEqualTo("只在“婚姻状况”为“已婚”时填写");
        assertThat(again.select("#valuescertificate_number-hint").text()).contains("“婚姻状况”为“已婚”时必填");
        // Radios for a short choice, the group's id on its first.
        assertThat(again.select("fieldset[data-field=status] input[type=radio]").eachAttr("id"))
                .containsExactly("valuesstatus", "valuesstatus2");
    }

    @Test
    void everyBrokenRuleIsNamedOnItsRowAndNothingIsSaved() {
        VersionRecord draft = draft();
        record Case(Map<String, String> changes, String target, String message) {}
        List<Case> cases = List.of(
                new Case(row(0, "Applicant", "姓名", "Name", "TEXT"), "fields0.key", "小写英文字母开头"),
                new Case(
                        merge(List.of(row(0, "name", "姓名", "Name", "TEXT"), row(1, "name", "名字", "Name", "TEXT"))),
                        "fields1.key",
                        "与第 1 个字段重复"),
                new Case(
                        Map.of("fields[0].key", "name", "fields[0].labelZh", "姓名", "fields[0].type", "TEXT"),
                        "fields0.labelEn",
                        "此项为必填项"),
                new Case(row(0, "name", "姓名", "Name", ""), "fields0.type", "请选择"),
                new Case(row(0, "kind", "类别", "Kind", "CHOICE"), "fields0.options", "至少要有两个选项"),
                new Case(
                        merge(List.of(
                                row(0, "kind", "类别", "Kind", "CHOICE"), Map.of("fields[0].options", "a|甲|A\nb-乙-B"))),
                        "fields0.options",
                        "第 2 行应写成"),
                new Case(
                        merge(List.of(
                                row(0, "kind", "类别", "Kind", "CHOICE"), Map.of("fields[0].options", "a|甲|A\na|乙|B"))),
                        "fields0.options",
                        "选项 2 的代码“a”与选项 1 重复"),
                new Case(
                        merge(List.of(
                                row(0, "name", "姓名", "Name", "TEXT"),
                                Map.of("fields[0].shownWhenField", "later", "fields[0].shownWhenValue", "x"),
                                row(1, "later", "后面", "Later", "CHECKBOX"))),
                        "fields0.shownWhenField",
                        "只能引用排在前面的字段"),
                new Case(
                        merge(List.of(
                                row(0, "agreed", "同意", "Agreed", "CHECKBOX"),
                                row(1, "name", "姓名", "Name", "TEXT"),
                                Map.of("fields[1].requiredWhenField", "agreed", "fields[1].requiredWhenValue", "yes"))),
                        "fields1.requiredWhenValue",
                        "可以填：true、false"),
                new Case(
                        merge(List.of(row(0, "code", "编码", "Code", "TEXT"), Map.of("fields[0].pattern", "(a+)+b"))),
                        "fields0.pattern",
                        "这样的写法会使检查极慢"),
                new Case(
                        merge(List.of(row(0, "code", "编码", "Code", "TEXT"), Map.of("fields[0].maxLength", "abc"))),
                        "fields0.maxLength",
                        "请输入整数"),
                new Case(
                        merge(List.of(row(0, "born", "出生日期", "Born", "DATE"), Map.of("fields[0].prefill", "NAME"))),
                        "fields0.prefill",
                        "取自账户的信息与字段类型不符"));
        for (Case c : cases) {
            TestBrowser.Page answer = post(draft, c.changes(), "save");
            assertThat(answer.status()).as(c.target()).isEqualTo(200);
            Document page = answer.html();
            assertThat(summary(page)).as(c.target()).contains("#" + c.target());
            assertThat(page.selectFirst(".error-summary").text()).as(c.target()).contains(c.message());
            Element control = page.getElementById(c.target());
            assertThat(control.attr("aria-invalid")).as(c.target()).isEqualTo("true");
            assertThat(control.attr("aria-describedby")).as(c.target()).contains(c.target() + "-error");
            // What was typed is kept on the page.
            assertThat(page.select(EDITOR_FORM + " input[name=fields[0].key]").attr("value"))
                    .isEqualTo(c.changes().getOrDefault("fields[0].key", ""));
            assertThat(stored(draft)).as(c.target()).isNull();
        }
    }

    @Test
    void moreThanSixtyFieldsAreRefused() {
        VersionRecord draft = draft();
        Map<String, List<String>> fields = fields(editor.get(page(draft)).html(), Map.of());
        for (int i = 0; i < 61; i++) {
            fields.put("fields[" + i + "].key", List.of("field_" + i));
            fields.put("fields[" + i + "].labelZh", List.of("字段"));
            fields.put("fields[" + i + "].labelEn", List.of("Field"));
            fields.put("fields[" + i + "].type", List.of("TEXT"));
        }
        fields.put("action", List.of("save"));
        Document page = editor.postMulti(page(draft), fields).html();
        assertThat(summary(page)).contains("#fields");
        assertThat(page.getElementById("fields").text()).contains("最多 60 个字段");
        assertThat(stored(draft)).isNull();
    }

    @Test
    void rowsMoveUpAndDownAndAreRemovedByTheirBox() {
        VersionRecord draft = draft(
                ItemType.LICENSING,
                GuideRulesTests.valid().toBuilder()
                        .applicationForm(ApplicationFormRulesTests.valid())
                        .build());
        Document moved = post(draft, Map.of(), "down-0").html();
        assertThat(moved.select(EDITOR_FORM + " input[name$=.key]").eachAttr("value"))
                .startsWith("applicant_id_number", "applicant_name");
        // Moving the choice below the field it governs: that field now names a later one, refused on saving.
        assertThat(stored(draft)).isEqualTo(ApplicationFormRulesTests.valid());
        Map<String, List<String>> fields =
                TestBrowser.formFields(post(draft, Map.of(), "up-3").html().selectFirst(EDITOR_FORM));
        fields.put("action", List.of("save"));
        Document refused = editor.postMulti(page(draft), fields).html();
        assertThat(summary(refused)).contains("#fields2.shownWhenField");

        // Removing every field removes the form.
        Map<String, List<String>> all = fields(editor.get(page(draft)).html(), Map.of());
        for (int i = 0; i < 7; i++) {
            all.put("fields[" + i + "].remove", List.of("true"));
        }
        all.put("action", List.of("save"));
        assertThat(editor.postMulti(page(draft), all).status()).isEqualTo(302);
        assertThat(stored(draft)).isNull();
        assertThat(editor.get(page(draft)).html().select(".notice--success").text())
                .contains("已全部删除");
    }

    @Test
    void thePreviewIsFilledInAndCheckedAsACaseWouldCheckIt() {
        VersionRecord draft = draft(
                ItemType.LICENSING,
                GuideRulesTests.valid().toBuilder()
                        .applicationForm(ApplicationFormRulesTests.valid())
                        .build());
        String tryPath = page(draft) + "/try";
        Map<String, List<String>> values =
                TestBrowser.formFields(editor.get(page(draft)).html().selectFirst("form[data-testid=form-preview]"));
        values.put("values[applicant_id_number]", List.of("110105194912310021"));
        values.put("values[status]", List.of("married"));
        values.put("values[certified]", List.of("true"));
        Document checked = editor.postMulti(tryPath, values).html();
        assertThat(checked.select(".error-summary")).hasSize(1);
        assertThat(summary(checked))
                .containsExactly(
                        "#valuesapplicant_name",
                        "#valuesapplicant_id_number",
                        "#valuesspouse_name",
                        "#valuescertificate_number",
                        "#valuescontact_mobile");
        assertThat(checked.selectFirst(".error-summary").text())
                .contains("公民身份号码：校验码不正确：最后一位应为“X”，实际为“1”。", "申请人姓名：请填写此项。");
        Element id = checked.getElementById("valuesapplicant_id_number");
        assertThat(id.attr("value")).isEqualTo("110105194912310021");
        assertThat(id.attr("aria-invalid")).isEqualTo("true");
        assertThat(id.attr("aria-describedby")).isEqualTo("valuesapplicant_id_number-error");
        assertThat(checked.selectFirst("#valuesstatus2").hasAttr("checked")).isTrue();
        assertThat(checked.select(EDITOR_FORM + " [aria-invalid]")).isEmpty();

        values.put("values[applicant_name]", List.of("张三"));
        values.put("values[applicant_id_number]", List.of("11010519491231002x"));
        values.put("values[spouse_name]", List.of("李四"));
        values.put("values[certificate_number]", List.of("J340104-2024-001234"));
        values.put("values[contact_mobile]", List.of("13800138000"));
        Document ok = editor.postMulti(tryPath, values).html();
        assertThat(ok.select(".error-summary")).isEmpty();
        assertThat(ok.select("[data-testid=trial-ok] dd").eachText())
                .containsExactly(
                        "张三", "11010519491231002X", "married", "李四", "true", "J340104-2024-001234", "13800138000");
        assertThat(stored(draft)).isEqualTo(ApplicationFormRulesTests.valid());
    }

    @Test
    void theGuidesEditorKeepsTheFormWhenTheGuideIsSaved() {
        VersionRecord draft = draft(
                ItemType.LICENSING,
                GuideRulesTests.valid().toBuilder()
                        .applicationForm(ApplicationFormRulesTests.valid())
                        .build());
        Document edit =
                editor.get("/admin/catalog/versions/" + draft.id() + "/edit").html();
        Map<String, List<String>> fields = TestBrowser.formFields(edit.selectFirst("form[action$=/edit]"));
        fields.put("resultName", List.of("新的结果名称"));
        fields.put("action", List.of("save"));
        assertThat(editor.postMulti("/admin/catalog/versions/" + draft.id() + "/edit", fields)
                        .status())
                .isEqualTo(302);
        VersionRecord saved = repository.findVersion(draft.id()).orElseThrow();
        assertThat(saved.guide().resultName()).isEqualTo("新的结果名称");
        assertThat(saved.guide().applicationForm()).isEqualTo(ApplicationFormRulesTests.valid());
    }

    @Test
    void aFormSavedMeanwhileIsAConflictAndTheEditorsRowsStay() {
        VersionRecord draft = draft();
        Map<String, List<String>> mine = fields(editor.get(page(draft)).html(), row(0, "mine", "我的", "Mine", "TEXT"));
        editing.editDraft(
                draft.id(),
                draft.name(),
                draft.guide().toBuilder()
                        .applicationForm(ApplicationFormRulesTests.valid())
                        .build(),
                null,
                "editor-b");
        mine.put("action", List.of("save"));
        TestBrowser.Page conflict = editor.postMulti(page(draft), mine);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.html().select("[data-testid=conflict]")).hasSize(1);
        assertThat(conflict.html()
                        .select(EDITOR_FORM + " input[name=fields[0].key]")
                        .attr("value"))
                .isEqualTo("mine");
        assertThat(stored(draft)).isEqualTo(ApplicationFormRulesTests.valid());
        // Saving again, having been warned, replaces it.
        Map<String, List<String>> again = TestBrowser.formFields(conflict.html().selectFirst(EDITOR_FORM));
        again.put("action", List.of("save"));
        assertThat(editor.postMulti(page(draft), again).status()).isEqualTo(302);
        assertThat(stored(draft).fields()).extracting(FormField::key).containsExactly("mine");
    }

    @Test
    void aVersionThatIsNoDraftIsShownAndTriedButNotChanged() {
        VersionRecord version = draft(
                ItemType.LICENSING,
                GuideRulesTests.valid().toBuilder()
                        .applicationForm(ApplicationFormRulesTests.valid())
                        .build());
        editing.submit(version.id(), "editor-a");
        Document shown = editor.get(page(version)).html();
        assertThat(shown.select(EDITOR_FORM)).isEmpty();
        assertThat(shown.select("[data-testid=read-only]")).hasSize(1);
        assertThat(shown.select("form[data-testid=form-preview]")).hasSize(1);
        TestBrowser.Page refused = editor.post(
                page(version), Map.of("_csrf", TestBrowser.csrf(editor.get(page(version))), "fields[0].key", "x"));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(editor.get(editor.relative(refused.location()))
                        .html()
                        .select(".notice--warning")
                        .text())
                .contains("没有保存任何内容");
        assertThat(stored(version)).isEqualTo(ApplicationFormRulesTests.valid());
    }

    @Test
    void anEnforcementItemHasNoFormToEdit() {
        VersionRecord penalty = draft(ItemType.PENALTY, GuidePageFixtures.penalty());
        Document shown = editor.get(page(penalty)).html();
        assertThat(shown.select(EDITOR_FORM)).isEmpty();
        assertThat(shown.select(".notice").text()).contains("没有申请表");
        TestBrowser.Page refused = editor.post(
                page(penalty),
                Map.of("_csrf", TestBrowser.csrf(editor.get(page(penalty))), "fields[0].key", "x", "action", "save"));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(stored(penalty)).isNull();
    }

    @Test
    void anotherOrganisationsEditorIsToldTheVersionDoesNotExist() {
        VersionRecord draft = draft();
        TestBrowser other = new TestBrowser(port);
        String district = jdbc.sql("SELECT uscc FROM basedata_organisation WHERE division_code = '340111' LIMIT 1")
                .query(String.class)
                .single();
        other.signInNewStaff(accounts, district, CatalogAccess.CATALOG_EDITOR);
        assertThat(other.get(page(draft)).status()).isEqualTo(404);
        String csrf = TestBrowser.csrf(other.get("/admin/catalog"));
        assertThat(other.post(page(draft), Map.of("_csrf", csrf, "fields[0].key", "x"))
                        .status())
                .isEqualTo(404);
        assertThat(other.post(page(draft) + "/try", Map.of("_csrf", csrf)).status())
                .isEqualTo(404);
    }

    @Test
    void theUnsavedFormOfAStandardStartIsTheOneOfTheItemsServiceObjects() {
        VersionRecord draft = draft(
                ItemType.LICENSING,
                GuideRulesTests.valid().toBuilder()
                        .serviceObjects(java.util.EnumSet.of(
                                org.zhengwu.catalog.ServiceObject.NATURAL_PERSON,
                                org.zhengwu.catalog.ServiceObject.ENTERPRISE_LEGAL_PERSON))
                        .build());
        Document rows = post(draft, Map.of(), "standard").html();
        assertThat(rows.select(EDITOR_FORM + " input[name$=.key]").eachAttr("value"))
                .startsWith("applicant_kind", "applicant_name");
        assertThat(rows.selectFirst("select[name='fields[1].prefill'] option[selected]")
                        .attr("value"))
                .isEqualTo(Prefill.NAME.name());
        assertThat(rows.selectFirst("select[name='fields[0].type'] option[selected]")
                        .attr("value"))
                .isEqualTo(FieldType.CHOICE.name());
    }
}
