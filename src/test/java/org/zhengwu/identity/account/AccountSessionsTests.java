package org.zhengwu.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.catalog.CatalogAccess;
import org.zhengwu.identity.IdentityAccess;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.account.AccountSessions.Ending;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * The session rows behind every sign-in, without a browser: the limits per kind of account (the newest sign-ins kept,
 * a sign-in still waiting for its second factor counting for nothing), a withdrawal ending all but the session that
 * made it, the retention job, and what the check of every signed-in request costs.
 */
@ZhengwuTest
class AccountSessionsTests {

    private static final Logger LOG = LoggerFactory.getLogger(AccountSessionsTests.class);

    @Autowired
    AccountSessions sessions;

    @Autowired
    StaffAccounts staff;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    AccountRepository accounts;

    @Autowired
    AccountRecordsRetention retention;

    @Autowired
    JdbcClient jdbc;

    @Test
    void staffOtherThanAdministratorsKeepTheirThreeNewestSessions() {
        Account clerk = newStaff(CatalogAccess.CATALOG_EDITOR);
        assertThat(sessions.limit(clerk)).isEqualTo(3);
        long waiting = sessions.begin(clerk, false);
        List<Long> complete = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            complete.add(sessions.begin(clerk, true));
        }
        assertThat(complete.stream().map(sessions::ending).toList())
                .containsExactly(Optional.of(Ending.REPLACED), Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(sessions.ending(waiting))
                .as("a sign-in waiting for its second factor is neither counted nor ended")
                .isEmpty();
    }

    @Test
    void administratorsKeepOneAndCitizensAreNotLimited() {
        Account administrator = newStaff(IdentityAccess.ADMIN);
        assertThat(sessions.limit(administrator)).isEqualTo(1);
        long older = sessions.begin(administrator, true);
        long newer = sessions.begin(administrator, true);
        assertThat(sessions.ending(older)).contains(Ending.REPLACED);
        assertThat(sessions.ending(newer)).isEmpty();

        Account citizen = accounts.findByUsername(
                        TestPeople.register(citizens, "不限会话").username())
                .orElseThrow();
        assertThat(sessions.limit(citizen)).isZero();
        long[] many = new long[6];
        Arrays.setAll(many, i -> sessions.begin(citizen, true));
        assertThat(Arrays.stream(many).mapToObj(sessions::ending))
                .allSatisfy(ending -> assertThat(ending).isEmpty());
    }

    @Test
    void endingAllSessionsKeepsOnlyTheOneNamedAndTouchesNoOtherAccount() {
        Account clerk = newStaff(CatalogAccess.CATALOG_EDITOR);
        Account colleague = newStaff(CatalogAccess.CATALOG_EDITOR);
        long kept = sessions.begin(clerk, true);
        long ended = sessions.begin(clerk, true);
        long waiting = sessions.begin(clerk, false);
        long colleagues = sessions.begin(colleague, true);

        assertThat(sessions.endAll(clerk.id(), kept, java.time.Instant.now())).isEqualTo(2);

        assertThat(sessions.ending(kept)).isEmpty();
        assertThat(sessions.ending(ended)).contains(Ending.WITHDRAWN);
        assertThat(sessions.ending(waiting)).contains(Ending.WITHDRAWN);
        assertThat(sessions.ending(colleagues)).isEmpty();
    }

    @Test
    void aRowPastItsLifetimeIsRemovedAndItsSessionCountsAsExpired() {
        Account clerk = newStaff(CatalogAccess.CATALOG_EDITOR);
        long old = sessions.begin(clerk, true);
        long live = sessions.begin(clerk, true);
        jdbc.sql("UPDATE identity_session SET expires_at = CURRENT_TIMESTAMP - INTERVAL '1 minute' WHERE id = :id")
                .param("id", old)
                .update();

        assertThat(retention.removeExpired().sessions()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("SELECT count(*) FROM identity_session WHERE id IN (:ids)")
                        .param("ids", List.of(old, live))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(sessions.ending(old)).contains(Ending.EXPIRED);
        assertThat(sessions.ending(live)).isEmpty();
    }

    /**
     * Every request of a signed-in session asks its row once. Measured here over the real pool and database; the
     * figures are in docs/BENCHMARKS.md. The bound only catches a check gone badly wrong (a scan, a lock, a second
     * round trip per request on a loaded machine would still pass it; a check of tens of milliseconds would not).
     */
    @Test
    void theCheckOfASignedInRequestIsOneQuickLookup() {
        Account citizen = accounts.findByUsername(
                        TestPeople.register(citizens, "会话检查").username())
                .orElseThrow();
        long id = sessions.begin(citizen, true);
        for (int i = 0; i < 500; i++) {
            sessions.ending(id);
        }
        int rounds = 5_000;
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            assertThat(sessions.ending(id)).isEmpty();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        long median = nanos[rounds / 2];
        long p99 = nanos[rounds * 99 / 100];
        LOG.info("Session check: median {} µs, p99 {} µs over {} checks", median / 1000, p99 / 1000, rounds);
        assertThat(median).as("median nanoseconds of one check").isLessThan(5_000_000L);
    }

    private Account newStaff(String... roles) {
        String username = "sessions-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(username, "会话测试", TestBrowser.STAFF_PASSWORD, null, Set.of(roles), "test");
        return accounts.findByUsername(username).orElseThrow();
    }
}
