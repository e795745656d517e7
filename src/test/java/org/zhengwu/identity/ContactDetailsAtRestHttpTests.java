package org.zhengwu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.zhengwu.identity.account.Account;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.AccountRepository;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.identity.account.ContactDetails;
import org.zhengwu.identity.account.MobileChanges;
import org.zhengwu.identity.account.OutboxNotificationSender;
import org.zhengwu.identity.account.RegistrationRequests;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.support.ClearValues;
import org.zhengwu.support.PublicForms;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * Mobile numbers and e-mail addresses are kept encrypted with a blind index, as identity numbers are: after every
 * journey that stores, finds, sends to or shows one — registration, sign-in, password reset by mobile and by e-mail,
 * verification, a change of mobile, the administrators' pages, the development outbox — no column of any table holds
 * one in clear, and no log line either.
 */
@ZhengwuTest
class ContactDetailsAtRestHttpTests {

    private static final String PASSWORD = "Contact-Password-8";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxNotificationSender outbox;

    @Autowired
    AccountDirectory directory;

    @Autowired
    AccountRepository accounts;

    @Autowired
    ContactDetails contacts;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    RegistrationRequests registrations;

    @Autowired
    MobileChanges mobileChanges;

    @Autowired
    StaffAccounts staff;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    AccountabilityLog log;

    private static String masked(String mobile) {
        return mobile.substring(0, 3) + "****" + mobile.substring(7);
    }

    private TestBrowser signedIn(String identifier, String password) {
        TestBrowser browser = new TestBrowser(port);
        assertThat(browser.signIn(identifier, password).location()).endsWith("/account");
        return browser;
    }

    /** Asks for a reset code and sets the new password with it; the code is read from wherever it was sent. */
    private TestBrowser.Page reset(String identifier, String sentTo, String newPassword) {
        TestBrowser browser = new TestBrowser(port);
        TestBrowser.Page asked = browser.post(
                "/password/reset",
                Map.of("identifier", identifier, "_csrf", TestBrowser.csrf(browser.get("/password/reset"))));
        return browser.post(
                "/password/reset/confirm",
                Map.of(
                        "identifier",
                        identifier,
                        "code",
                        PublicForms.lastCodeSentTo(outbox, sentTo),
                        "password",
                        newPassword,
                        "confirmation",
                        newPassword,
                        "_csrf",
                        TestBrowser.csrf(asked)));
    }

