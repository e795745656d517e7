package org.zhengwu.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengwu.support.ZhengwuTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests the servlet container refuses before the application sees them, sent over a raw socket because an HTTP
 * client would repair or refuse to send them: each is answered with the platform's page (HTML, in Chinese and
 * English, with a request id) or, under {@code /api/}, with an RFC 9457 problem detail — never Tomcat's "HTTP
 * Status" page.
 */
@ZhengwuTest
class ContainerErrorsHttpTests {

    private static final String LONG = "a".repeat(20_000);

    @LocalServerPort
    int port;

    /** A raw HTTP/1.1 answer: status, headers (names in lower case) and body. */
    record Answer(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    static Stream<Arguments> refusedPages() {
        return Stream.of(
                Arguments.of("an encoded slash", "GET /items/a%2Fb HTTP/1.1\r\nHost: localhost\r\n", 400),
                Arguments.of("broken percent-encoding", "GET /% HTTP/1.1\r\nHost: localhost\r\n", 400),
                Arguments.of("an encoded NUL", "GET /a%00b HTTP/1.1\r\nHost: localhost\r\n", 400),
                Arguments.of("a path above the root", "GET /%2e%2e/x HTTP/1.1\r\nHost: localhost\r\n", 400),
                Arguments.of("a character not allowed in a URL", "GET /a{b HTTP/1.1\r\nHost: localhost\r\n", 400),
                Arguments.of("a backslash", "GET /a\\b HTTP/1.1\r\nHost: localhost\r\n", 400),
                Arguments.of("a URL too long", "GET /" + LONG + " HTTP/1.1\r\nHost: localhost\r\n", 400),
                Arguments.of("headers too long", "GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + LONG + "\r\n", 400),
                Arguments.of("a method that is not a token", "G(T / HTTP/1.1\r\nHost: localhost\r\n", 400),
                Arguments.of("a bad Host", "GET / HTTP/1.1\r\nHost: a b\r\n", 400),
                Arguments.of("no Host", "GET / HTTP/1.1\r\n", 400),
                Arguments.of(
                        "a bad Content-Length", "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: x\r\n", 400),
                Arguments.of(
                        "an expectation it cannot meet",
                        "POST /login HTTP/1.1\r\nHost: localhost\r\nExpect: 200-ok\r\nContent-Length: 0\r\n",
                        417),
                Arguments.of(
                        "an unknown transfer coding",
                        "POST / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: foo\r\n",
                        501),
                Arguments.of("an HTTP version it does not speak", "GET / HTTP/2.5\r\nHost: localhost\r\n", 505));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedPages")
    void aBrowserGetsThePlatformsPage(String what, String request, int status) {
        Answer answer = send(request);
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("text/html").containsIgnoringCase("charset=utf-8");
        assertThat(answer.header("X-Request-Id")).isNotBlank();
        assertThat(answer.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(answer.header("Permissions-Policy")).isEqualTo(SecurityHeaders.PERMISSIONS_POLICY);
        assertThat(answer.header("Referrer-Policy")).isEqualTo(SecurityHeaders.REFERRER_POLICY);
        assertThat(answer.body()).doesNotContain("HTTP Status", "Apache Tomcat", "Exception");
        Document page = Jsoup.parse(answer.body());
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("zh-CN");
        assertThat(page.selectFirst("[data-testid=container-error]").attr("data-status"))
                .isEqualTo(String.valueOf(status));
        assertThat(page.selectFirst("link[rel=stylesheet]").attr("href")).startsWith("/css/zhengwu");
        assertThat(page.selectFirst("h1").text()).as("Chinese first").matches(".*\\p{IsHan}.*");
        assertThat(page.selectFirst("[lang=en] h2").text()).isNotBlank();
        assertThat(page.selectFirst(".site-header__brand").text()).isEqualTo("安徽政务服务网");
        assertThat(page.text()).contains(answer.header("X-Request-Id"));
    }

    static Stream<Arguments> refusedApiCalls() {
        return Stream.of(
                Arguments.of("an encoded slash", "GET /api/v1/items/a%2Fb HTTP/1.1\r\nHost: localhost\r\n", 400),
                Arguments.of("broken percent-encoding", "GET /api/v1/items/% HTTP/1.1\r\nHost: localhost\r\n", 400),
                Arguments.of(
                        "headers too long",
                        "GET /api/v1/items HTTP/1.1\r\nHost: localhost\r\nX-Big: " + LONG + "\r\n",
                        400),
                Arguments.of("a bad Host", "GET /api/v1/items HTTP/1.1\r\nHost: a b\r\n", 400),
                Arguments.of(
                        "an unknown transfer coding",
                        "POST /api/v1/items HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: foo\r\n",
                        501),
                Arguments.of(
                        "an HTTP version it does not speak", "GET /api/v1/items HTTP/2.5\r\nHost: localhost\r\n", 505));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedApiCalls")
    void anApiCallerGetsAProblemDetail(String what, String request, int status) {
        Answer answer = send(request);
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = JsonMapper.shared().readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).startsWith(ErrorResponses.PROBLEM_TYPE_BASE);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.get("requestId").asString()).isEqualTo(answer.header("X-Request-Id"));
    }

    @Test
    void theProblemNamesTheRequestAndSpeaksTheCallersLanguage() {
        Answer answer = send("GET /api/v1/items/a%2Fb HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\n");
        JsonNode problem = JsonMapper.shared().readTree(answer.body());
        assertThat(problem.get("type").asString()).isEqualTo(ErrorResponses.PROBLEM_TYPE_BASE + "bad-request");
        assertThat(problem.get("title").asString()).isEqualTo("Bad request");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/items/a%2Fb");
    }

    @Test
    void requestsTheApplicationAnswersKeepTheirOwnPages() {
        Answer missing = send("GET /nowhere HTTP/1.1\r\nHost: localhost\r\n");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(Jsoup.parse(missing.body()).select("[data-testid=container-error]"))
                .isEmpty();
        assertThat(Jsoup.parse(missing.body()).selectFirst("a.skip-link"))
                .as("the full layout")
                .isNotNull();
        Answer missingApi = send("GET /api/v1/nowhere HTTP/1.1\r\nHost: localhost\r\n");
        assertThat(missingApi.status()).isEqualTo(404);
        assertThat(missingApi.header("Content-Type")).startsWith("application/problem+json");
    }

    private Answer send(String head) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }

    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        assertThat(end).as("an HTTP answer: %s", text).isPositive();
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(
                    lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).strip());
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, body);
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
        while (true) {
            int lineEnd = indexOf(bytes, at);
            int size = Integer.parseInt(new String(bytes, at, lineEnd - at, StandardCharsets.US_ASCII).strip(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(new String(bytes, lineEnd + 2, size, StandardCharsets.UTF_8));
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("no chunk size line");
    }
}
