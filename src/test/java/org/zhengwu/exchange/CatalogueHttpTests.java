package org.zhengwu.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhengwu.exchange.ExchangeFixtures.HEFEI_DATA;
import static org.zhengwu.exchange.ExchangeFixtures.HEFEI_MARKET;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.ZhengwuTest;

/**
 * The catalogue form and its review: a malformed 政务信息资源代码, 不予共享 without its basis and bad 信息项 rows are each
 * named; a row is added without JavaScript; a draft is submitted, published by the region's reviewer, edited while
 * published (the published one stays until the edit is published, with the next version), sent back with a reason —
 * all in the accountability log. The base libraries are registered for the configured provider.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountabilityLog log;

    @Autowired
    org.zhengwu.basedata.Population population;

    TestBrowser cataloguer;
    TestBrowser reviewer;
    TestBrowser outsider;

    @BeforeAll
    void setUp() {
        cataloguer = new TestBrowser(port);
        cataloguer.signInNewStaff(staff, HEFEI_MARKET, ExchangeAccess.RESOURCE_CATALOGUER);
        reviewer = new TestBrowser(port);
        reviewer.signInNewStaff(staff, HEFEI_DATA, ExchangeAccess.RESOURCE_REVIEWER);
        outsider = new TestBrowser(port);
        outsider.signInNewStaff(staff, HEFEI_DATA, ExchangeAccess.RESOURCE_CATALOGUER);
    }

    static String newCode() {
        return String.format(Locale.ROOT, "301001/%06d", ExchangeFixtures.next() * 997 % 1_000_000);
    }

    Map<String, String> validForm(String code) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("classification", "301001");
        form.put("code", code);
        form.put("name", "食品经营许可信息");
        form.put("summary", "本单位核发的食品经营许可证信息。");
        form.put("format", "数据库");
        form.put("shareType", "CONDITIONAL");
        form.put("shareConditions", "用于食品安全监管");
        form.put("shareMethods", "API");
        form.put("openType", "NONE");
        form.put("updateCycle", "DAILY");
        form.put("items[0].field", "licenceNumber");
        form.put("items[0].name", "许可证编号");
        form.put("items[0].dataType", "STRING");
        form.put("items[0].length", "20");
        form.put("items[0].key", "true");
        form.put("items[1].field", "holderName");
        form.put("items[1].name", "经营者名称");
        form.put("items[1].dataType", "STRING");
        form.put("items[1].sensitive", "true");
        return form;
    }

    TestBrowser.Page post(TestBrowser browser, String path, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put(
                "_csrf", TestBrowser.csrf(browser.get("/exchange/resources/new".equals(path) ? path : "/account")));
        return browser.post(path, withToken);
    }

    @Test
    void staffWithoutAnOrganisationAreToldSoBeforeTheyFillTheForm() {
        TestBrowser homeless = new TestBrowser(port);
        homeless.signInNewStaff(staff, null, ExchangeAccess.RESOURCE_CATALOGUER);
        assertThat(homeless.get("/exchange/resources").html().select("a[href=/exchange/resources/new]"))
                .isEmpty();
        TestBrowser.Page form = homeless.get("/exchange/resources/new");
        assertThat(form.status()).isEqualTo(403);
        assertThat(form.body()).contains("不属于任何单位");
        // Nor is a request offered to staff who could not make it.
        TestBrowser requesterWithout = new TestBrowser(port);
        requesterWithout.signInNewStaff(staff, null, ExchangeAccess.DATA_REQUESTER);
        assertThat(requesterWithout
                        .get("/exchange/resources/101001-000001")
                        .html()
                        .select("a[href$=/request]"))
                .isEmpty();
        TestBrowser.Page request = requesterWithout.get("/exchange/resources/101001-000001/request");
        assertThat(request.status()).isEqualTo(403);
        assertThat(request.body()).contains("不属于任何单位");
    }

    private static String summary(TestBrowser.Page page) {
        var summary = page.html().selectFirst("[data-testid=error-summary]");
        return summary == null ? "" : summary.text();
    }

    @Test
    void aMalformedCodeIsNamedInChinese() {
        Map<String, String> form = validForm("3010010000001");
        TestBrowser.Page page = post(cataloguer, "/exchange/resources/new", form);
        assertThat(page.status()).isEqualTo(200);
        assertThat(summary(page)).contains("资源代码格式不正确").contains("前段码/后段码");
        assertThat(page.html().selectFirst("#code").attr("aria-invalid")).isEqualTo("true");

        form.put("code", "302001/000001");
        assertThat(summary(post(cataloguer, "/exchange/resources/new", form))).contains("前段码应与资源分类一致");
        form.put("code", "301001/00001A");
        assertThat(summary(post(cataloguer, "/exchange/resources/new", form))).contains("资源代码格式不正确");
        form.put("classification", "401");
        assertThat(summary(post(cataloguer, "/exchange/resources/new", form))).contains("资源分类格式不正确");
    }

    @Test
    void notSharedNeedsItsBasisAndItemRowsAreCheckedRowByRow() {
        Map<String, String> form = validForm(newCode());
        form.put("shareType", "NONE");
        form.remove("shareMethods");
        form.put("items[0].field", "Licence Number");
        form.put("items[1].dataType", "");
        form.put("items[2].field", "licenceNumber");
        form.put("items[2].name", "重复");
        form.put("items[2].dataType", "STRING");
        form.put("items[2].length", "5000");
        TestBrowser.Page page = post(cataloguer, "/exchange/resources/new", form);
        String errors = summary(page);
        assertThat(errors)
                .contains("不予共享的资源必须填写不予共享的依据")
                .contains("第 1 行：字段名须以小写字母开头")
                .contains("第 2 行：请选择数据类型")
                .contains("第 3 行：长度应在1到4000之间");
        assertThat(page.html().selectFirst("#items0\\.field").attr("aria-invalid"))
                .isEqualTo("true");
        assertThat(jdbc.sql("SELECT count(*) FROM exchange_resource WHERE code = :code")
                        .param("code", form.get("code"))
                        .query(Long.class)
                        .single())
                .isZero();

        Map<String, String> noItems = validForm(newCode());
        noItems.keySet().removeIf(k -> k.startsWith("items"));
        assertThat(summary(post(cataloguer, "/exchange/resources/new", noItems)))
                .contains("请至少填写一个信息项");

        // The database says the same, whatever a caller skips.
        assertThat(catching(() -> jdbc.sql("""
                                INSERT INTO exchange_resource (code, category, classification, name, provider_uscc,
                                    provider_division, summary, format, share_type, share_methods, open_type,
                                    update_cycle, status, catalogue_updated_at, entered_by, created_at)
                                VALUES ('301001/999999', '3', '301001', 'x', :uscc, '340100', 'x', 'x', 'NONE', '',
                                    'NONE', 'OTHER', 'DRAFT', now(), 'test', now())""").param("uscc", HEFEI_MARKET).update()))
                .contains("check");
    }

    private static String catching(Runnable r) {
        try {
            r.run();
            return "";
        } catch (RuntimeException e) {
            return e.getMessage().toLowerCase(Locale.ROOT);
        }
    }

    @Test
    void aRowIsAddedBySendingTheFormBackWithoutSavingOrComplaining() {
        Map<String, String> form = validForm(newCode());
        form.put("addItem", "1");
        TestBrowser.Page page = post(cataloguer, "/exchange/resources/new", form);
        assertThat(page.status()).isEqualTo(200);
        assertThat(summary(page)).isEmpty();
        assertThat(page.html().select("input[name=items[2].field]")).hasSize(1);
        assertThat(page.html().selectFirst("input[name=items[1].field]").attr("value"))
                .isEqualTo("holderName");
        assertThat(jdbc.sql("SELECT count(*) FROM exchange_resource WHERE code = :code")
                        .param("code", form.get("code"))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aDraftIsSubmittedPublishedEditedSentBackAndRepublishedWithTheNextVersion() {
        String code = newCode();
        String ref = code.replace('/', '-');
        TestBrowser.Page created = post(cataloguer, "/exchange/resources/new", validForm(code));
        assertThat(created.status()).as(summary(created)).isEqualTo(302);
        assertThat(created.location()).endsWith("/exchange/resources/" + ref);
        assertThat(status(code)).isEqualTo("DRAFT");
        // Someone of another organisation does not see the draft, nor can they submit it.
        assertThat(outsider.get("/exchange/resources/" + ref).status()).isEqualTo(404);
        assertThat(post(outsider, "/exchange/resources/" + ref + "/submit", Map.of())
                        .status())
                .isEqualTo(404);
        // A reviewer cannot publish a draft not submitted.
        assertThat(post(reviewer, "/exchange/resources/" + ref + "/publish", Map.of())
                        .status())
                .isEqualTo(409);

        assertThat(post(cataloguer, "/exchange/resources/" + ref + "/submit", Map.of())
                        .status())
                .isEqualTo(302);
        assertThat(status(code)).isEqualTo("IN_REVIEW");
        assertThat(post(reviewer, "/exchange/resources/" + ref + "/publish", Map.of())
                        .status())
                .isEqualTo(302);
        assertThat(status(code)).isEqualTo("PUBLISHED");
        TestBrowser.Page published = cataloguer.get("/exchange/resources/" + ref);
        assertThat(published.html().selectFirst("[data-testid=version]").text()).isEqualTo("1");

        // An edit of the published resource is kept beside it.
        Map<String, String> edit = validForm(code);
        edit.remove("code");
        edit.put("name", "食品经营许可信息（含变更）");
        assertThat(post(cataloguer, "/exchange/resources/" + ref + "/edit", edit)
                        .status())
                .isEqualTo(302);
        assertThat(name(code)).isEqualTo("食品经营许可信息");
        assertThat(post(cataloguer, "/exchange/resources/" + ref + "/submit", Map.of())
                        .status())
                .isEqualTo(302);
        // Sent back: a reason is required, then shown to the cataloguer.
        TestBrowser.Page noReason = post(reviewer, "/exchange/resources/" + ref + "/return", Map.of("reason", ""));
        assertThat(noReason.status()).isEqualTo(200);
        assertThat(summary(noReason)).contains("此项为必填项");
        assertThat(post(reviewer, "/exchange/resources/" + ref + "/return", Map.of("reason", "请补充变更说明"))
                        .status())
                .isEqualTo(302);
        assertThat(cataloguer
                        .get("/exchange/resources/" + ref)
                        .html()
                        .selectFirst("[data-testid=returned]")
                        .text())
                .contains("请补充变更说明");
        assertThat(cataloguer
                        .get("/exchange/resources/" + ref + "/edit")
                        .html()
                        .selectFirst("#name")
                        .attr("value"))
                .isEqualTo("食品经营许可信息（含变更）");
        assertThat(post(cataloguer, "/exchange/resources/" + ref + "/submit", Map.of())
                        .status())
                .isEqualTo(302);
        assertThat(post(reviewer, "/exchange/resources/" + ref + "/publish", Map.of())
                        .status())
                .isEqualTo(302);
        assertThat(name(code)).isEqualTo("食品经营许可信息（含变更）");
        assertThat(jdbc.sql("SELECT version FROM exchange_resource WHERE code = :code")
                        .param("code", code)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        for (String action : List.of(
                "exchange.resource.create",
                "exchange.resource.submit",
                "exchange.resource.publish",
                "exchange.resource.update",
                "exchange.resource.return")) {
            assertThat(log.search(new AccountabilityLog.Query(null, "resource", code, action, null, null), 10, 0))
                    .as(action)
                    .isNotEmpty();
        }
        // The list shows it; the API serves it to staff.
        assertThat(cataloguer.get("/exchange/resources").html().select("tr[data-code=" + code + "]"))
                .hasSize(1);
        var api = cataloguer.getJson("/api/v1/exchange/resources/" + ref);
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body()).contains("\"version\":2", "holderName");
    }

    @Test
    void theBaseLibrariesAreRegisteredForTheConfiguredProviderWithTheirItems() {
        var rows = jdbc.sql("""
                        SELECT library, code, category, provider_uscc, status, share_type FROM exchange_resource
                        WHERE library IS NOT NULL ORDER BY code""").query().listOfRows();
        assertThat(rows)
                .extracting(r -> r.get("library"))
                .containsExactly("person", "legal-entity", "place", "indicator");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("category")).isEqualTo("1");
            assertThat(r.get("provider_uscc")).isEqualTo(ExchangeFixtures.DATA_BUREAU);
            assertThat(r.get("status")).isEqualTo("PUBLISHED");
        });
        assertThat(jdbc.sql("""
                        SELECT field || ':' || sensitive || ':' || is_key FROM exchange_resource_item
                        WHERE resource_code = '101001/000001' ORDER BY position""").query(String.class).list())
                .containsExactly(
                        "idNumber:true:true",
                        "name:true:false",
                        "sex:false:false",
                        "birthDate:false:false",
                        "householdDivision:false:false",
                        "address:true:false",
                        "deceased:false:false");
        assertThat(jdbc.sql("""
                        SELECT string_agg(field, ',' ORDER BY position) FROM exchange_resource_item
                        WHERE resource_code = '102001/000001'""").query(String.class).single())
                .isEqualTo("uscc,name,entityType,legalRepresentative,registeredDivision,status,registrationDate");
        // A cataloguer of the bureau cannot edit a library (its items are the API's), nor anyone else.
        assertThat(cataloguer.get("/exchange/resources/101001-000001/edit").status())
                .isEqualTo(404);
    }

    @Test
    void aLibraryWhoseDataChangedIsFlaggedAfterFifteenWorkingDaysWithoutACatalogueUpdate() {
        // basedata's change events set the library's data_changed_at.
        java.time.Instant before = java.time.Instant.now().minusSeconds(1);
        population.save(new org.zhengwu.basedata.PersonDraft(
                org.zhengwu.support.TestPeople.newIdNumber(), "变更人", null, null, "340104", null, false));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> {
                    java.sql.Timestamp changed = jdbc.sql(
                                    "SELECT data_changed_at FROM exchange_resource WHERE library = 'person'")
                            .query(java.sql.Timestamp.class)
                            .single();
                    return changed != null && changed.toInstant().isAfter(before);
                });
        // Changed 40 days ago, catalogue updated before that: flagged (more than 15 working days in any schedule).
        jdbc.sql("""
                        UPDATE exchange_resource SET catalogue_updated_at = now() - interval '60 days',
                            data_changed_at = now() - interval '40 days'
                        WHERE library = 'legal-entity'""").update();
        TestBrowser.Page list = reviewer.get("/exchange/resources");
        assertThat(list.html().select("tr[data-code=102001/000001] [data-testid=flagged]"))
                .hasSize(1);
        // Real time data last updated 40 days ago: not current either.
        assertThat(list.html().select("tr[data-code=102001/000001] [data-testid=stale]"))
                .hasSize(1);
        assertThat(reviewer.get("/exchange/resources/102001-000001").html().selectFirst("[data-testid=flagged]"))
                .isNotNull();
        // Changed two days ago: not yet flagged.
        jdbc.sql(
                        "UPDATE exchange_resource SET data_changed_at = now() - interval '2 days' WHERE library = 'legal-entity'")
                .update();
        assertThat(reviewer.get("/exchange/resources")
                        .html()
                        .select("tr[data-code=102001/000001] [data-testid=flagged]"))
                .isEmpty();
        jdbc.sql("""
                        UPDATE exchange_resource SET catalogue_updated_at = now(), data_changed_at = NULL
                        WHERE library = 'legal-entity'""").update();
    }

    private String status(String code) {
        return jdbc.sql("SELECT status FROM exchange_resource WHERE code = :code")
                .param("code", code)
                .query(String.class)
                .single();
    }

    private String name(String code) {
        return jdbc.sql("SELECT name FROM exchange_resource WHERE code = :code")
                .param("code", code)
                .query(String.class)
                .single();
    }
}
