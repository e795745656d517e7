package org.zhengwu.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengwu.support.Chromium;
import org.zhengwu.support.ZhengwuTest;

/**
 * A citizen's journey in a real browser (Debian's Chromium, driven by its own chromedriver): search for 营业执照,
 * open the guide of 个体工商户设立登记, read its code and materials — by keyboard alone. Skipped, with the reason,
 * where Chromium is not installed; .ci/run installs it.
 */
@ZhengwuTest
class BrowserJourneyTests {

    static WebDriver driver;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        driver = Chromium.start("zhengwu-chromium");
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void searchForBusinessLicenceAndOpenTheGuideByKeyboard() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        driver.get("http://localhost:" + port + "/");
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo("zh-CN");

        WebElement focused = driver.switchTo().activeElement();
        focused.sendKeys(Keys.TAB);
        WebElement skip = driver.switchTo().activeElement();
        assertThat(skip.getText()).isEqualTo("跳到主要内容");

        WebElement search = driver.findElement(By.name("q"));
        search.sendKeys("营业执照", Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/search"));
        List<WebElement> results = driver.findElements(By.cssSelector(".result__title a"));
        WebElement soleTrader = results.stream()
                .filter(a -> a.getText().equals("个体工商户设立登记"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("个体工商户设立登记 not on the first page of 营业执照"));
        soleTrader.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/items/"));

        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("个体工商户设立登记");
        String code = driver.findElement(By.cssSelector("[data-testid=implementation-code]"))
                .getText();
        assertThat(code).hasSize(31);
        assertThat(driver.getCurrentUrl()).endsWith("/items/" + code);
        List<String> materials = driver.findElements(By.cssSelector("#materials ~ .table-wrap tbody tr")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(materials).isNotEmpty().anyMatch(m -> m.contains("申请书"));
        assertThat(driver.findElement(By.id("materials")).isDisplayed()).isTrue();
    }

    @Test
    void withJavaScriptAChangedFilterUpdatesTheResultsAndTheFiltersInPlace() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
        driver.get("http://localhost:" + port + "/search?q="
                + java.net.URLEncoder.encode("登记", java.nio.charset.StandardCharsets.UTF_8));
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) driver;
        js.executeScript("window.zhengwuSamePage = true;");
        String before =
                driver.findElement(By.cssSelector("#results [role=status]")).getText();
        String departmentsBefore = driver.findElement(By.id("filter-org")).getText();

        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("filter-type"))).selectByValue("07");
        wait.until(ExpectedConditions.urlContains("type=07"));
        wait.until(d -> {
            String now = Chromium.currentText(d, By.cssSelector("#results [role=status]"));
            return now != null && !now.equals(before);
        });
        assertThat(driver.findElements(By.cssSelector(".result__meta .tag")).stream()
                        .map(WebElement::getText)
                        .filter(t -> !t.equals("全程网办") && !t.equals("零跑动"))
                        .distinct()
                        .toList())
                .containsExactly("行政确认");
        // The department choices and their counts follow the results.
        wait.until(d -> {
            String now = Chromium.currentText(d, By.id("filter-org"));
            return now != null && !now.equals(departmentsBefore);
        });

        // The swapped filters work in turn, still without leaving the page.
        org.openqa.selenium.support.ui.Select departments =
                new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("filter-org")));
        WebElement department = departments.getOptions().get(1);
        String uscc = department.getDomAttribute("value");
        String name = department.getText().replaceAll("（\\d+）$", "");
        departments.selectByValue(uscc);
        wait.until(ExpectedConditions.urlContains("org=" + uscc));
        wait.until(d -> {
            List<String> shown = d.findElements(By.cssSelector(".result__meta:first-of-type span:not(.tag)")).stream()
                    .map(WebElement::getText)
                    .toList();
            return !shown.isEmpty() && shown.stream().allMatch(t -> t.equals(name));
        });
        assertThat(new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("filter-type")))
                        .getFirstSelectedOption()
                        .getDomAttribute("value"))
                .isEqualTo("07");
        assertThat(js.executeScript("return window.zhengwuSamePage === true;")).isEqualTo(true);
    }

    @Test
    void pagesReflowAtTwoHundredPercentZoomWithoutHorizontalScrolling() {
        org.openqa.selenium.Dimension original = driver.manage().window().getSize();
        try {
            // A 1280 px window at 200 % zoom lays out like a 640 px one.
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(640, 900));
            String guide = new org.zhengwu.support.TestBrowser(port)
                    .get("/search?q=" + java.net.URLEncoder.encode("生育登记", java.nio.charset.StandardCharsets.UTF_8))
                    .html()
                    .selectFirst(".result__title a")
                    .attr("href");
            for (String path : List.of("/", "/search?q=x", guide, "/regions/340100", "/departments")) {
                driver.get("http://localhost:" + port + path);
                Long overflow = (Long) ((org.openqa.selenium.JavascriptExecutor) driver)
                        .executeScript(
                                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(overflow).as(path).isLessThanOrEqualTo(0L);
            }
        } finally {
            driver.manage().window().setSize(original);
        }
    }

    @Test
    void elderFriendlyModeMakesTheTextLarger() {
        driver.get("http://localhost:" + port + "/?care=off");
        String normal = driver.findElement(By.tagName("body")).getCssValue("font-size");
        driver.findElement(By.linkText("长者模式")).click();
        String larger = driver.findElement(By.tagName("body")).getCssValue("font-size");
        assertThat(Double.parseDouble(larger.replace("px", "")))
                .isGreaterThan(Double.parseDouble(normal.replace("px", "")));
        driver.get("http://localhost:" + port + "/?care=off");
    }
}
