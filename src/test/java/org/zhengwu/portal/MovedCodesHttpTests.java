package org.zhengwu.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.ZhengwuTest;

/**
 * A code an entry had before a change of the national code tables (事项类型 00 became 10) still finds it: the guide
 * page and the API answer with a permanent redirect to the new code; an unknown code is still simply not found.
 */
@ZhengwuTest
class MovedCodesHttpTests {

    /** Shaped like a 事项类型 00 implementation code, which the code check alone would refuse. */
    private static final String OLD_CODE = "1134010066990958213000000100000";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void forget() {
        jdbc.sql("DELETE FROM catalog_code_change WHERE old_code = :old")
                .param("old", OLD_CODE)
                .update();
    }

    @Test
    void anOldCodeIsSentOnToItsNewOneAndAnUnknownOneIsNotFound() {
        String current = jdbc.sql("SELECT implementation_code FROM catalog_search_entry ORDER BY item_id LIMIT 1")
                .query(String.class)
                .single();
        TestBrowser browser = new TestBrowser(port);
        assertThat(browser.get("/items/" + OLD_CODE).status()).isEqualTo(404);

        jdbc.sql("INSERT INTO catalog_code_change (old_code, new_code, reason) VALUES (:old, :new, '测试')")
                .param("old", OLD_CODE)
                .param("new", current)
                .update();

        TestBrowser.Page page = browser.get("/items/" + OLD_CODE.toLowerCase());
        assertThat(page.status()).isEqualTo(301);
        assertThat(page.header("Location")).endsWith("/items/" + current);
        assertThat(browser.get("/items/" + current).status()).isEqualTo(200);
        TestBrowser.Page api = browser.get("/api/v1/items/" + OLD_CODE);
        assertThat(api.status()).isEqualTo(301);
        assertThat(api.header("Location")).endsWith("/api/v1/items/" + current);
        assertThat(browser.get("/items/" + OLD_CODE.replace('3', '4')).status()).isEqualTo(404);
    }
}
