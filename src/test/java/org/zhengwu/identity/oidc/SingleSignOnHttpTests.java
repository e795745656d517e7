package org.zhengwu.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.User;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEntry;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestBrowser.Page;
import org.zhengwu.support.ZhengwuTest;

/**
 * Single sign-on with an independent department system: a Spring Boot application of its own, on its own port, that
 * knows the platform only through discovery and the client registration an administrator made on /admin/clients.
 * One cookie-keeping client plays the citizen's browser on both sites.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingleSignOnHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    AccountabilityLog log;

    @Autowired
    SessionRegistry sessions;

    OidcFixtures.RunningRelyingParty relyingParty;
    String relyingPartyBase;
    OidcFixtures.ClientForm client;

    @BeforeAll
    void startTheDepartmentSystem() {
        relyingParty = OidcFixtures.startRelyingParty(port, staff);
        relyingPartyBase = relyingParty.base();
        client = relyingParty.client();
    }

    @AfterAll
    void stopTheDepartmentSystem() {
        if (relyingParty != null) {
            relyingParty.close();
        }
    }

    @Test
    void aCitizenSignedInToThePortalIsSignedInToTheDepartmentSystemAndSigningOutThereEndsBothSessions() {
        OidcFixtures.Citizen citizen = OidcFixtures.newCitizen(citizens);
        TestBrowser browser = new TestBrowser(port);
        assertThat(browser.signIn(citizen.username(), citizen.password()).location())
                .endsWith("/account");

        List<Page> toConsent = browser.followRedirects(browser.get(relyingPartyBase + "/"));
        Page consent = last(toConsent);
        assertThat(consent.uri()).startsWith(browser.base() + "/oauth2/consent");
        assertThat(toConsent).extracting(Page::uri).noneMatch(uri -> uri.contains("/login?") || uri.endsWith("/login"));
        assertThat(consent.html().selectFirst("h1").text()).contains("部门业务系统");
        assertThat(consent.html().select("input[type=password]")).isEmpty();
        assertThat(consent.header("Content-Security-Policy"))
                .as("its answer redirects to the department system")
                .contains("form-action 'self' " + relyingPartyBase + ";");

        Element approve = consent.html().select("form").stream()
                .filter(form -> form.select("button").text().equals("同意"))
                .findFirst()
                .orElseThrow();
        assertThat(approve.select("input[name=scope][checked]").eachAttr("value"))
                .containsExactly("profile");
        Page approved = browser.postMulti(approve.attr("action"), TestBrowser.formFields(approve));
        Page home = last(browser.followRedirects(approved));
        assertThat(home.uri()).satisfies(this::isTheDepartmentSystemsHomePage);
        Document signedIn = home.html();
        assertThat(signedIn.selectFirst("[data-testid=name]").text()).isEqualTo(citizen.realName());
        assertThat(signedIn.selectFirst("[data-testid=sub]").text()).isNotEqualTo(citizen.username());

        assertThat(sessions.getAllSessions(principal(citizen), false))
                .as("the session that signed in to a client")
                .hasSize(1);
        Element signOut = signedIn.selectFirst("form[action=/logout]");
        List<Page> signingOut = browser.followRedirects(
                browser.postMulti(relyingPartyBase + "/logout", TestBrowser.formFields(signOut)));
        assertThat(signingOut)
                .extracting(Page::uri)
                .anyMatch(uri -> uri.startsWith(browser.base() + "/connect/logout?") && uri.contains("id_token_hint="));
        assertThat(last(signingOut).uri()).isEqualTo(relyingPartyBase + "/signed-out");
        assertThat(last(signingOut).html().selectFirst("[data-testid=signed-out]"))
                .isNotNull();

        Page account = browser.get("/account");
        assertThat(account.status()).isEqualTo(302);
        assertThat(account.location()).endsWith("/login");
        List<Page> again = browser.followRedirects(browser.get(relyingPartyBase + "/"));
        assertThat(last(again).uri()).isEqualTo(browser.base() + "/login");
        assertThat(last(again).html().select("input[type=password]")).hasSize(1);
        assertThat(last(again).header("Content-Security-Policy"))
                .contains("form-action 'self' " + relyingPartyBase + ";");
        assertThat(new TestBrowser(port).get("/login").header("Content-Security-Policy"))
                .as("no sign-in to continue: forms post back to the platform only")
                .contains("form-action 'self';");

        assertThat(entries(citizen.username(), "identity.sign-in")).isNotEmpty();
        assertThat(entries(citizen.username(), "identity.token.issue"))
                .extracting(AuditEntry::objectId)
                .contains(client.clientId());
        assertThat(entries(citizen.username(), "identity.sign-out"))
                .singleElement()
                .satisfies(signedOut -> assertThat(signedOut.details()).contains(client.clientId()));
        assertThat(entries(client.clientId(), "identity.sign-in"))
                .as("a client is not a person signing in")
                .isEmpty();
        assertThat(sessions.getAllSessions(principal(citizen), true))
                .as("an ended session is forgotten")
                .isEmpty();
    }

    @Test
    void theSecondVisitNeedsNeitherPasswordNorConsent() {
        OidcFixtures.Citizen citizen = OidcFixtures.newCitizen(citizens);
        TestBrowser browser = new TestBrowser(port);
        browser.signIn(citizen.username(), citizen.password());
        Page consent = browser.browse(relyingPartyBase + "/");
        Element approve = consent.html().select("form").stream()
                .filter(form -> form.select("button").text().equals("同意"))
                .findFirst()
                .orElseThrow();
        assertThat(last(browser.followRedirects(
                                browser.postMulti(approve.attr("action"), TestBrowser.formFields(approve))))
                        .uri())
                .satisfies(this::isTheDepartmentSystemsHomePage);

        TestBrowser sameCitizenElsewhere = new TestBrowser(port);
        sameCitizenElsewhere.signIn(citizen.username(), citizen.password());
        Page home = sameCitizenElsewhere.browse(relyingPartyBase + "/");
        assertThat(home.uri()).satisfies(this::isTheDepartmentSystemsHomePage);
        assertThat(home.html().selectFirst("[data-testid=name]").text()).isEqualTo(citizen.realName());
    }

    /** The relying party's own saved-request handling may add {@code ?continue}; the page is what counts. */
    private void isTheDepartmentSystemsHomePage(String uri) {
        assertThat(uri).startsWith(relyingPartyBase + "/");
        assertThat(URI.create(uri).getPath()).isEqualTo("/");
    }

    /** The provider's session registry knows people by their username. */
    private static User principal(OidcFixtures.Citizen citizen) {
        return new User(citizen.username(), "", List.of());
    }

    private List<AuditEntry> entries(String actor, String action) {
        return log.search(new AccountabilityLog.Query(actor, null, null, action, null, null), 20, 0);
    }

    private static Page last(List<Page> pages) {
        return pages.get(pages.size() - 1);
    }
}
