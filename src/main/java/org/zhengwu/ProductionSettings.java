package org.zhengwu;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.ssl.pem.PemContent;
import org.springframework.core.Ordered;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import org.zhengwu.shared.crypto.PlatformKeys;

/**
 * The {@code production} profile fails closed: without an external database, the keys from the deployment's key
 * store and a fixed issuer it refuses to start, naming every missing or unusable setting in one message, instead of
 * starting the embedded database or generating keys as the plain and {@code demo} runs do; the demo's conveniences
 * (demo data, the development outbox) are refused too. It checks the settings
 * once the configuration files are read and before any bean exists, so nothing is started and nothing is written to
 * the data directory.
 *
 * <p>The settings of every module that production requires are listed here, in one place, as
 * {@code application-production.yml} is one file: a module that adds such a setting adds its check below.
 */
class ProductionSettings implements EnvironmentPostProcessor, Ordered {

    static final String PROFILE = "production";

    @Override
    public int getOrder() {
        // After the configuration files and the profiles they activate have been read.
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.matchesProfiles(PROFILE)) {
            return;
        }
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new ProductionSettingsMissing(problems);
        }
    }

    static List<String> problems(Environment environment) {
        List<String> problems = new ArrayList<>();
        String database = environment.getProperty("spring.datasource.url", "").strip();
        if (database.isEmpty()) {
            problems.add("ZHENGWU_DB_URL (spring.datasource.url) is not set: the address of the deployment's"
                    + " PostgreSQL, e.g. jdbc:postgresql://db.example.gov.cn:5432/zhengwu (with ZHENGWU_DB_USER and"
                    + " ZHENGWU_DB_PASSWORD); production never starts the embedded database");
        } else if (!database.startsWith("jdbc:postgresql:")) {
            problems.add("ZHENGWU_DB_URL (spring.datasource.url) is not a PostgreSQL address: it must begin with"
                    + " jdbc:postgresql://");
        }
        migrationRole(environment).ifPresent(problems::add);
        key(
                        environment,
                        "ZHENGWU_FIELD_KEY",
                        "zhengwu.crypto.field-key",
                        PlatformKeys.FIELD_KEY_BYTES,
                        "SM4 key for" + " personal fields")
                .ifPresent(problems::add);
        key(
                        environment,
                        "ZHENGWU_INDEX_KEY",
                        "zhengwu.crypto.index-key",
                        PlatformKeys.INDEX_KEY_BYTES,
                        "HMAC-SM3" + " key for blind indexes")
                .ifPresent(problems::add);
        key(
                        environment,
                        "ZHENGWU_AUDIT_KEY",
                        "zhengwu.crypto.audit-key",
                        PlatformKeys.AUDIT_KEY_BYTES,
                        "HMAC-SM3 key sealing the accountability log")
                .ifPresent(problems::add);
        key(
                        environment,
                        "ZHENGWU_AUDIT_ANCHOR_KEY",
                        "zhengwu.crypto.audit-anchor-key",
                        PlatformKeys.ANCHOR_KEY_BYTES,
                        "SM2 private key signing the accountability log's checkpoints")
                .ifPresent(problems::add);
        if (environment.getProperty("zhengwu.audit.anchor-file", "").isBlank()) {
            problems.add("ZHENGWU_AUDIT_ANCHOR_FILE (zhengwu.audit.anchor-file) is not set: the append-only file that"
                    + " receives the accountability log's signed checkpoints, on storage the database's administrators"
                    + " cannot write (e.g. /var/log/zhengwu/audit-anchors.log)");
        }
        signingKey(environment).ifPresent(problems::add);
        problems.addAll(objectStorage(environment));
        issuer(environment.getProperty("zhengwu.identity.issuer", "").strip()).ifPresent(problems::add);
        if (on(environment, "zhengwu.demo-data.enabled")) {
            problems.add("zhengwu.demo-data.enabled is on (the demo profile?): production never loads the demo"
                    + " province into its database");
        }
        if (on(environment, "zhengwu.notifications.dev-outbox")) {
            problems.add("zhengwu.notifications.dev-outbox is on (the demo profile?): production sends one-time codes"
                    + " instead of showing them to administrators");
        }
        if ("false"
                .equalsIgnoreCase(environment
                        .getProperty("zhengwu.identity.separate-administrators", "true")
                        .strip())) {
            problems.add("zhengwu.identity.separate-administrators is off (the demo profile?): production keeps the"
                    + " system administrator, security administrator and auditor apart (三员分立)");
        }
        return problems;
    }

    /**
     * Files in object storage ({@code zhengwu.files.store=s3}) need its address, bucket and keys — the secret from the
     * key store — and travel over https only: they are people's identity documents and licences.
     */
    private static List<String> objectStorage(Environment environment) {
        List<String> problems = new ArrayList<>();
        if (!"s3"
                .equalsIgnoreCase(
                        environment.getProperty("zhengwu.files.store", "").strip())) {
            return problems;
        }
        String endpoint =
                environment.getProperty("zhengwu.files.s3.endpoint", "").strip();
        if (endpoint.isEmpty()) {
            problems.add("ZHENGWU_FILES_S3_ENDPOINT (zhengwu.files.s3.endpoint) is not set: the https address of the"
                    + " object storage that keeps the files (zhengwu.files.store is s3), e.g."
                    + " https://obs.cn-north-4.myhuaweicloud.com");
        } else if (!endpoint.toLowerCase(Locale.ROOT).startsWith("https://")) {
            problems.add("ZHENGWU_FILES_S3_ENDPOINT (zhengwu.files.s3.endpoint) is not an https address: production"
                    + " sends people's files to the object storage encrypted only: " + endpoint);
        }
        if (environment.getProperty("zhengwu.files.s3.bucket", "").isBlank()) {
            problems.add("ZHENGWU_FILES_S3_BUCKET (zhengwu.files.s3.bucket) is not set: the bucket that keeps the"
                    + " files (zhengwu.files.store is s3)");
        }
        if (environment.getProperty("zhengwu.files.s3.access-key", "").isBlank()) {
            problems.add("ZHENGWU_FILES_S3_ACCESS_KEY (zhengwu.files.s3.access-key) is not set: the object storage's"
                    + " access key id (zhengwu.files.store is s3)");
        }
        if (environment.getProperty("zhengwu.files.s3.secret-key", "").isBlank()) {
            problems.add("ZHENGWU_FILES_S3_SECRET_KEY (zhengwu.files.s3.secret-key) is not set: the object storage's"
                    + " secret access key, from the deployment's key store (zhengwu.files.store is s3)");
        }
        return problems;
    }

    /** 等保: the role that can change tables (and drop the log's guard) is not the one the application runs as. */
    private static Optional<String> migrationRole(Environment environment) {
        String owner = environment.getProperty("spring.flyway.user", "").strip();
        String application =
                environment.getProperty("spring.datasource.username", "").strip();
        if (owner.isEmpty()) {
            return Optional.of("ZHENGWU_DB_MIGRATION_USER (spring.flyway.user) is not set: the database role that owns"
                    + " the tables and runs the migrations (with ZHENGWU_DB_MIGRATION_PASSWORD); the application's own"
                    + " role, ZHENGWU_DB_USER, is then granted row access only and cannot change a table");
        }
        if (owner.equals(application)) {
            return Optional.of("ZHENGWU_DB_MIGRATION_USER (spring.flyway.user) is the application's own role ("
                    + "ZHENGWU_DB_USER): the role that owns the tables must be another one, so that the application"
                    + " cannot switch off the accountability log's guard");
        }
        return Optional.empty();
    }

    private static boolean on(Environment environment, String property) {
        return "true".equalsIgnoreCase(environment.getProperty(property, "").strip());
    }

    private static Optional<String> key(
            Environment environment, String variable, String property, int bytes, String purpose) {
        String value = environment.getProperty(property, "");
        String name = variable + " (" + property + ")";
        if (value.isBlank()) {
            return Optional.of(name + " is not set: the " + purpose + ", " + bytes + " bytes in base64,"
                    + " from the deployment's key store; production never generates keys");
        }
        return PlatformKeys.configuredKeyDefect(value, bytes)
                .map(defect -> name + " is not a " + bytes + "-byte key in base64: " + defect);
    }

    private static Optional<String> signingKey(Environment environment) {
        String name = "ZHENGWU_SIGNING_KEY (zhengwu.identity.signing-key)";
        String key = environment.getProperty("zhengwu.identity.signing-key", "").strip();
        boolean inDatabase;
        try {
            inDatabase = environment.getProperty("zhengwu.identity.signing-keys-in-database", Boolean.class, false);
        } catch (ConversionException e) {
            return Optional.of("ZHENGWU_SIGNING_KEYS_IN_DATABASE (zhengwu.identity.signing-keys-in-database)"
                    + " must be true or false");
        }
        if (key.isEmpty()) {
            return inDatabase
                    ? Optional.empty()
                    : Optional.of(name + " is not set: the RSA private key that signs tokens (PEM or JWK,"
                            + " or the path of a file holding it) from the deployment's key store; or declare with"
                            + " ZHENGWU_SIGNING_KEYS_IN_DATABASE=true (zhengwu.identity.signing-keys-in-database)"
                            + " that the keys kept in the database are the production ones");
        }
        if (key.startsWith("{") || PemContent.isPresentInText(key)) {
            return Optional.empty();
        }
        // A value that is neither PEM nor JWK is shown only when it names a file: a bare key (a secret store that
        // stripped the PEM lines) must never reach the console or the log.
        boolean namesAFile =
                key.startsWith("file:") || key.startsWith("/") || key.startsWith("./") || key.startsWith("../");
        if (!namesAFile) {
            return Optional.of(name + " is neither a PEM nor a JWK key (" + key.length() + " characters, not shown)"
                    + " nor a file named as file:/path or an absolute or ./relative path");
        }
        Path file = Path.of(key.startsWith("file:") ? key.substring("file:".length()) : key);
        return Files.isReadable(file)
                ? Optional.empty()
                : Optional.of(name + " names the file " + file + ", which cannot be read");
    }

    private static Optional<String> issuer(String issuer) {
        String name = "ZHENGWU_ISSUER (zhengwu.identity.issuer)";
        if (issuer.isEmpty()) {
            return Optional.of(name + " is not set: the provider's public https address, e.g."
                    + " https://sso.example.gov.cn, which every token names and every client checks; production"
                    + " never takes it from the request");
        }
        try {
            URI uri = new URI(issuer);
            if ("https".equals(uri.getScheme())
                    && StringUtils.hasText(uri.getHost())
                    && uri.getQuery() == null
                    && uri.getFragment() == null) {
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        return Optional.of(name
                + " is not an https address without query or fragment (e.g. https://sso.example.gov.cn): " + issuer);
    }
}
