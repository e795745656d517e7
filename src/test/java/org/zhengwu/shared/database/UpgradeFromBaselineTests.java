package org.zhengwu.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.core.ApplicationModuleIdentifiers;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.runtime.flyway.HasMigrationFiles;
import org.zhengwu.ZhengwuApplication;
import org.zhengwu.identity.account.ContactDetailsSteps;
import org.zhengwu.identity.account.PasswordHashing;
import org.zhengwu.shared.crypto.PlatformKeys;
import org.zhengwu.shared.crypto.TestKeys;
import org.zhengwu.support.ClearValues;
import org.zhengwu.support.TestBrowser;

/**
 * A database made by commit 5d81b5e — the last release before migrations per module, with one history table for all
 * modules — upgrades in place: loaded from its dump ({@code db/baseline-5d81b5e.sql}) and migrated by
 * {@link ModuleMigrations}, it ends with exactly the schema of a database created today, and keeps its rows. The
 * mobiles and addresses it kept in clear are encrypted by the steps after the migrations — by two nodes starting
 * together as well — and an account signs in by its mobile on the upgraded platform; keys that are not the database's
 * stop the start.
 */
class UpgradeFromBaselineTests {

    private static final String BASELINE = "db/baseline-5d81b5e.sql";
    private static final ApplicationModuleIdentifiers MODULES =
            ApplicationModuleIdentifiers.of(ApplicationModules.of(ZhengwuApplication.class));
    private static final AtomicInteger databases = new AtomicInteger();

    static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void theUpgradedDatabaseHasTheSchemaOfAFreshOne() throws Exception {
        DataSource fresh = newDatabase();
        migrate(fresh);
        DataSource upgraded = baseline();
        migrate(upgraded);

        List<String> expected = schema(fresh);
        assertThat(expected).hasSizeGreaterThan(300).anyMatch(line -> line.startsWith("trigger catalog_item_version "));
        assertThat(schema(upgraded)).containsExactlyElementsOf(expected);
        // Rows that migrations seed are reference data: the same, however the database came to be.
        for (String seeded : List.of(
                "SELECT code, name, audience FROM identity_role ORDER BY code",
                "SELECT role, permission FROM identity_role_permission ORDER BY role, permission")) {
            assertThat(rows(upgraded, seeded)).isEqualTo(rows(fresh, seeded));
        }
    }

