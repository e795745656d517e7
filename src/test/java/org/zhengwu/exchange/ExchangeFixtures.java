package org.zhengwu.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.nodes.Element;
import org.zhengwu.shared.codes.CitizenIdNumber;
import org.zhengwu.support.TestBrowser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Connected systems, tokens and API calls for the exchange tests. */
final class ExchangeFixtures {

    /** The demo province's data bureau: the base libraries' provider in tests (src/test/resources/config). */
    static final String DATA_BUREAU = "1134000094991727XL";
    /** 合肥市市场监督管理局: a consumer. */
    static final String HEFEI_MARKET = "11340100662167280R";
    /** 合肥市数据资源局: another organisation, and the city's catalogue reviewers. */
    static final String HEFEI_DATA = "11340100926323831M";

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger SEQUENCE =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(900));

    record Answer(int status, String body, HttpResponse<String> response) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }
    }

    record System(String clientId, String secret, String token) {}

    private ExchangeFixtures() {}

    /** A new sequence number for codes and birth dates that no other run of the suite has used in this database. */
    static int next() {
        return SEQUENCE.incrementAndGet();
    }

    /** A 公民身份号码 born on 1903-01-01 + (day % 300) in 合肥市蜀山区: no demo person is that old. */
    static String oldIdNumber(int day, int sequence) {
        String birth = java.time.LocalDate.of(1903, 1, 1)
                .plusDays(day % 300)
                .toString()
                .replace("-", "");
        String first17 = String.format(Locale.ROOT, "340104%s%03d", birth, sequence % 1000);
        return first17 + CitizenIdNumber.checkCharacter(first17);
    }

    /** Registers a service client, links it to the organisation with the query scope, and gets a token. */
    static System system(TestBrowser administrator, int port, String organisation) {
        String clientId =
                "exchange-test-" + next() + "-" + ThreadLocalRandom.current().nextInt(1_000_000);
        TestBrowser.Page page = administrator.get("/admin/clients");
        Element form = page.html().selectFirst("form[action=/admin/clients]");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", form.selectFirst("input[name=_csrf]").attr("value"));
        fields.put("clientId", clientId);
        fields.put("name", "共享测试系统");
        fields.put("kind", "SERVICE");
        fields.put("redirectUris", "");
        fields.put("postLogoutRedirectUris", "");
        fields.put("scopes", "catalog.read");
        TestBrowser.Page registered = administrator.post("/admin/clients", fields);
        assertThat(registered.status()).as(registered.body()).isEqualTo(302);
        String secret = administrator
                .get(administrator.relative(registered.location()))
                .html()
                .selectFirst("[data-testid=client-secret]")
                .text();
        TestBrowser.Page client = administrator.get("/admin/clients/" + clientId);
        Element access = client.html().selectFirst("form[action$=/api-access]");
        Map<String, List<String>> grant = new LinkedHashMap<>();
        grant.put("_csrf", List.of(access.selectFirst("input[name=_csrf]").attr("value")));
        grant.put("organisation", List.of(organisation));
        grant.put("scopes", List.of("exchange.query"));
        assertThat(administrator
                        .postMulti("/admin/clients/" + clientId + "/api-access", grant)
                        .status())
                .isEqualTo(302);
        Answer token = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                        + URLEncoder.encode("exchange.query", StandardCharsets.UTF_8))));
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        return new System(clientId, secret, token.json().get("access_token").asString());
    }

    static Answer get(int port, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json, application/x-ndjson")
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
