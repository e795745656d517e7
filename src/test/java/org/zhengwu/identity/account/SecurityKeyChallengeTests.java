package org.zhengwu.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.zhengwu.catalog.CatalogAccess;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.account.SecurityKeys.Challenge;
import org.zhengwu.identity.account.SecurityKeys.RelyingParty;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.support.SoftwareAuthenticator;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * A challenge lives {@link SecurityKeys#CHALLENGE_LIFETIME}: an answer that comes later is refused however right it
 * is, for a registration as for a sign-in (the service with its clock moved on; the HTTP tests cannot wait five
 * minutes). And what a verified answer proves is the WebAuthn factor, with its time.
 */
@ZhengwuTest
class SecurityKeyChallengeTests {

    static final String ORIGIN = "https://sso.zhengwu.example.test";
    static final RelyingParty RP = new RelyingParty("sso.zhengwu.example.test", "测试平台", Set.of(ORIGIN));

    @Autowired
    SecurityKeys securityKeys;

    @Autowired
    SecurityKeyRecords records;

    @Autowired
    SecondFactor secondFactor;

    @Autowired
    AccountabilityLog audit;

    @Autowired
    AccountDirectory directory;

    @Autowired
    StaffAccounts staff;

    @Autowired
    Clock clock;

    private SecurityKeys at(java.time.Duration later) {
        return new SecurityKeys(records, secondFactor, audit, Clock.offset(clock, later));
    }

    private Account newStaff() {
        String username = "challenge-" + TestPeople.newMobile();
        staff.create(username, "挑战测试", TestBrowser.STAFF_PASSWORD, null, Set.of(CatalogAccess.CATALOG_EDITOR), "test");
        return directory.find(username).orElseThrow();
    }

    @Test
    void anAnswerAfterTheChallengesLifetimeIsRefusedAndOneWithinItPasses() {
        Account account = newStaff();
        SoftwareAuthenticator key = new SoftwareAuthenticator();

        Challenge<PublicKeyCredentialCreationOptions> registration = securityKeys.registrationOptions(account, RP);
        String created = key.register(securityKeys.json(registration.options()), ORIGIN);
        SecurityKeys.Registration late = at(SecurityKeys.CHALLENGE_LIFETIME.plusSeconds(1))
                .register(account, SecondFactor.Stage.FIRST_ENROLMENT, registration, "过期的密钥", created);
        assertThat(late.refusal()).isEqualTo(SecurityKeys.Refusal.EXPIRED);
        assertThat(securityKeys.of(account)).isEmpty();
        SecurityKeys.Registration inTime = at(SecurityKeys.CHALLENGE_LIFETIME.minusSeconds(5))
                .register(account, SecondFactor.Stage.FIRST_ENROLMENT, registration, "及时的密钥", created);
        assertThat(inTime.registered()).isTrue();
        assertThat(inTime.enrolment().recoveryCodes()).hasSize(SecondFactor.RECOVERY_CODES);
        assertThat(inTime.enrolment().factor())
                .as("a registration proves no factor")
                .isNull();

        account = directory.find(account.username()).orElseThrow();
        Challenge<PublicKeyCredentialRequestOptions> signIn =
                securityKeys.signInOptions(account, RP).orElseThrow();
        String signed = key.sign(securityKeys.json(signIn.options()), ORIGIN);
        SecurityKeys.Verification expired =
                at(SecurityKeys.CHALLENGE_LIFETIME.plusSeconds(1)).verify(account, signIn, signed);
        assertThat(expired.passed()).isFalse();
        assertThat(expired.refusal()).isEqualTo(SecurityKeys.Refusal.EXPIRED);

        SecurityKeys.Verification passed =
                at(SecurityKeys.CHALLENGE_LIFETIME.minusSeconds(5)).verify(account, signIn, signed);
        assertThat(passed.passed()).isTrue();
        FactorGrantedAuthority factor = passed.factor().authority();
        assertThat(factor.getAuthority()).isEqualTo(SignInFactors.WEBAUTHN);
        assertThat(passed.factor().proves(account.username(), clock.instant().plus(SecurityKeys.CHALLENGE_LIFETIME)))
                .isTrue();
        assertThat(passed.factor().proves("someone-else", clock.instant().plus(SecurityKeys.CHALLENGE_LIFETIME)))
                .isFalse();
    }

    @Test
    void aSecondKeyOfTheSameNameIsRefusedByTheServiceItself() {
        Account account = newStaff();
        assertThat(register(account, new SoftwareAuthenticator(), "办公室安全密钥").registered())
                .isTrue();
        // Two requests of one person at once both pass the page's check: the second meets the lock and the name.
        assertThat(register(account, new SoftwareAuthenticator(), "办公室安全密钥").refusal())
                .isEqualTo(SecurityKeys.Refusal.LABEL_TAKEN);
        assertThat(securityKeys.of(account)).hasSize(1);
    }

    private SecurityKeys.Registration register(Account account, SoftwareAuthenticator key, String name) {
        Challenge<PublicKeyCredentialCreationOptions> registration = securityKeys.registrationOptions(account, RP);
        return securityKeys.register(
                account,
                SecondFactor.Stage.SIGNED_IN,
                registration,
                name,
                key.register(securityKeys.json(registration.options()), ORIGIN));
    }
}
