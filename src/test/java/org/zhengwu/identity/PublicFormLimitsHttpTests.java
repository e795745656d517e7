package org.zhengwu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.identity.account.OutboxNotificationSender;
import org.zhengwu.identity.account.RateLimits;
import org.zhengwu.shared.time.BusinessTime;
import org.zhengwu.support.PublicForms;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * The limits on the public forms over real HTTP: a code a minute and a cap a day per mobile, account and identifier,
 * requests per client address, each refusal saying in Chinese when to try again; others are not held up, and the
 * limit lifts once its window has passed.
 */
@ZhengwuTest
class PublicFormLimitsHttpTests {

    /** Documentation addresses (RFC 5737), one per browser, so that per-address counts never mix. */
    private static final AtomicInteger ADDRESS = new AtomicInteger(100);

    // A retry time on the next day (after 23:00 in Asia/Shanghai for the hourly limit) names the day too.
    private static final Pattern TOO_OFTEN = Pattern.compile("发送过于频繁，请于 (?:\\d{1,2}月\\d{1,2}日 )?(\\d{2}:\\d{2}) 后重试。");
    private static final Pattern DAILY_CAP =
            Pattern.compile("发送次数已达每日上限，请于 (\\d{1,2}月\\d{1,2}日 )?(\\d{2}:\\d{2}) 后重试。");
    private static final Pattern TOO_MANY_ATTEMPTS =
            Pattern.compile("操作过于频繁，请于 (?:\\d{1,2}月\\d{1,2}日 )?(\\d{2}:\\d{2}) 后重试。");

    @LocalServerPort
    int port;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    RateLimits limits;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxNotificationSender outbox;

    private TestBrowser fromNewAddress() {
        return new TestBrowser(port, "203.0.113." + ADDRESS.incrementAndGet());
    }

    private TestBrowser signedIn(TestPeople.Citizen citizen, TestBrowser browser) {
        assertThat(browser.signIn(citizen.username(), TestPeople.PASSWORD).location())
                .endsWith("/account");
        return browser;
    }

    private static TestBrowser.Page askForMobileCode(TestBrowser browser) {
        return browser.post("/account/mobile/code", Map.of("_csrf", TestBrowser.csrf(browser.get("/account"))));
    }

    private static String problem(TestBrowser browser) {
        return browser.get("/account").html().select("[role=alert]").text();
    }

    /** The time a message names, HH:mm in the province, for an instant: rounded up to the next minute. */
    private static String clock(Instant at) {
        Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
        return DateTimeFormatter.ofPattern("HH:mm")
                .format(LocalDateTime.ofInstant(minute.equals(at) ? at : minute.plusSeconds(60), BusinessTime.ZONE));
    }

    private Instant lastCounted(RateLimits.Scope scope, String value) {
        return jdbc.sql("SELECT max(occurred_at) FROM identity_rate_limit_event WHERE scope_key = :key")
                .param("key", limits.key(scope, value))
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
    }

    @Test
    void aMobileGetsOneCodeAMinuteTheTimeToComeBackIsSaidAndAnotherPersonIsNotHeldUp() {
        TestPeople.Citizen citizen = TestPeople.register(citizens, "限频测试");
        String address = "203.0.113." + ADDRESS.incrementAndGet();
        TestBrowser browser = signedIn(citizen, new TestBrowser(port, address));
        assertThat(askForMobileCode(browser).location()).endsWith("/account/mobile");
        long sent = PublicForms.messagesTo(outbox, citizen.mobile());

        TestBrowser.Page again = askForMobileCode(browser);
        assertThat(again.location()).endsWith("/account");
        Matcher refused = TOO_OFTEN.matcher(problem(browser));
        assertThat(refused.find()).as(problem(browser)).isTrue();
        Instant firstSent = lastCounted(RateLimits.Scope.ACCOUNT, accountId(citizen));
        assertThat(refused.group(1))
                .isEqualTo(clock(firstSent.plus(limits.settings().resendInterval())));
        assertThat(PublicForms.messagesTo(outbox, citizen.mobile()))
                .as("nothing sent")
                .isEqualTo(sent);

        // Someone else, even from the same address, still gets theirs.
        TestPeople.Citizen other = TestPeople.register(citizens, "另一位");
        TestBrowser sameAddress = new TestBrowser(port, address);
        assertThat(askForMobileCode(signedIn(other, sameAddress)).location()).endsWith("/account/mobile");

        // A minute later the first one may ask again.
        PublicForms.letTimePass(jdbc, limits.settings().resendInterval());
        assertThat(askForMobileCode(browser).location()).endsWith("/account/mobile");
        assertThat(PublicForms.messagesTo(outbox, citizen.mobile())).isEqualTo(sent + 1);
    }

    @Test
    void aMobileGetsAtMostTheDailyCapOfCodesAndIsToldWhenItMayHaveMore() {
        TestPeople.Citizen citizen = TestPeople.register(citizens, "每日上限");
        TestBrowser browser = signedIn(citizen, fromNewAddress());
        int cap = limits.settings().messagesPerDay();
        for (int i = 1; i <= cap; i++) {
            assertThat(askForMobileCode(browser).location()).as("code %d", i).endsWith("/account/mobile");
            PublicForms.letTimePass(jdbc, limits.settings().resendInterval());
        }
        assertThat(askForMobileCode(browser).location()).endsWith("/account");
        String message = problem(browser);
        Matcher refused = DAILY_CAP.matcher(message);
        assertThat(refused.find()).as(message).isTrue();
        // The first of the day's codes leaves the 24 hours first: the time is a day after it.
        Instant firstOfTheDay = jdbc.sql("""
                        SELECT min(occurred_at) FROM identity_rate_limit_event WHERE scope_key = :key""")
                .param("key", limits.key(RateLimits.Scope.ACCOUNT, accountId(citizen)))
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
        assertThat(refused.group(2)).isEqualTo(clock(firstOfTheDay.plus(Duration.ofDays(1))));
        assertThat(PublicForms.messagesTo(outbox, citizen.mobile())).isEqualTo(cap);

        PublicForms.letTimePass(jdbc, Duration.ofDays(1));
        assertThat(askForMobileCode(browser).location()).endsWith("/account/mobile");
    }

