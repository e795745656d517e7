package org.zhengwu.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.catalog.PublishedCatalog;
import org.zhengwu.catalog.PublishedItem;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * 我的办件 of an applicant with many cases (an enterprise's agent files hundreds): every case is reachable, fifty to a
 * page, newest first, with the pages linked; a page past the end says so, a page number that is none is refused by
 * name, and another person's list holds none of them.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MyCasesPagingHttpTests {

    private static final int CASES = 120;

    @LocalServerPort
    int port;

    @Autowired
    PublishedCatalog catalog;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    JdbcClient jdbc;

    private TestBrowser applicant;

    @BeforeAll
    void manyCases() {
        TestPeople.Citizen person = TestPeople.register(citizens, "孙多件");
        long account = jdbc.sql("SELECT id FROM identity_account WHERE username = :u")
                .param("u", person.username())
                .query(Long.class)
                .single();
        PublishedItem item = catalog.all().get(0);
        // Draft n changed n minutes ago: draft 1 is the newest.
        for (int n = 1; n <= CASES; n++) {
            jdbc.sql("""
                            INSERT INTO cases_case (status, channel, applicant_account_id, implementation_code,
                                item_version, item_name, item_type, organisation_uscc, division_code, case_kind,
                                created_at, updated_at)
                            VALUES ('DRAFT', '2', :account, :code, :version, :name, :type, :uscc, :division, '2',
                                now() - make_interval(mins => :n), now() - make_interval(mins => :n))""")
                    .param("account", account)
                    .param("code", item.implementationCode())
                    .param("version", item.versionNo())
                    .param("name", "分页草稿" + n)
                    .param("type", item.type().code())
                    .param("uscc", item.organisation().uscc())
                    .param("division", item.divisionCode())
                    .param("n", n)
                    .update();
        }
        applicant = new TestBrowser(port);
        applicant.signIn(person.username(), TestPeople.PASSWORD);
    }

    private List<String> names(Document page) {
        return page.select("[data-testid=my-cases] tbody tr td:first-child a").eachText();
    }

    @Test
    void everyCaseIsReachablePageByPageNewestFirst() {
        Document first = applicant.get("/my/cases").html();
        assertThat(names(first)).hasSize(50).startsWith("分页草稿1", "分页草稿2").endsWith("分页草稿50");
        assertThat(first.selectFirst("[data-testid=my-cases-pages] [aria-current=page]")
                        .text())
                .isEqualTo("1 / 3");
        assertThat(first.selectFirst("[data-testid=my-cases-pages] a").attr("href"))
                .isEqualTo("/my/cases?page=2");

        Document second = applicant.get("/my/cases?page=2").html();
        assertThat(names(second)).hasSize(50).startsWith("分页草稿51").endsWith("分页草稿100");
        assertThat(second.select("[data-testid=my-cases-pages] a").eachAttr("href"))
                .containsExactly("/my/cases?page=1", "/my/cases?page=3");

        Document third = applicant.get("/my/cases?page=3").html();
        assertThat(names(third)).hasSize(20).endsWith("分页草稿120");

        Set<String> all = new HashSet<>();
        all.addAll(names(first));
        all.addAll(names(second));
        all.addAll(names(third));
        assertThat(all).hasSize(CASES);
    }

    @Test
    void aPagePastTheEndSaysWhereTheEndIs() {
        TestBrowser.Page past = applicant.get("/my/cases?page=4");
        assertThat(past.status()).isEqualTo(200);
        assertThat(names(past.html())).isEmpty();
        assertThat(past.html().text()).contains("没有这一页：您的办件共 3 页。").doesNotContain("您还没有办件");
    }

    @Test
    void aPageNumberThatIsNoneIsRefusedByName() {
        for (String bad : List.of("0", "-1", "10001")) {
            TestBrowser.Page refused = applicant.get("/my/cases?page=" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.html().select("main").text()).as(bad).contains("请输入 1 到 10,000 之间的整数。");
        }
        TestBrowser.Page notANumber = applicant.get("/my/cases?page=abc");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.html().select("main").text()).contains("参数“page”的值“abc”格式不正确。");
    }

    @Test
    void anotherPersonSeesNoneOfThem() {
        TestBrowser other = new TestBrowser(port);
        other.signIn(TestPeople.register(citizens, "李旁观").username(), TestPeople.PASSWORD);
        Document page = other.get("/my/cases").html();
        assertThat(page.text()).contains("您还没有办件").doesNotContain("分页草稿");
        assertThat(page.select("[data-testid=my-cases-pages]")).isEmpty();
    }
}
