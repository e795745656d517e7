package org.zhengwu.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhengwu.identity.oidc.ClientAdminController.Kind.PUBLIC;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.basedata.Population;
import org.zhengwu.identity.IdentityAccess;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.identity.account.Enterprises;
import org.zhengwu.identity.oidc.OidcFixtures.ClientForm;
import org.zhengwu.identity.oidc.OpenIdProvider.JsonResponse;
import org.zhengwu.identity.oidc.OpenIdProvider.Pkce;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestBrowser.Page;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * Acting for an enterprise needs a verified claim: whoever declares a credit code online is shown as unverified and
 * tokens say nothing about the enterprise, until a clerk who has seen the licence and the representative confirms
 * it — and a claim made by the wrong person passes to the right one, with the agents the wrong one appointed.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnterpriseRepresentationHttpTests {

    static final String CALLBACK = "https://enterprise-app.example.test/callback";

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    AccountDirectory directory;

    @Autowired
    Enterprises enterprises;

    @Autowired
    Population population;

    @Autowired
    JdbcClient jdbc;

    OpenIdProvider provider;
    ClientForm app;
    TestBrowser clerk;

    @BeforeAll
    void setUp() {
        TestBrowser administrator = new TestBrowser(port);
        administrator.signInNewAdministrator(staff);
        provider = OpenIdProvider.discover("http://localhost:" + port);
        app = ClientForm.of(PUBLIC, CALLBACK);
        OidcFixtures.register(administrator, app);
        clerk = new TestBrowser(port);
        clerk.signInNewStaff(staff, null, IdentityAccess.IDENTITY_CLERK);
    }

    /** A person at 实名三级 (in the population library, mobile verified), signed in and acting for {@code uscc}. */
    private record Person(String username, String idNumber, TestBrowser browser) {}

    private Person levelThreePerson(String name) {
        String idNumber = TestPeople.newIdNumber();
        population.register(name, idNumber, false);
        String username = "rep" + idNumber.substring(10);
        citizens.register(new CitizenAccounts.Registration(
                username, name, idNumber, TestPeople.newMobile(), null, TestPeople.PASSWORD, TestPeople.PASSWORD));
        citizens.mobileVerified(directory.find(username).orElseThrow());
        TestBrowser browser = new TestBrowser(port);
        assertThat(browser.signIn(username, TestPeople.PASSWORD).status()).isEqualTo(302);
        return new Person(username, idNumber, browser);
    }

    private void claimAndAct(Person person, String uscc) {
        String csrf = TestBrowser.csrf(person.browser().get("/account/enterprises"));
        assertThat(person.browser()
                        .post("/account/enterprises", Map.of("uscc", uscc, "name", "合肥核验测试有限公司", "_csrf", csrf))
                        .status())
                .isEqualTo(302);
        long id = enterprises.findByUscc(uscc).orElseThrow().id();
        person.browser().post("/account/acting", Map.of("enterprise", String.valueOf(id), "_csrf", csrf));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> actingEnterprise(Person person) {
        Pkce pkce = Pkce.create();
        String code = OidcFixtures.authorizationCode(person.browser(), provider, app.clientId(), CALLBACK, pkce, "n");
        JsonResponse tokens = provider.exchangeCode(app.clientId(), null, code, CALLBACK, pkce.verifier());
        assertThat(tokens.status()).as(tokens.raw()).isEqualTo(200);
        return (Map<String, Object>) provider.verify(tokens.string("id_token")).claim("acting_enterprise");
    }

    private Page confirmAtCounter(String uscc, String idNumber) {
        String csrf = TestBrowser.csrf(clerk.get("/admin/identity/enterprises"));
        Page found = clerk.post(
                "/admin/identity/enterprises", Map.of("uscc", uscc, "idNumber", idNumber, "name", "", "_csrf", csrf));
        assertThat(found.html().select("[data-testid=verify-summary]")).isNotEmpty();
        return clerk.post(
                "/admin/identity/enterprises/confirm",
                Map.of("uscc", uscc, "idNumber", idNumber, "name", "", "_csrf", csrf));
    }

    @Test
    void anUnverifiedClaimPutsNothingInTokensUntilAClerkConfirmsIt() {
        Person representative = levelThreePerson("甲代表");
        String uscc = TestPeople.newCreditCode();
        claimAndAct(representative, uscc);
        assertThat(representative
                        .browser()
                        .get("/account/enterprises")
                        .html()
                        .select("[data-testid=verified-" + uscc + "]")
                        .text())
                .isEqualTo("未核验");
        assertThat(actingEnterprise(representative)).as("an unverified claim").isNull();

        Page confirmed = confirmAtCounter(uscc, representative.idNumber());
        assertThat(confirmed.html().select(".notice--success").text())
                .as(confirmed.status() + " "
                        + confirmed.html().select("main, .error-summary").text())
                .contains("已核验");

        assertThat(actingEnterprise(representative)).containsEntry("uscc", uscc);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM shared_audit_entry
                        WHERE action = 'identity.enterprise.verify' AND object_id = :uscc""").param("uscc", uscc).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aClaimByTheWrongPersonPassesToTheRepresentativeTheClerkSaw() {
        Person impostor = levelThreePerson("乙冒认");
        Person agentOfImpostor = levelThreePerson("丙经办");
        String uscc = TestPeople.newCreditCode();
        claimAndAct(impostor, uscc);
        var enterprise = enterprises.findByUscc(uscc).orElseThrow();
        enterprises.grant(
                enterprise,
                directory.find(impostor.username()).orElseThrow(),
                directory.find(agentOfImpostor.username()).orElseThrow(),
                Enterprises.AgentScope.ALL,
                enterprises.today(),
                enterprises.today().plusDays(30));

        Person real = levelThreePerson("丁法人");
        String csrf = TestBrowser.csrf(clerk.get("/admin/identity/enterprises"));
        assertThat(clerk.post(
                                "/admin/identity/enterprises",
                                Map.of("uscc", uscc, "idNumber", real.idNumber(), "name", "", "_csrf", csrf))
                        .html()
                        .text())
                .contains("已由另一个账号在线登记");
        confirmAtCounter(uscc, real.idNumber());

        var now = enterprises.findByUscc(uscc).orElseThrow();
        assertThat(now.verified()).isTrue();
        assertThat(now.representativeId())
                .isEqualTo(directory.find(real.username()).orElseThrow().id());
        assertThat(enterprises.capacities(directory.find(impostor.username()).orElseThrow()))
                .as("the impostor no longer represents it")
                .isEmpty();
        assertThat(enterprises.capacities(
                        directory.find(agentOfImpostor.username()).orElseThrow()))
                .as("nor does the agent the impostor appointed act for it")
                .isEmpty();
        assertThat(actingEnterprise(impostor)).isNull();
    }

    @Test
    void theClerkMustSeeALevelThreeAccountAndValidCodes() {
        String csrf = TestBrowser.csrf(clerk.get("/admin/identity/enterprises"));
        Page bad = clerk.post(
                "/admin/identity/enterprises/confirm",
                Map.of("uscc", "91340100MA2N0XXXX1", "idNumber", "123", "name", "", "_csrf", csrf));
        assertThat(bad.html().select(".error-summary").text()).contains("统一社会信用代码", "居民身份证号码");

        TestPeople.Citizen levelOne = TestPeople.register(citizens, "戊低级");
        String uscc = TestPeople.newCreditCode();
        Page low = clerk.post(
                "/admin/identity/enterprises/confirm",
                Map.of("uscc", uscc, "idNumber", levelOne.idNumber(), "name", "某公司", "_csrf", csrf));
        assertThat(low.html().select(".error-summary").text()).contains("实名三级");
        assertThat(enterprises.findByUscc(uscc)).as("nothing registered").isEmpty();
    }
}
