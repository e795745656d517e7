package org.zhengwu.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.zhengwu.identity.account.SecurityKeys.RelyingParty;

/**
 * Where the relying party comes from: its own settings, else the OIDC issuer, else (development) each request's
 * address — and a start refused when a configured origin could never use the configured relying-party id.
 */
class RelyingPartiesTests {

    private static RelyingParties relyingParties(String rpId, List<String> origins, String issuer) {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("layout.brand", Locale.SIMPLIFIED_CHINESE, "安徽政务服务网");
        MockEnvironment environment = new MockEnvironment();
        if (issuer != null) {
            environment.setProperty("zhengwu.identity.issuer", issuer);
        }
        return new RelyingParties(new RelyingParties.Settings(rpId, origins), environment, messages);
    }

    private static MockHttpServletRequest request(String host, int port) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login/mfa/webauthn/options");
        request.setServerName(host);
        request.setServerPort(port);
        return request;
    }

    @Test
    void theIssuerNamesTheRelyingPartyWhenNothingElseDoes() {
        RelyingParty rp =
                relyingParties(null, null, "https://sso.zwfw.example.gov.cn").of(request("evil.example", 80));
        assertThat(rp)
                .isEqualTo(new RelyingParty(
                        "sso.zwfw.example.gov.cn", "安徽政务服务网", Set.of("https://sso.zwfw.example.gov.cn")));
        assertThat(relyingParties("", List.of(), "http://localhost:8091/")
                        .of(request("other", 1))
                        .origins())
                .containsExactly("http://localhost:8091");
    }

    @Test
    void settingsNameAParentDomainAndSeveralOrigins() {
        RelyingParty rp = relyingParties(
                        "zwfw.example.gov.cn",
                        List.of("https://sso.zwfw.example.gov.cn", " https://zwfw.example.gov.cn "),
                        "https://sso.zwfw.example.gov.cn")
                .of(request("evil.example", 80));
        assertThat(rp.id()).isEqualTo("zwfw.example.gov.cn");
        assertThat(rp.origins())
                .containsExactlyInAnyOrder("https://sso.zwfw.example.gov.cn", "https://zwfw.example.gov.cn");
    }

    @Test
    void withoutSettingsOrIssuerEachRequestsAddressIsTheRelyingParty() {
        RelyingParties derived = relyingParties(null, null, null);
        assertThat(derived.of(request("localhost", 8091)))
                .isEqualTo(new RelyingParty("localhost", "安徽政务服务网", Set.of("http://localhost:8091")));
        assertThat(derived.of(request("zhengwu.example.test", 80)).origins())
                .containsExactly("http://zhengwu.example.test");
    }

    @Test
    void anOriginOutsideTheRelyingPartyIdStopsTheStart() {
        assertThatIllegalStateException()
                .isThrownBy(() -> relyingParties("zwfw.example.gov.cn", List.of("https://zwfw-example.gov.cn"), null))
                .withMessageContaining("ZHENGWU_IDENTITY_WEBAUTHN_ORIGINS")
                .withMessageContaining("https://zwfw-example.gov.cn");
        assertThatIllegalStateException()
                .isThrownBy(() -> relyingParties("example.gov.cn", List.of(), "https://sso.zwfw.example.com"))
                .withMessageContaining("ZHENGWU_IDENTITY_WEBAUTHN_RP_ID");
    }
}