    private static void assertNotInTheLog(String... values) throws IOException {
        Path logFile = Path.of("target/zhengwu-test.json");
        if (Files.exists(logFile)) {
            String written = Files.readString(logFile, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            for (String value : values) {
                assertThat(written).as("the log file").doesNotContain(value.toLowerCase(Locale.ROOT));
            }
        }
    }

    @Test
    void afterEveryJourneyNoTableHoldsTheMobileOrTheAddressInClear() throws IOException {
        String id = TestPeople.newIdNumber();
        String mobile = TestPeople.newMobile();
        String email = "Clear.Check." + mobile + "@Example.gov.cn";
        String username = "atrest" + id.substring(12);
        String nobodysMobile = TestPeople.newMobile();

        // Registration with both, the address typed with blanks around it; the code comes to the mobile.
        Map<String, String> form = PublicForms.registration(username, "静态加密", id, mobile, PASSWORD);
        form.put("email", "  " + email + " ");
        assertThat(PublicForms.registerWithCode(new TestBrowser(port), outbox, form)
                        .location())
                .contains("/login?registered");

        // Signing in by mobile; the owner sees both in full.
        TestBrowser owner = signedIn(mobile, PASSWORD);
        TestBrowser.Page own = owner.get("/account");
        assertThat(own.html().selectFirst("[data-testid=own-mobile]").text()).isEqualTo(mobile);
        assertThat(own.html().selectFirst("[data-testid=own-email]").text()).isEqualTo(email);
        // The code that proves the mobile goes to it (a minute after the registration's: one message a minute).
        PublicForms.letTimePass(jdbc, Duration.ofMinutes(1));
        assertThat(owner.post("/account/mobile/code", Map.of("_csrf", TestBrowser.csrf(own)))
                        .location())
                .endsWith("/account/mobile");
        assertThat(owner.get("/account/mobile").body()).contains(mobile);
        assertThat(PublicForms.lastMessageTo(outbox, mobile)).contains("用于验证手机号码");

        // A wrong password typed with the mobile, and the mobile of nobody: both are logged, neither in clear.
        assertThat(new TestBrowser(port).signIn(mobile, "Not-The-Password-1").location())
                .endsWith("/login?error");
        assertThat(new TestBrowser(port).signIn(nobodysMobile, PASSWORD).location())
                .endsWith("/login?error");

        // Password reset by mobile; and by a mobile that has no account, which is told so.
        PublicForms.letTimePass(jdbc, Duration.ofMinutes(1));
        assertThat(reset(mobile, mobile, "Contact-Password-9").location()).endsWith("/login?reset");
        TestBrowser forgetful = new TestBrowser(port);
        forgetful.post(
                "/password/reset",
                Map.of("identifier", nobodysMobile, "_csrf", TestBrowser.csrf(forgetful.get("/password/reset"))));
        assertThat(PublicForms.lastMessageTo(outbox, nobodysMobile)).contains("尚未注册账号");
        signedIn(mobile, "Contact-Password-9");

        // The administrators find the account by its whole number and see both masked, never in full.
        TestBrowser administrator = new TestBrowser(port);
        administrator.signInNewAdministrator(staff);
        TestBrowser.Page found = administrator.get("/admin/accounts?q=" + mobile);
        assertThat(found.html().select("tbody tr")).singleElement().satisfies(row -> {
            assertThat(row.text()).contains(username);
            assertThat(row.selectFirst("[data-testid=masked-mobile]").text()).isEqualTo(masked(mobile));
        });
        assertThat(found.body()).doesNotContain(">" + mobile + "<");
        assertThat(administrator
                        .get("/admin/accounts?q=" + mobile.substring(0, 7))
                        .html()
                        .select("tbody tr"))
                .as("part of a number finds nothing: only whole numbers have an index")
                .noneMatch(row -> row.text().contains(username));
        long accountId = directory.find(username).orElseThrow().id();
        TestBrowser.Page adminView = administrator.get("/admin/accounts/" + accountId);
        assertThat(adminView.html().selectFirst("[data-testid=masked-mobile]").text())
                .isEqualTo(masked(mobile));
        assertThat(adminView.html().selectFirst("[data-testid=masked-email]").text())
                .isEqualTo("C***@Example.gov.cn");
        assertThat(adminView.body()).doesNotContain(mobile).doesNotContain(email);
        // The development outbox shows to whom, masked.
        TestBrowser.Page outboxPage = administrator.get("/admin/outbox");
        assertThat(outboxPage.body())
                .contains(masked(mobile))
                .doesNotContain(mobile)
                .doesNotContain(nobodysMobile);

        // Not a column of any table holds them; the scan does find what is kept in clear, such as the username.
        assertThat(ClearValues.columnsHolding(jdbc, username)).contains("identity_account.username");
        assertThat(ClearValues.columnsHolding(jdbc, mobile)).isEmpty();
        assertThat(ClearValues.columnsHolding(jdbc, email)).isEmpty();
        assertThat(ClearValues.columnsHolding(jdbc, nobodysMobile)).isEmpty();
        assertNotInTheLog(mobile, email, nobodysMobile);
    }

    @Test
    void theRowHoldsOnlyCiphertextAndTheIndexOfTheDigits() {
        TestPeople.Citizen citizen = TestPeople.register(citizens, "密文存储");
        Map<String, Object> row =
                jdbc.sql("""
                        SELECT mobile, email, mobile_cipher, mobile_index, email_cipher FROM identity_account
                        WHERE username = :u""").param("u", citizen.username()).query().singleRow();
        assertThat(row.get("mobile")).isNull();
        assertThat(row.get("email")).isNull();
        assertThat(row.get("email_cipher")).as("no address given").isNull();
        assertThat((byte[]) row.get("mobile_cipher"))
                .hasSizeGreaterThan(citizen.mobile().length());
        assertThat(((String) row.get("mobile_index")).strip())
                .hasSize(64)
                .isEqualTo(contacts.mobileIndex(citizen.mobile()))
                .isEqualTo(contacts.mobileIndex(" " + citizen.mobile().substring(0, 3) + "-"
                        + citizen.mobile().substring(3)));
        Account account = directory.find(citizen.mobile()).orElseThrow();
        assertThat(account.username()).isEqualTo(citizen.username());
        assertThat(contacts.mobile(account)).isEqualTo(citizen.mobile());
    }

    @Test
    void aPasswordIsResetByEMailForAnAccountWithoutAMobile() {
        String username = "mailonly" + TestPeople.newIdNumber().substring(12);
        String email = username + "@Example.gov.cn";
        accounts.insert(
                new AccountRepository.NewAccount(
                        username,
                        "邮箱重置",
                        encoder.encode(PASSWORD),
                        AccountType.PERSON,
                        null,
                        null,
                        null,
                        contacts.encryptEmail(email),
                        null,
                        null,
                        RealNameLevel.SELF_REGISTERED,
                        Set.of()),
                Instant.now());

        assertThat(reset(username, email.toLowerCase(Locale.ROOT), "Mail-Reset-Password-4")
                        .location())
                .endsWith("/login?reset");
        assertThat(outbox.latest(20))
                .filteredOn(m -> m.maskedRecipient().equals("m***@Example.gov.cn"))
                .first()
                .satisfies(m -> assertThat(m.channel()).isEqualTo("EMAIL"));
        signedIn(username, "Mail-Reset-Password-4");
        assertThat(ClearValues.columnsHolding(jdbc, email)).isEmpty();
    }

    @Test
    void twoRegistrationsOfOneMobileThatBothGotTheirCodesMakeOneAccount() {
        String mobile = TestPeople.newMobile();
        List<CitizenAccounts.Registration> both = List.of(
                new CitizenAccounts.Registration(
                        "twina" + mobile.substring(5),
                        "同号甲",
                        TestPeople.newIdNumber(),
                        mobile,
                        null,
                        PASSWORD,
                        PASSWORD),
                new CitizenAccounts.Registration(
                        "twinb" + mobile.substring(5),
                        "同号乙",
                        TestPeople.newIdNumber(),
                        mobile,
                        null,
                        PASSWORD,
                        PASSWORD));
        RegistrationRequests.Pending first = registrations.request(both.get(0), Locale.SIMPLIFIED_CHINESE);
        String firstCode = PublicForms.lastCodeSentTo(outbox, mobile);
        RegistrationRequests.Pending second = registrations.request(both.get(1), Locale.SIMPLIFIED_CHINESE);
        String secondCode = PublicForms.lastCodeSentTo(outbox, mobile);

        assertThat(registrations.confirm(second.reference(), secondCode).outcome())
                .isEqualTo(RegistrationRequests.Outcome.REGISTERED);
        assertThat(registrations.confirm(first.reference(), firstCode).outcome())
                .as("the unique index is on the blind index now")
                .isEqualTo(RegistrationRequests.Outcome.ALREADY_REGISTERED);
        assertThat(directory.find(mobile).orElseThrow().username())
                .isEqualTo(both.get(1).username());
        assertThat(directory.find(both.get(0).username())).isEmpty();
    }

    @Test
    void aChangedMobileReplacesTheIndexSoTheNewNumberSignsInAndTheOldOneNoLonger() {
        TestPeople.Citizen citizen = TestPeople.register(citizens, "更换手机");
        String newMobile = TestPeople.newMobile();
        TestBrowser browser = signedIn(citizen.username(), TestPeople.PASSWORD);

        TestBrowser.Page form = browser.get("/account/mobile/change");
        assertThat(browser.post(
                                "/account/mobile/change",
                                Map.of("mobile", citizen.mobile(), "_csrf", TestBrowser.csrf(form)))
                        .html()
                        .selectFirst(".error-summary")
                        .text())
                .contains("与当前手机号码相同");
        TestBrowser.Page asked =
                browser.post("/account/mobile/change", Map.of("mobile", newMobile, "_csrf", TestBrowser.csrf(form)));
        assertThat(asked.location()).endsWith("/account/mobile/change/confirm");
        TestBrowser.Page confirm = browser.get("/account/mobile/change/confirm");
        assertThat(confirm.html()
                        .selectFirst("[data-testid=mobile-change-sent]")
                        .text())
                .contains(masked(newMobile));
        String code = PublicForms.lastCodeSentTo(outbox, newMobile);
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertThat(browser.post(
                                "/account/mobile/change/confirm",
                                Map.of("code", wrong, "_csrf", TestBrowser.csrf(confirm)))
                        .html()
                        .text())
                .contains("验证码不正确或已失效");
        assertThat(browser.post(
                                "/account/mobile/change/confirm",
                                Map.of("code", code, "_csrf", TestBrowser.csrf(confirm)))
                        .location())
                .endsWith("/account");

        assertThat(jdbc.sql("SELECT mobile_index FROM identity_account WHERE username = :u")
                        .param("u", citizen.username())
                        .query(String.class)
                        .single()
                        .strip())
                .isEqualTo(contacts.mobileIndex(newMobile));
        assertThat(browser.get("/account")
                        .html()
                        .selectFirst("[data-testid=own-mobile]")
                        .text())
                .isEqualTo(newMobile);
        signedIn(newMobile, TestPeople.PASSWORD);
        assertThat(new TestBrowser(port)
                        .signIn(citizen.mobile(), TestPeople.PASSWORD)
                        .location())
                .endsWith("/login?error");
        assertThat(directory.find(citizen.mobile())).isEmpty();
        // The old number is told, and is free now: a reset by it is answered "no account" by message.
        assertThat(PublicForms.lastMessageTo(outbox, citizen.mobile())).contains(masked(newMobile));
        Account account = directory.find(citizen.username()).orElseThrow();
        assertThat(account.mobileVerifiedAt()).as("proved by the code").isNotNull();
        assertThat(log.search(
                        new AccountabilityLog.Query(
                                citizen.username(),
                                "account",
                                citizen.username(),
                                "identity.mobile.change",
                                null,
                                null),
                        5,
                        0))
                .singleElement()
                .satisfies(e -> assertThat(e.details()).isNull());
        assertThat(ClearValues.columnsHolding(jdbc, newMobile)).isEmpty();
        assertThat(ClearValues.columnsHolding(jdbc, citizen.mobile())).isEmpty();
    }

    @Test
    void aChangeToAnotherAccountsMobileReadsTheSameAndCannotBeCompleted() {
        TestPeople.Citizen holder = TestPeople.register(citizens, "号码已有");
        TestPeople.Citizen asker = TestPeople.register(citizens, "想要号码");
        String freshMobile = TestPeople.newMobile();
        TestBrowser browser = signedIn(asker.username(), TestPeople.PASSWORD);

        TestBrowser.Page fresh = askForChange(browser, freshMobile);
        PublicForms.letTimePass(jdbc, Duration.ofMinutes(1));
        TestBrowser.Page taken = askForChange(browser, holder.mobile());
        assertThat(taken.html().selectFirst("main").text().replace(masked(holder.mobile()), "{mobile}"))
                .isEqualTo(fresh.html().selectFirst("main").text().replace(masked(freshMobile), "{mobile}"));
        assertThat(PublicForms.lastMessageTo(outbox, holder.mobile()))
                .contains("此号码已有账号")
                .doesNotContainPattern("\\d{6}");

        // Whatever is typed, and even the code sent to the fresh number, does not give the asker the holder's number.
        String freshCode = PublicForms.lastCodeSentTo(outbox, freshMobile);
        assertThat(browser.post(
                                "/account/mobile/change/confirm",
                                Map.of("code", freshCode, "_csrf", TestBrowser.csrf(taken)))
                        .html()
                        .text())
                .contains("验证码不正确或已失效");
        Account account = directory.find(asker.username()).orElseThrow();
        assertThat(mobileChanges.confirm(account, holder.mobile(), freshCode, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo(MobileChanges.Outcome.CODE_REFUSED);
        assertThat(directory.find(holder.mobile()).orElseThrow().username()).isEqualTo(holder.username());
        assertThat(contacts.mobile(directory.find(asker.username()).orElseThrow()))
                .isEqualTo(asker.mobile());
    }

    private TestBrowser.Page askForChange(TestBrowser browser, String mobile) {
        Map<String, String> fields = new HashMap<>();
        fields.put("mobile", mobile);
        fields.put("_csrf", TestBrowser.csrf(browser.get("/account/mobile/change")));
        assertThat(browser.post("/account/mobile/change", fields).location())
                .endsWith("/account/mobile/change/confirm");
        return browser.get("/account/mobile/change/confirm");
    }
}
