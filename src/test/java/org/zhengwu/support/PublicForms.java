package org.zhengwu.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.identity.account.OutboxNotificationSender;

/**
 * The public forms as a person uses them over HTTP: registration with the code sent to the mobile (read from the
 * development outbox), and the messages the outbox holds.
 */
public final class PublicForms {

    private static final Pattern CODE = Pattern.compile("(\\d{6})");

    private PublicForms() {}

    /** The fields of a registration form, e-mail left empty. */
    public static Map<String, String> registration(
            String username, String realName, String idNumber, String mobile, String password) {
        Map<String, String> form = new HashMap<>();
        form.put("username", username);
        form.put("realName", realName);
        form.put("idNumber", idNumber);
        form.put("mobile", mobile);
        form.put("email", "");
        form.put("password", password);
        form.put("confirmation", password);
        return form;
    }

    /** Posts the registration form: the code page, or the form again with its errors. */
    public static TestBrowser.Page register(TestBrowser browser, Map<String, String> form) {
        Map<String, String> fields = new HashMap<>(form);
        fields.put("_csrf", TestBrowser.csrf(browser.get("/register")));
        return browser.post("/register", fields);
    }

    /**
     * Registers all the way: the form, then the code the mobile received. Returns the answer to the code (a
     * redirect to the sign-in page when registered).
     */
    public static TestBrowser.Page registerWithCode(
            TestBrowser browser, OutboxNotificationSender outbox, Map<String, String> form) {
        TestBrowser.Page codePage = register(browser, form);
        if (codePage.html().selectFirst("form[action=/register/confirm]") == null) {
            throw new IllegalStateException("registration refused: " + codePage.body());
        }
        return confirm(
                browser, codePage, lastCodeSentTo(outbox, form.get("mobile").strip()));
    }

    /** Posts a code on the registration's code page. */
    public static TestBrowser.Page confirm(TestBrowser browser, TestBrowser.Page codePage, String code) {
        return browser.post("/register/confirm", Map.of("code", code, "_csrf", TestBrowser.csrf(codePage)));
    }

    /** The body of the last message the development outbox holds for a recipient (found by its blind index). */
    public static String lastMessageTo(OutboxNotificationSender outbox, String recipient) {
        return outbox.bodiesTo(recipient).stream().findFirst().orElse(null);
    }

    /** How many messages the outbox holds for a recipient. */
    public static long messagesTo(OutboxNotificationSender outbox, String recipient) {
        return outbox.bodiesTo(recipient).size();
    }

    /** The six-digit code of the last message to a recipient. */
    public static String lastCodeSentTo(OutboxNotificationSender outbox, String recipient) {
        String body = lastMessageTo(outbox, recipient);
        Matcher matcher = CODE.matcher(String.valueOf(body));
        if (!matcher.find()) {
            throw new IllegalStateException("no code in the last message to " + recipient + ": " + body);
        }
        return matcher.group(1);
    }

    /**
     * Moves every event the limits have counted back in time, as if that much time had passed: what a limit
     * refused is allowed again once its window has gone by.
     */
    public static void letTimePass(JdbcClient jdbc, Duration time) {
        jdbc.sql("UPDATE identity_rate_limit_event SET occurred_at = occurred_at - make_interval(secs => :seconds)")
                .param("seconds", (double) time.toSeconds())
                .update();
    }
}
