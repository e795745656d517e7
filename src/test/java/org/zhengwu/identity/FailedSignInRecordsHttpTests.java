package org.zhengwu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.identity.account.SignInAttempts;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEntry;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * A failed sign-in keeps nothing of what was typed: not an identity number typed as the name, not a password typed
 * into the name field — neither in the accountability log nor in any table of identity. The log names the account
 * when the name found one, and otherwise only the blind index of the name.
 */
@ZhengwuTest
class FailedSignInRecordsHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountabilityLog log;

    @Autowired
    SignInAttempts attempts;

    @Test
    void neitherAnIdentityNumberNorAPasswordTypedAsTheNameIsKeptAnywhere() {
        TestPeople.Citizen citizen = TestPeople.register(citizens, "失败记录");
        String unregisteredNumber = TestPeople.newIdNumber();
        String passwordInTheNameField = "Mistyped-Secret-" + citizen.mobile().substring(5);
        String passwordTyped = "Wrong-Secret-" + citizen.mobile().substring(5);
        TestBrowser browser = new TestBrowser(port, "198.51.100.201");
        long before = lastSeq();

        assertThat(browser.signIn(unregisteredNumber, passwordTyped).location()).endsWith("/login?error");
        assertThat(browser.signIn(passwordInTheNameField, passwordTyped).location())
                .endsWith("/login?error");
        assertThat(browser.signIn(citizen.idNumber().toLowerCase(Locale.ROOT), passwordTyped)
                        .location())
                .endsWith("/login?error");

        for (String typed : List.of(unregisteredNumber, passwordInTheNameField, citizen.idNumber(), passwordTyped)) {
            assertThat(auditEntriesHolding(typed))
                    .as("log entries holding %s", typed)
                    .isZero();
            assertThat(identityRowsHolding(typed))
                    .as("identity rows holding %s", typed)
                    .isEmpty();
        }

        List<AuditEntry> failures =
                log
                        .search(new AccountabilityLog.Query(null, null, null, "identity.sign-in", null, null), 20, 0)
                        .stream()
                        .filter(e -> e.seq() > before)
                        .toList();
        assertThat(failures).hasSize(3).allMatch(e -> e.outcome().name().equals("FAILURE"));
        // The number of an account is logged as that account; the others only by a fingerprint of the name.
        assertThat(failures)
                .filteredOn(e -> "account".equals(e.objectType()))
                .extracting(AuditEntry::objectId)
                .containsExactly(citizen.username());
        assertThat(failures)
                .filteredOn(e -> "sign-in-name".equals(e.objectType()))
                .extracting(AuditEntry::objectId)
                .allMatch(id -> id.matches("unknown:[0-9a-f]{16}"))
                .containsExactlyInAnyOrder(
                        attempts.unknownName(unregisteredNumber), attempts.unknownName(passwordInTheNameField));
        // The same name typed again is recognisable as the same name.
        browser.signIn(unregisteredNumber, passwordTyped);
        assertThat(log.search(new AccountabilityLog.Query(null, null, null, "identity.sign-in", null, null), 1, 0)
                        .get(0)
                        .objectId())
                .isEqualTo(attempts.unknownName(unregisteredNumber));
    }

    private long lastSeq() {
        return jdbc.sql("SELECT coalesce(max(seq), 0) FROM shared_audit_entry")
                .query(Long.class)
                .single();
    }

    private long auditEntriesHolding(String text) {
        return jdbc.sql("SELECT count(*) FROM shared_audit_entry e WHERE strpos(lower(e::text), lower(:text)) > 0")
                .param("text", text)
                .query(Long.class)
                .single();
    }

    /** Every identity table whose rows, read as text, hold the text (names from the catalogue, checked). */
    private List<String> identityRowsHolding(String text) {
        List<String> tables = jdbc.sql("""
                        SELECT table_name FROM information_schema.tables
                        WHERE table_schema = current_schema() AND table_name LIKE 'identity\\_%'
                          AND table_type = 'BASE TABLE'""").query(String.class).list();
        List<String> holding = new ArrayList<>();
        for (String table : tables) {
            assertThat(table).matches("identity_[a-z_]+");
            long rows = jdbc.sql("SELECT count(*) FROM " + table + " t WHERE strpos(lower(t::text), lower(:text)) > 0")
                    .param("text", text)
                    .query(Long.class)
                    .single();
            if (rows > 0) {
                holding.add(table);
            }
        }
        return holding;
    }
}
