package org.zhengwu.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhengwu.exchange.ExchangeFixtures.DATA_BUREAU;
import static org.zhengwu.exchange.ExchangeFixtures.HEFEI_MARKET;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.exchange.query.AccessLog;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.shared.codes.CitizenIdNumber;
import org.zhengwu.shared.codes.UnifiedSocialCreditCode;
import org.zhengwu.shared.time.BusinessTime;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * The supervisors' page of the query API's access log: filtered by system, resource, days and subject, paged, the
 * subject shown and asked for only by its blind index (the number typed in is posted, never put in an address or on
 * the page); other staff and persons are refused.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessLogPageHttpTests {

    static final String PERSON = "101001/000001";

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessLog accessLog;

    TestBrowser supervisor;
    String client;
    String first;
    String second;

    @BeforeAll
    void setUp() {
        supervisor = new TestBrowser(port);
        supervisor.signInNewStaff(staff, DATA_BUREAU, ExchangeAccess.EXCHANGE_SUPERVISOR);
        ExchangeFixture fixture = new ExchangeFixture(jdbc);
        long grant = fixture.grant(PERSON, HEFEI_MARKET, "340100", "idNumber,name", "name");
        client = "access-page-" + ExchangeFixtures.next() + "-" + System.nanoTime() % 1_000_000;
        first = TestPeople.newIdNumber();
        second = TestPeople.newIdNumber();
        for (int i = 0; i < 55; i++) {
            access(grant, i < 2 ? first : i == 2 ? second : TestPeople.newIdNumber());
        }
    }

    private void access(long grant, String subject) {
        jdbc.sql("""
                        INSERT INTO exchange_access (accessed_at, client_id, consumer_uscc, grant_id, purpose,
                            resource_code, library, subject_index, fields, kind)
                        VALUES (now(), :client, :consumer, :grant, '核验身份', :resource, 'person', :subject,
                            'idNumber,name', 'KEY')""")
                .param("client", client)
                .param("consumer", HEFEI_MARKET)
                .param("grant", grant)
                .param("resource", PERSON)
                .param("subject", accessLog.subjectIndex(subject))
                .update();
    }

    private static LocalDate today() {
        return LocalDate.now(BusinessTime.ZONE);
    }

    @Test
    void aSupervisorPagesThroughASystemsAccessesNewestFirst() {
        TestBrowser.Page page = supervisor.get("/exchange/supervision/access?client=" + client);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("[data-testid=access-row]")).hasSize(50);
        assertThat(page.body()).doesNotContain(first).doesNotContain(second).contains("人口基础信息");
        String next = page.html().selectFirst("[data-testid=next]").attr("href");
        TestBrowser.Page rest = supervisor.get(next);
        assertThat(rest.html().select("[data-testid=access-row]")).hasSize(5);
        assertThat(rest.html().selectFirst("[data-testid=next]")).isNull();
        // The oldest three come last: two of the first subject, one of the second.
        assertThat(rest.html().select("[data-testid=access-row]").last().text())
                .contains(accessLog.subjectIndex(first).substring(0, 16));

        // By resource (its code with a hyphen or a slash) and by days.
        assertThat(supervisor
                        .get("/exchange/supervision/access?client=" + client + "&resource=101001-000001")
                        .html()
                        .select("[data-testid=access-row]"))
                .hasSize(50);
        assertThat(supervisor
                        .get("/exchange/supervision/access?client=" + client + "&resource=102001-000001")
                        .html()
                        .select("[data-testid=access-row]"))
                .isEmpty();
        assertThat(supervisor
                        .get("/exchange/supervision/access?client=" + client + "&from=" + today().minusDays(3) + "&to="
                                + today().minusDays(1))
                        .html()
                        .select("[data-testid=access-row]"))
                .isEmpty();
        TestBrowser.Page backwards = supervisor.get(
                "/exchange/supervision/access?client=" + client + "&from=" + today() + "&to=" + today().minusDays(1));
        assertThat(backwards.status()).isEqualTo(200);
        assertThat(backwards.html().selectFirst("[data-testid=error-summary]")).isNotNull();
        assertThat(backwards.html().select("[data-testid=access-row]")).isEmpty();
        // A start that is no date is the one error named: the range it would start is not judged.
        TestBrowser.Page noDate = supervisor.get("/exchange/supervision/access?from=2026-13-45&to=2026-01-01");
        assertThat(noDate.html().select("[data-testid=error-summary] li").eachText())
                .containsExactly("请按“年-月-日”填写日期，例如 2026-01-31。");
    }

    @Test
    void aSubjectIsAskedForByItsNumberPostedAndShownOnlyByItsBlindIndex() {
        String csrf = TestBrowser.csrf(supervisor.get("/exchange/supervision/access"));
        TestBrowser.Page asked =
                supervisor.post("/exchange/supervision/access/subject", Map.of("key", first, "_csrf", csrf));
        assertThat(asked.status()).isEqualTo(302);
        assertThat(asked.location()).doesNotContain(first).contains(accessLog.subjectIndex(first));
        TestBrowser.Page page = supervisor.get(supervisor.relative(asked.location()));
        assertThat(page.html().select("[data-testid=access-row]")).hasSize(2);
        assertThat(page.body()).doesNotContain(first);
        // Without the token: refused.
        assertThat(supervisor
                        .post("/exchange/supervision/access/subject", Map.of("key", first))
                        .status())
                .isEqualTo(403);
        // A number whose check character is wrong, or none: said so, not searched for.
        // Another last character that makes it neither an ID number nor, by chance (one in 31), a valid 统一社会信用代码.
        String mistyped = "0123456789X"
                .chars()
                .mapToObj(c -> first.substring(0, 17) + (char) c)
                .filter(n -> !n.equals(first)
                        && !CitizenIdNumber.isValid(n, LocalDate.now(BusinessTime.ZONE))
                        && !UnifiedSocialCreditCode.check(n).isValid())
                .findFirst()
                .orElseThrow();
        for (String key : List.of(mistyped, "")) {
            TestBrowser.Page refused =
                    supervisor.post("/exchange/supervision/access/subject", Map.of("key", key, "_csrf", csrf));
            assertThat(refused.location()).doesNotContain("subject=");
            assertThat(supervisor
                            .get(supervisor.relative(refused.location()))
                            .html()
                            .select("[data-testid=key-problem]")
                            .text())
                    .contains(key.isEmpty() ? "请填写" : "不是有效的");
        }
        // Not an index: an error, no rows.
        TestBrowser.Page bad = supervisor.get("/exchange/supervision/access?subject=" + second);
        assertThat(bad.html().selectFirst("[data-testid=error-summary]")).isNotNull();
        assertThat(bad.html().select("[data-testid=access-row]")).isEmpty();
    }

    @Test
    void thePageIsTheSupervisorsOnly() {
        TestBrowser requester = new TestBrowser(port);
        requester.signInNewStaff(staff, HEFEI_MARKET, ExchangeAccess.DATA_REQUESTER, ExchangeAccess.DATA_STEWARD);
        assertThat(requester.get("/exchange/supervision/access").status()).isEqualTo(403);
        TestBrowser anonymous = new TestBrowser(port);
        TestBrowser.Page none = anonymous.get("/exchange/supervision/access");
        assertThat(none.status()).isEqualTo(302);
        assertThat(none.location()).contains("/login");
    }
}
