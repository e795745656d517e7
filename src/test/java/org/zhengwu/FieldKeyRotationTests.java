package org.zhengwu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.basedata.PersonDraft;
import org.zhengwu.basedata.PersonRecord;
import org.zhengwu.basedata.Population;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.account.Account;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.AccountRepository;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.identity.account.ContactDetails;
import org.zhengwu.shared.crypto.FieldKeyRotation;
import org.zhengwu.shared.crypto.PlatformKeys;
import org.zhengwu.shared.crypto.SealedColumn;
import org.zhengwu.shared.crypto.TestKeys;
import org.zhengwu.shared.crypto.UnknownFieldKeyException;
import org.zhengwu.support.ClearValues;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestPeople;

/**
 * Rotating the SM4 field key on one database, node start after node start, as docs/DEPLOYMENT.md tells an operator:
 * records made under key A through the platform's own paths; the platform started with key B and A as a previous key
 * reads them all; the re-encryption seals every value of every module under B (the stored bytes name B), audited with
 * its counts; started with B alone it still reads everything; a value under a key nobody configured is refused as
 * such, and a start without the database's key says which key is missing.
 */
class FieldKeyRotationTests {

    private static final String KEY_A = key(16, 0x0A);
    private static final String KEY_B = key(16, 0x0B);
    private static final String KEY_C = key(16, 0x0C);
    private static final String INDEX_KEY = key(32, 0x1D);

    static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void theFieldKeyIsRotatedAndEveryValueSealedAgainUnderTheNewOne(@TempDir Path dataDir) throws Exception {
        DataSource database = postgres.getPostgresDatabase();
        JdbcClient jdbc = JdbcClient.create(database);
        String url;
        try (Connection connection = database.getConnection()) {
            url = connection.getMetaData().getURL();
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("ZHENGWU_DB_URL", url);
        settings.put("ZHENGWU_DB_USER", "postgres");
        settings.put("zhengwu.crypto.key-dir", dataDir.resolve("keys").toString());
        settings.put("zhengwu.crypto.index-key", INDEX_KEY);
        settings.put("zhengwu.crypto.field-key", KEY_A);
        String idA = PlatformKeys.fieldKeyId(KEY_A);
        String idB = PlatformKeys.fieldKeyId(KEY_B);

        // Key A: a citizen registers (identity number, mobile, e-mail), a person is put in the population library.
        String username = "rotation" + System.nanoTime() % 1_000_000;
        String idNumber = TestPeople.newIdNumber();
        String mobile = TestPeople.newMobile();
        String personNumber = TestPeople.newIdNumber();
        List<SealedColumn> columns;
        try (ConfigurableApplicationContext platform = start(settings)) {
            platform.getBean(CitizenAccounts.class)
                    .register(new CitizenAccounts.Registration(
                            username,
                            "轮换测试",
                            idNumber,
                            mobile,
                            username + "@example.cn",
                            TestPeople.PASSWORD,
                            TestPeople.PASSWORD));
            platform.getBean(Population.class)
                    .save(new PersonDraft(personNumber, "密钥轮换", null, null, "340104", "合肥市蜀山区测试路1号", false));
            columns = platform.getBean(FieldKeyRotation.class).columns();
            assertThat(platform.getBean(FieldKeyRotation.class).census())
                    .allSatisfy(c -> assertThat(c.census().keySet()).isSubsetOf(idA));
        }
        // Nowhere in clear: every column of every table searched.
        for (String value : List.of(idNumber, mobile, personNumber, "密钥轮换", "合肥市蜀山区测试路1号")) {
            assertThat(ClearValues.columnsHolding(jdbc, value)).as(value).isEmpty();
        }
        assertThat(columns)
                .extracting(SealedColumn::name)
                .contains(
                        "identity_account.id_number_cipher",
                        "identity_account.mobile_cipher",
                        "basedata_person.id_number_sealed",
                        "basedata_legal_entity.representative_id_sealed",
                        "cases_case.applicant_id_number",
                        "cases_case.applicant_mobile",
                        "licence_licence.holder_code",
                        "exchange_change.payload");
        assertThat(keyIdOf(jdbc, "identity_account", "id_number_cipher", "username", username))
                .isEqualTo(idA);
        long sealedValues = countSealed(jdbc, columns);
        assertThat(sealedValues)
                .as("the demo province's sealed values and ours")
                .isGreaterThan(10);

        // Key B, with A previous: everything still reads; new values go under B.
        settings.put("zhengwu.crypto.field-key", KEY_B);
        settings.put("zhengwu.crypto.field-key-previous", KEY_A);
        try (ConfigurableApplicationContext platform = start(settings)) {
            assertReadable(platform, username, idNumber, mobile, personNumber);
            FieldKeyRotation rotation = platform.getBean(FieldKeyRotation.class);
            long underA = rotation.census().stream()
                    .mapToLong(c -> c.census().getOrDefault(idA, 0L))
                    .sum();
            assertThat(underA).isEqualTo(sealedValues);

            // While another node runs it (holds its lock), a run here is refused, and the refusal audited.
            try (Connection otherNode = database.getConnection();
                    PreparedStatement lock = otherNode.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, FieldKeyRotation.LOCK);
                lock.execute();
                assertThatThrownBy(() -> rotation.run("other-admin"))
                        .isInstanceOf(FieldKeyRotation.AlreadyRunningException.class);
            }

            // The 安全管理员's page names the keys and starts the re-encryption.
            TestBrowser browser = new TestBrowser(
                    ((WebServerApplicationContext) platform).getWebServer().getPort());
            String admin = browser.signInNewStaff(platform.getBean(StaffAccounts.class), null, "SECURITY_ADMIN");
            TestBrowser.Page page = browser.get("/admin/keys");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.html().selectFirst("[data-testid=current-key]").text())
                    .isEqualTo(idB);
            assertThat(page.html().selectFirst("[data-testid=previous-keys]").text())
                    .isEqualTo(idA);
            TestBrowser.Page started = browser.post("/admin/keys/reseal", Map.of("_csrf", TestBrowser.csrf(page)));
            assertThat(started.status()).isEqualTo(302);
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> rotation.runningHere().isEmpty()
                            && rotation.lastReport()
                                    .map(r -> r.finished() != null)
                                    .orElse(false));
            FieldKeyRotation.Report report = rotation.lastReport().orElseThrow();
            assertThat(report.actor()).isEqualTo(admin);
            assertThat(report.error()).isNull();
            assertThat(report.failed()).isZero();
            assertThat(report.left()).isZero();
            assertThat(report.complete()).isTrue();
            assertThat(report.resealed()).isEqualTo(underA);
            TestBrowser.Page after = browser.get("/admin/keys");
            assertThat(after.html().selectFirst("[data-testid=last-complete]")).isNotNull();
            assertThat(after.html().selectFirst("[data-testid=last-resealed]").text())
                    .isEqualTo(String.valueOf(underA));

