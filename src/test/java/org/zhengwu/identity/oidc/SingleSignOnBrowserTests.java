package org.zhengwu.identity.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.support.Chromium;
import org.zhengwu.support.ZhengwuTest;

/**
 * Single sign-on in a real browser (Debian's Chromium): what a browser enforces and an HTTP client does not — the
 * platform's Content-Security-Policy on the forms whose answers lead to the department system, cookies of two sites
 * on one host. Skipped, with the reason, where Chromium is not installed.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingleSignOnBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    @Autowired
    CitizenAccounts citizens;

    WebDriver driver;
    OidcFixtures.RunningRelyingParty relyingParty;

    @BeforeAll
    void startBrowserAndDepartmentSystem() throws Exception {
        driver = Chromium.start("zhengwu-chromium-sso");
        relyingParty = OidcFixtures.startRelyingParty(port, staff);
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (relyingParty != null) {
            relyingParty.close();
        }
    }

    @Test
    void aCitizenSignsInOnceUsesTheDepartmentSystemSignsOutOfBothAndSignsInAgainFromThere() {
        OidcFixtures.Citizen citizen = OidcFixtures.newCitizen(citizens);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.withMessage(() -> "the browser is at " + driver.getCurrentUrl() + ": "
                + driver.findElement(By.tagName("body")).getText());
        String platform = "http://localhost:" + port;

        driver.get(platform + "/login");
        driver.findElement(By.id("username")).sendKeys(citizen.username());
        driver.findElement(By.id("password")).sendKeys(citizen.password());
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]"))
                .click();
        wait.until(d -> d.getCurrentUrl().equals(platform + "/account"));

        driver.get(relyingParty.base() + "/");
        wait.until(d -> d.getCurrentUrl().startsWith(platform + "/oauth2/consent"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("部门业务系统");
        driver.findElements(By.tagName("button")).stream()
                .filter(b -> b.getText().equals("同意"))
                .findFirst()
                .orElseThrow()
                .click();
        wait.until(d -> d.getCurrentUrl().startsWith(relyingParty.base() + "/")
                && !d.findElements(By.cssSelector("[data-testid=name]")).isEmpty());
        assertThat(driver.findElement(By.cssSelector("[data-testid=name]")).getText())
                .isEqualTo(citizen.realName());

        driver.findElement(By.cssSelector("form[action='/logout'] button")).click();
        wait.until(d -> d.getCurrentUrl().equals(relyingParty.base() + "/signed-out"));
        assertThat(driver.findElement(By.cssSelector("[data-testid=signed-out]"))
                        .isDisplayed())
                .isTrue();

        driver.get(platform + "/account");
        wait.until(d -> d.getCurrentUrl().equals(platform + "/login"));
        driver.get(relyingParty.base() + "/");
        wait.until(d -> d.getCurrentUrl().equals(platform + "/login"));
        driver.findElement(By.id("username")).sendKeys(citizen.username());
        driver.findElement(By.id("password")).sendKeys(citizen.password());
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]"))
                .click();
        wait.until(d -> d.getCurrentUrl().startsWith(relyingParty.base() + "/")
                && !d.findElements(By.cssSelector("[data-testid=name]")).isEmpty());
        assertThat(driver.findElement(By.cssSelector("[data-testid=name]")).getText())
                .isEqualTo(citizen.realName());
    }
}
