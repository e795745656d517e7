package org.zhengwu.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhengwu.exchange.ExchangeFixtures.DATA_BUREAU;
import static org.zhengwu.exchange.ExchangeFixtures.HEFEI_DATA;
import static org.zhengwu.exchange.ExchangeFixtures.HEFEI_MARKET;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.exchange.grant.ActiveGrants;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.oidc.SystemClients;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.time.BusinessTime;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.ZhengwuTest;

/**
 * 下架: the provider's cataloguer takes a published resource down with a reason; it can then no longer be asked for,
 * published to or pulled, the grants on it end (the one in force revoked, the request waiting refused), its
 * subscriptions stop, all in the log; another organisation's cataloguer, a reviewer and a second withdrawal are
 * refused and change nothing.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResourceWithdrawalHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountabilityLog log;

    @Autowired
    ActiveGrants activeGrants;

    TestBrowser cataloguer;
    TestBrowser otherCataloguer;
    TestBrowser reviewer;
    TestBrowser requester;
    TestBrowser administrator;

    @BeforeAll
    void setUp() {
        cataloguer = signIn(HEFEI_MARKET, ExchangeAccess.RESOURCE_CATALOGUER);
        otherCataloguer = signIn(HEFEI_DATA, ExchangeAccess.RESOURCE_CATALOGUER);
        reviewer = signIn(HEFEI_DATA, ExchangeAccess.RESOURCE_REVIEWER);
        requester = signIn(DATA_BUREAU, ExchangeAccess.DATA_REQUESTER);
        administrator = new TestBrowser(port);
        administrator.signInNewAdministrator(staff);
    }

    private TestBrowser signIn(String organisation, String... roles) {
        TestBrowser browser = new TestBrowser(port);
        browser.signInNewStaff(staff, organisation, roles);
        return browser;
    }

    private static TestBrowser.Page post(TestBrowser browser, String path, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("_csrf", TestBrowser.csrf(browser.get("/account")));
        return browser.post(path, withToken);
    }

    private String status(String table, Object id) {
        return jdbc.sql("SELECT status FROM " + table + " WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private String resourceStatus(String code) {
        return jdbc.sql("SELECT status FROM exchange_resource WHERE code = :code")
                .param("code", code)
                .query(String.class)
                .single();
    }

    private List<String> actions(String type, Object id) {
        return log
                .search(new AccountabilityLog.Query(null, type, String.valueOf(id), null, null, null), 100, 0)
                .stream()
                .map(e -> e.action())
                .toList();
    }

    private int call(String method, String path, String token, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        try {
            return HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aWithdrawnResourceIsNoLongerRequestedServedOrDeliveredAndItsGrantsEnd() {
        ExchangeFixture fixture = new ExchangeFixture(jdbc);
        String code = fixture.resource(
                HEFEI_MARKET,
                "340100",
                List.of(ExchangeFixture.Item.string("code", 20).key(), ExchangeFixture.Item.string("name", 40)));
        String ref = code.replace('/', '-');
        LocalDate today = LocalDate.now(BusinessTime.ZONE);
        long inForce = fixture.grant(code, HEFEI_DATA, "340100", "code,name", "");
        long waiting = fixture.grant(code, DATA_BUREAU, "340000", "code", "");
        jdbc.sql("UPDATE exchange_grant SET status = 'REQUESTED', fields_granted = NULL, due_on = :due WHERE id = :id")
                .param("due", today.plusDays(14))
                .param("id", waiting)
                .update();
        long subscription = fixture.subscription(code, HEFEI_DATA, "PULL", null);
        SystemClients clients = new SystemClients(port, administrator);
        String subscriber = clients.token(
                clients.register(HEFEI_DATA, ExchangeAccess.SUBSCRIBE_SCOPE), ExchangeAccess.SUBSCRIBE_SCOPE);
        String publisher = clients.token(
                clients.register(HEFEI_MARKET, ExchangeAccess.PUBLISH_SCOPE), ExchangeAccess.PUBLISH_SCOPE);
        String batch = "{\"changes\":[{\"key\":\"W1\",\"operation\":\"INSERT\",\"version\":1,"
                + "\"fields\":{\"code\":\"W1\",\"name\":\"甲\"}}]}";
        assertThat(call("GET", "/api/v1/exchange/subscriptions/" + subscription + "/changes", subscriber, null))
                .isEqualTo(200);
        assertThat(cataloguer.get("/exchange/resources/" + ref).html().selectFirst("[data-testid=withdraw]"))
                .isNotNull();

        // Not another organisation's cataloguer's, nor a reviewer's; a reason is needed.
        assertThat(post(otherCataloguer, "/exchange/resources/" + ref + "/withdraw", Map.of("reason", "x"))
                        .status())
                .isEqualTo(404);
        assertThat(post(reviewer, "/exchange/resources/" + ref + "/withdraw", Map.of("reason", "x"))
                        .status())
                .isEqualTo(403);
        TestBrowser.Page noReason = post(cataloguer, "/exchange/resources/" + ref + "/withdraw", Map.of("reason", ""));
        assertThat(noReason.status()).isEqualTo(200);
        assertThat(noReason.html().selectFirst("[data-testid=error-summary]")).isNotNull();
        assertThat(resourceStatus(code)).isEqualTo("PUBLISHED");
        assertThat(status("exchange_grant", inForce)).isEqualTo("APPROVED");

        TestBrowser.Page withdrawn =
                post(cataloguer, "/exchange/resources/" + ref + "/withdraw", Map.of("reason", "数据来源停止更新"));
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(302);
        assertThat(resourceStatus(code)).isEqualTo("WITHDRAWN");
        assertThat(cataloguer
                        .get("/exchange/resources/" + ref)
                        .html()
                        .selectFirst("[data-testid=status]")
                        .text())
                .contains("已下架");

        // Its grants end: the one in force revoked, the request waiting refused, both with the reason.
        assertThat(status("exchange_grant", inForce)).isEqualTo("REVOKED");
        assertThat(status("exchange_grant", waiting)).isEqualTo("REFUSED");
        assertThat(jdbc.sql("SELECT decision_reason FROM exchange_grant WHERE id = :id")
                        .param("id", inForce)
                        .query(String.class)
                        .single())
                .contains("数据来源停止更新");
        assertThat(activeGrants.find(HEFEI_DATA, code, today)).isEmpty();
        // Its subscriptions stop; nothing more is pulled or published; it cannot be asked for.
        assertThat(status("exchange_subscription", subscription)).isEqualTo("STOPPED");
        assertThat(call("GET", "/api/v1/exchange/subscriptions/" + subscription + "/changes", subscriber, null))
                .isEqualTo(403);
        assertThat(call("POST", "/api/v1/exchange/publish/" + ref + "/changes", publisher, batch))
                .isEqualTo(409);
        assertThat(requester.get("/exchange/resources/" + ref + "/request").status())
                .isEqualTo(404);
        assertThat(requester.get("/exchange/resources/" + ref).status()).isEqualTo(404);

        // All in the log; a second withdrawal is 409 and writes nothing.
        assertThat(actions("resource", code)).containsOnlyOnce("exchange.resource.withdraw");
        assertThat(actions("grant", inForce)).contains("exchange.grant.revoke");
        assertThat(actions("grant", waiting)).contains("exchange.grant.refuse");
        assertThat(actions("exchange-subscription", subscription)).contains("exchange.pubsub.stop");
        assertThat(post(cataloguer, "/exchange/resources/" + ref + "/withdraw", Map.of("reason", "再次"))
                        .status())
                .isEqualTo(409);
        assertThat(actions("resource", code)).containsOnlyOnce("exchange.resource.withdraw");
    }
}
