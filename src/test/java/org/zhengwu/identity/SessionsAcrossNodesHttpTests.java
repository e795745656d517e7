package org.zhengwu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.zhengwu.ZhengwuApplication;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * Two nodes on one database, a browser signed in through each (the servlet sessions are in the shared store, so
 * either node would serve either browser: {@code org.zhengwu.TwoNodeTests}): access withdrawn through one node ends
 * the session used through the other at its next request, and a sign-in through one ends the oldest session used
 * through the other when the account is beyond its limit. The second node
 * is started with a limit of one session per citizen (the first keeps the default, none), so that the sign-in on the
 * second is the one that enforces it.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionsAcrossNodesHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    CitizenAccounts citizens;

    ConfigurableApplicationContext secondNode;
    int secondPort;

    @BeforeAll
    void startASecondNodeOnTheSameDatabase() {
        HikariDataSource pool = (HikariDataSource) dataSource;
        secondNode = new SpringApplicationBuilder(ZhengwuApplication.class)
                .properties(
                        "ZHENGWU_DB_URL=" + pool.getJdbcUrl(),
                        "ZHENGWU_DB_USER=" + pool.getUsername(),
                        "ZHENGWU_DB_PASSWORD=" + pool.getPassword(),
                        "zhengwu.identity.sessions.public-limit=1")
                .run("--server.port=0");
        secondPort = ((WebServerApplicationContext) secondNode).getWebServer().getPort();
    }

    @AfterAll
    void stopTheSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void aPasswordChangedThroughOneNodeEndsTheSessionHeldByTheOther() {
        TestPeople.Citizen citizen = TestPeople.register(citizens, "两节点");
        TestBrowser onSecond = signedIn(secondPort, citizen);
        TestBrowser onFirst = signedIn(port, citizen);
        assertThat(onSecond.get("/account").status()).isEqualTo(200);

        TestBrowser.Page form = onFirst.get("/account/password");
        assertThat(onFirst.post(
                                "/account/password",
                                Map.of(
                                        "current",
                                        TestPeople.PASSWORD,
                                        "password",
                                        "Across-Nodes-2026",
                                        "confirmation",
                                        "Across-Nodes-2026",
                                        "_csrf",
                                        TestBrowser.csrf(form)))
                        .location())
                .endsWith("/account");

        assertThat(onSecond.relative(onSecond.get("/account").location())).isEqualTo("/login?withdrawn");
        assertThat(onFirst.get("/account").status()).isEqualTo(200);
    }

    @Test
    void aSignInThroughOneNodeEndsTheOldestSessionHeldByTheOtherBeyondTheLimit() {
        TestPeople.Citizen citizen = TestPeople.register(citizens, "两节点限额");
        TestBrowser onFirst = signedIn(port, citizen);
        assertThat(onFirst.get("/account").status()).isEqualTo(200);

        TestBrowser onSecond = signedIn(secondPort, citizen);

        assertThat(onFirst.relative(onFirst.get("/account").location())).isEqualTo("/login?replaced");
        assertThat(onSecond.get("/account").status()).isEqualTo(200);
    }

    private static TestBrowser signedIn(int port, TestPeople.Citizen citizen) {
        TestBrowser browser = new TestBrowser(port);
        assertThat(browser.signIn(citizen.username(), TestPeople.PASSWORD).location())
                .endsWith("/account");
        return browser;
    }
}