            // Every stored value names B.
            assertThat(rotation.census())
                    .allSatisfy(c -> assertThat(c.census().keySet()).isSubsetOf(idB));
            assertThat(keyIdOf(jdbc, "identity_account", "id_number_cipher", "username", username))
                    .isEqualTo(idB);
            assertThat(keyIdOf(jdbc, "identity_account", "mobile_cipher", "username", username))
                    .isEqualTo(idB);
            for (SealedColumn column : columns) {
                assertThat(jdbc.sql("SELECT count(*) FROM " + column.table() + " WHERE " + column.column()
                                        + " IS NOT NULL AND substring(" + column.column() + " from 1 for 6) <> :header")
                                .param(
                                        "header",
                                        platform.getBean(PlatformKeys.class).currentFieldKeyHeader())
                                .query(Long.class)
                                .single())
                        .as(column.name())
                        .isZero();
            }
            // Written to the accountability log, with its counts.
            List<String> audited = jdbc.sql("""
                            SELECT actor || ' ' || action || ' ' || outcome || ' ' || coalesce(details, '')
                            FROM shared_audit_entry WHERE action LIKE 'crypto.field-key.reseal%' ORDER BY seq""").query(String.class).list();
            assertThat(audited.get(0))
                    .isEqualTo("other-admin crypto.field-key.reseal FAILURE"
                            + " not started: a re-encryption is running on another node");
            assertThat(audited.get(1)).startsWith(admin + " crypto.field-key.reseal.start SUCCESS");
            assertThat(audited)
                    .anySatisfy(line -> assertThat(line)
                            .startsWith(admin + " crypto.field-key.reseal.module SUCCESS identity: ")
                            .contains("identity_account.id_number_cipher "));
            assertThat(audited.get(audited.size() - 1))
                    .startsWith(admin + " crypto.field-key.reseal SUCCESS")
                    .contains(underA + " values sealed again")
                    .contains("0 could not be opened, 0 left under other keys");