    @Test
    void aResetIsAskedOnceAMinutePerIdentifierWhetherOrNotItHasAnAccount() {
        TestPeople.Citizen citizen = TestPeople.register(citizens, "重置限频");
        TestBrowser browser = fromNewAddress();
        for (String identifier : new String[] {citizen.mobile(), "nobody-" + citizen.username()}) {
            assertThat(askForReset(browser, identifier).html().select("form[action=/password/reset/confirm]"))
                    .hasSize(1);
            TestBrowser.Page refused = askForReset(browser, identifier);
            assertThat(refused.html().select("form[action=/password/reset/confirm]"))
                    .isEmpty();
            assertThat(refused.html().selectFirst(".error-summary").text())
                    .as("the same refusal for an account and for no account")
                    .containsPattern(TOO_OFTEN);
        }
        // Another identifier is not held up, nor is the same one from elsewhere once the minute has passed.
        assertThat(askForReset(browser, citizen.username()).html().select("form[action=/password/reset/confirm]"))
                .hasSize(1);
        PublicForms.letTimePass(jdbc, limits.settings().resendInterval());
        assertThat(askForReset(fromNewAddress(), citizen.mobile())
                        .html()
                        .select("form[action=/password/reset/confirm]"))
                .hasSize(1);
    }

    @Test
    void anAddressIsTurnedAwayAfterItsHourlyAttemptsAndOtherAddressesAreNot() {
        TestBrowser noisy = fromNewAddress();
        String csrf = TestBrowser.csrf(noisy.get("/password/reset"));
        int hourly = limits.settings().attemptsPerAddressPerHour();
        for (int i = 0; i < hourly; i++) {
            TestBrowser.Page page = noisy.post(
                    "/password/reset", Map.of("identifier", "probe-" + ADDRESS.get() + "-" + i, "_csrf", csrf));
            assertThat(page.html().select("form[action=/password/reset/confirm]"))
                    .as("request %d", i + 1)
                    .hasSize(1);
        }
        TestBrowser.Page refused =
                noisy.post("/password/reset", Map.of("identifier", "one-more-" + ADDRESS.get(), "_csrf", csrf));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html().selectFirst(".error-summary").text()).containsPattern(TOO_MANY_ATTEMPTS);
        // Registering from there is refused too: the address's attempts are counted across the public forms.
        assertThat(PublicForms.register(
                                noisy,
                                PublicForms.registration(
                                        "held" + ADDRESS.get(),
                                        "被拒地址",
                                        TestPeople.newIdNumber(),
                                        TestPeople.newMobile(),
                                        "Held-Up-Password-8"))
                        .html()
                        .selectFirst(".error-summary")
                        .text())
                .containsPattern(TOO_MANY_ATTEMPTS);

        assertThat(askForReset(fromNewAddress(), "elsewhere-" + ADDRESS.get())
                        .html()
                        .select("form[action=/password/reset/confirm]"))
                .hasSize(1);
        PublicForms.letTimePass(jdbc, Duration.ofHours(1));
        assertThat(askForReset(noisy, "an-hour-later-" + ADDRESS.get())
                        .html()
                        .select("form[action=/password/reset/confirm]"))
                .hasSize(1);
    }

    @Test
    void aRegistrationMobileGetsOneMessageAMinuteAndAnotherMobileIsNotHeldUp() {
        TestBrowser browser = fromNewAddress();
        String mobile = TestPeople.newMobile();
        String id = TestPeople.newIdNumber();
        Map<String, String> form =
                PublicForms.registration("limited" + id.substring(12), "注册限频", id, mobile, "Limited-Password-4");
        assertThat(PublicForms.register(browser, form).html().select("form[action=/register/confirm]"))
                .hasSize(1);

        Map<String, String> again = new HashMap<>(form);
        String otherId = TestPeople.newIdNumber();
        again.put("idNumber", otherId);
        again.put("username", "again" + otherId.substring(12));
        TestBrowser.Page refused = PublicForms.register(browser, again);
        assertThat(refused.html().select("form[action=/register/confirm]")).isEmpty();
        assertThat(refused.html().selectFirst(".error-summary").text()).containsPattern(TOO_OFTEN);
        assertThat(refused.html().selectFirst("#idNumber").attr("value"))
                .as("what was typed is kept")
                .isEqualTo(otherId);
        assertThat(PublicForms.messagesTo(outbox, mobile)).isEqualTo(1);

        again.put("mobile", TestPeople.newMobile());
        assertThat(PublicForms.register(browser, again).html().select("form[action=/register/confirm]"))
                .hasSize(1);
    }

    private TestBrowser.Page askForReset(TestBrowser browser, String identifier) {
        return browser.post(
                "/password/reset",
                Map.of("identifier", identifier, "_csrf", TestBrowser.csrf(browser.get("/password/reset"))));
    }

    private String accountId(TestPeople.Citizen citizen) {
        return String.valueOf(jdbc.sql("SELECT id FROM identity_account WHERE username = :u")
                .param("u", citizen.username())
                .query(Long.class)
                .single());
    }
}
