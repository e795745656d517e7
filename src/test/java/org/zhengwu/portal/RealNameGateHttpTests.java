package org.zhengwu.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.identity.RealNameLevel;
import org.zhengwu.identity.account.AccountRepository;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/** Each entry states the real-name level an online application needs; a signed-in person sees whether they have it. */
@ZhengwuTest
class RealNameGateHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    AccountRepository accounts;

    @Autowired
    JdbcClient jdbc;

    private String publishedEntryNeeding(RealNameLevel level) {
        return jdbc.sql("""
                        SELECT i.implementation_code FROM catalog_item i
                        JOIN catalog_item_version v ON v.item_id = i.id AND v.status = 'PUBLISHED'
                        WHERE v.guide ->> 'realNameLevel' = :level ORDER BY i.id LIMIT 1""").param("level", level.name()).query(String.class).single();
    }

    @Test
    void theGuideStatesTheLevelAndTellsASignedInPersonWhetherTheyReachIt() {
        String enterpriseEntry = publishedEntryNeeding(RealNameLevel.MOBILE_VERIFIED);
        Document anonymous =
                new TestBrowser(port).get("/items/" + enterpriseEntry).html();
        assertThat(anonymous.select(".summary-list").text()).contains("L3 手机核验");
        assertThat(anonymous.select("[data-testid=real-name-gate]")).isEmpty();

        TestPeople.Citizen citizen = TestPeople.register(citizens, "实名门槛");
        TestBrowser browser = new TestBrowser(port);
        browser.signIn(citizen.username(), TestPeople.PASSWORD);
        Document below = browser.get("/items/" + enterpriseEntry).html();
        assertThat(below.selectFirst("[data-testid=real-name-gate]").text())
                .contains("需要实名等级 L3", "当前为 L1", "如何提升实名等级");
        assertThat(below.selectFirst("[data-testid=real-name-gate] a").attr("href"))
                .isEqualTo("/account#level");

        long id = accounts.findByUsername(citizen.username()).orElseThrow().id();
        accounts.setRealNameLevel(id, RealNameLevel.MOBILE_VERIFIED);
        assertThat(browser.get("/items/" + enterpriseEntry)
                        .html()
                        .selectFirst("[data-testid=real-name-gate]")
                        .text())
                .contains("L3", "满足");
        // The entry's own API carries the requirement too, for the systems that take applications.
        assertThat(new TestBrowser(port)
                        .getJson("/api/v1/items/" + enterpriseEntry)
                        .body())
                .contains("\"realNameLevel\":{\"code\":\"3\",\"label\":\"手机核验\"}");
    }

    @Test
    void aPersonsEntryNeedsTheMatchedIdentity() {
        String personEntry = publishedEntryNeeding(RealNameLevel.ID_MATCHED);
        assertThat(new TestBrowser(port)
                        .get("/items/" + personEntry)
                        .html()
                        .select(".summary-list")
                        .text())
                .contains("L2 身份核验");
    }
}
