package org.zhengwu.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengwu.catalog.CatalogAccess;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.account.AccountSessions;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * The servlet sessions live in PostgreSQL (Spring Session JDBC, identity migration V40): what a sign-in leaves in its
 * session is written there serialised and read back whole — the half-signed-in staff token, then the complete one with
 * both factors, the identity_session row's id —, under the cookie ZHENGWU_SESSION, with the idle timeouts of each kind
 * of account; and what the store adds to a signed-in request (one read of the session with its attributes, one write
 * of its last access), measured.
 */
@ZhengwuTest
class HttpSessionStoreTests {

    private static final Logger LOG = LoggerFactory.getLogger(HttpSessionStoreTests.class);

    @LocalServerPort
    int port;

    @Autowired
    FindByIndexNameSessionRepository<? extends Session> store;

    @Autowired
    StaffAccounts staff;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aStaffSignInIsKeptInTheStoreAtEachStep() {
        String username = "store-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(username, "会话存储", TestBrowser.STAFF_PASSWORD, null, Set.of(CatalogAccess.CATALOG_EDITOR), "test");
        TestBrowser browser = new TestBrowser(port);
        browser.signIn(username, TestBrowser.STAFF_PASSWORD);
        assertThat(browser.cookie("ZHENGWU_SESSION")).isNotNull();

        Session halfway = only(username);
        assertThat(authentication(halfway)).isInstanceOf(SecondFactorPending.class);
        assertThat((Object) halfway.getAttribute(AccountSessions.ATTRIBUTE)).isInstanceOf(Long.class);

        assertThat(browser.enrolAuthenticator(username).status()).isEqualTo(302);
        Session complete = only(username);
        assertThat(complete.getId()).as("a new session id once signed in").isNotEqualTo(halfway.getId());
        assertThat(authentication(complete)).isNotInstanceOf(SecondFactorPending.class);
        assertThat(authentication(complete).getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .contains("FACTOR_PASSWORD", "FACTOR_TOTP");
        assertThat(complete.getMaxInactiveInterval().toMinutes()).isEqualTo(30);
        assertThat((Object) complete.getAttribute(AccountSessions.ATTRIBUTE))
                .isEqualTo(halfway.getAttribute(AccountSessions.ATTRIBUTE));
        assertThat(browser.get("/account").status()).isEqualTo(200);

        browser.post("/logout", Map.of("_csrf", TestBrowser.csrf(browser.get("/account"))));
        assertThat(store.findByPrincipalName(username))
                .as("signed out: the session is gone")
                .isEmpty();
    }

    @Test
    void anAnonymousSessionHasTheIdleTimeoutOfTheConfiguration() {
        TestBrowser browser = new TestBrowser(port);
        browser.get("/login");
        String cookie = browser.cookie("ZHENGWU_SESSION");
        assertThat(cookie).as("the sign-in page's CSRF token needs a session").isNotNull();
        String id = new String(java.util.Base64.getDecoder().decode(cookie), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(jdbc.sql("SELECT max_inactive_interval FROM identity_http_session WHERE session_id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2 * 60 * 60);
    }

    /**
     * The store's own writes of a session (a new one, its last access) switch synchronous commit off for their
     * transaction when they write a row, and for that transaction only: the setting is back once it ends. (The tests' throw-away database has it off for
     * everything, so each transaction here first turns it on, as in production.)
     */
    @Test
    void theStoresWritesDoNotWaitForTheDiskAndNothingElseChanges() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        for (String statement : List.of(HttpSessionStore.CREATE_SESSION, HttpSessionStore.UPDATE_SESSION)) {
            String sql = statement.replace("%TABLE_NAME%", "identity_http_session");
            String during = transaction.execute(status -> {
                String id = UUID.randomUUID().toString();
                if (statement == HttpSessionStore.UPDATE_SESSION) {
                    // The session it writes: the statement switches the setting when it writes a row.
                    jdbc.sql("""
                                    INSERT INTO identity_http_session (primary_id, session_id, creation_time,
                                        last_access_time, max_inactive_interval, expiry_time)
                                    VALUES (:id, :id, 0, 0, 60, 60000)""").param("id", id).update();
                }
                jdbc.sql("SET LOCAL synchronous_commit TO on").update();
                int rows = statement == HttpSessionStore.CREATE_SESSION
                        ? jdbc.sql(sql)
                                .params(id, id, 0L, 0L, 60, 60_000L, "store-test")
                                .update()
                        : jdbc.sql(sql)
                                .params(id, 1L, 60, 60_001L, "store-test", id)
                                .update();
                assertThat(rows).isEqualTo(1);
                String setting =
                        jdbc.sql("SHOW synchronous_commit").query(String.class).single();
                status.setRollbackOnly();
                return setting;
            });
            assertThat(during).as(statement).isEqualTo("off");
            String after = transaction.execute(status -> {
                jdbc.sql("SET LOCAL synchronous_commit TO on").update();
                return jdbc.sql("SHOW synchronous_commit").query(String.class).single();
            });
            assertThat(after).as("the next transaction").isEqualTo("on");
        }
    }

    /**
     * A session whose security context cannot be read back (written by a release whose classes changed, or damaged)
     * is not signed in: its holder is sent to the sign-in page, not shown an error at every request.
     */
    @Test
    void aSessionThatCannotBeReadBackIsSignedOutNotBroken() {
        TestPeople.Citizen citizen = TestPeople.register(citizens, "会话损坏");
        TestBrowser browser = new TestBrowser(port);
        browser.signIn(citizen.username(), TestPeople.PASSWORD);
        assertThat(browser.get("/account").status()).isEqualTo(200);
        int damaged = jdbc.sql("""
                        UPDATE identity_http_session_attributes SET attribute_bytes = '\\xaced0005deadbeef'::bytea
                        WHERE attribute_name = :name AND session_primary_id =
                            (SELECT primary_id FROM identity_http_session WHERE principal_name = :username)""")
                .param("name", HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                .param("username", citizen.username())
                .update();
        assertThat(damaged).isEqualTo(1);

        TestBrowser.Page account = browser.get("/account");
        assertThat(account.status()).isEqualTo(302);
        assertThat(account.location()).endsWith("/login");
    }

    /**
     * What a signed-in request costs the store, timed one by one over the real connection pool, as the session
     * filter does it: the session read by its id with its attributes, the security context deserialised, the last
     * access written back.
     */
    @Test
    void whatTheStoreAddsToASignedInRequest() {
        TestPeople.Citizen citizen = TestPeople.register(citizens, "会话存储");
        TestBrowser browser = new TestBrowser(port);
        browser.signIn(citizen.username(), TestPeople.PASSWORD);
        String id = only(citizen.username()).getId();
        long bytes = jdbc.sql("""
                        SELECT sum(octet_length(a.attribute_bytes)) FROM identity_http_session s
                        JOIN identity_http_session_attributes a ON a.session_primary_id = s.primary_id
                        WHERE s.session_id = :id""").param("id", id).query(Long.class).single();
        LOG.info("Session store: a citizen's signed-in session holds {} bytes of attributes", bytes);
        int rounds = 5_000;
        long[] nanos = measure(store, id, 500, rounds);
        Arrays.sort(nanos);
        long median = nanos[rounds / 2];
        long p99 = nanos[rounds * 99 / 100];
        LOG.info(
                "Session store: median {} µs, p99 {} µs over {} reads and writes of a signed-in session",
                median / 1000,
                p99 / 1000,
                rounds);
        assertThat(median).as("median nanoseconds of one read and write").isLessThan(10_000_000L);
    }

    private static <S extends Session> long[] measure(
            FindByIndexNameSessionRepository<S> store, String id, int warmUp, int rounds) {
        long[] nanos = new long[rounds];
        for (int i = -warmUp; i < rounds; i++) {
            long start = System.nanoTime();
            S session = store.findById(id);
            SecurityContext context =
                    session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            assertThat(context.getAuthentication()).isNotNull();
            session.setLastAccessedTime(Instant.now());
            store.save(session);
            if (i >= 0) {
                nanos[i] = System.nanoTime() - start;
            }
        }
        return nanos;
    }

    private Session only(String username) {
        Map<String, ? extends Session> sessions = store.findByPrincipalName(username);
        assertThat(sessions).hasSize(1);
        return sessions.values().iterator().next();
    }

    private static Authentication authentication(Session session) {
        SecurityContext context =
                session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(context).isNotNull();
        return context.getAuthentication();
    }
}
