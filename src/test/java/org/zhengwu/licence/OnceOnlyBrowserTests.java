package org.zhengwu.licence;

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
import org.zhengwu.catalog.ApplicationForms;
import org.zhengwu.catalog.FormField;
import org.zhengwu.catalog.Guide;
import org.zhengwu.catalog.PublishedItem;
import org.zhengwu.licence.register.LicenceRow;
import org.zhengwu.support.Accessibility;
import org.zhengwu.support.Chromium;
import org.zhengwu.support.TestCases;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * Once-only in a real browser (Debian's Chromium): a citizen holding a 营业执照 reads on the guide that a 营业执照
 * replaces a material, applies, ticks the consent to use their licence, and submits without uploading it; the form
 * page with the offer passes axe-core. Skipped, with the reason, where Chromium is missing.
 */
@ZhengwuTest
class OnceOnlyBrowserTests {

    static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    LicenceFixtures fixtures;

    @Autowired
    OnceOnlyHttpTestsItems items;

    @Autowired
    ApplicationForms forms;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void start() throws Exception {
        browser = Chromium.start("zhengwu-once-only");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void aHolderAppliesWithoutUploadingTheLicenceTheyHold() throws Exception {
        LicenceFixtures.Issued issued = fixtures.businessLicence("沈浏览", "合肥市蜀山区沈记书店");
        LicenceRow licence = issued.licence();
        TestPeople.Citizen person = issued.citizen();
        jdbc.sql("UPDATE identity_account SET real_name_level = 4 WHERE username = :u")
                .param("u", person.username())
                .update();
        PublishedItem item = items.item();
        int material = OnceOnlyHttpTests.replaceable(item);
        Path pdf = Files.createTempFile("申请材料", ".pdf");
        Files.write(pdf, TestCases.PDF);

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(person.username());
        browser.findElement(By.id("password")).sendKeys(TestPeople.PASSWORD);
        browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]"))
                .click();
        wait.until(d -> d.getCurrentUrl().endsWith("/account"));

        browser.get(url("/items/" + item.implementationCode()));
        assertThat(browser.findElements(By.cssSelector("[data-testid=licence-types]")))
                .extracting(WebElement::getText)
                .contains("可用电子证照代替：营业执照");
        browser.findElement(By.cssSelector("[data-testid=apply-here]")).click();
        browser.findElement(By.cssSelector("[data-testid=begin]")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/form"));
        String caseAddress = browser.getCurrentUrl().replaceAll("/form$", "");
        long caseId = Long.parseLong(caseAddress.replaceAll(".*/", ""));

        for (FormField f : forms.formOf(item.guide()).fields()) {
            WebElement control = browser.findElement(By.id("values" + f.key()));
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
                                    case EMAIL -> "shen@example.cn";
                                    default -> "浏览器测试";
                                });
                    }
                }
            }
        }
        browser.findElement(By.cssSelector("button[name=next][value=save]")).click();
        wait.until(d -> d.findElements(By.cssSelector(".notice--success")).size() == 1);

        // Every other required material is uploaded; the licence's is not.
        for (int i = 0; i < item.guide().materials().size(); i++) {
            Guide.Material m = item.guide().materials().get(i);
            if (i + 1 == material || !m.required() || m.condition() != null) {
                continue;
            }
            int number = i + 1;
            WebElement slot = browser.findElement(By.id("material-" + number));
            slot.findElement(By.cssSelector("input[type=file]")).sendKeys(pdf.toString());
            slot.findElement(By.cssSelector("form[enctype] button[type=submit]"))
                    .click();
            // One query, not an element and then its children: the upload reloads the page, and a node found
            // before the reload is no longer in the document.
            wait.until(d -> !d.findElements(By.cssSelector("#material-" + number + " li"))
                    .isEmpty());
        }

        WebElement offer =
                browser.findElement(By.cssSelector("#material-" + material + " [data-testid=licence-offer]"));
        assertThat(offer.getText()).contains("使用我的电子证照：营业执照（编号 " + licence.number() + "）");
        Accessibility.assertNoViolations(browser, "the materials step offering a held licence");
        offer.findElement(By.cssSelector("input[name=consent]")).click();
        offer.findElement(By.cssSelector("[data-testid=use-licence]")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#material-" + material + " [data-testid=licence-used]"))
                .isEmpty());
        assertThat(browser.findElements(By.cssSelector("#material-" + material + " input[type=file]")))
                .isEmpty();

        browser.findElement(By.cssSelector("[data-testid=to-review]")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/review"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=review-licence]"))
                        .getText())
                .contains(licence.number());
        browser.findElement(By.cssSelector("[data-testid=submit]")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/receipt"));

        assertThat(jdbc.sql("SELECT count(*) FROM cases_material WHERE case_id = :c AND material_no = :n")
                        .param("c", caseId)
                        .param("n", material)
                        .query(Long.class)
                        .single())
                .as("the licence's material was not uploaded")
                .isZero();
        assertThat(jdbc.sql("SELECT licence_identifier FROM cases_licence_material WHERE case_id = :c")
                        .param("c", caseId)
                        .query(String.class)
                        .single())
                .isEqualTo(licence.identifier());
        assertThat(jdbc.sql("SELECT status FROM cases_case WHERE id = :c")
                        .param("c", caseId)
                        .query(String.class)
                        .single())
                .isEqualTo("SUBMITTED");
    }
}
