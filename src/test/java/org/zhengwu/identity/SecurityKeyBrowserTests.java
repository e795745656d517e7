package org.zhengwu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengwu.catalog.CatalogAccess;
import org.zhengwu.support.Chromium;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * A security key in a real browser (Debian's Chromium with a virtual authenticator standing for the key): what the
 * HTTP tests cannot show — the page's script, the browser's WebAuthn under the platform's Content-Security-Policy, and
 * the key's own answers. A new member of staff chooses a key at the first sign-in, signs out, and signs in with the
 * password and the key; another key — one the browser has, but registered to another account — does not get in.
 * Skipped, with the reason, where Chromium is not installed.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityKeyBrowserTests {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    ChromeDriver driver;
    WebDriverWait wait;
    VirtualAuthenticator authenticator;

    @BeforeAll
    void startBrowser() throws IOException {
        driver = Chromium.start("zhengwu-chromium-keys");
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.withMessage(() -> "the browser is at " + driver.getCurrentUrl() + ": "
                + driver.findElement(By.tagName("body")).getText());
    }

    @AfterEach
    void removeKey() {
        if (authenticator != null) {
            ((HasVirtualAuthenticator) driver).removeVirtualAuthenticator(authenticator);
            authenticator = null;
        }
        if (driver != null) {
            driver.manage().deleteAllCookies();
        }
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private String platform() {
        return "http://localhost:" + port;
    }

    /** A USB security key that asks for a PIN and has room for resident keys, as common FIDO2 keys do. */
    private VirtualAuthenticator plugInKey() {
        authenticator = ((HasVirtualAuthenticator) driver)
                .addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                        .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                        .setTransport(VirtualAuthenticatorOptions.Transport.USB)
                        .setHasResidentKey(true)
                        .setHasUserVerification(true)
                        .setIsUserVerified(true)
                        .setIsUserConsenting(true));
        return authenticator;
    }

    private void unplugKey() {
        ((HasVirtualAuthenticator) driver).removeVirtualAuthenticator(authenticator);
        authenticator = null;
    }

    private String newStaff() {
        String username = "browser-key-" + TestPeople.newMobile();
        staff.create(
                username, "浏览器密钥测试", TestBrowser.STAFF_PASSWORD, null, Set.of(CatalogAccess.CATALOG_EDITOR), "test");
        return username;
    }

    private void signInWithPassword(String username, String expectedPath) {
        driver.get(platform() + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(TestBrowser.STAFF_PASSWORD);
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]"))
                .click();
        wait.until(d -> d.getCurrentUrl().equals(platform() + expectedPath));
    }

    /** The first sign-in of {@code username}: the password, then the key plugged in now, chosen as second factor. */
    private void enrolKey(String username, String name) {
        signInWithPassword(username, "/account/mfa/setup");
        screenshot("mfa-setup");
        driver.findElement(By.id("label")).sendKeys(name);
        driver.findElement(By.cssSelector("form[data-webauthn=register] button[type=submit]"))
                .click();
        wait.until(d ->
                !d.findElements(By.cssSelector("[data-testid=recovery-codes]")).isEmpty());
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("安全密钥已注册");
        assertThat(driver.findElements(By.cssSelector("[data-testid=recovery-codes] li")))
                .hasSize(10);
        driver.findElement(By.cssSelector("form[action='/account/mfa/setup/done'] button"))
                .click();
        wait.until(d -> d.getCurrentUrl().equals(platform() + "/login/mfa"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("请点击“使用安全密钥或通行密钥”");
        useKey();
        wait.until(d -> d.getCurrentUrl().startsWith(platform() + "/admin"));
    }

    private void useKey() {
        driver.findElement(By.cssSelector("[data-testid=use-security-key]")).click();
    }

    private void signOut() {
        driver.findElement(By.cssSelector("header form[action='/logout'] button"))
                .click();
        wait.until(d -> d.getCurrentUrl().equals(platform() + "/?signedOut"));
    }

    @Test
    void aNewMemberOfStaffEnrolsASecurityKeySignsOutAndSignsInWithPasswordAndKey() {
        VirtualAuthenticator key = plugInKey();
        String username = newStaff();
        enrolKey(username, "办公室安全密钥");
        assertThat(key.getCredentials()).hasSize(1);

        driver.get(platform() + "/account/webauthn");
        assertThat(driver.findElement(By.cssSelector("[data-testid=security-keys]"))
                        .getText())
                .contains("办公室安全密钥");
        signOut();

        signInWithPassword(username, "/login/mfa");
        screenshot("mfa-sign-in");
        assertThat(driver.findElement(By.cssSelector("[data-testid=use-security-key]"))
                        .getText())
                .isEqualTo("使用安全密钥或通行密钥");
        useKey();
        wait.until(d -> d.getCurrentUrl().equals(platform() + "/admin"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isNotBlank();
        driver.get(platform() + "/admin/catalog");
        assertThat(driver.getCurrentUrl()).isEqualTo(platform() + "/admin/catalog");
    }

    @Test
    void anotherKeyDoesNotGetIn() {
        plugInKey();
        String owner = newStaff();
        enrolKey(owner, "办公室安全密钥");
        signOut();
        unplugKey();

        // Another key, registered to another member of staff.
        plugInKey();
        String other = newStaff();
        enrolKey(other, "另一把密钥");
        signOut();

        signInWithPassword(owner, "/login/mfa");
        useKey();
        // The browser finds none of the owner's keys on this authenticator: nothing is sent, the page says so.
        wait.until(d -> {
            var status = d.findElement(By.cssSelector("[data-webauthn-status]"));
            return status.isDisplayed() && status.getDomAttribute("class").contains("notice--warning");
        });
        assertThat(driver.getCurrentUrl()).isEqualTo(platform() + "/login/mfa");

        // Made to answer anyway (as a script in the page could): the server refuses the other account's key.
        ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const form = document.querySelector('form[data-webauthn=sign-in]');
                const token = form.querySelector('input[name=_csrf]').value;
                const decode = s => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), c => c.charCodeAt(0));
                const encode = b => btoa(String.fromCharCode(...new Uint8Array(b)))
                        .replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
                fetch('/login/mfa/webauthn/options', {method: 'POST', headers: {'X-CSRF-TOKEN': token}})
                    .then(r => r.json())
                    .then(o => navigator.credentials.get({publicKey: {challenge: decode(o.challenge), rpId: o.rpId}}))
                    .then(c => {
                        form.querySelector('input[name=credential]').value = JSON.stringify({
                            id: c.id, rawId: encode(c.rawId), type: c.type,
                            response: {authenticatorData: encode(c.response.authenticatorData),
                                clientDataJSON: encode(c.response.clientDataJSON),
                                signature: encode(c.response.signature),
                                userHandle: c.response.userHandle ? encode(c.response.userHandle) : null},
                            clientExtensionResults: {}});
                        form.submit();
                        done('sent');
                    })
                    .catch(e => done('failed: ' + e));
                """);
        wait.until(d ->
                !d.findElements(By.cssSelector("[data-testid=error-summary]")).isEmpty());
        assertThat(driver.findElement(By.cssSelector("[data-testid=error-summary]"))
                        .getText())
                .contains("安全密钥验证未通过");
        driver.get(platform() + "/admin");
        assertThat(driver.getCurrentUrl()).isEqualTo(platform() + "/login/mfa");
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(
                    SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
