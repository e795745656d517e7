package org.zhengwu.identity.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagerFactory;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.HumanChallenge;
import org.zhengwu.identity.IdentityAccess;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.AccountSessions;
import org.zhengwu.identity.account.PasswordHashing;
import org.zhengwu.identity.account.SessionGuard;
import org.zhengwu.identity.account.SignInAttempts;
import org.zhengwu.identity.account.SignInFactors;
import org.zhengwu.identity.oidc.SignInContinuation;
import org.zhengwu.shared.audit.AccountabilityLog;

/**
 * Who may reach which URL. Public pages and the read-only API are open; {@code /account/**} needs a sign-in,
 * {@code /admin/**} a staff sign-in; every rule needs, for staff, the second factor too ({@link SignInFactors}) except
 * on the second-factor pages themselves ({@link SecondFactorPaths}), and each administrative action states its role or
 * permission with {@code @PreAuthorize}. The OIDC provider's endpoints have their own chain
 * ({@link org.zhengwu.identity.oidc}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain applicationSecurity(
            HttpSecurity http,
            SignInHandlers signIn,
            SignInAttempts attempts,
            AccountabilityLog audit,
            SignInContinuation continuation,
            SecondFactorPage secondFactorPage,
            HumanChallenge challenge,
            AccountSessions sessions)
            throws Exception {
        var path = PathPatternRequestMatcher.withDefaults();
        var swaggerUi = new OrRequestMatcher(path.matcher("/swagger-ui/**"), path.matcher("/swagger-ui.html"));
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        // The one place a sign-in with the password alone is enough: the second-factor pages.
                        .requestMatchers(SecondFactorPaths.matcher())
                        .access(AuthenticatedAuthorizationManager.authenticated())
                        .requestMatchers("/actuator/**")
                        .hasAnyRole(IdentityAccess.ADMIN, IdentityAccess.SYSTEM_ADMIN)
                        .requestMatchers("/admin/**")
                        .hasAuthority(AccountDirectory.typeAuthority(AccountType.STAFF))
                        .requestMatchers("/account/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(signIn)
                        .failureHandler(signIn)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/?signedOut")
                        .deleteCookies("ZHENGWU_SESSION"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .addFilterBefore(new SessionGuard(sessions), CsrfFilter.class)
                .addFilterBefore(
                        new AddressGate(attempts, audit, challenge), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new PasswordExpiredGate(), AuthorizationFilter.class)
                // An API call that carries no session cookie cannot ride anyone's session, so it needs no CSRF token
                // (a department system, or anyone posting a licence file to be verified).
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        request -> path.matcher("/api/**").matches(request) && !carriesSessionCookie(request)))
                .exceptionHandling(errors -> {
                    errors.defaultAuthenticationEntryPointFor(
                            new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                            new OrRequestMatcher(path.matcher("/api/**"), path.matcher("/actuator/**")));
                    // Refused for want of the second factor: to the code page, keeping the address for afterwards.
                    errors.accessDeniedHandler(secondFactorPage);
                })
                // HSTS, Permissions-Policy and the rest for every chain: shared.web.SecurityHeaders. Swagger UI's
                // page styles its elements inline, so its policy allows inline styles (never inline scripts).
                .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(swaggerUi), new ContentSecurityPolicy(continuation)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                swaggerUi,
                                new StaticHeadersWriter(
                                        ContentSecurityPolicy.HEADER, ContentSecurityPolicy.SWAGGER_UI_POLICY)))
                        .httpStrictTransportSecurity(hsts -> hsts.disable())
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

    private static boolean carriesSessionCookie(jakarta.servlet.http.HttpServletRequest request) {
        jakarta.servlet.http.Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (jakarta.servlet.http.Cookie cookie : cookies) {
            if ("ZHENGWU_SESSION".equals(cookie.getName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every rule of both chains and every {@code @PreAuthorize} asks, for staff, for the second factor as well as its
     * own condition.
     */
    @Bean
    static AuthorizationManagerFactory<Object> authorizationManagerFactory() {
        return SignInFactors.authorizationManagers();
    }

    /**
     * No Micrometer observation of every security filter, authentication and authorization decision: each request
     * passes some twenty filters, and timing each one cost about a fifth of the token endpoint's CPU. Requests are
     * still timed as a whole ({@code http.server.requests}), and every decision that matters is in the accountability
     * log.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordHashing.encoder();
    }
}
