package org.zhengwu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.zhengwu.support.TcpProxy;

/**
 * Fault drills in the suite. The application runs on an external PostgreSQL reached through a {@link TcpProxy}; the
 * proxy is cut (the database is out of reach) and every request, a page or the API, is answered 503 with
 * Retry-After within the pool's connection timeout, in the reader's language or as a problem detail, never a 500 or
 * a stack trace; once the proxy is restored the pool reconnects and the application serves again, without a restart.
 * Last, the context is closed while a request is in flight: readiness turns to refusing traffic first, new requests
 * are refused, and the request in flight still gets its answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOutageTests {

    static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(5_000); // application.yml's default

    EmbeddedPostgres postgres;
    TcpProxy proxy;
    ConfigurableApplicationContext context;
    int port;

    /** The request held in flight by the shutdown test: it answers once released. */
    final CountDownLatch slowEntered = new CountDownLatch(1);

    final CountDownLatch slowRelease = new CountDownLatch(1);

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start() throws IOException {
        postgres = EmbeddedPostgres.start();
        proxy = new TcpProxy("127.0.0.1", postgres.getPort());
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("server.port", Integer.toString(port));
        p.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/postgres");
        p.put("spring.datasource.username", "postgres");
        p.put("spring.datasource.password", "");
        p.put("spring.jmx.enabled", "false");
        p.put("spring.application.admin.enabled", "false");
        p.put("zhengwu.demo-data.enabled", "false");
        List<String> arguments = new ArrayList<>();
        p.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        context = new SpringApplicationBuilder(ZhengwuApplication.class)
                .initializers(c -> ((GenericApplicationContext) c)
                        .registerBean(
                                "slowServlet",
                                ServletRegistrationBean.class,
                                () -> new ServletRegistrationBean<>(new SlowServlet(), "/drill/slow")))
                .run(arguments.toArray(String[]::new));
    }

    @AfterAll
    void stop() throws IOException {
        slowRelease.countDown();
        if (context != null) {
            context.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** Answers once the test lets it: a request in flight while the context closes. */
    final class SlowServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            slowEntered.countDown();
            try {
                slowRelease.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            response.setContentType("text/plain");
            response.getWriter().write("finished");
        }
    }

    private HttpResponse<String> get(String path, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (language != null) {
            request.header("Cookie", "ZHENGWU_LANG=" + language);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A search nobody asked before, so that no cache answers it: each one goes to the database. */
    private static String fresh() {
        return "drill" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    @Order(1)
    void whileTheDatabaseIsOutOfReachEveryRequestIsAnswered503WithRetryAfterAndTheApplicationRecovers()
            throws Exception {
        assertThat(get("/search?q=" + fresh(), null).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/items?q=" + fresh(), null).statusCode()).isEqualTo(200);

        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> form = browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).as("the sign-in form's CSRF token").isTrue();
        String csrf = URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);

        proxy.cut();
        try {
            long started = System.nanoTime();
            HttpResponse<String> page = get("/search?q=" + fresh(), null);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(took)
                    .as("answered within the connection timeout")
                    .isLessThan(CONNECTION_TIMEOUT.multipliedBy(3));
            assertThat(page.headers().firstValue("Retry-After")).hasValue("10");
            assertThat(page.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(page.body())
                    .contains("服务暂时不可用", "系统正在恢复")
                    .doesNotContain("Exception", "at org.", "at com.", "系统暂时无法处理");

            HttpResponse<String> english = get("/search?q=" + fresh(), "en");
            assertThat(english.statusCode()).isEqualTo(503);
            assertThat(english.headers().firstValue("Retry-After")).hasValue("10");
            assertThat(english.body())
                    .contains("Service temporarily unavailable", "The platform is recovering")
                    .doesNotContain("Exception", "at org.");

            // Refused in a filter, before any controller: a sign-in asks the address throttle (AddressGate) first.
            HttpResponse<String> signIn = browser.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "username=nobody&password=Wrong-Password-1&_csrf=" + csrf))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.statusCode()).isEqualTo(503);
            assertThat(signIn.headers().firstValue("Retry-After")).hasValue("10");
            assertThat(signIn.body()).contains("服务暂时不可用").doesNotContain("Exception", "at org.");

            HttpResponse<String> api = get("/api/v1/items?q=" + fresh(), null);
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Retry-After")).hasValue("10");
            assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(api.body())
                    .contains("\"status\":503", "\"type\":\"https://zhengwu.org/problems/service-unavailable\"")
                    .doesNotContain("Exception", "at org.", "trace");
        } finally {
            proxy.restore();
        }

        // No restart: the pool connects again by itself.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(
                        () -> assertThat(get("/api/v1/items?q=" + fresh(), null).statusCode())
                                .isEqualTo(200));
        assertThat(get("/search?q=" + fresh(), null).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void onStopReadinessGoesDownFirstNewRequestsAreRefusedAndTheRequestInFlightFinishes() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness", null);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("UP");
        ApplicationAvailability availability = context.getBean(ApplicationAvailability.class);
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);

        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/drill/slow"))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(slowEntered.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> availability.getReadinessState() == ReadinessState.REFUSING_TRAFFIC);
        // The connector stops taking requests: a new client (a new connection) is refused.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try {
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(2))
                        .build()
                        .send(
                                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/items"))
                                        .timeout(Duration.ofSeconds(2))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                return false;
            } catch (IOException refused) {
                return true;
            }
        });
        assertThat(inFlight).as("the request in flight is still being served").isNotDone();
        assertThat(closing).as("the context waits for it").isNotDone();

        slowRelease.countDown();
        HttpResponse<String> finished = inFlight.get(30, TimeUnit.SECONDS);
        assertThat(finished.statusCode()).isEqualTo(200);
        assertThat(finished.body()).isEqualTo("finished");
        closing.get(60, TimeUnit.SECONDS);
        assertThat(context.isActive()).isFalse();
        context = null;
    }
}