            // Run again: nothing left to do.
            FieldKeyRotation.Report again = rotation.run(admin);
            assertThat(again.resealed()).isZero();
            assertThat(again.complete()).isTrue();
            assertReadable(platform, username, idNumber, mobile, personNumber);
        }

        // Key A retired: B alone reads everything.
        settings.remove("zhengwu.crypto.field-key-previous");
        try (ConfigurableApplicationContext platform = start(settings)) {
            assertReadable(platform, username, idNumber, mobile, personNumber);
            // A value under a key nobody configured is refused as such, naming the key, never read as other text.
            PlatformKeys keyC = TestKeys.of(
                    Base64.getDecoder().decode(KEY_C), Base64.getDecoder().decode(INDEX_KEY), dataDir.resolve("c"));
            jdbc.sql("UPDATE basedata_person SET address_sealed = :sealed WHERE id_number_sealed IS NOT NULL"
                            + " AND record_id = :record")
                    .param("sealed", keyC.encrypt("别处的地址", "basedata_person.address"))
                    .param(
                            "record",
                            platform.getBean(Population.class)
                                    .find(personNumber)
                                    .orElseThrow()
                                    .recordId())
                    .update();
            assertThatThrownBy(() -> platform.getBean(Population.class).find(personNumber))
                    .isInstanceOf(UnknownFieldKeyException.class)
                    .hasMessageContaining("sealed under field key " + PlatformKeys.fieldKeyId(KEY_C))
                    .hasMessageContaining("ZHENGWU_FIELD_KEY_PREVIOUS");
        }

        // A start without the database's key (C instead of B) is refused, naming the key it lacks.
        settings.put("zhengwu.crypto.field-key", KEY_C);
        Throwable refused = catchThrowable(() -> start(settings).close());
        assertThat(rootCause(refused))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sealed under field key " + idB)
                .hasMessageContaining("ZHENGWU_FIELD_KEY_PREVIOUS")
                .hasMessageNotContaining(idNumber);
        // A previous key that is not one stops the start, saying which.
        settings.put("zhengwu.crypto.field-key", KEY_B);
        settings.put("zhengwu.crypto.field-key-previous", KEY_A + ",AAEC");
        assertThat(rootCause(catchThrowable(() -> start(settings).close())))
                .hasMessageContaining("key 2 of ZHENGWU_FIELD_KEY_PREVIOUS must be 16 bytes in base64: 3 bytes");
    }

    private static void assertReadable(
            ConfigurableApplicationContext platform,
            String username,
            String idNumber,
            String mobile,
            String personNumber) {
        Account account = platform.getBean(AccountRepository.class)
                .findByUsername(username)
                .orElseThrow();
        assertThat(platform.getBean(AccountDirectory.class).decryptIdNumber(account.idNumberCipher()))
                .isEqualTo(idNumber);
        assertThat(platform.getBean(ContactDetails.class).mobile(account)).isEqualTo(mobile);
        assertThat(platform.getBean(ContactDetails.class).email(account)).isEqualTo(username + "@example.cn");
        assertThat(platform.getBean(AccountDirectory.class).find(mobile))
                .map(Account::username)
                .contains(username);
        PersonRecord person =
                platform.getBean(Population.class).find(personNumber).orElseThrow();
        assertThat(person.name()).isEqualTo("密钥轮换");
        assertThat(person.address()).isEqualTo("合肥市蜀山区测试路1号");
        assertThat(person.birthDate())
                .isEqualTo(LocalDate.parse(
                        personNumber.substring(6, 14), java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
    }

    private static String keyIdOf(JdbcClient jdbc, String table, String column, String keyColumn, String key) {
        // Names are constants of this class.
        byte[] sealed = jdbc.sql("SELECT " + column + " FROM " + table + " WHERE " + keyColumn + " = :key")
                .param("key", key)
                .query(byte[].class)
                .single();
        return PlatformKeys.fieldKeyIdOf(sealed);
    }

    private static long countSealed(JdbcClient jdbc, List<SealedColumn> columns) {
        long count = 0;
        for (SealedColumn column : columns) {
            // Names declared by the modules, checked to be plain identifiers.
            count += jdbc.sql("SELECT count(*) FROM " + column.table() + " WHERE " + column.column() + " IS NOT NULL")
                    .query(Long.class)
                    .single();
        }
        return count;
    }

    private static ConfigurableApplicationContext start(Map<String, String> settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0"));
        settings.forEach((property, value) -> args.add("--" + property + "=" + value));
        return new SpringApplicationBuilder(ZhengwuApplication.class).run(args.toArray(String[]::new));
    }

    private static Throwable rootCause(Throwable failure) {
        assertThat(failure).as("the start was refused").isNotNull();
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String key(int length, int fill) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) fill);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
