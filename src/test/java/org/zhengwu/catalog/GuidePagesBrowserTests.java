package org.zhengwu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.support.Chromium;
import org.zhengwu.support.ZhengwuTest;

/**
 * The guide pages of a 行政许可, a 行政处罚 and a 公共服务 entry in a real browser: each shows its own elements, and the
 * 处罚 has neither application materials nor an online application.
 */
@ZhengwuTest
@Import(GuidePageFixtures.class)
class GuidePagesBrowserTests {

    static WebDriver driver;

    @LocalServerPort
    int port;

    @Autowired
    GuidePageFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() throws Exception {
        driver = Chromium.start("zhengwu-chromium-guides");
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private String open(String code) {
        driver.get("http://localhost:" + port + "/items/" + code);
        return driver.findElement(By.tagName("main")).getText();
    }

    private List<String> headings() {
        return driver.findElements(By.cssSelector("main h2")).stream()
                .map(WebElement::getText)
                .toList();
    }

    @Test
    void aLicenceShowsItsMaterialsLevelDepthsAndTheOnlineApplication() {
        String code = fixtures.publish(ItemType.LICENSING, "浏览器许可", GuidePageFixtures.licensing());
        String text = open(code);
        assertThat(headings()).contains("申请材料", "中介服务", "收费");
        assertThat(driver.findElement(By.cssSelector("[data-testid=online-level]"))
                        .getText())
                .isEqualTo("Ⅳ级 全程网办");
        assertThat(driver.findElement(By.cssSelector("[data-testid=online-depths]"))
                        .getText())
                .isEqualTo("互联网咨询、互联网收件、互联网预审、互联网受理、互联网办理、互联网办理结果信息反馈");
        assertThat(driver.findElement(By.cssSelector("[data-testid=online-apply]"))
                        .getDomAttribute("href"))
                .isEqualTo("https://zwfw.example.gov.cn/apply");
        assertThat(driver.findElement(By.cssSelector("[data-testid=power-source]"))
                        .getText())
                .isEqualTo("法定本级行使");
        assertThat(text).contains("测绘报告", "合肥市公安局", "每年限 100 个", "审批结果类型", "证照", "纸质", "原件", "政府部门核发");
        assertThat(driver.findElements(By.cssSelector("[data-testid=enforcement-notice]")))
                .isEmpty();
        assertThat(onlineApplication(code)).isTrue();
    }

    @Test
    void aPenaltyShowsItsOwnElementsAndNeverMaterialsOrAnOnlineApplication() {
        String code = fixtures.publish(ItemType.PENALTY, "浏览器处罚", GuidePageFixtures.penalty());
        String text = open(code);
        assertThat(headings()).contains("行政处罚").doesNotContain("申请材料", "受理条件", "收费", "中介服务");
        assertThat(text).doesNotContain("申请材料", "在线办理", "网上申请所需实名等级", "办件类型");
        assertThat(driver.findElements(By.cssSelector("[data-testid=online-apply]")))
                .isEmpty();
        assertThat(driver.findElement(By.cssSelector("[data-testid=penalty-violation]"))
                        .getText())
                .isEqualTo("未取得食品经营许可从事食品经营活动");
        assertThat(text).contains("警告、通报批评", "处罚种类");
        List<WebElement> discretion = driver.findElements(By.cssSelector("[data-testid=penalty-discretion] tbody tr"));
        assertThat(discretion).hasSize(2);
        assertThat(discretion.get(0).getText()).contains("货值金额不足一万元", "并处五万元以上十万元以下罚款");
        assertThat(driver.findElement(By.cssSelector("[data-testid=basis-articles] tbody tr"))
                        .getText())
                .contains("《中华人民共和国食品安全法》", "第一百二十二条");
        assertThat(driver.findElement(By.cssSelector("[data-testid=enforcement-notice]"))
                        .isDisplayed())
                .isTrue();
        assertThat(onlineApplication(code)).isFalse();
    }

    @Test
    void aPublicServiceShowsItsMaterialsAndNoPowerSource() {
        String code = fixtures.publish(ItemType.PUBLIC_SERVICE, "浏览器公共服务", GuidePageFixtures.publicService());
        String text = open(code);
        assertThat(headings()).contains("申请材料", "受理条件").doesNotContain("行政处罚");
        assertThat(text).contains("公共服务", "身份证").doesNotContain("权力来源", "违法行为");
        assertThat(driver.findElements(By.cssSelector("[data-testid=power-source]")))
                .isEmpty();
    }

    private boolean onlineApplication(String code) {
        return jdbc.sql("SELECT online_application FROM catalog_search_entry WHERE implementation_code = :code")
                .param("code", code)
                .query(Boolean.class)
                .single();
    }
}
