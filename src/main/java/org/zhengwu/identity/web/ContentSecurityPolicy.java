package org.zhengwu.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.security.web.header.HeaderWriter;
import org.zhengwu.identity.oidc.SignInContinuation;

/**
 * Scripts, styles and images from this site only; no framing, no plugins; forms post back here only — except that a
 * form which continues a sign-in to a connected system may end, through redirects, at that one system's registered
 * address. Browsers apply {@code form-action} to every redirect after a post, so without that system's origin the
 * sign-in would stop on the platform's page.
 */
class ContentSecurityPolicy implements HeaderWriter {

    static final String HEADER = "Content-Security-Policy";
    static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'%s; frame-ancestors 'none'";

    /** Swagger UI sets style attributes from its script; its scripts are files of this site like any other. */
    static final String SWAGGER_UI_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' "
            + "'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private final SignInContinuation continuation;

    ContentSecurityPolicy(SignInContinuation continuation) {
        this.continuation = continuation;
    }

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (response.containsHeader(HEADER)) {
            return;
        }
        Set<String> origins = continuation.clientOrigins(request, response);
        response.setHeader(HEADER, POLICY.formatted(origins.isEmpty() ? "" : " " + String.join(" ", origins)));
    }
}
