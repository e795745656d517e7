package org.zhengwu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.basedata.Population;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.identity.account.OutboxNotificationSender;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.support.PublicForms;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * A citizen's own account through the pages a person uses: registration with its errors and its code, the real-name
 * ladder L1 to L4, password reset by one-time code, and an enterprise with its agent.
 */
@ZhengwuTest
class CitizenAccountHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    Population population;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    StaffAccounts staff;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxNotificationSender outbox;

    @Autowired
    AccountabilityLog log;

    private Map<String, String> registration(
            String username, String name, String idNumber, String mobile, String password) {
        return PublicForms.registration(username, name, idNumber, mobile, password);
    }

    private TestBrowser.Page register(TestBrowser browser, Map<String, String> form) {
        return PublicForms.register(browser, form);
    }

    private TestBrowser.Page registerWithCode(TestBrowser browser, Map<String, String> form) {
        return PublicForms.registerWithCode(browser, outbox, form);
    }

    private static String fieldError(Document page, String field) {
        return page.selectFirst("#" + field).parent().select(".error-message").text();
    }

    /** The last one-time code the development outbox holds for a recipient. */
    private String lastCodeSentTo(String recipient) {
        return PublicForms.lastCodeSentTo(outbox, recipient);
    }

    private String level(TestBrowser browser) {
        return browser.get("/account")
                .html()
                .selectFirst("[data-testid=real-name-level]")
                .text();
    }

    @Test
    void registrationNamesEachBadFieldAndKeepsTheRest() {
        TestBrowser browser = new TestBrowser(port);
        String badChecksum = "340104199001010015";
        TestBrowser.Page page = register(browser, registration("9bad", "张", badChecksum, "12345", "short"));
        assertThat(page.status()).isEqualTo(200);
        Document html = page.html();
        assertThat(fieldError(html, "username")).contains("以字母开头");
        assertThat(fieldError(html, "realName")).contains("真实姓名");
        assertThat(fieldError(html, "idNumber")).contains("校验");
        assertThat(fieldError(html, "mobile")).contains("11 位");
        assertThat(html.select(".error-summary a").eachAttr("href"))
                .contains("#username", "#idNumber", "#mobile", "#password");
        assertThat(html.select(".error-summary a").eachText())
                .as("each problem names its field")
                .anyMatch(t -> t.startsWith("身份证号码："))
                .anyMatch(t -> t.startsWith("手机号码："));
        assertThat(html.selectFirst("#idNumber").attr("value")).isEqualTo(badChecksum);
        assertThat(html.select("#password").attr("value"))
                .as("passwords are never sent back")
                .isEmpty();

        // The password may not contain the username or the identity number.
        String id = TestPeople.newIdNumber();
        Document weak = register(
                        browser,
                        registration(
                                "wangwu" + id.substring(14),
                                "王五",
                                id,
                                TestPeople.newMobile(),
                                "Pw-" + id.substring(6, 14)))
                .html();
        assertThat(fieldError(weak, "password")).contains("出生日期");
    }

    @Test
    void aNumberCanBeRegisteredOnceAndTheSecondAttemptLearnsNothingAboutTheOwner() {
        TestPeople.Citizen first = TestPeople.register(citizens, "首次注册");
        String otherMobile = TestPeople.newMobile();
        TestBrowser second = new TestBrowser(port);
        TestBrowser.Page page = register(
                second,
                registration("second" + first.username(), "另一人", first.idNumber(), otherMobile, "Second-Password-1"));
        // The page asks for a code as for anyone; only the message to the mobile typed says the number is taken.
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("form[action=/register/confirm]")).hasSize(1);
        assertThat(page.html().text())
                .doesNotContain("已注册")
                .doesNotContain(first.username())
                .doesNotContain(first.realName());
        assertThat(PublicForms.lastMessageTo(outbox, otherMobile))
                .contains("身份证号码已有账号")
                .doesNotContain(first.username())
                .doesNotContain(first.realName())
                .doesNotContain(first.mobile())
                .doesNotContainPattern("\\d{6}");
        // No code can finish it: every code is refused as a wrong one is.
        assertThat(PublicForms.confirm(second, page, "123456").html().text()).contains("验证码不正确或已失效");
        assertThat(jdbc.sql("SELECT count(*) FROM identity_account WHERE username = :u")
                        .param("u", "second" + first.username())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theIdentityNumberIsStoredOnlyEncryptedAndFoundByItsBlindIndex() {
        TestPeople.Citizen citizen = TestPeople.register(citizens, "加密存储");
        Map<String, Object> row = jdbc.sql("SELECT * FROM identity_account WHERE username = :u")
                .param("u", citizen.username())
                .query()
                .singleRow();
        for (Map.Entry<String, Object> column : row.entrySet()) {
            Object value = column.getValue();
            String text = value instanceof byte[] bytes
                    ? new String(bytes, StandardCharsets.ISO_8859_1)
                    : String.valueOf(value);
            assertThat(text)
                    .as(column.getKey())
                    .doesNotContain(citizen.idNumber())
                    .doesNotContain(citizen.idNumber().substring(6, 14));
        }
        // Signing in with the number works all the same: it is found through the index.
        TestBrowser browser = new TestBrowser(port);
        assertThat(browser.signIn(citizen.idNumber(), TestPeople.PASSWORD).location())
                .endsWith("/account");
        String masked = citizen.idNumber().charAt(0)
                + "*".repeat(16)
                + citizen.idNumber().charAt(17);
        assertThat(browser.get("/account").html().text())
                .doesNotContain(citizen.idNumber())
                .contains(masked);
    }

    @Test
    void aCitizenClimbsTheRealNameLadderFromOneToFour() {
        String id = TestPeople.newIdNumber();
        String mobile = TestPeople.newMobile();
        TestBrowser browser = new TestBrowser(port);
        String username = "ladder" + id.substring(12);
        // Not (yet) in the population library: self-registered, L1 — with the mobile proved by the registration code.
        TestBrowser.Page registered =
                registerWithCode(browser, registration(username, "梯级测试", id, mobile, "Ladder-Password-1"));
        assertThat(registered.location()).contains("/login");
        assertThat(browser.signIn(username, "Ladder-Password-1").location()).endsWith("/account");
        assertThat(level(browser)).contains("L1");
        assertThat(browser.get("/account").html().text()).contains("已验证");
        TestBrowser.Page notMatched =
                browser.post("/account/identity-match", Map.of("_csrf", TestBrowser.csrf(browser.get("/account"))));
        assertThat(browser.get(browser.relative(notMatched.location())).html().text())
                .contains("未能与人口基础信息库比对一致");
        assertThat(level(browser)).contains("L1");

        // Once the population library knows the person, the match raises the account: to L3, the mobile being proved.
        population.register("梯级测试", id, false);
        TestBrowser.Page matched =
                browser.post("/account/identity-match", Map.of("_csrf", TestBrowser.csrf(browser.get("/account"))));
        assertThat(browser.get(browser.relative(matched.location())).html().text())
                .contains("已升级为实名三级");
        assertThat(level(browser)).contains("L3");

        // L4: a clerk at a counter checks the person and their identity card.
        TestBrowser clerk = new TestBrowser(port);
        String clerkName = clerk.signInNewStaff(staff, null, IdentityAccess.IDENTITY_CLERK);
        Document found = clerk.post(
                        "/admin/identity/in-person",
                        Map.of("idNumber", id, "_csrf", TestBrowser.csrf(clerk.get("/admin/identity/in-person"))))
                .html();
        assertThat(found.text()).contains("梯级测试").doesNotContain(id);
        clerk.post(
                "/admin/identity/in-person/confirm",
                Map.of("idNumber", id, "_csrf", TestBrowser.csrf(clerk.get("/admin/identity/in-person"))));
        assertThat(level(browser)).contains("L4");
        assertThat(log.search(new AccountabilityLog.Query(clerkName, "account", username, null, null, null), 5, 0))
                .extracting(e -> e.action())
                .isNotEmpty();
    }

    @Test
    void aMobileNotYetProvedIsVerifiedWithACodeWhichRaisesLevelTwoToThree() {
        String id = TestPeople.newIdNumber();
        String mobile = TestPeople.newMobile();
        String username = "mobile" + id.substring(12);
        population.register("手机验证", id, false);
        // Registered without a code to the mobile (as accounts made before registration sent one): L2.
        citizens.register(new CitizenAccounts.Registration(
                username, "手机验证", id, mobile, null, TestPeople.PASSWORD, TestPeople.PASSWORD));
        TestBrowser browser = new TestBrowser(port);
        browser.signIn(username, TestPeople.PASSWORD);
        assertThat(level(browser)).contains("L2");

        // L3: the code sent to the mobile; a wrong code first, then the right one, which cannot be used twice.
        TestBrowser.Page sent =
                browser.post("/account/mobile/code", Map.of("_csrf", TestBrowser.csrf(browser.get("/account"))));
        assertThat(sent.location()).endsWith("/account/mobile");
        String code = lastCodeSentTo(mobile);
        String csrf = TestBrowser.csrf(browser.get("/account/mobile"));
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertThat(browser.post("/account/mobile", Map.of("code", wrong, "_csrf", csrf))
                        .html()
                        .text())
                .contains("验证码");
        assertThat(browser.post("/account/mobile", Map.of("code", code, "_csrf", csrf))
                        .status())
                .isEqualTo(302);
        assertThat(level(browser)).contains("L3");
        assertThat(browser.post("/account/mobile", Map.of("code", code, "_csrf", csrf))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aPasswordIsResetWithAOneTimeCodeThatWorksOnceAndExpires() {
        TestPeople.Citizen citizen = TestPeople.register(citizens, "重置测试");
        TestBrowser browser = new TestBrowser(port);
        TestBrowser.Page asked = browser.post(
                "/password/reset",
                Map.of("identifier", citizen.mobile(), "_csrf", TestBrowser.csrf(browser.get("/password/reset"))));
        TestBrowser.Page askedForNobody = browser.post(
                "/password/reset",
                Map.of("identifier", "13000000000", "_csrf", TestBrowser.csrf(browser.get("/password/reset"))));
        assertThat(askedForNobody.html().selectFirst("main").text().replace("13000000000", citizen.mobile()))
                .as("an unknown account gets the same answer")
                .isEqualTo(asked.html().selectFirst("main").text());
        // What differs goes to the mobile typed, which only its holder reads.
        assertThat(PublicForms.lastMessageTo(outbox, "13000000000")).contains("尚未注册账号");
        String code = lastCodeSentTo(citizen.mobile());

        String csrf = TestBrowser.csrf(asked);
        Map<String, String> wrongCode = new HashMap<>(Map.of(
                "identifier",
                citizen.mobile(),
                "code",
                "000000".equals(code) ? "111111" : "000000",
                "password",
                "Reset-Password-2",
                "confirmation",
                "Reset-Password-2",
                "_csrf",
                csrf));
        assertThat(browser.post("/password/reset/confirm", wrongCode).html().text())
                .contains("验证码不正确或已失效");
        Map<String, String> reused = new HashMap<>(wrongCode);
        reused.put("code", code);
        reused.put("password", TestPeople.PASSWORD);
        reused.put("confirmation", TestPeople.PASSWORD);
        assertThat(browser.post("/password/reset/confirm", reused).html().text())
                .contains("最近 5 次");
        Map<String, String> right = new HashMap<>(wrongCode);
        right.put("code", code);
        assertThat(browser.post("/password/reset/confirm", right).location()).endsWith("/login?reset");
        assertThat(new TestBrowser(port)
                        .signIn(citizen.username(), "Reset-Password-2")
                        .location())
                .endsWith("/account");
        right.put("password", "Another-Password-3");
        right.put("confirmation", "Another-Password-3");
        assertThat(browser.post("/password/reset/confirm", right).html().text())
                .as("a code works once")
                .contains("验证码不正确或已失效");

        // A code past its ten minutes is refused (a new one is sent once a minute has passed: one a minute at most).
        PublicForms.letTimePass(jdbc, Duration.ofMinutes(1));
        browser.post("/password/reset", Map.of("identifier", citizen.mobile(), "_csrf", csrf));
        String late = lastCodeSentTo(citizen.mobile());
        jdbc.sql("UPDATE identity_one_time_code SET expires_at = CURRENT_TIMESTAMP - INTERVAL '1 minute'")
                .update();
        right.put("code", late);
        assertThat(browser.post("/password/reset/confirm", right).html().text()).contains("验证码不正确或已失效");
    }

    @Test
    void aRepresentativeRegistersAnEnterpriseAndAnAgentActsForIt() {
        String id = TestPeople.newIdNumber();
        population.register("法人代表", id, false);
        TestBrowser representative = new TestBrowser(port);
        String username = "rep" + id.substring(12);
        String mobile = TestPeople.newMobile();
        // An account whose mobile was not proved when it was made: L2.
        citizens.register(new CitizenAccounts.Registration(
                username, "法人代表", id, mobile, null, "Representative-1", "Representative-1"));
        representative.signIn(username, "Representative-1");
        // At L2 the enterprise cannot be registered yet: the page says how to get there.
        assertThat(representative.get("/account/enterprises").html().select("form[action=/account/enterprises]"))
                .isEmpty();
        representative.post("/account/mobile/code", Map.of("_csrf", TestBrowser.csrf(representative.get("/account"))));
        representative.post(
                "/account/mobile",
                Map.of(
                        "code",
                        lastCodeSentTo(mobile),
                        "_csrf",
                        TestBrowser.csrf(representative.get("/account/mobile"))));

        String csrf = TestBrowser.csrf(representative.get("/account/enterprises"));
        Document badCode = representative
                .post("/account/enterprises", Map.of("uscc", "91340100MA2N0XXXX1", "name", "某某公司", "_csrf", csrf))
                .html();
        assertThat(badCode.select(".error-summary").text()).contains("统一社会信用代码");
        String uscc = TestPeople.newCreditCode();
        assertThat(representative
                        .post("/account/enterprises", Map.of("uscc", uscc, "name", "合肥测试科技有限公司", "_csrf", csrf))
                        .status())
                .isEqualTo(302);
        Document list = representative.get("/account/enterprises").html();
        assertThat(list.text()).contains("合肥测试科技有限公司");
        String enterprisePath =
                list.selectFirst("a[href^=/account/enterprises/]").attr("href");

        // The agent must be identity-matched (L2); a self-registered person is refused with a reason.
        TestPeople.Citizen unmatched = TestPeople.register(citizens, "未核验人");
        Map<String, String> grant = new HashMap<>(Map.of(
                "agent",
                unmatched.username(),
                "scope",
                "APPLY_AND_QUERY",
                "from",
                "2026-01-01",
                "to",
                "2027-12-31",
                "_csrf",
                csrf));
        assertThat(representative
                        .post(enterprisePath + "/agents", grant)
                        .html()
                        .select(".error-summary")
                        .text())
                .contains("实名二级");
        String agentId = TestPeople.newIdNumber();
        population.register("经办人员", agentId, false);
        TestBrowser agent = new TestBrowser(port);
        String agentName = "agent" + agentId.substring(12);
        assertThat(registerWithCode(
                                agent,
                                registration(agentName, "经办人员", agentId, TestPeople.newMobile(), "Agent-Password-1"))
                        .location())
                .contains("/login?registered");
        grant.put("agent", agentName);
        assertThat(representative.post(enterprisePath + "/agents", grant).status())
                .isEqualTo(302);

        agent.signIn(agentName, "Agent-Password-1");
        Document agentAccount = agent.get("/account").html();
        assertThat(agentAccount.text()).contains("合肥测试科技有限公司");
        String enterpriseId = enterprisePath.substring(enterprisePath.lastIndexOf('/') + 1);
        assertThat(agent.post(
                                "/account/acting",
                                Map.of("enterprise", enterpriseId, "_csrf", TestBrowser.csrf(agent.get("/account"))))
                        .status())
                .isEqualTo(302);
        assertThat(agent.get("/account").html().text()).contains("当前以“合肥测试科技有限公司”的身份办事");
        // The agent does not see the enterprise's other agents: only its representative does.
        assertThat(agent.get(enterprisePath).status()).isEqualTo(404);

        // Revoked, the agent can no longer choose to act for it.
        Document enterprisePage = representative.get(enterprisePath).html();
        String revoke = enterprisePage.selectFirst("form[action$=/revoke]").attr("action");
        assertThat(representative.post(revoke, Map.of("_csrf", csrf)).status()).isEqualTo(302);
        assertThat(agent.post(
                                "/account/acting",
                                Map.of("enterprise", enterpriseId, "_csrf", TestBrowser.csrf(agent.get("/account"))))
                        .status())
                .isEqualTo(404);
        assertThat(agent.get("/account").html().text()).doesNotContain("合肥测试科技有限公司");
        List<String> actions = new ArrayList<>();
        log.search(new AccountabilityLog.Query(username, null, null, null, null, null), 20, 0)
                .forEach(e -> actions.add(e.action()));
        assertThat(actions).contains("identity.enterprise.register", "identity.agent.grant", "identity.agent.revoke");
    }
}
