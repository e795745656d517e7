package org.zhengwu.identity.web;

import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The only requests a member of staff who has given the password but not yet the second factor may make beyond the
 * public pages (the error page among them): the second-factor pages (a code or a security key), enrolment and sign-out. Every other rule requires both
 * factors ({@link org.zhengwu.identity.account.SignInFactors}). The list is the rule itself, and the tests send every
 * method to every path on it.
 */
public final class SecondFactorPaths {

    /** A path open to a half-signed-in session, with the methods it is open for. */
    public record OpenPath(String pattern, Set<HttpMethod> methods) {}

    public static final List<OpenPath> OPEN = List.of(
            new OpenPath("/login/mfa", Set.of(HttpMethod.GET, HttpMethod.POST)),
            // A security key instead of the code: its challenge, then its answer.
            new OpenPath("/login/mfa/webauthn/options", Set.of(HttpMethod.POST)),
            new OpenPath("/login/mfa/webauthn", Set.of(HttpMethod.POST)),
            new OpenPath("/login/new-password", Set.of(HttpMethod.GET, HttpMethod.POST)),
            new OpenPath("/account/mfa/setup", Set.of(HttpMethod.GET, HttpMethod.POST)),
            new OpenPath("/account/mfa/setup/done", Set.of(HttpMethod.POST)),
            // A security key as the first second factor (refused to an account that has one).
            new OpenPath("/account/webauthn/register/options", Set.of(HttpMethod.POST)),
            new OpenPath("/account/webauthn/register", Set.of(HttpMethod.POST)),
            new OpenPath("/logout", Set.of(HttpMethod.POST)));

    private SecondFactorPaths() {}

    static RequestMatcher matcher() {
        var path = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(OPEN.stream()
                .flatMap(open -> open.methods().stream().map(method -> path.matcher(method, open.pattern())))
                .map(RequestMatcher.class::cast)
                .toList());
    }
}
