package org.zhengwu.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhengwu.exchange.ExchangeFixtures.DATA_BUREAU;
import static org.zhengwu.exchange.ExchangeFixtures.HEFEI_DATA;
import static org.zhengwu.exchange.ExchangeFixtures.HEFEI_MARKET;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
import org.zhengwu.basedata.BaseDataAccess;
import org.zhengwu.basedata.PersonDraft;
import org.zhengwu.basedata.Population;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.identity.oidc.SystemClients;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.time.BusinessTime;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * The exchange's and the base libraries' endpoints as an attacker tries them: another persona (a citizen, a clerk of
 * another organisation, a requester on another organisation's grant), no session, a member of staff who has given the
 * password but not the second factor, no CSRF token, forged ids (another organisation's request, subscription and
 * import job), forms sent again (a decision on a decided or withdrawn request, a withdrawal or cancellation twice) and
 * steps skipped (publishing a draft, querying with a revoked or expired grant, publishing changes to a resource not
 * published). Each is refused with a clear 403, 404, 409 or 400 and leaves the rows and the accountability log as they
 * were.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExchangeAttackHttpTests {

    static final String PERSON = "101001/000001";
    static final String PERSON_REF = "101001-000001";

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountabilityLog log;

    @Autowired
    Population population;

    TestBrowser requester;
    TestBrowser otherRequester;
    TestBrowser steward;
    TestBrowser otherSteward;
    TestBrowser cataloguer;
    TestBrowser otherCataloguer;
    TestBrowser reviewer;
    TestBrowser citizen;
    TestBrowser anonymous;
    TestBrowser halfSignedIn;
    TestBrowser administrator;

    @BeforeAll
    void setUp() {
        requester = signIn(HEFEI_MARKET, ExchangeAccess.DATA_REQUESTER);
        otherRequester = signIn(HEFEI_DATA, ExchangeAccess.DATA_REQUESTER);
        steward = signIn(DATA_BUREAU, ExchangeAccess.DATA_STEWARD);
        otherSteward = signIn(HEFEI_MARKET, ExchangeAccess.DATA_STEWARD);
        cataloguer = signIn(HEFEI_MARKET, ExchangeAccess.RESOURCE_CATALOGUER);
        otherCataloguer = signIn(HEFEI_DATA, ExchangeAccess.RESOURCE_CATALOGUER);
        reviewer = signIn(HEFEI_DATA, ExchangeAccess.RESOURCE_REVIEWER);
        TestPeople.Citizen person = TestPeople.register(citizens, "攻击者");
        citizen = new TestBrowser(port);
        citizen.signIn(person.username(), TestPeople.PASSWORD);
        anonymous = new TestBrowser(port);
        // The provider's own steward, enrolled elsewhere, here with only the password given: the code is asked for.
        String username = new TestBrowser(port).signInNewStaff(staff, DATA_BUREAU, ExchangeAccess.DATA_STEWARD);
        halfSignedIn = new TestBrowser(port);
        assertThat(halfSignedIn.signIn(username, TestBrowser.STAFF_PASSWORD).location())
                .endsWith("/login/mfa");
        administrator = new TestBrowser(port);
        administrator.signInNewAdministrator(staff);
    }

    private TestBrowser signIn(String organisation, String... roles) {
        TestBrowser browser = new TestBrowser(port);
        browser.signInNewStaff(staff, organisation, roles);
        return browser;
    }

    private static LocalDate today() {
        return LocalDate.now(BusinessTime.ZONE);
    }

    /** A CSRF token from a page the browser may open: its own session's, whatever the session is. */
    private static String token(TestBrowser browser) {
        for (String page : List.of("/account", "/login/mfa", "/account/mfa/setup", "/login")) {
            TestBrowser.Page answer = browser.get(page);
            if (answer.status() == 200 && answer.html().selectFirst("input[name=_csrf]") != null) {
                return TestBrowser.csrf(answer);
            }
        }
        throw new IllegalStateException("no page with a form");
    }

    private static TestBrowser.Page post(TestBrowser browser, String path, Map<String, List<String>> form) {
        Map<String, List<String>> withToken = new LinkedHashMap<>(form);
        withToken.put("_csrf", List.of(token(browser)));
        return browser.postMulti(path, withToken);
    }

    private static TestBrowser.Page post(TestBrowser browser, String path) {
        return post(browser, path, Map.of());
    }

    /** Refused: 403, 404, or sent to sign in (no session) or to the second factor (half signed in). */
    private static void refused(TestBrowser.Page page, String what) {
        if (page.status() == 302) {
            assertThat(page.location()).as(what).matches(l -> l.contains("/login"));
        } else {
            assertThat(page.status()).as(what + ": " + page.body()).isIn(401, 403, 404);
        }
    }

    private long request(TestBrowser browser, List<String> fields) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("purpose", List.of("核验申请人身份"));
        form.put("legalBasis", List.of("《政务信息资源共享管理暂行办法》第十条"));
        form.put("fields", fields);
        form.put("validFrom", List.of(today().toString()));
        form.put("validUntil", List.of(today().plusMonths(6).toString()));
        TestBrowser.Page answer = post(browser, "/exchange/resources/" + PERSON_REF + "/request", form);
        assertThat(answer.status()).as(answer.body()).isEqualTo(302);
        String location = answer.location();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private Map<String, List<String>> approval() {
        Map<String, List<String>> approval = new LinkedHashMap<>();
        approval.put("fields", List.of("idNumber", "name"));
        approval.put("clearFields", List.of("name"));
        approval.put("validUntil", List.of(today().plusMonths(3).toString()));
        return approval;
    }

    private static Map<String, List<String>> reason(String text) {
        return Map.of("reason", List.of(text));
    }

    private Map<String, Object> grantRow(long id) {
        return jdbc.sql("SELECT * FROM exchange_grant WHERE id = :id")
                .param("id", id)
                .query()
                .singleRow();
    }

    private List<String> actions(String type, Object id) {
        return log
                .search(new AccountabilityLog.Query(null, type, String.valueOf(id), null, null, null), 100, 0)
                .stream()
                .map(e -> e.action())
                .toList();
    }

    @Test
    void aRequestIsDecidedOnlyByItsProvidersStewardFullySignedInWithAToken() {
        long id = request(requester, List.of("idNumber", "name", "sex"));
        Map<String, Object> before = grantRow(id);
        String path = "/exchange/grants/" + id;

        for (TestBrowser stranger :
                List.of(otherSteward, requester, otherRequester, citizen, anonymous, halfSignedIn)) {
            refused(post(stranger, path + "/approve", approval()), "approve");
            refused(post(stranger, path + "/refuse", reason("无关")), "refuse");
            refused(post(stranger, path + "/revoke", reason("无关")), "revoke");
        }
        // A clerk of another organisation with the same role is told there is no such request; persons and sessions
        // without the permission are forbidden or sent to sign in.
        assertThat(post(otherSteward, path + "/approve", approval()).status()).isEqualTo(404);
        assertThat(otherSteward.get(path).status()).isEqualTo(404);
        assertThat(otherRequester.get(path).status()).isEqualTo(404);
        assertThat(citizen.get(path).status()).isEqualTo(403);
        refused(anonymous.get(path), "anonymous read");
        refused(halfSignedIn.get(path), "half signed in read");
        // Only the consumer withdraws: another organisation's requester does not find it, the provider may not.
        assertThat(post(otherRequester, path + "/withdraw").status()).isEqualTo(404);
        assertThat(post(steward, path + "/withdraw").status()).isEqualTo(403);
        // The provider's own steward without the form's token.
        Map<String, List<String>> noToken = approval();
        assertThat(steward.postMulti(path + "/approve", noToken).status()).isEqualTo(403);

        assertThat(grantRow(id)).isEqualTo(before);
        assertThat(actions("grant", id)).containsExactly("exchange.grant.request");

        // Forged ids: none, or not a number.
        assertThat(post(steward, "/exchange/grants/" + Long.MAX_VALUE + "/approve", approval())
                        .status())
                .isEqualTo(404);
        assertThat(steward.get("/exchange/grants/" + Long.MAX_VALUE).status()).isEqualTo(404);
        assertThat(steward.get("/exchange/grants/abc").status()).isIn(400, 404);
    }

    @Test
    void aDecisionSentAgainOrOnARequestThatMovedOnIsRefusedWith409AndChangesNothing() {
        // Approved once; the same form again, a refusal, a refusal without its reason: 409.
        long approved = request(requester, List.of("idNumber", "name"));
        assertThat(post(steward, "/exchange/grants/" + approved + "/approve", approval())
                        .status())
                .isEqualTo(302);
        Map<String, Object> decided = grantRow(approved);
        assertThat(post(steward, "/exchange/grants/" + approved + "/approve", approval())
                        .status())
                .isEqualTo(409);
        assertThat(post(steward, "/exchange/grants/" + approved + "/refuse", reason("改变主意"))
                        .status())
                .isEqualTo(409);
        TestBrowser.Page late = post(steward, "/exchange/grants/" + approved + "/refuse", reason(""));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body()).contains("该申请已处理");
        assertThat(grantRow(approved)).isEqualTo(decided);

        // Given up by the consumer, twice: the second is 409; then neither decided nor revoked.
        assertThat(post(requester, "/exchange/grants/" + approved + "/withdraw").status())
                .isEqualTo(302);
        Map<String, Object> withdrawn = grantRow(approved);
        assertThat(withdrawn.get("status")).isEqualTo("WITHDRAWN");
        assertThat(post(requester, "/exchange/grants/" + approved + "/withdraw").status())
                .isEqualTo(409);
        assertThat(post(steward, "/exchange/grants/" + approved + "/revoke", reason("停止"))
                        .status())
                .isEqualTo(409);
        assertThat(grantRow(approved)).isEqualTo(withdrawn);
        assertThat(actions("grant", approved))
                .containsExactlyInAnyOrder(
                        "exchange.grant.request", "exchange.grant.approve", "exchange.grant.withdraw");

        // A withdrawn request cannot be decided.
        long taken = request(otherRequester, List.of("idNumber"));
        assertThat(post(otherRequester, "/exchange/grants/" + taken + "/withdraw")
                        .status())
                .isEqualTo(302);
        Map<String, Object> takenBack = grantRow(taken);
        assertThat(post(steward, "/exchange/grants/" + taken + "/approve", approval())
                        .status())
                .isEqualTo(409);
        assertThat(post(steward, "/exchange/grants/" + taken + "/refuse", reason("无关"))
                        .status())
                .isEqualTo(409);
        assertThat(grantRow(taken)).isEqualTo(takenBack);

        // A request not yet decided cannot be revoked (that is a refusal); a revoked grant not revoked again.
        long open = request(requester, List.of("idNumber"));
        Map<String, Object> waiting = grantRow(open);
        TestBrowser.Page early = post(steward, "/exchange/grants/" + open + "/revoke", reason("提前"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("该申请没有生效的授权");
        assertThat(grantRow(open)).isEqualTo(waiting);
        Map<String, List<String>> one = new LinkedHashMap<>(approval());
        one.put("fields", List.of("idNumber"));
        one.put("clearFields", List.of());
        assertThat(post(steward, "/exchange/grants/" + open + "/approve", one).status())
                .isEqualTo(302);
        assertThat(post(steward, "/exchange/grants/" + open + "/revoke", reason("停止使用"))
                        .status())
                .isEqualTo(302);
        Map<String, Object> revoked = grantRow(open);
        assertThat(post(steward, "/exchange/grants/" + open + "/revoke", reason("再次"))
                        .status())
                .isEqualTo(409);
        assertThat(post(requester, "/exchange/grants/" + open + "/withdraw").status())
                .isEqualTo(409);
        assertThat(grantRow(open)).isEqualTo(revoked);
        assertThat(actions("grant", open))
                .containsExactlyInAnyOrder("exchange.grant.request", "exchange.grant.approve", "exchange.grant.revoke");
    }

    private Map<String, Object> resourceRow(String code) {
        return jdbc.sql("SELECT * FROM exchange_resource WHERE code = :code")
                .param("code", code)
                .query()
                .singleRow();
    }

    @Test
    void theCatalogueIsKeptInStepAndToItsOwnOrganisation() {
        String code = String.format(Locale.ROOT, "301001/%06d", 700_000 + ExchangeFixtures.next() * 37 % 100_000);
        String ref = code.replace('/', '-');
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("classification", List.of("301001"));
        form.put("code", List.of(code));
        form.put("name", List.of("市场主体年报"));
        form.put("summary", List.of("年度报告。"));
        form.put("format", List.of("JSON"));
        form.put("shareType", List.of("CONDITIONAL"));
        form.put("shareConditions", List.of("用于监管"));
        form.put("shareMethods", List.of("API"));
        form.put("openType", List.of("NONE"));
        form.put("updateCycle", List.of("YEARLY"));
        form.put("items[0].field", List.of("uscc"));
        form.put("items[0].name", List.of("统一社会信用代码"));
        form.put("items[0].dataType", List.of("STRING"));
        TestBrowser.Page created = post(cataloguer, "/exchange/resources/new", form);
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        Map<String, Object> draft = resourceRow(code);
        assertThat(draft.get("status")).isEqualTo("DRAFT");

        // Published or sent back before it was submitted: 409.
        assertThat(post(reviewer, "/exchange/resources/" + ref + "/publish").status())
                .isEqualTo(409);
        assertThat(post(reviewer, "/exchange/resources/" + ref + "/return", reason("退回"))
                        .status())
                .isEqualTo(409);
        // Another organisation's cataloguer, a requester, a citizen, no session, half signed in: not theirs.
        for (TestBrowser stranger : List.of(otherCataloguer, requester, citizen, anonymous, halfSignedIn)) {
            refused(post(stranger, "/exchange/resources/" + ref + "/submit"), "submit");
            refused(post(stranger, "/exchange/resources/" + ref + "/edit", form), "edit");
            refused(post(stranger, "/exchange/resources/" + ref + "/publish"), "publish");
            refused(stranger.get("/exchange/resources/" + ref), "read a draft");
        }
        assertThat(otherCataloguer.get("/exchange/resources/" + ref + "/edit").status())
                .isEqualTo(404);
        // Not yet published: not requestable.
        assertThat(otherRequester.get("/exchange/resources/" + ref + "/request").status())
                .isEqualTo(404);
        assertThat(resourceRow(code)).isEqualTo(draft);

        // Submitted twice, published twice: the second of each is 409.
        assertThat(post(cataloguer, "/exchange/resources/" + ref + "/submit").status())
                .isEqualTo(302);
        assertThat(post(cataloguer, "/exchange/resources/" + ref + "/submit").status())
                .isEqualTo(409);
        assertThat(post(reviewer, "/exchange/resources/" + ref + "/publish").status())
                .isEqualTo(302);
        Map<String, Object> published = resourceRow(code);
        assertThat(post(reviewer, "/exchange/resources/" + ref + "/publish").status())
                .isEqualTo(409);
        assertThat(resourceRow(code)).isEqualTo(published);
        assertThat(actions("resource", code))
                .filteredOn(a -> a.equals("exchange.resource.publish"))
                .hasSize(1);
        // The provider's own requester cannot ask for its own resource.
        assertThat(post(
                                requester,
                                "/exchange/resources/" + ref + "/request",
                                Map.of(
                                        "purpose", List.of("x"),
                                        "legalBasis", List.of("x"),
                                        "fields", List.of("uscc"),
                                        "validFrom", List.of(today().toString()),
                                        "validUntil",
                                                List.of(today().plusDays(30).toString())))
                        .status())
                .isEqualTo(409);
    }

    /** An organisation with no grant at all, and its division. */
    private Map<String, Object> organisationWithoutGrants(int skip) {
        return jdbc.sql("""
                        SELECT uscc, division_code FROM basedata_organisation
                        WHERE uscc NOT IN (:a, :b, :c) AND uscc NOT IN (SELECT consumer_uscc FROM exchange_grant)
                        ORDER BY uscc DESC OFFSET :skip LIMIT 1""")
                .param("a", HEFEI_MARKET)
                .param("b", HEFEI_DATA)
                .param("c", DATA_BUREAU)
                .param("skip", skip)
                .query()
                .singleRow();
    }

    @Test
    void theQueryApiRefusesARevokedOrExpiredGrant() {
        Map<String, Object> consumer = organisationWithoutGrants(0);
        String uscc = (String) consumer.get("uscc");
        ExchangeFixture fixture = new ExchangeFixture(jdbc);
        long grant = fixture.grant(PERSON, uscc, (String) consumer.get("division_code"), "idNumber,name", "");
        String number = TestPeople.newIdNumber();
        population.save(new PersonDraft(number, "被查询人", null, null, "340104", null, false));
        var system = ExchangeFixtures.system(administrator, port, uscc);
        String path = "/api/v1/exchange/data/" + PERSON_REF + "/records/" + number;
        assertThat(ExchangeFixtures.get(port, path, system.token()).status()).isEqualTo(200);
        long logged = accessRows(system.clientId());

        fixture.revoke(grant);
        var revoked = ExchangeFixtures.get(port, path, system.token());
        assertThat(revoked.status()).isEqualTo(403);
        assertThat(revoked.body()).doesNotContain("被查询人");

        // A grant whose period ended yesterday.
        jdbc.sql("UPDATE exchange_grant SET status = 'APPROVED', valid_until = :until WHERE id = :id")
                .param("until", today().minusDays(1))
                .param("id", grant)
                .update();
        var expired = ExchangeFixtures.get(port, path, system.token());
        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.body()).doesNotContain("被查询人");
        // A grant not yet begun.
        jdbc.sql("UPDATE exchange_grant SET valid_from = :from, valid_until = :until WHERE id = :id")
                .param("from", today().plusDays(1))
                .param("until", today().plusDays(30))
                .param("id", grant)
                .update();
        assertThat(ExchangeFixtures.get(port, path, system.token()).status()).isEqualTo(403);
        assertThat(accessRows(system.clientId())).isEqualTo(logged);
    }

    private long accessRows(String clientId) {
        return jdbc.sql("SELECT count(*) FROM exchange_access WHERE client_id = :c")
                .param("c", clientId)
                .query(Long.class)
                .single();
    }

    private record Call(int status, String body) {}

    private Call api(String method, String path, String bearer, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .header("Accept-Language", "zh-CN")
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Call(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> subscriptionRow(long id) {
        return jdbc.sql("SELECT * FROM exchange_subscription WHERE id = :id")
                .param("id", id)
                .query()
                .singleRow();
    }

    private long deliveries(long subscription) {
        return jdbc.sql("SELECT count(*) FROM exchange_delivery WHERE subscription_id = :s")
                .param("s", subscription)
                .query(Long.class)
                .single();
    }

    @Test
    void subscriptionsAreTheirOrganisationsAndACancelledOneIsNeitherCancelledNorReplayedAgain() {
        ExchangeFixture fixture = new ExchangeFixture(jdbc);
        Map<String, Object> consumer = organisationWithoutGrants(1);
        Map<String, Object> stranger = organisationWithoutGrants(2);
        String resource = fixture.resource(
                HEFEI_MARKET,
                "340100",
                List.of(ExchangeFixture.Item.string("code", 20).key()));
        long grant = fixture.grant(
                resource, (String) consumer.get("uscc"), (String) consumer.get("division_code"), "code", "");
        SystemClients clients = new SystemClients(port, administrator);
        String own = clients.token(
                clients.register((String) consumer.get("uscc"), ExchangeAccess.SUBSCRIBE_SCOPE),
                ExchangeAccess.SUBSCRIBE_SCOPE);
        String others = clients.token(
                clients.register((String) stranger.get("uscc"), ExchangeAccess.SUBSCRIBE_SCOPE),
                ExchangeAccess.SUBSCRIBE_SCOPE);
        Call subscribed = api(
                "POST",
                "/api/v1/exchange/subscriptions",
                own,
                "{\"resource\":\"" + resource + "\",\"mode\":\"PUSH\",\"url\":\"http://127.0.0.1:9/hook\"}");
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(200);
        long id = Long.parseLong(subscribed.body().replaceAll("^\\{\"id\":(\\d+).*$", "$1"));
        String path = "/api/v1/exchange/subscriptions/" + id;

        // Listed to its own organisation only.
        assertThat(api("GET", "/api/v1/exchange/subscriptions", own, null).body())
                .contains("\"id\":" + id + ",");
        assertThat(api("GET", "/api/v1/exchange/subscriptions", others, null).body())
                .doesNotContain("\"id\":" + id + ",");
        // Another organisation's system guessing the id: 404 everywhere, nothing changed.
        Map<String, Object> before = subscriptionRow(id);
        assertThat(api("GET", path, others, null).status()).isEqualTo(404);
        assertThat(api("POST", path + "/cancel", others, null).status()).isEqualTo(404);
        assertThat(api("GET", path + "/changes", others, null).status()).isEqualTo(404);
        assertThat(api("POST", path + "/ack", others, "{\"cursor\":1}").status())
                .isEqualTo(404);
        assertThat(api("POST", path + "/replay", others, "{\"from\":0}").status())
                .isEqualTo(404);
        // Nor without a token; nor another organisation's steward on the monitoring page.
        assertThat(api("GET", path, null, null).status()).isEqualTo(401);
        assertThat(otherSteward(HEFEI_DATA)
                        .get("/workbench/exchange/subscriptions/" + id)
                        .status())
                .isEqualTo(404);
        assertThat(subscriptionRow(id)).isEqualTo(before);
        assertThat(deliveries(id)).isZero();

        // Its grant revoked (and the worker not yet by): a replay would never go out.
        fixture.revoke(grant);
        Call noGrant = api("POST", path + "/replay", own, "{\"from\":0}");
        assertThat(noGrant.status()).as(noGrant.body()).isEqualTo(409);
        assertThat(deliveries(id)).isZero();
        jdbc.sql("UPDATE exchange_grant SET status = 'APPROVED' WHERE id = :id")
                .param("id", grant)
                .update();

        // Cancelled, then cancelled again and replayed: 409, and the log holds one cancellation.
        assertThat(api("POST", path + "/cancel", own, null).status()).isEqualTo(200);
        Map<String, Object> cancelled = subscriptionRow(id);
        assertThat(cancelled.get("status")).isEqualTo("CANCELLED");
        Call again = api("POST", path + "/cancel", own, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("该订阅已取消");
        assertThat(api("POST", path + "/replay", own, "{\"from\":0}").status()).isEqualTo(409);
        assertThat(api("POST", path + "/replay", own, null).status()).isEqualTo(409);
        assertThat(subscriptionRow(id)).isEqualTo(cancelled);
        assertThat(deliveries(id)).isZero();
        assertThat(actions("exchange-subscription", id))
                .filteredOn(a -> a.equals("exchange.pubsub.cancel"))
                .hasSize(1);
        assertThat(actions("exchange-subscription", id)).doesNotContain("exchange.pubsub.replay");
    }

    private TestBrowser otherSteward(String organisation) {
        return organisation.equals(HEFEI_MARKET) ? otherSteward : signIn(organisation, ExchangeAccess.DATA_STEWARD);
    }

    @Test
    void changesArePublishedOnlyToTheOrganisationsOwnPublishedResource() {
        ExchangeFixture fixture = new ExchangeFixture(jdbc);
        String resource = fixture.resource(
                HEFEI_MARKET,
                "340100",
                List.of(ExchangeFixture.Item.string("code", 20).key()));
        String ref = resource.replace('/', '-');
        SystemClients clients = new SystemClients(port, administrator);
        String publisher = clients.token(
                clients.register(HEFEI_MARKET, ExchangeAccess.PUBLISH_SCOPE), ExchangeAccess.PUBLISH_SCOPE);
        String otherPublisher =
                clients.token(clients.register(HEFEI_DATA, ExchangeAccess.PUBLISH_SCOPE), ExchangeAccess.PUBLISH_SCOPE);
        String batch = "{\"changes\":[{\"key\":\"K1\",\"operation\":\"INSERT\",\"version\":1,"
                + "\"fields\":{\"code\":\"K1\"}}]}";
        String path = "/api/v1/exchange/publish/" + ref + "/changes";

        // Not published (a draft again, as after a withdrawal of its catalogue entry would be): 409.
        jdbc.sql("UPDATE exchange_resource SET status = 'DRAFT' WHERE code = :code")
                .param("code", resource)
                .update();
        Call draft = api("POST", path, publisher, batch);
        assertThat(draft.status()).as(draft.body()).isEqualTo(409);
        // Another organisation's system: 403; no token: 401; a staff session: refused.
        jdbc.sql("UPDATE exchange_resource SET status = 'PUBLISHED' WHERE code = :code")
                .param("code", resource)
                .update();
        assertThat(api("POST", path, otherPublisher, batch).status()).isEqualTo(403);
        assertThat(api("POST", path, null, batch).status()).isEqualTo(401);
        assertThat(api("GET", "/api/v1/exchange/publish/" + ref + "/rejections", otherPublisher, null)
                        .status())
                .isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM exchange_change WHERE resource_code = :r")
                        .param("r", resource)
                        .query(Long.class)
                        .single())
                .isZero();
        // The own system, the resource published: accepted.
        assertThat(api("POST", path, publisher, batch).status()).isEqualTo(200);
    }

    @Test
    void anImportJobIsOnlyItsImportersToSee() {
        TestBrowser importer = signIn(null, BaseDataAccess.LIBRARY_IMPORTER);
        TestBrowser otherImporter = signIn(null, BaseDataAccess.LIBRARY_IMPORTER);
        long job = jdbc.sql("""
                        INSERT INTO basedata_import_job (library, mode, status, file_name, file_kind, actor, finished_at)
                        VALUES ('person', 'all-or-nothing', 'rejected', 'persons.csv', 'csv', :actor, now())
                        RETURNING id""")
                .param("actor", "importer-" + ExchangeFixtures.next())
                .query(Long.class)
                .single();
        jdbc.sql("""
                        INSERT INTO basedata_import_problem (job_id, seq, line, column_name, message_key, arguments)
                        VALUES (:job, 0, 2, 'idNumber', 'basedata.import.bad-id', '34010419900101001X\u001f')""").param("job", job).update();
        for (TestBrowser stranger : List.of(importer, otherImporter)) {
            assertThat(stranger.get("/admin/basedata/imports/" + job).status()).isEqualTo(404);
            TestBrowser.Page csv = stranger.get("/admin/basedata/imports/" + job + "/problems.csv");
            assertThat(csv.status()).isEqualTo(404);
            assertThat(csv.body()).doesNotContain("34010419900101001X");
        }
        for (TestBrowser stranger : List.of(citizen, requester, anonymous, halfSignedIn)) {
            refused(stranger.get("/admin/basedata/imports/" + job), "job page");
            refused(stranger.get("/admin/basedata/imports/" + job + "/problems.csv"), "problems");
        }
        assertThat(importer.get("/admin/basedata/imports/abc").status()).isIn(400, 404);
    }
}
