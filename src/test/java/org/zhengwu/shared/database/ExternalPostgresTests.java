package org.zhengwu.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.zhengwu.ZhengwuApplication;

/**
 * The platform on an external PostgreSQL chosen by ZHENGWU_DB_URL, as a deployment runs it: the server on
 * 127.0.0.1:5432 (CI starts it). Skipped, with the reason, on a machine without one.
 */
class ExternalPostgresTests {

    static final String HOST = System.getenv().getOrDefault("ZHENGWU_TEST_PG_HOST", "127.0.0.1");
    static final int PORT = Integer.parseInt(System.getenv().getOrDefault("ZHENGWU_TEST_PG_PORT", "5432"));
    static final String USER = System.getenv().getOrDefault("ZHENGWU_TEST_PG_USER", "postgres");
    static final String PASSWORD = System.getenv().getOrDefault("ZHENGWU_TEST_PG_PASSWORD", "");
    static final String DATABASE =
            "zhengwu_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    static ConfigurableApplicationContext application;

    @BeforeAll
    static void startOnExternalDatabase() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 1000);
        } catch (Exception e) {
            Assumptions.abort("No PostgreSQL server on " + HOST + ":" + PORT + " (" + e.getMessage()
                    + "); the external-database path is tested in CI, where .ci/run starts one");
        }
        try (Connection admin = DriverManager.getConnection(adminUrl(), USER, PASSWORD);
                Statement statement = admin.createStatement()) {
            // The database name is generated above from hex digits only.
            statement.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
        }
        application = new SpringApplicationBuilder(ZhengwuApplication.class)
                .properties(
                        "ZHENGWU_DB_URL=jdbc:postgresql://" + HOST + ":" + PORT + "/" + DATABASE,
                        "ZHENGWU_DB_USER=" + USER,
                        "ZHENGWU_DB_PASSWORD=" + PASSWORD)
                .run("--server.port=0");
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (application != null) {
            application.close();
            try (Connection admin = DriverManager.getConnection(adminUrl(), USER, PASSWORD);
                    Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
            }
        }
    }

    private static String adminUrl() {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";
    }

    @Test
    void runsMigrationsLoadsTheDemoAndServesTheCatalogueWithoutTheEmbeddedServer() throws Exception {
        assertThat(application.getBeanNamesForType(EmbeddedPostgresConfiguration.EmbeddedPostgresServer.class))
                .isEmpty();
        int port = ((WebServerApplicationContext) application).getWebServer().getPort();
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/items?q="
                                        + URLEncoder.encode("驾驶证", StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("机动车驾驶证换证");
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://" + HOST + ":" + PORT + "/" + DATABASE, USER, PASSWORD);
                Statement statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT count(*) FROM catalog_search_entry")) {
            rs.next();
            assertThat(rs.getLong(1)).isGreaterThanOrEqualTo(300);
        }
    }
}
