package org.zhengwu.identity.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.IdentityAccess;
import org.zhengwu.identity.account.AccountDirectory;
import org.zhengwu.identity.account.AccountSessions;
import org.zhengwu.identity.account.PasswordHashing;
import org.zhengwu.identity.account.SessionGuard;
import org.zhengwu.identity.account.SignInAttempts;
import org.zhengwu.identity.oidc.SignInContinuation;
import org.zhengwu.shared.audit.AccountabilityLog;

/**
 * Who may reach which URL. Public pages and the read-only API are open; {@code /account/**} needs any sign-in,
 * {@code /admin/**} a staff sign-in with its second factor, and each administrative action states its role or
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
            AccountDirectory directory,
            SignInAttempts attempts,
            AccountabilityLog audit,
            SignInContinuation continuation,
            AccountSessions sessions)
            throws Exception {
        var path = PathPatternRequestMatcher.withDefaults();
        var swaggerUi = new OrRequestMatcher(path.matcher("/swagger-ui/**"), path.matcher("/swagger-ui.html"));
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(IdentityAccess.ADMIN)
                        .requestMatchers("/admin/**")
                        .hasAuthority(AccountDirectory.typeAuthority(AccountType.STAFF))
                        .requestMatchers("/account/**", "/login/mfa")
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
                .addFilterBefore(new AddressGate(attempts, audit), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new SecondFactorGate(directory), AuthorizationFilter.class)
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        new OrRequestMatcher(path.matcher("/api/**"), path.matcher("/actuator/**"))))
                .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(swaggerUi), new ContentSecurityPolicy(continuation)))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordHashing.encoder();
    }
}
