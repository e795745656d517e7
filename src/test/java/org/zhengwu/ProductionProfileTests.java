package org.zhengwu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production profile fails closed: each required setting left out stops the start with one message naming its
 * environment variable and property — before the embedded database or a key could be made in the data directory —
 * and with every setting supplied the platform runs on the external PostgreSQL with the configured keys.
 */
class ProductionProfileTests {

    static final String PG_HOST = System.getenv().getOrDefault("ZHENGWU_TEST_PG_HOST", "127.0.0.1");
    static final int PG_PORT = Integer.parseInt(System.getenv().getOrDefault("ZHENGWU_TEST_PG_PORT", "5432"));
    static final String PG_USER = System.getenv().getOrDefault("ZHENGWU_TEST_PG_USER", "postgres");
    static final String PG_PASSWORD = System.getenv().getOrDefault("ZHENGWU_TEST_PG_PASSWORD", "");

    @TempDir
    Path dataDir;

    /** The two roles of a production database (created where a test uses a real one), distinct per test. */
    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private final String ownerRole = "zhengwu_owner_" + suffix;
    private final String appRole = "zhengwu_app_" + suffix;
    private static final String ROLE_PASSWORD = "Role-Password-2026";

    /** Where production's checkpoints go: not the data directory. */
    @TempDir
    Path anchorDir;