    @Test
    void theRowsOfTheUpgradedDatabaseSurvive() throws Exception {
        DataSource upgraded = baseline();
        migrate(upgraded);
        JdbcClient jdbc = JdbcClient.create(upgraded);

        assertThat(count(jdbc, "SELECT count(*) FROM basedata_division")).isEqualTo(142);
        assertThat(jdbc.sql("SELECT name FROM basedata_organisation WHERE uscc = '11340100MB0123456X'")
                        .query(String.class)
                        .single())
                .isEqualTo("合肥市市场监督管理局");
        assertThat(jdbc.sql("""
                        SELECT v.status FROM catalog_item i JOIN catalog_item_version v ON v.item_id = i.id
                        WHERE i.implementation_code = '11340000790427948Y2010000100100'""").query(String.class).single()).isEqualTo("PUBLISHED");
        assertThat(count(jdbc, "SELECT count(*) FROM catalog_search_entry")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT display_name FROM identity_account WHERE username = 'admin'")
                        .query(String.class)
                        .single())
                .isNotBlank();
        assertThat(count(jdbc, "SELECT count(*) FROM identity_signing_key")).isEqualTo(1);
        // Failed sign-ins counted by the name as typed (all three of the baseline's) are dropped: the text typed may be
        // an identity number or a password. Only the last 15 minutes of them ever counted.
        assertThat(count(jdbc, "SELECT count(*) FROM identity_sign_in_failure")).isZero();
        assertThat(count(jdbc, "SELECT count(*) FROM identity_one_time_code")).isEqualTo(1);
        assertThat(count(jdbc, "SELECT count(*) FROM oauth2_authorization")).isEqualTo(2);
        assertThat(count(jdbc, "SELECT count(*) FROM shared_once_task")).isEqualTo(3);
        // Completed event publications are removed now; the failed one waits to be delivered again.
        assertThat(jdbc.sql("SELECT id || ' ' || status FROM event_publication")
                        .query(String.class)
                        .list())
                .containsExactly("5d81b5e0-0000-4000-8000-000000000002 FAILED");
        // The accountability log keeps its six entries and their chain ends where its head says.
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM shared_audit_entry e JOIN shared_audit_head h
                            ON h.last_seq = 6 AND e.seq = 6 AND e.hash = h.last_hash""").query(Long.class).single()).isEqualTo(1);
        assertThat(count(jdbc, "SELECT count(*) FROM shared_audit_entry")).isEqualTo(6);
        // They become chain 1 at their own positions, hashed as before; the chain is keyed from the next entry on.
        assertThat(count(jdbc, "SELECT count(*) FROM shared_audit_entry WHERE chain = 1 AND chain_seq = seq"))
                .isEqualTo(6);
        assertThat(count(jdbc, "SELECT keyed_from FROM shared_audit_head WHERE id = 1"))
                .isEqualTo(7);
        assertThat(count(jdbc, "SELECT nextval('shared_audit_entry_seq')")).isEqualTo(7);
    }

    private static final String UPGRADED_PASSWORD = "Upgraded-Password-5";

    /** What the accounts hold encrypted, as text that compares by value. */
    private static final String CIPHERS = """
            SELECT id, encode(mobile_cipher, 'hex') AS mobile, mobile_index, encode(email_cipher, 'hex') AS email
            FROM identity_account ORDER BY id""";

    /**
     * Accounts and outbox messages with mobiles and addresses in clear, as the baseline's release stored them:
     * accounts {@code upgraded<n>} for n from 1 to {@code count} ({@link #mobile}, {@link #email}, the password
     * {@link #UPGRADED_PASSWORD}) and a message to each mobile.
     */
    private static void clearContactDetails(DataSource database, int count) {
        JdbcClient jdbc = JdbcClient.create(database);
        jdbc.sql("""
                        INSERT INTO identity_account (username, display_name, password_hash, account_type,
                            password_changed_at, subject_id, mobile, email)
                        SELECT 'upgraded' || n, '升级前用户', :hash, 'PERSON', now(), md5('upgraded' || n)::uuid,
                            '139' || lpad(n::text, 8, '0'), 'Upgraded.' || n || '@Example.gov.cn'
                        FROM generate_series(1, :count) n""")
                .param("hash", PasswordHashing.encoder().encode(UPGRADED_PASSWORD))
                .param("count", count)
                .update();
        jdbc.sql("""
                        INSERT INTO identity_notification_outbox (channel, recipient, subject, body, created_at)
                        SELECT 'MOBILE', '139' || lpad(n::text, 8, '0'), '验证码', '您的验证码是 123456', now()
                        FROM generate_series(1, :count) n""").param("count", count).update();
    }

    private static String mobile(int n) {
        return String.format(Locale.ROOT, "139%08d", n);
    }

    private static String email(int n) {
        return "Upgraded." + n + "@Example.gov.cn";
    }

    /** {@code length} bytes, each {@code value}: a key the test chooses. */
    private static byte[] bytes(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    @Test
    void twoNodesUpgradingTogetherEncryptEveryClearMobileAndAddressAndEmptyTheClearColumns(@TempDir Path keyDir)
            throws Exception {
        int count = 2 * 500 + 234;
        DataSource upgraded = baseline();
        clearContactDetails(upgraded, count);
        JdbcClient jdbc = JdbcClient.create(upgraded);
        assertThat(ClearValues.columnsHolding(jdbc, mobile(77)))
                .as("the scan finds them while they are clear")
                .containsExactlyInAnyOrder("identity_account.mobile", "identity_notification_outbox.recipient");
        PlatformKeys keys = TestKeys.of(bytes(16, 1), bytes(32, 2), keyDir);

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> starts = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                starts.add(nodes.submit(() -> migrate(upgraded, ContactDetailsSteps.with(keys))));
            }
            for (Future<?> start : starts) {
                start.get(120, TimeUnit.SECONDS);
            }
        } finally {
            nodes.shutdownNow();
        }

        assertThat(count(jdbc, "SELECT count(*) FROM identity_account WHERE mobile IS NOT NULL OR email IS NOT NULL"))
                .isZero();
        assertThat(count(jdbc, "SELECT count(*) FROM identity_notification_outbox WHERE recipient IS NOT NULL"))
                .isZero();
        List<Map<String, Object>> accounts = jdbc.sql("""
                        SELECT username, mobile_cipher, mobile_index, email_cipher FROM identity_account
                        WHERE username LIKE 'upgraded%'""").query().listOfRows();
        assertThat(accounts).hasSize(count);
        for (Map<String, Object> account : accounts) {
            int n = Integer.parseInt(((String) account.get("username")).substring("upgraded".length()));
            assertThat(ContactDetailsSteps.mobile(keys, (byte[]) account.get("mobile_cipher")))
                    .isEqualTo(mobile(n));
            assertThat(((String) account.get("mobile_index")).strip())
                    .isEqualTo(ContactDetailsSteps.mobileIndex(keys, mobile(n)));
            assertThat(ContactDetailsSteps.email(keys, (byte[]) account.get("email_cipher")))
                    .isEqualTo(email(n));
        }
        List<Map<String, Object>> messages = jdbc.sql(
                        "SELECT recipient_cipher, recipient_index FROM identity_notification_outbox")
                .query()
                .listOfRows();
        List<String> recipients = new ArrayList<>();
        for (Map<String, Object> message : messages) {
            String recipient = ContactDetailsSteps.outboxRecipient(keys, (byte[]) message.get("recipient_cipher"));
            recipients.add(recipient);
            assertThat(((String) message.get("recipient_index")).strip())
                    .isEqualTo(ContactDetailsSteps.outboxRecipientIndex(keys, recipient));
        }
        // The baseline's own message went to an address.
        assertThat(recipients).hasSize(count + 1).contains("admin@example.gov.cn", mobile(1), mobile(count));
        assertThat(ClearValues.columnsHolding(jdbc, "admin@example.gov.cn")).isEmpty();
        assertThat(ClearValues.columnsHolding(jdbc, mobile(77))).isEmpty();
        assertThat(ClearValues.columnsHolding(jdbc, email(77))).isEmpty();
        // From now on no row takes a clear value again, whatever writes it.
        assertThatThrownBy(() -> jdbc.sql("UPDATE identity_account SET mobile = '13900000001' WHERE username = 'admin'")
                        .update())
                .hasMessageContaining("identity_account_contact_in_clear_check");

        // A later start finds nothing to do and changes nothing.
        List<Map<String, Object>> before = rows(upgraded, CIPHERS);
        migrate(upgraded, ContactDetailsSteps.with(keys));
        assertThat(rows(upgraded, CIPHERS)).isEqualTo(before);
    }

    @Test
    void keysThatAreNotTheDatabasesStopTheStartBeforeAnythingIsWritten(@TempDir Path keyDir) throws Exception {
        DataSource upgraded = baseline();
        clearContactDetails(upgraded, 3);
        migrate(upgraded, ContactDetailsSteps.with(TestKeys.of(bytes(16, 1), bytes(32, 2), keyDir.resolve("own"))));
        List<Map<String, Object>> before = rows(upgraded, CIPHERS);

        PlatformKeys otherFieldKey = TestKeys.of(bytes(16, 9), bytes(32, 2), keyDir.resolve("field"));
        assertThatThrownBy(() -> migrate(upgraded, ContactDetailsSteps.with(otherFieldKey)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ZHENGWU_FIELD_KEY")
                .hasMessageContaining("is not the key this database's personal fields were encrypted with")
                .hasMessageNotContaining(mobile(3));
        PlatformKeys otherIndexKey = TestKeys.of(bytes(16, 1), bytes(32, 9), keyDir.resolve("index"));
        assertThatThrownBy(() -> migrate(upgraded, ContactDetailsSteps.with(otherIndexKey)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ZHENGWU_INDEX_KEY")
                .hasMessageContaining("mobile number would no longer find it");

        assertThat(rows(upgraded, CIPHERS)).isEqualTo(before);
    }

    @Test
    void anAccountWithAClearMobileSignsInByItOnTheUpgradedPlatform(@TempDir Path dataDir) throws Exception {
        DataSource upgraded = baseline();
        clearContactDetails(upgraded, 2);
        String url;
        try (Connection connection = upgraded.getConnection()) {
            url = connection.getMetaData().getURL();
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("ZHENGWU_DB_URL", url);
        settings.put("ZHENGWU_DB_USER", "postgres");
        settings.put("zhengwu.crypto.key-dir", dataDir.resolve("keys").toString());
        settings.put("zhengwu.crypto.field-key", Base64.getEncoder().encodeToString(bytes(16, 1)));
        settings.put("zhengwu.crypto.index-key", Base64.getEncoder().encodeToString(bytes(32, 2)));
        settings.put("zhengwu.demo-data.enabled", "false");

        try (ConfigurableApplicationContext platform = start(settings)) {
            TestBrowser browser = new TestBrowser(
                    ((WebServerApplicationContext) platform).getWebServer().getPort());
            assertThat(browser.signIn(mobile(2), UPGRADED_PASSWORD).location()).endsWith("/account");
            TestBrowser.Page own = browser.get("/account");
            assertThat(own.html().selectFirst("[data-testid=own-mobile]").text())
                    .isEqualTo(mobile(2));
            assertThat(own.html().selectFirst("[data-testid=own-email]").text()).isEqualTo(email(2));
        }
        JdbcClient jdbc = JdbcClient.create(upgraded);
        assertThat(count(jdbc, "SELECT count(*) FROM identity_account WHERE mobile IS NOT NULL OR email IS NOT NULL"))
                .isZero();
        assertThat(count(jdbc, "SELECT count(*) FROM identity_notification_outbox WHERE recipient IS NOT NULL"))
                .isZero();
        assertThat(ClearValues.columnsHolding(jdbc, mobile(2))).isEmpty();
        assertThat(ClearValues.columnsHolding(jdbc, email(2))).isEmpty();

        // With another field key the platform does not start, and the reason names the key.
        settings.put("zhengwu.crypto.field-key", Base64.getEncoder().encodeToString(bytes(16, 9)));
        Throwable refused = catchThrowable(() -> start(settings).close());
        assertThat(refused).isNotNull();
        assertThat(rootCause(refused))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ZHENGWU_FIELD_KEY");
    }

    /** Starts the platform on a database of its own, as a node of the upgraded installation. */
    private static ConfigurableApplicationContext start(Map<String, String> settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0"));
        settings.forEach((property, value) -> args.add("--" + property + "=" + value));
        return new SpringApplicationBuilder(ZhengwuApplication.class).run(args.toArray(String[]::new));
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Test
    void theCombinedHistoryIsSplitByModuleWithItsChecksums() throws Exception {
        DataSource upgraded = baseline();
        JdbcClient jdbc = JdbcClient.create(upgraded);
        Map<String, Integer> checksums = Map.of(
                "shared", checksum(jdbc, "shared/V10__audit_retention_mark.sql"),
                "identity", checksum(jdbc, "identity/V12__token_lookups.sql"));

        migrate(upgraded);

        assertThat(jdbc.sql("SELECT to_regclass('flyway_schema_history') IS NULL")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql("""
                        SELECT installed_rank, version, script FROM flyway_schema_history_shared
                        WHERE installed_rank <= 4 ORDER BY installed_rank""")
                        .query((rs, n) -> rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3))
                        .list())
                .containsExactly(
                        "1 1 V1__event_publication_registry.sql",
                        "2 3 V3__once_tasks.sql",
                        "3 7 V7__accountability_log.sql",
                        "4 10 V10__audit_retention_mark.sql");
        assertThat(jdbc.sql("SELECT checksum FROM flyway_schema_history_shared WHERE version = '10'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(checksums.get("shared"));
        assertThat(jdbc.sql("SELECT checksum FROM flyway_schema_history_identity WHERE version = '12'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(checksums.get("identity"));
        assertThat(jdbc.sql("SELECT version FROM flyway_schema_history_basedata ORDER BY installed_rank")
                        .query(String.class)
                        .list())
                .startsWith("2", "9");
        assertThat(jdbc.sql("SELECT version FROM flyway_schema_history_catalog ORDER BY installed_rank")
                        .query(String.class)
                        .list())
                .startsWith("5", "6", "11");
        assertThat(jdbc.sql("SELECT to_regclass('flyway_schema_history_portal') IS NULL")
                        .query(Boolean.class)
                        .single())
                .as("a module without scripts gets no history")
                .isTrue();
    }

    @Test
    void migratingAnUpToDateDatabaseAgainValidatesAndChangesNothing() throws Exception {
        DataSource upgraded = baseline();
        migrate(upgraded);
        List<String> schema = schema(upgraded);
        String history = "SELECT installed_rank, version, checksum FROM flyway_schema_history_identity ORDER BY 1";
        List<Map<String, Object>> identityHistory = rows(upgraded, history);

        migrate(upgraded);

        assertThat(schema(upgraded)).isEqualTo(schema);
        assertThat(rows(upgraded, history)).isEqualTo(identityHistory);
    }

    @Test
    void aHistoryThatCannotBePlacedStopsTheUpgradeBeforeAnythingChanges() throws Exception {
        DataSource unknownFolder = baseline();
        JdbcClient jdbc = JdbcClient.create(unknownFolder);
        jdbc.sql("UPDATE flyway_schema_history SET script = 'nowhere/V12__token_lookups.sql' WHERE version = '12'")
                .update();
        assertThatThrownBy(() -> migrate(unknownFolder))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nowhere/V12__token_lookups.sql")
                .hasMessageContaining("belongs to no module");
        assertThat(count(jdbc, "SELECT count(*) FROM flyway_schema_history")).isEqualTo(12);
        assertThat(jdbc.sql("SELECT to_regclass('flyway_schema_history_shared') IS NULL")
                        .query(Boolean.class)
                        .single())
                .isTrue();

        DataSource failed = baseline();
        JdbcClient failedJdbc = JdbcClient.create(failed);
        failedJdbc
                .sql("UPDATE flyway_schema_history SET success = FALSE WHERE version = '11'")
                .update();
        assertThatThrownBy(() -> migrate(failed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("catalog/V11__entries_without_versions.sql failed in an earlier start");
        assertThat(count(failedJdbc, "SELECT count(*) FROM flyway_schema_history"))
                .isEqualTo(12);
    }

    /** Migrates as the application does: {@code spring.flyway.*} of application.yml, then {@link ModuleMigrations}. */
    static void migrate(DataSource database) {
        migrate(database, List.of());
    }

    /** Migrates as the application does, followed by the given steps. */
    static void migrate(DataSource database, List<AfterMigration> steps) {
        Flyway flyway = Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .validateMigrationNaming(true)
                .load();
        new ModuleMigrations(
                        MODULES,
                        new HasMigrationFiles(new PathMatchingResourcePatternResolver()),
                        null,
                        () -> steps,
                        List::of)
                .migrate(flyway);
    }

    /** A new database loaded with the dump of commit 5d81b5e's database. */
    static DataSource baseline() throws IOException, SQLException {
        DataSource database = newDatabase();
        String dump;
        try (InputStream in = new ClassPathResource(BASELINE).getInputStream()) {
            dump = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // One statement string: the driver splits it, and knows dollar quoting. The dump empties the search path
        // of the connection it runs on, so it gets a connection of its own.
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(dump);
        }
        return database;
    }

    static DataSource newDatabase() throws SQLException {
        String name = "upgrade_" + databases.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            // The name is made above from a counter.
            statement.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        }
        return postgres.getDatabase("postgres", name);
    }

    /**
     * The schema as one sorted line per table, column, constraint, index, trigger, function, sequence and view, in
     * PostgreSQL's own normalised wording. One allowance: the dump was written by PostgreSQL 15's pg_dump, and
     * PostgreSQL 17 re-reads its wording of {@code varchar_column IN ('A', 'B')} with the casts in other places than it
     * puts them itself ({@code ANY ((ARRAY['A'::varchar])::text[])} against {@code ANY (ARRAY[('A'::varchar)::text])}),
     * so constraint and index expressions are compared without casts to text and varchar and without parentheses.
     */
    static List<String> schema(DataSource database) {
        return JdbcClient.create(database).sql("""
                SELECT 'table ' || c.relname || ' ' || c.relkind::text || c.relpersistence::text
                FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm')
                UNION ALL
                SELECT 'column ' || table_name || '.' || column_name || ' ' || udt_name
                       || coalesce('(' || character_maximum_length || ')', '')
                       || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END
                       || coalesce(' default ' || column_default, '')
                       || coalesce(' identity ' || identity_generation, '')
                       || coalesce(' generated ' || generation_expression, '')
                       || coalesce(' collate ' || collation_name, '')
                FROM information_schema.columns WHERE table_schema = 'public'
                UNION ALL
                SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                       || CASE WHEN convalidated THEN '' ELSE ' not valid' END
                FROM pg_constraint WHERE connamespace = 'public'::regnamespace
                UNION ALL
                SELECT 'index ' || tablename || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
                UNION ALL
                SELECT 'trigger ' || tgrelid::regclass || ' ' || pg_get_triggerdef(oid)
                       || CASE tgenabled WHEN 'O' THEN '' ELSE ' enabled ' || tgenabled::text END
                FROM pg_trigger WHERE NOT tgisinternal
                UNION ALL
                SELECT 'function ' || proname || ' ' || pg_get_functiondef(oid)
                FROM pg_proc WHERE pronamespace = 'public'::regnamespace
                UNION ALL
                SELECT 'sequence ' || sequencename || ' ' || data_type || ' ' || start_value || ' ' || increment_by
                       || ' ' || min_value || ' ' || max_value || ' ' || cache_size || ' ' || cycle
                FROM pg_sequences WHERE schemaname = 'public'
                UNION ALL
                SELECT 'view ' || viewname || ' ' || definition FROM pg_views WHERE schemaname = 'public'
                ORDER BY 1""").query(String.class).list().stream()
                .map(line -> line.startsWith("constraint ") || line.startsWith("index ")
                        ? line.replaceAll("::(character varying|text)(\\[])?", "")
                                .replaceAll("[()]", "")
                        : line)
                .toList();
    }

    static List<Map<String, Object>> rows(DataSource database, String sql) {
        return JdbcClient.create(database).sql(sql).query().listOfRows();
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static int checksum(JdbcClient jdbc, String script) {
        return jdbc.sql("SELECT checksum FROM flyway_schema_history WHERE script = :script")
                .param("script", script)
                .query(Integer.class)
                .single();
    }
}
