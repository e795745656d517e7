package org.zhengwu.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.cases.lifecycle.OnlineOffer;
import org.zhengwu.catalog.ApplicationForms;
import org.zhengwu.catalog.CaseKind;
import org.zhengwu.catalog.FormField;
import org.zhengwu.catalog.PublishedCatalog;
import org.zhengwu.catalog.PublishedItem;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.account.CitizenAccounts;
import org.zhengwu.support.Chromium;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestCases;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * The whole journey of a case in real browsers (Debian's Chromium): a citizen applies for a demo item with two
 * uploads; a clerk asks for 补正; the citizen uploads what was asked; the clerk accepts, the examiner and the approver
 * decide, the clerk delivers; the citizen sees the decision. Skipped, with the reason, where Chromium is missing.
 */
@ZhengwuTest
class CaseJourneyBrowserTests {

    static WebDriver citizenBrowser;
    static WebDriver clerkBrowser;

    @LocalServerPort
    int port;

    @Autowired
    PublishedCatalog catalog;

    @Autowired
    ApplicationForms forms;

    @Autowired
    CitizenAccounts citizens;

    @Autowired
    StaffAccounts staff;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startBrowsers() throws Exception {
        citizenBrowser = Chromium.start("zhengwu-citizen");
        clerkBrowser = Chromium.start("zhengwu-clerk");
    }

    @AfterAll
    static void stopBrowsers() {
        for (WebDriver driver : new WebDriver[] {citizenBrowser, clerkBrowser}) {
            if (driver != null) {
                driver.quit();
            }
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void signIn(WebDriver driver, String username, String password) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]"))
                .click();
    }

    private static void click(WebDriver driver, String css) {
        driver.findElement(By.cssSelector(css)).click();
    }

    @Test
    void aCitizenAppliesAClerkAsksForMoreAndTheCaseIsDecided() throws Exception {
        PublishedItem item = catalog.all().stream()
                .filter(OnlineOffer::offeredOnline)
                .filter(i -> i.guide().caseKind() == CaseKind.PROMISED)
                .filter(i -> i.guide().materials().stream()
                                .filter(m -> m.required() && m.condition() == null)
                                .count()
                        >= 2)
                .findFirst()
                .orElseThrow();
        TestPeople.Citizen person = TestPeople.register(citizens, "孙办事");
        jdbc.sql("UPDATE identity_account SET real_name_level = 4 WHERE username = :u")
                .param("u", person.username())
                .update();
        Path pdf = Files.createTempFile("申请材料", ".pdf");
        Files.write(pdf, TestCases.PDF);

        // The citizen: guide → apply → form → two uploads → review → submit.
        WebDriverWait citizenWait = new WebDriverWait(citizenBrowser, Duration.ofSeconds(15));
        citizenWait.ignoring(StaleElementReferenceException.class);
        signIn(citizenBrowser, person.username(), TestPeople.PASSWORD);
        citizenWait.until(d -> d.getCurrentUrl().endsWith("/account"));
        citizenBrowser.get(url("/items/" + item.implementationCode()));
        click(citizenBrowser, "[data-testid=apply-here]");
        click(citizenBrowser, "[data-testid=begin]");
        citizenWait.until(d -> d.getCurrentUrl().endsWith("/form"));
        String caseAddress = citizenBrowser.getCurrentUrl().replaceAll("/form$", "");
        for (FormField f : forms.formOf(item.guide()).fields()) {
            WebElement control = citizenBrowser.findElement(By.id("values" + f.key()));
            switch (f.type()) {
                case CHOICE -> {
                    if ("select".equals(control.getTagName())) {
                        new Select(control).selectByValue(f.options().get(0).code());
                    } else {
                        control.click();
                    }
                }
                case CHECKBOX -> {
                    if (!control.isSelected()) {
                        control.click();
                    }
                }
                default -> {
                    if (control.getDomProperty("value").isBlank()) {
                        control.sendKeys(
                                switch (f.type()) {
                                    case NUMBER -> "2";
                                    case DATE -> "2026-01-05";
                                    case CITIZEN_ID -> person.idNumber();
                                    case USCC -> TestPeople.newCreditCode();
                                    case DIVISION -> "340100";
                                    case MOBILE -> person.mobile();
                                    case EMAIL -> "sun@example.cn";
                                    default -> "浏览器测试";
                                });
                    }
                }
            }
        }
        click(citizenBrowser, "button[name=next][value=save]");
        citizenWait.until(
                d -> d.findElements(By.cssSelector(".notice--success")).size() == 1);
        int uploaded = 0;
        for (int i = 0; i < item.guide().materials().size() && uploaded < 2; i++) {
            var m = item.guide().materials().get(i);
            if (!m.required() || m.condition() != null) {
                continue;
            }
            WebElement slot = citizenBrowser.findElement(By.id("material-" + (i + 1)));
            slot.findElement(By.cssSelector("input[type=file]")).sendKeys(pdf.toString());
            slot.findElement(By.cssSelector("form[enctype] button[type=submit]"))
                    .click();
            uploaded++;
            int expected = uploaded;
            citizenWait.until(d ->
                    d.findElements(By.cssSelector("[data-testid=material] li")).size() == expected);
        }
        // Upload every other required material too, so that the draft is complete.
        for (int i = 0; i < item.guide().materials().size(); i++) {
            var m = item.guide().materials().get(i);
            String slotId = "material-" + (i + 1);
            WebElement slot = citizenBrowser.findElement(By.id(slotId));
            if (m.required()
                    && m.condition() == null
                    && slot.findElements(By.cssSelector("li")).isEmpty()) {
                slot.findElement(By.cssSelector("input[type=file]")).sendKeys(pdf.toString());
                slot.findElement(By.cssSelector("form[enctype] button[type=submit]"))
                        .click();
                citizenWait.until(d ->
                        d.findElements(By.cssSelector("#" + slotId + " li")).size() == 1);
            }
        }
        click(citizenBrowser, "[data-testid=to-review]");
        citizenWait.until(d -> d.getCurrentUrl().endsWith("/review"));
        click(citizenBrowser, "[data-testid=submit]");
        citizenWait.until(d -> d.getCurrentUrl().endsWith("/receipt"));
        String number = citizenBrowser
                .findElement(By.cssSelector("[data-testid=case-number]"))
                .getText();
        assertThat(CaseNumber.isWellFormed(number)).isTrue();

        // The clerk (who here also examines and decides): sign in with the second factor, ask for 补正.
        TestBrowser enrolment = new TestBrowser(port);
        String clerkName = enrolment.signInNewStaff(
                staff,
                item.organisation().uscc(),
                CaseAccess.CASE_CLERK,
                CaseAccess.CASE_REVIEWER,
                CaseAccess.CASE_APPROVER);
        WebDriverWait clerkWait = new WebDriverWait(clerkBrowser, Duration.ofSeconds(15));
        clerkWait.ignoring(StaleElementReferenceException.class);
        signIn(clerkBrowser, clerkName, TestBrowser.STAFF_PASSWORD);
        clerkWait.until(d -> d.getCurrentUrl().endsWith("/login/mfa"));
        clerkBrowser.findElement(By.id("code")).sendKeys(enrolment.nextAuthenticatorCode(clerkName));
        click(clerkBrowser, "form[action='/login/mfa'] button[type=submit]");
        clerkWait.until(d -> !d.getCurrentUrl().contains("/login"));
        clerkBrowser.get(url("/workbench?number=" + number));
        clerkBrowser
                .findElement(By.linkText(CaseNumber.parseOrNull(number).value()))
                .click();
        String clerkCase = clerkBrowser.getCurrentUrl();
        act(clerkBrowser, clerkWait, "REQUEST_CORRECTION", "请补交清晰的身份证明扫描件。");
        assertThat(status(clerkBrowser)).contains("待补正");

        // The citizen sees what is asked, uploads it and sends it.
        citizenBrowser.get(caseAddress);
        assertThat(citizenBrowser
                        .findElement(By.cssSelector("[data-testid=correction]"))
                        .getText())
                .contains("请补交清晰的身份证明扫描件");
        WebElement first = citizenBrowser.findElement(By.cssSelector("[data-testid=material]"));
        first.findElement(By.cssSelector("input[type=file]")).sendKeys(pdf.toString());
        first.findElement(By.cssSelector("form[enctype] button[type=submit]")).click();
        citizenWait.until(
                d -> d.findElements(By.cssSelector(".notice--success")).size() == 1);
        click(citizenBrowser, "[data-testid=send-correction]");
        citizenWait.until(d ->
                d.findElement(By.cssSelector("[data-testid=status]")).getText().contains("待受理"));

        // Accepted, examined, checked, granted, delivered.
        clerkBrowser.get(clerkCase);
        act(clerkBrowser, clerkWait, "ACCEPT", null);
        act(clerkBrowser, clerkWait, "UNDERTAKE", "材料齐全，符合法定条件。");
        act(clerkBrowser, clerkWait, "AUDIT", "同意。");
        act(clerkBrowser, clerkWait, "APPROVE", "准予。");
        act(clerkBrowser, clerkWait, "DELIVER", null);
        assertThat(status(clerkBrowser)).contains("已送达");

        citizenBrowser.get(caseAddress);
        assertThat(citizenBrowser
                        .findElement(By.cssSelector("[data-testid=decision]"))
                        .getText())
                .isEqualTo("准予");
        assertThat(citizenBrowser
                        .findElement(By.cssSelector("[data-testid=timeline]"))
                        .getText())
                .contains("提交申请", "告知补正", "申请人提交补正材料", "受理", "审批：准予", "送达");

        // The citizen rates it 5 (非常不满意): a 差评, which opens a rectification task for the department.
        click(citizenBrowser, "[data-testid=rate]");
        citizenBrowser
                .findElement(By.cssSelector("input[name=score][value='5']"))
                .click();
        citizenBrowser.findElement(By.id("comment")).sendKeys("等待时间太长。");
        click(citizenBrowser, "form[action$='/rating'] button[type=submit]");
        citizenWait.until(d ->
                !d.findElements(By.cssSelector("[data-testid=rectification]")).isEmpty());

        clerkBrowser.get(url("/ratings/tasks"));
        assertThat(clerkBrowser
                        .findElement(By.cssSelector("[data-testid=tasks]"))
                        .getText())
                .contains(CaseNumber.parseOrNull(number).value());
    }

    private static void act(WebDriver driver, WebDriverWait wait, String action, String opinion) {
        String before =
                driver.findElement(By.cssSelector("[data-testid=timeline]")).getText();
        driver.findElement(By.cssSelector("input[name=action][value=" + action + "]"))
                .click();
        if (opinion != null) {
            driver.findElement(By.id("opinion")).sendKeys(opinion);
        }
        driver.findElement(By.cssSelector("form[action$='/steps'] button[type=submit]"))
                .click();
        wait.until(d -> {
            String now = Chromium.currentText(d, By.cssSelector("[data-testid=timeline]"));
            return now != null && !now.equals(before);
        });
    }

    private static String status(WebDriver driver) {
        return driver.findElement(By.cssSelector("dl.summary")).getText();
    }
}
