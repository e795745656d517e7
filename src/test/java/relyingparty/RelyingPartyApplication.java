package relyingparty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * A department system that signs people in through the platform, as any Spring Boot application would with
 * spring-boot-starter-oauth2-client and nothing but configuration: the platform is its OpenID provider, found through
 * discovery. It lives outside {@code org.zhengwu} so that neither application scans the other, and it imports only
 * the auto-configuration a small web application needs — the platform's database, Flyway and authorization server
 * are on the same test classpath.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({
    TomcatServletWebServerAutoConfiguration.class,
    DispatcherServletAutoConfiguration.class,
    WebMvcAutoConfiguration.class,
    HttpMessageConvertersAutoConfiguration.class,
    SecurityAutoConfiguration.class,
    ServletWebSecurityAutoConfiguration.class,
    SecurityFilterAutoConfiguration.class,
    OAuth2ClientAutoConfiguration.class,
    OAuth2ClientWebSecurityAutoConfiguration.class
})
@Import(RelyingPartyApplication.Pages.class)
public class RelyingPartyApplication {

    /** The registration id, and so the callback path {@code /login/oauth2/code/zhengwu}. */
    public static final String REGISTRATION = "zhengwu";

    public static final String SESSION_COOKIE = "RP_SESSION";

    /**
     * Starts the relying party on {@code port}, registered at the platform as {@code clientId} with {@code secret}.
     * Its session cookie has a name of its own: cookies are not kept apart by port, and both sites are on localhost.
     */
    public static ConfigurableApplicationContext start(int port, String issuer, String clientId, String secret) {
        SpringApplication application = new SpringApplicationBuilder(RelyingPartyApplication.class)
                .properties(Map.of(
                        // Not the platform's application.yml, which is on the same classpath.
                        "spring.config.name",
                        "relyingparty",
                        "spring.main.banner-mode",
                        "off",
                        "server.port",
                        port,
                        "server.servlet.session.cookie.name",
                        SESSION_COOKIE,
                        "spring.security.oauth2.client.provider." + REGISTRATION + ".issuer-uri",
                        issuer,
                        "spring.security.oauth2.client.registration." + REGISTRATION + ".client-id",
                        clientId,
                        "spring.security.oauth2.client.registration." + REGISTRATION + ".client-secret",
                        secret,
                        "spring.security.oauth2.client.registration." + REGISTRATION + ".scope",
                        "openid,profile"))
                .build();
        // The platform under test has set up the JVM's logging; a second application must not set it up again.
        List<ApplicationListener<?>> listeners = new ArrayList<>(application.getListeners());
        listeners.removeIf(LoggingApplicationListener.class::isInstance);
        application.setListeners(listeners);
        return application.run();
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logout.setPostLogoutRedirectUri("{baseUrl}/signed-out");
        // The platform requires PKCE of every authorization-code client, confidential ones too.
        DefaultOAuth2AuthorizationRequestResolver authorizationRequests = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/signed-out", "/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2Login(login -> login.authorizationEndpoint(
                        endpoint -> endpoint.authorizationRequestResolver(authorizationRequests)))
                .logout(l -> l.logoutSuccessHandler(logout));
        return http.build();
    }

    /** The department system's pages: who is signed in, and where one lands after signing out. */
    @RestController
    static class Pages {

        @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
        String home(@AuthenticationPrincipal OidcUser user, CsrfToken csrf) {
            return """
                    <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>部门业务系统</title></head><body>
                    <h1>部门业务系统</h1>
                    <p>当前用户：<span data-testid="name">%s</span></p>
                    <p>用户标识：<span data-testid="sub">%s</span></p>
                    <form action="/logout" method="post"><input type="hidden" name="%s" value="%s">
                    <button type="submit">退出</button></form>
                    </body></html>""".formatted(
                            HtmlUtils.htmlEscape(String.valueOf(user.getClaimAsString("name"))),
                            HtmlUtils.htmlEscape(user.getSubject()),
                            csrf.getParameterName(),
                            csrf.getToken());
        }

        @GetMapping(path = "/signed-out", produces = MediaType.TEXT_HTML_VALUE)
        String signedOut() {
            return """
                    <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>已退出</title></head><body>
                    <h1 data-testid="signed-out">您已退出部门业务系统</h1></body></html>""";
        }
    }
}
