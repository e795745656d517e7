package org.zhengwu.identity;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A test that a person, not a program, fills in a public form: the CAPTCHA or slider service a deployment may have.
 * Registration, the password-reset request and sign-in show its {@link #fragment()} inside the form and ask
 * {@link #passed} before anything else is done with the request. The platform's own passes everyone and shows nothing;
 * a deployment replaces it by declaring a bean of its own implementation (the platform's is only a fallback).
 */
public interface HumanChallenge {

    /**
     * Whether the request carries a solved challenge — typically the token the widget added to the form, checked with
     * the service. Called once per posted form.
     */
    boolean passed(HttpServletRequest request);

    /**
     * The Thymeleaf fragment that shows the challenge inside each public form, as {@code "template :: selector"}
     * (e.g. {@code "captcha/slider :: widget"}). Its fields are posted with the form. It must work without JavaScript
     * or offer an alternative that does, as every public journey must.
     */
    String fragment();
}
