package org.zhengwu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.ZhengwuTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A published application form on the public guide page, read-only, and in the item's API answer. */
@ZhengwuTest
class ApplicationFormPagesHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    GuidePageFixtures fixtures;

    private String published() {
        return fixtures.publish(
                ItemType.LICENSING,
                "申请表事项",
                GuidePageFixtures.licensing().toBuilder()
                        .applicationForm(ApplicationFormRulesTests.valid())
                        .build());
    }

    @Test
    void theGuidePageListsTheFormsQuestionsUnderItsHeading() {
        String code = published();
        Document page = new TestBrowser(port).get("/items/" + code).html();
        assertThat(page.select("nav.contents a[href=#application-form]").text()).isEqualTo("申请表");
        assertThat(page.selectFirst("h2#application-form").text()).isEqualTo("申请表");
        Element table = page.selectFirst("table[data-testid=application-form]");
        assertThat(table.select("tbody tr")).hasSize(7);
        assertThat(table.select("tbody tr td:nth-child(2)").eachText())
                .containsExactly("申请人姓名", "公民身份号码", "婚姻状况", "配偶姓名", "已领结婚证", "结婚证字号", "手机号码");
        Element spouse = table.selectFirst("tr[data-field=spouse_name]");
        assertThat(spouse.text()).contains("单行文字", "必填", "只在“婚姻状况”为“已婚”时填写");
        assertThat(table.selectFirst("tr[data-field=certificate_number]").text())
                .contains("勾选“已领结婚证”时必填", "如 J340104-2024-001234");
        assertThat(table.selectFirst("tr[data-field=status]").text()).contains("单选", "可选：未婚、已婚");
        assertThat(table.selectFirst("tr[data-field=applicant_id_number]").text())
                .contains("公民身份号码", "取自账户：公民身份号码");
        // Read-only: a description, no control to fill in.
        assertThat(page.select("input[name^=values], select[name^=values], textarea[name^=values]"))
                .isEmpty();
        // Materials still follow.
        assertThat(page.select("h2#materials")).hasSize(1);

        Document english =
                new TestBrowser(port).get("/items/" + code + "?lang=en").html();
        assertThat(english.selectFirst("h2#application-form").text()).isEqualTo("Application form");
        assertThat(english.selectFirst("tr[data-field=spouse_name]").text())
                .contains("Spouse's name", "Only when \"Marital status\" is \"Married\"");
    }

    @Test
    void aGuideWithoutAFormHasNoSuchSection() {
        String code = fixtures.publish(ItemType.LICENSING, "无申请表事项", GuidePageFixtures.licensing());
        Document page = new TestBrowser(port).get("/items/" + code).html();
        assertThat(page.select("#application-form")).isEmpty();
        assertThat(page.select("nav.contents a[href=#application-form]")).isEmpty();
    }

    @Test
    void theApiGivesTheWholeDefinition() {
        String code = published();
        TestBrowser.Page answer = new TestBrowser(port).get("/api/v1/items/" + code, "Accept", "application/json");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode form = JsonMapper.builder()
                .build()
                .readTree(answer.body())
                .path("guide")
                .path("applicationForm");
        assertThat(form.path("fields").size()).isEqualTo(7);
        JsonNode spouse = form.path("fields").get(3);
        assertThat(spouse.path("key").asString()).isEqualTo("spouse_name");
        assertThat(spouse.path("type").asString()).isEqualTo("TEXT");
        assertThat(spouse.path("required").asBoolean()).isTrue();
        assertThat(spouse.path("shownWhen").path("field").asString()).isEqualTo("status");
        assertThat(spouse.path("shownWhen").path("value").asString()).isEqualTo("married");
        JsonNode status = form.path("fields").get(2);
        assertThat(status.path("options").get(1).path("labelEn").asString()).isEqualTo("Married");
        assertThat(form.path("fields").get(0).path("prefill").asString()).isEqualTo("NAME");
        assertThat(form.path("fields").get(5).path("pattern").asString()).isEqualTo("J[0-9]{6}-[0-9]{4}-[0-9]{6}");

        String without = fixtures.publish(ItemType.LICENSING, "无申请表接口", GuidePageFixtures.licensing());
        JsonNode none = JsonMapper.builder()
                .build()
                .readTree(new TestBrowser(port)
                        .get("/api/v1/items/" + without, "Accept", "application/json")
                        .body());
        assertThat(none.path("guide").path("applicationForm").isNull()).isTrue();
    }
}
