package org.zhengwu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.identity.account.OutboxNotificationSender;
import org.zhengwu.support.PublicForms;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * A deployment plugs its CAPTCHA or slider service in by declaring a {@link HumanChallenge} bean: it replaces the
 * platform's (which asks nothing), its widget appears in the registration, reset and sign-in forms, and a form posted
 * without the challenge solved is refused before anything is sent, created or checked.
 */
@ZhengwuTest
@Import(HumanChallengeHttpTests.SliderService.class)
@TestPropertySource(properties = "zhengwu.demo-data.enabled=false")
class HumanChallengeHttpTests {

    /** All a deployment adds: its challenge as a bean. This one is solved by posting the word "solved". */
    @TestConfiguration(proxyBeanMethods = false)
    static class SliderService {

        @Bean
        HumanChallenge slider() {
            return new HumanChallenge() {
                @Override
                public boolean passed(HttpServletRequest request) {
                    return "solved".equals(request.getParameter("human-token"));
                }

                @Override
                public String fragment() {
                    return "test-challenge/slider :: widget";
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxNotificationSender outbox;

    @Autowired
    HumanChallenge challenge;

    @Test
    void theDeploymentsChallengeReplacesThePlatformsAndIsShownInEveryPublicForm() {
        assertThat(challenge.fragment()).isEqualTo("test-challenge/slider :: widget");
        TestBrowser browser = new TestBrowser(port);
        for (String page : new String[] {"/register", "/password/reset", "/login"}) {
            assertThat(browser.get(page).html().select("form [data-testid=human-challenge] input[name=human-token]"))
                    .as(page)
                    .hasSize(1);
        }
    }

    @Test
    void aRegistrationWithoutTheChallengeSolvedIsRefusedAndNothingIsSent() {
        String id = TestPeople.newIdNumber();
        String mobile = TestPeople.newMobile();
        Map<String, String> form =
                PublicForms.registration("slider" + id.substring(12), "滑块测试", id, mobile, "Slider-Password-3");
        TestBrowser browser = new TestBrowser(port);
        TestBrowser.Page refused = PublicForms.register(browser, form);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html().selectFirst(".error-summary").text()).contains("请先完成人机验证");
        assertThat(refused.html().select("form[action=/register/confirm]")).isEmpty();
        assertThat(PublicForms.messagesTo(outbox, mobile)).isZero();

        form.put("human-token", "solved");
        assertThat(PublicForms.register(browser, form).html().select("form[action=/register/confirm]"))
                .hasSize(1);
        assertThat(PublicForms.messagesTo(outbox, mobile)).isEqualTo(1);
    }

    @Test
    void aResetRequestWithoutTheChallengeSolvedIsRefusedAndNothingIsSent() {
        TestPeople.Citizen citizen = TestPeople.register(citizens, "滑块重置");
        TestBrowser browser = new TestBrowser(port);
        Map<String, String> form = new HashMap<>(
                Map.of("identifier", citizen.mobile(), "_csrf", TestBrowser.csrf(browser.get("/password/reset"))));
        TestBrowser.Page refused = browser.post("/password/reset", form);
        assertThat(refused.html().selectFirst(".error-summary").text()).contains("请先完成人机验证");
        assertThat(PublicForms.messagesTo(outbox, citizen.mobile())).isZero();

        form.put("human-token", "solved");
        assertThat(browser.post("/password/reset", form).html().select("form[action=/password/reset/confirm]"))
                .hasSize(1);
        assertThat(PublicForms.messagesTo(outbox, citizen.mobile())).isEqualTo(1);
    }

    @Test
    void aSignInWithoutTheChallengeSolvedIsSentBackBeforeThePasswordIsChecked() {
        TestPeople.Citizen citizen = TestPeople.register(citizens, "滑块登录");
        TestBrowser browser = new TestBrowser(port);
        TestBrowser.Page refused = browser.signIn(citizen.username(), TestPeople.PASSWORD);
        assertThat(refused.location()).endsWith("/login?challenge");
        assertThat(browser.get("/login?challenge").html().select("[role=alert]").text())
                .contains("请先完成人机验证");
        assertThat(browser.get("/account").status()).isEqualTo(302);

        TestBrowser.Page signedIn = browser.post(
                "/login",
                Map.of(
                        "username",
                        citizen.username(),
                        "password",
                        TestPeople.PASSWORD,
                        "human-token",
                        "solved",
                        "_csrf",
                        TestBrowser.csrf(browser.get("/login"))));
        assertThat(signedIn.location()).contains("/account");
    }
}
