package org.zhengwu.cases.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengwu.basedata.OrganisationDraft;
import org.zhengwu.basedata.Organisations;
import org.zhengwu.cases.CaseAccess;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.support.Chromium;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestCases;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * The statistics charts in a real browser, under the platform's Content-Security-Policy: ECharts (a web jar) and the
 * site's script draw each chart from the table beside it, and nothing is refused. The supervisor's county (泾县) has
 * two cases and no rating: the tables with figures are drawn, those with none (ratings, rectification) are not.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Organisations organisations;

    @Autowired
    StaffAccounts staff;

    @Autowired
    CaseRecords caseRecords;

    private ChromeDriver driver;
    private TestBrowser supervisor;

    @BeforeAll
    void start() throws Exception {
        driver = Chromium.start("zhengwu-statistics");
        String organisation = TestPeople.newCreditCode();
        organisations.register(
                new OrganisationDraft(organisation, "泾县统计图表局", "341823", "4", "1", null, null, null, false), "test");
        TestCases.completed(caseRecords, organisation, "341823", 1);
        TestCases.submitted(caseRecords, organisation, "341823", 1);
        supervisor = new TestBrowser(port);
        supervisor.signInNewStaff(staff, organisation, CaseAccess.CASE_SUPERVISOR);
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void theChartsAreDrawnFromTheTablesUnderTheContentSecurityPolicy() {
        String base = "http://localhost:" + port;
        driver.get(base + "/login");
        driver.manage().addCookie(new Cookie("ZHENGWU_SESSION", supervisor.cookie("ZHENGWU_SESSION"), "/"));
        // Every refusal of the policy from the page's first moment on (a script added this way is not subject to it).
        driver.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument",
                Map.of(
                        "source",
                        "window.violations = []; document.addEventListener('securitypolicyviolation',"
                                + " e => window.violations.push(e.violatedDirective + ' ' + e.blockedURI));"));
        driver.get(base + "/statistics");
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d ->
                        !d.findElements(By.cssSelector("[data-chart] canvas")).isEmpty());

        List<String> drawn = driver.findElements(By.cssSelector("[data-chart]")).stream()
                .filter(WebElement::isDisplayed)
                .filter(chart -> !chart.findElements(By.tagName("canvas")).isEmpty())
                .map(chart -> chart.getAttribute("data-table"))
                .toList();
        assertThat(drawn)
                .containsExactly(
                        "table-volume",
                        "table-status",
                        "table-items",
                        "table-departments",
                        "table-regions",
                        "table-channels");
        for (String table : drawn) {
            assertThat(driver.findElement(By.id(table)).isDisplayed()).as(table).isTrue();
        }
        for (String empty : List.of("satisfaction", "rectification")) {
            assertThat(driver.findElement(By.id(empty)).findElements(By.cssSelector("[data-chart]:not([hidden])")))
                    .as(empty)
                    .isEmpty();
        }
        // The page's own scripts ran without a refusal from the policy (ECharts sets styles through the CSSOM only).
        assertThat((List<?>) ((JavascriptExecutor) driver).executeScript("return window.violations"))
                .isEmpty();
    }
}
