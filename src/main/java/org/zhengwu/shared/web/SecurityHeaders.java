package org.zhengwu.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The headers every answer carries, whichever security chain (or none) handles the request, set before anything
 * else runs so that error pages and refusals carry them too: no content-type sniffing, the origin only as referrer
 * to other sites, no powerful browser features for any page, and — where a deployment says its address is HTTPS
 * only ({@code zhengwu.web.hsts}, on in the production profile) — HSTS on secure requests. HSTS stays off by default:
 * a browser that once saw it on a development host would refuse that host over plain HTTP for a year. Each security
 * chain adds its own Content-Security-Policy; the servlet container's own refusals get theirs from
 * {@link ContainerErrorReportValve}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@EnableConfigurationProperties(SecurityHeaders.Settings.class)
public class SecurityHeaders extends OncePerRequestFilter {

    /**
     * @param hsts send Strict-Transport-Security on requests that arrived over HTTPS
     * @param hstsMaxAge how long browsers keep to HTTPS for this host and its subdomains
     */
    @ConfigurationProperties("zhengwu.web")
    public record Settings(
            @DefaultValue("false") boolean hsts,
            @DefaultValue("365d") Duration hstsMaxAge) {}

    public static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), display-capture=(), "
            + "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()";
    public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

    private final Settings settings;

    SecurityHeaders(Settings settings) {
        this.settings = settings;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        write(response, settings.hsts() && request.isSecure() ? settings.hstsMaxAge() : null);
        chain.doFilter(request, response);
    }

    /** Writes the headers; with {@code hstsMaxAge}, HSTS as well. */
    static void write(HttpServletResponse response, Duration hstsMaxAge) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", REFERRER_POLICY);
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        if (hstsMaxAge != null) {
            response.setHeader(
                    "Strict-Transport-Security", "max-age=" + hstsMaxAge.toSeconds() + "; includeSubDomains");
        }
    }
}
