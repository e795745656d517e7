package org.zhengwu.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** HSTS: sent on secure requests where the configuration asks for it, which the production profile does. */
class SecurityHeadersTests {

    @Test
    void hstsOnSecureRequestsOnlyWhenConfigured() throws Exception {
        assertThat(hsts(true, true)).isEqualTo("max-age=31536000; includeSubDomains");
        assertThat(hsts(true, false)).as("plain HTTP").isNull();
        assertThat(hsts(false, true)).as("not configured").isNull();
    }

    @Test
    void theProductionProfileAsksForHsts() throws Exception {
        var environment = new StandardEnvironment();
        new YamlPropertySourceLoader()
                .load("production", new ClassPathResource("application-production.yml"))
                .forEach(source -> environment.getPropertySources().addFirst(source));
        Binder binder = new Binder(ConfigurationPropertySources.get(environment));
        assertThat(binder.bind("zhengwu.web.hsts", Boolean.class).get()).isTrue();
    }

    private static String hsts(boolean configured, boolean secure) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setSecure(secure);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new SecurityHeaders(new SecurityHeaders.Settings(configured, Duration.ofDays(365)))
                .doFilter(request, response, new MockFilterChain());
        assertThat(response.getHeader("Permissions-Policy")).contains("camera=()");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        return response.getHeader("Strict-Transport-Security");
    }
}
