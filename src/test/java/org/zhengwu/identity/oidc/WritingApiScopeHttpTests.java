package org.zhengwu.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengwu.identity.AccessRegistry;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.shared.access.ApiScope;
import org.zhengwu.shared.access.Bilingual;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.ZhengwuTest;

/**
 * A reading scope opens GET only, as before; a writing scope ({@code ModuleAccess.writingApiScope}) also opens POST on
 * its paths — to a token carrying that scope, and to no other.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WritingApiScopeHttpTests {

    static final String HEFEI_MARKET = "11340100662167280R";

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    @Autowired
    AccessRegistry registry;

    String reader;
    String writer;

    @BeforeAll
    void setUp() {
        TestBrowser administrator = new TestBrowser(port);
        administrator.signInNewAdministrator(staff);
        SystemClients clients = new SystemClients(port, administrator);
        reader = clients.token(clients.register(HEFEI_MARKET, "cases.read"), "cases.read");
        writer = clients.token(clients.register(HEFEI_MARKET, "exchange.publish"), "exchange.publish");
    }

    private HttpResponse<String> call(String method, String path, String token) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Accept", "application/json")
                                    .header("Content-Type", "application/json")
                                    .method(method, HttpRequest.BodyPublishers.ofString("{\"changes\": []}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aScopeReadsOnlyUnlessDeclaredWriting() {
        assertThat(new ApiScope("x.read", new Bilingual("读", "Read"), List.of("/api/v1/x/**")).writes())
                .isFalse();
        assertThat(registry.apiScope("cases.read").orElseThrow().writes()).isFalse();
        assertThat(registry.apiScope("exchange.publish").orElseThrow().writes()).isTrue();
    }

    @Test
    void postOnAReadingScopesPathIsRefusedWithInsufficientScope() {
        HttpResponse<String> answer = call("POST", "/api/v1/cases", reader);
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("WWW-Authenticate").orElse("")).contains("insufficient_scope");
        assertThat(call("GET", "/api/v1/cases", reader).statusCode()).isEqualTo(200);
    }

    @Test
    void postOnAWritingScopesPathReachesTheModuleWithThatScopeOnly() {
        // The module answers (an unknown resource: its own 404), not the token chain.
        HttpResponse<String> written = call("POST", "/api/v1/exchange/publish/NO-SUCH/changes", writer);
        assertThat(written.statusCode()).as(written.body()).isEqualTo(404);
        assertThat(written.headers().firstValue("WWW-Authenticate")).isEmpty();
        HttpResponse<String> refused = call("POST", "/api/v1/exchange/publish/NO-SUCH/changes", reader);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("WWW-Authenticate").orElse("")).contains("insufficient_scope");
        assertThat(call("PUT", "/api/v1/exchange/publish/NO-SUCH/changes", writer)
                        .statusCode())
                .as("a writing scope opens POST, not every method")
                .isEqualTo(403);
    }
}