    /** Every production setting, valid; each test leaves one out or spoils it. */
    private Map<String, String> complete(String databaseUrl) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes())
                        .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spring.datasource.url", databaseUrl);
        settings.put("spring.datasource.username", appRole);
        settings.put("spring.datasource.password", ROLE_PASSWORD);
        settings.put("spring.flyway.user", ownerRole);
        settings.put("spring.flyway.password", ROLE_PASSWORD);
        settings.put("zhengwu.crypto.field-key", Base64.getEncoder().encodeToString(random(16)));
        settings.put("zhengwu.crypto.index-key", Base64.getEncoder().encodeToString(random(32)));
        settings.put("zhengwu.crypto.audit-key", Base64.getEncoder().encodeToString(random(32)));
        settings.put(
                "zhengwu.crypto.audit-anchor-key",
                Base64.getEncoder().encodeToString(org.zhengwu.shared.crypto.Sm2.newPrivateKey()));
        settings.put(
                "zhengwu.audit.anchor-file", anchorDir.resolve("anchors.log").toString());
        settings.put("zhengwu.identity.signing-key", pem);
        settings.put("zhengwu.identity.issuer", "https://sso.zhengwu.test");
        return settings;
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** Starts the application as `java -jar … --spring.profiles.active=production` would, with these settings. */
    private ConfigurableApplicationContext start(Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("spring.profiles.active", "production");
        all.put("server.port", "0");
        // The data directory as the plain run uses it: nothing may appear in it.
        all.put("zhengwu.crypto.key-dir", dataDir.resolve("keys").toString());
        all.put("zhengwu.embedded-db.data-dir", dataDir.resolve("pg").toString());
        all.put("zhengwu.embedded-db.ephemeral", "false");
        all.put("logging.file.name", dataDir.resolve("logs/zhengwu.json").toString());
        // The test configuration loads the demo, keeps codes in the outbox and joins the three administrators in one;
        // production refuses all three.
        all.put("zhengwu.demo-data.enabled", "false");
        all.put("zhengwu.notifications.dev-outbox", "false");
        all.put("zhengwu.identity.separate-administrators", "true");
        all.putAll(settings);
        List<String> args = new ArrayList<>();
        all.forEach((property, value) -> args.add("--" + property + "=" + value));
        return new SpringApplicationBuilder(ZhengwuApplication.class).run(args.toArray(String[]::new));
    }

    private ProductionSettingsMissing refusal(Map<String, String> settings) throws Exception {
        Throwable failure = catchThrowable(() -> start(settings).close());
        assertThat(failure).isInstanceOf(ProductionSettingsMissing.class);
        try (Stream<Path> written = Files.list(dataDir)) {
            assertThat(written).as("nothing written to the data directory").isEmpty();
        }
        return (ProductionSettingsMissing) failure;
    }

    private Map<String, String> without(String property) throws Exception {
        Map<String, String> settings = complete("jdbc:postgresql://db.zhengwu.test:5432/zhengwu");
        settings.put(property, "");
        return settings;
    }

    @Test
    void refusesWithoutAnExternalDatabase() throws Exception {
        ProductionSettingsMissing refusal = refusal(without("spring.datasource.url"));
        assertThat(refusal.problems())
                .singleElement()
                .asString()
                .startsWith("ZHENGWU_DB_URL (spring.datasource.url) is not set")
                .contains("never starts the embedded database");
        assertThat(refusal)
                .hasMessageStartingWith("The production profile refuses to start without 1 required setting:");
    }

    @Test
    void refusesWithoutAMigrationRoleOtherThanTheApplications() throws Exception {
        assertThat(refusal(without("spring.flyway.user")).problems())
                .singleElement()
                .asString()
                .startsWith("ZHENGWU_DB_MIGRATION_USER (spring.flyway.user) is not set");
        Map<String, String> same = without("spring.flyway.user");
        same.put("spring.flyway.user", appRole);
        assertThat(refusal(same).problems())
                .singleElement()
                .asString()
                .startsWith("ZHENGWU_DB_MIGRATION_USER (spring.flyway.user) is the application's own role");
    }

    @Test
    void refusesWithoutTheFieldKey() throws Exception {
        assertThat(refusal(without("zhengwu.crypto.field-key")).problems())
                .singleElement()
                .asString()
                .startsWith("ZHENGWU_FIELD_KEY (zhengwu.crypto.field-key) is not set")
                .contains("16 bytes in base64", "never generates keys");
    }

    @Test
    void refusesWithoutTheIndexKey() throws Exception {
        assertThat(refusal(without("zhengwu.crypto.index-key")).problems())
                .singleElement()
                .asString()
                .startsWith("ZHENGWU_INDEX_KEY (zhengwu.crypto.index-key) is not set")
                .contains("32 bytes in base64", "never generates keys");
    }

    @Test
    void refusesWithoutTheAuditKey() throws Exception {
        assertThat(refusal(without("zhengwu.crypto.audit-key")).problems())
                .singleElement()
                .asString()
                .startsWith("ZHENGWU_AUDIT_KEY (zhengwu.crypto.audit-key) is not set")
                .contains("32 bytes in base64", "never generates keys");
    }

    @Test
    void refusesWithoutTheAuditAnchorKey() throws Exception {
        assertThat(refusal(without("zhengwu.crypto.audit-anchor-key")).problems())
                .singleElement()
                .asString()
                .startsWith("ZHENGWU_AUDIT_ANCHOR_KEY (zhengwu.crypto.audit-anchor-key) is not set")
                .contains("SM2", "never generates keys");
    }

    @Test
    void refusesWithoutAPlaceForTheAuditCheckpoints() throws Exception {
        assertThat(refusal(without("zhengwu.audit.anchor-file")).problems())
                .singleElement()
                .asString()
                .startsWith("ZHENGWU_AUDIT_ANCHOR_FILE (zhengwu.audit.anchor-file) is not set");
    }

    @Test
    void objectStorageForFilesNeedsItsAddressBucketAndKeys() throws Exception {
        Map<String, String> settings = complete("jdbc:postgresql://db.zhengwu.test:5432/zhengwu");
        settings.put("zhengwu.files.store", "s3");
        assertThat(refusal(settings).problems())
                .extracting(String::valueOf)
                .satisfiesExactly(
                        endpoint -> assertThat(endpoint)
                                .startsWith("ZHENGWU_FILES_S3_ENDPOINT (zhengwu.files.s3.endpoint) is not set"),
                        bucket -> assertThat(bucket).startsWith("ZHENGWU_FILES_S3_BUCKET (zhengwu.files.s3.bucket)"),
                        access -> assertThat(access)
                                .startsWith("ZHENGWU_FILES_S3_ACCESS_KEY (zhengwu.files.s3.access-key)"),
                        secret -> assertThat(secret)
                                .startsWith("ZHENGWU_FILES_S3_SECRET_KEY (zhengwu.files.s3.secret-key)")
                                .contains("key store"));
        settings.put("zhengwu.files.s3.endpoint", "http://minio.zhengwu.test:9000");
        settings.put("zhengwu.files.s3.bucket", "materials");
        settings.put("zhengwu.files.s3.access-key", "zhengwu");
        settings.put("zhengwu.files.s3.secret-key", "a-secret-from-the-key-store");
        assertThat(refusal(settings).problems())
                .singleElement()
                .asString()
                .startsWith("ZHENGWU_FILES_S3_ENDPOINT (zhengwu.files.s3.endpoint) is not an https address")
                .doesNotContain("a-secret-from-the-key-store");
    }

    @Test
    void refusesWithoutSigningKeyMaterial() throws Exception {
        assertThat(refusal(without("zhengwu.identity.signing-key")).problems())
                .singleElement()
                .asString()
                .startsWith("ZHENGWU_SIGNING_KEY (zhengwu.identity.signing-key) is not set")
                .contains("ZHENGWU_SIGNING_KEYS_IN_DATABASE=true (zhengwu.identity.signing-keys-in-database)");
    }

    @Test
    void refusesWithoutAnIssuer() throws Exception {
        assertThat(refusal(without("zhengwu.identity.issuer")).problems())
                .singleElement()
                .asString()
                .startsWith("ZHENGWU_ISSUER (zhengwu.identity.issuer) is not set");
    }

    @Test
    void namesEveryMissingSettingInOneMessage() throws Exception {
        ProductionSettingsMissing refusal = refusal(Map.of());
        assertThat(refusal.problems())
                .hasSize(9)
                .extracting(problem -> problem.substring(0, problem.indexOf(' ')))
                .containsExactly(
                        "ZHENGWU_DB_URL",
                        "ZHENGWU_DB_MIGRATION_USER",
                        "ZHENGWU_FIELD_KEY",
                        "ZHENGWU_INDEX_KEY",
                        "ZHENGWU_AUDIT_KEY",
                        "ZHENGWU_AUDIT_ANCHOR_KEY",
                        "ZHENGWU_AUDIT_ANCHOR_FILE",
                        "ZHENGWU_SIGNING_KEY",
                        "ZHENGWU_ISSUER");
        assertThat(refusal)
                .hasMessageStartingWith("The production profile refuses to start without 9 required settings:\n"
                        + "  - ZHENGWU_DB_URL (spring.datasource.url) is not set");
    }

    @Test
    void theConsoleShowsTheRefusalAsAFailureReportWithoutAStackTrace() throws Exception {
        // A JVM of its own, as `java -jar zhengwu.jar --spring.profiles.active=production` on a server.
        Process application = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ZhengwuApplication.class.getName(),
                        "--spring.profiles.active=production",
                        "--zhengwu.demo-data.enabled=false")
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .start();
        String console = new String(application.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(application.waitFor()).isEqualTo(1);
        assertThat(console)
                .contains("APPLICATION FAILED TO START", "Description:", "Action:")
                .contains("The production profile refuses to start without 9 required settings:")
                .contains("  - ZHENGWU_DB_MIGRATION_USER (spring.flyway.user) is not set")
                .contains("  - ZHENGWU_DB_URL (spring.datasource.url) is not set")
                .contains("  - ZHENGWU_FIELD_KEY (zhengwu.crypto.field-key) is not set")
                .contains("  - ZHENGWU_INDEX_KEY (zhengwu.crypto.index-key) is not set")
                .contains("  - ZHENGWU_AUDIT_KEY (zhengwu.crypto.audit-key) is not set")
                .contains("  - ZHENGWU_AUDIT_ANCHOR_KEY (zhengwu.crypto.audit-anchor-key) is not set")
                .contains("  - ZHENGWU_AUDIT_ANCHOR_FILE (zhengwu.audit.anchor-file) is not set")
                .contains("  - ZHENGWU_SIGNING_KEY (zhengwu.identity.signing-key) is not set")
                .contains("  - ZHENGWU_ISSUER (zhengwu.identity.issuer) is not set")
                .contains("start it without the production profile")
                .doesNotContain("\tat ", "Exception in thread");
        try (Stream<Path> written = Files.list(dataDir)) {
            assertThat(written)
                    .as("nothing written in the working directory (./data)")
                    .isEmpty();
        }
    }

    @Test
    void refusesUnusableValuesWithoutShowingThem() throws Exception {
        Map<String, String> settings = complete("mysql://db.zhengwu.test/zhengwu");
        String shortKey = Base64.getEncoder().encodeToString(random(8));
        settings.put("zhengwu.crypto.field-key", shortKey);
        settings.put("zhengwu.crypto.index-key", "not base64!");
        settings.put(
                "zhengwu.identity.signing-key",
                dataDir.resolve("no-such-key.pem").toString());
        settings.put("zhengwu.identity.issuer", "http://sso.zhengwu.test");
        ProductionSettingsMissing refusal = refusal(settings);
        assertThat(refusal.problems())
                .containsExactly(
                        "ZHENGWU_DB_URL (spring.datasource.url) is not a PostgreSQL address: it must begin with"
                                + " jdbc:postgresql://",
                        "ZHENGWU_FIELD_KEY (zhengwu.crypto.field-key) is not a 16-byte key in base64: 8 bytes instead"
                                + " of 16",
                        "ZHENGWU_INDEX_KEY (zhengwu.crypto.index-key) is not a 32-byte key in base64: not base64",
                        "ZHENGWU_SIGNING_KEY (zhengwu.identity.signing-key) names the file "
                                + dataDir.resolve("no-such-key.pem") + ", which cannot be read",
                        "ZHENGWU_ISSUER (zhengwu.identity.issuer) is not an https address without query or fragment"
                                + " (e.g. https://sso.example.gov.cn): http://sso.zhengwu.test");
        assertThat(refusal.getMessage()).doesNotContain(shortKey);
    }

    /** A signing key whose PEM lines a secret store stripped is neither read as a file name nor shown. */
    @Test
    void aBareSigningKeyIsRefusedWithoutBeingShown() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String bare = Base64.getEncoder()
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        Map<String, String> settings = complete("jdbc:postgresql://db.zhengwu.test:5432/zhengwu");
        settings.put("zhengwu.identity.signing-key", bare);
        ProductionSettingsMissing refusal = refusal(settings);
        assertThat(refusal.problems())
                .containsExactly("ZHENGWU_SIGNING_KEY (zhengwu.identity.signing-key) is neither a PEM nor a JWK key ("
                        + bare.length() + " characters, not shown) nor a file named as file:/path or an absolute or"
                        + " ./relative path");
        assertThat(refusal.getMessage()).doesNotContain(bare.substring(0, 24));
    }

    @Test
    void refusesTheDemoConveniences() throws Exception {
        Map<String, String> settings = complete("jdbc:postgresql://db.zhengwu.test:5432/zhengwu");
        settings.put("zhengwu.demo-data.enabled", "true");
        settings.put("zhengwu.notifications.dev-outbox", "true");
        settings.put("zhengwu.identity.separate-administrators", "false");
        assertThat(refusal(settings).problems())
                .extracting(problem -> problem.substring(0, problem.indexOf(' ')))
                .containsExactly(
                        "zhengwu.demo-data.enabled",
                        "zhengwu.notifications.dev-outbox",
                        "zhengwu.identity.separate-administrators");
    }

    @Test
    void theKeysKeptInTheDatabaseMayBeDeclaredTheProductionOnes() throws Exception {
        Map<String, String> settings = without("zhengwu.identity.signing-key");
        settings.put("zhengwu.identity.signing-keys-in-database", "true");
        assertThat(ProductionSettings.problems(environment(settings))).isEmpty();
        settings.put("zhengwu.identity.signing-keys-in-database", "yes please");
        assertThat(ProductionSettings.problems(environment(settings)))
                .containsExactly("ZHENGWU_SIGNING_KEYS_IN_DATABASE (zhengwu.identity.signing-keys-in-database) must"
                        + " be true or false");
    }

    private static org.springframework.core.env.Environment environment(Map<String, String> settings) {
        org.springframework.core.env.StandardEnvironment environment =
                new org.springframework.core.env.StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new org.springframework.core.env.MapPropertySource("test", new LinkedHashMap<>(settings)));
        return environment;
    }

    private static List<String> signingKeys(String url) throws Exception {
        List<String> keys = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, PG_USER, PG_PASSWORD);
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery(
                        "SELECT retired_at IS NULL FROM identity_signing_key" + " ORDER BY retired_at NULLS FIRST")) {
            while (rows.next()) {
                keys.add(rows.getBoolean(1) ? "active" : "retired");
            }
        }
        return keys;
    }

    @Test
    void withEverySettingItRunsOnTheExternalDatabaseWithTheConfiguredKeys() throws Exception {
        requirePostgres();
        String database = "zhengwu_prod_" + suffix;
        String admin = "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/postgres";
        createRolesAndDatabase(admin, database);
        try {
            Map<String, String> settings = complete("jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + database);
            // Declaring that the database holds the keys, on a database that holds none, generates nothing.
            Map<String, String> keysInDatabase = new LinkedHashMap<>(settings);
            keysInDatabase.remove("zhengwu.identity.signing-key");
            keysInDatabase.put("zhengwu.identity.signing-keys-in-database", "true");
            assertThatThrownBy(() -> start(keysInDatabase).close())
                    .hasMessageContaining(
                            "declares that the database holds the token-signing keys, but it holds" + " none");
            assertThat(signingKeys(settings.get("spring.datasource.url"))).isEmpty();
            java.security.interfaces.RSAPrivateCrtKey configured = (java.security.interfaces.RSAPrivateCrtKey)
                    org.springframework.boot.ssl.pem.PemContent.of(settings.get("zhengwu.identity.signing-key"))
                            .getPrivateKey();
            try (ConfigurableApplicationContext application = start(settings)) {
                assertThat(application.getEnvironment().getActiveProfiles()).containsExactly("production");
                assertThat(application.containsBean("embeddedPostgres")).isFalse();
                assertThat(application
                                .getBean(com.zaxxer.hikari.HikariDataSource.class)
                                .getJdbcUrl())
                        .isEqualTo(settings.get("spring.datasource.url"));
                int port = ((WebServerApplicationContext) application)
                        .getWebServer()
                        .getPort();
                HttpClient http = HttpClient.newHttpClient();
                String discovery = http.send(
                                HttpRequest.newBuilder(URI.create(
                                                "http://localhost:" + port + "/.well-known/openid-configuration"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                assertThat(discovery).contains("\"issuer\":\"https://sso.zhengwu.test\"");
                String jwks = http.send(
                                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/jwks"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                com.nimbusds.jose.jwk.JWKSet published = com.nimbusds.jose.jwk.JWKSet.parse(jwks);
                assertThat(published.getKeys())
                        .singleElement()
                        .satisfies(
                                key -> assertThat(((RSAPublicKey) key.toRSAKey().toPublicKey()).getModulus())
                                        .as("the configured key signs, no key was generated")
                                        .isEqualTo(configured.getModulus()));
            }
            try (Stream<Path> written = Files.list(dataDir)) {
                assertThat(written.map(Path::getFileName).map(Path::toString))
                        .as("no embedded database, no generated keys")
                        .doesNotContain("keys", "pg");
            }
            String url = settings.get("spring.datasource.url");
            start(settings).close();
            assertThat(signingKeys(url)).as("a restart finds the key imported").containsExactly("active");
            Map<String, String> rotated = complete(url);
            rotated.put("zhengwu.crypto.field-key", settings.get("zhengwu.crypto.field-key"));
            rotated.put("zhengwu.crypto.index-key", settings.get("zhengwu.crypto.index-key"));
            start(rotated).close();
            assertThat(signingKeys(url))
                    .as("a new key from the key store signs; the one before stays published a while")
                    .containsExactly("active", "retired");
        } finally {
            dropDatabaseAndRoles(admin, database);
        }
    }

    /** As the README tells a DBA: an owner role, an application role, a database owned by the first. */
    private void createRolesAndDatabase(String admin, String database) throws Exception {
        try (Connection connection = DriverManager.getConnection(admin, PG_USER, PG_PASSWORD);
                Statement statement = connection.createStatement()) {
            // Every name is generated in this class from hex digits only.
            statement.execute("CREATE ROLE " + ownerRole + " LOGIN PASSWORD '" + ROLE_PASSWORD + "'");
            statement.execute("CREATE ROLE " + appRole + " LOGIN PASSWORD '" + ROLE_PASSWORD + "'");
            statement.execute(
                    "CREATE DATABASE " + database + " OWNER " + ownerRole + " ENCODING 'UTF8' TEMPLATE template0");
        }
    }

    private void dropDatabaseAndRoles(String admin, String database) throws Exception {
        try (Connection connection = DriverManager.getConnection(admin, PG_USER, PG_PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("DROP ROLE IF EXISTS " + appRole);
            statement.execute("DROP ROLE IF EXISTS " + ownerRole);
        }
    }

    private static void requirePostgres() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(PG_HOST, PG_PORT), 1000);
        } catch (Exception e) {
            Assumptions.abort("No PostgreSQL server on " + PG_HOST + ":" + PG_PORT + " (" + e.getMessage()
                    + "); the production start is tested where one runs (CI starts it)");
        }
    }

    /**
     * 等保: the role the running application connects as can read and append, and can change nothing that guards the
     * accountability log — not the trigger, not an entry, not the migration history — while the platform works.
     */
    @Test
    void theApplicationsRoleCannotSwitchOffTheAccountabilityLogsGuard() throws Exception {
        requirePostgres();
        String database = "zhengwu_prod_" + suffix;
        String admin = "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/postgres";
        createRolesAndDatabase(admin, database);
        try {
            String url = "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + database;
            start(complete(url)).close();
            try (Connection app = DriverManager.getConnection(url, appRole, ROLE_PASSWORD);
                    Statement statement = app.createStatement()) {
                app.setAutoCommit(true);
                try (var rows = statement.executeQuery("SELECT count(*) FROM shared_audit_entry")) {
                    rows.next();
                    assertThat(rows.getLong(1)).as("the start wrote to the log").isPositive();
                }
                for (String forbidden : List.of(
                        "ALTER TABLE shared_audit_entry DISABLE TRIGGER shared_audit_append_only",
                        "DROP TRIGGER shared_audit_append_only ON shared_audit_entry",
                        "DROP FUNCTION shared_audit_append_only() CASCADE",
                        "UPDATE shared_audit_entry SET actor = 'someone-else'",
                        "TRUNCATE shared_audit_entry",
                        "DELETE FROM flyway_schema_history_shared",
                        "ALTER TABLE identity_account ADD COLUMN backdoor TEXT",
                        "CREATE TABLE intruder (id INT)")) {
                    assertThatThrownBy(() -> statement.execute(forbidden))
                            .as(forbidden)
                            .isInstanceOf(java.sql.SQLException.class)
                            .hasMessageMatching("(?s).*(must be owner|permission denied).*");
                }
            }
            try (Connection owner = DriverManager.getConnection(url, ownerRole, ROLE_PASSWORD);
                    Statement statement = owner.createStatement();
                    var rows = statement.executeQuery(
                            "SELECT tgenabled FROM pg_trigger" + " WHERE tgname = 'shared_audit_append_only'")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).as("the guard is on").isEqualTo("O");
            }
        } finally {
            dropDatabaseAndRoles(admin, database);
        }
    }
}
