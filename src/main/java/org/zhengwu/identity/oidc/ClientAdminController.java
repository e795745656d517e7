package org.zhengwu.identity.oidc;

import java.net.URI;
import java.security.Principal;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;

/**
 * 接入系统管理: administrators register the department systems that sign people in through the platform (or call it
 * with their own credentials), and rotate the token-signing key.
 */
@Controller
@RequestMapping("/admin/clients")
@PreAuthorize("hasAuthority('client.manage')")
class ClientAdminController {

    static final Pattern CLIENT_ID = Pattern.compile("[a-z][a-z0-9-]{2,63}");
    private static final java.util.Set<String> LOOPBACK = java.util.Set.of("localhost", "127.0.0.1", "[::1]");

    /** The three shapes of client the platform registers. */
    enum Kind {
        /** A server-side web application: authorization code with PKCE, a secret, refresh tokens. */
        WEB,
        /** A browser or mobile application: authorization code with PKCE, no secret. */
        PUBLIC,
        /** A department system calling the platform's APIs: client credentials. */
        SERVICE
    }

    private final RegisteredClientRepository clients;
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder = ClientSecrets.encoder();
    private final SigningKeys keys;
    private final AccountabilityLog audit;

    ClientAdminController(
            RegisteredClientRepository clients, JdbcClient jdbc, SigningKeys keys, AccountabilityLog audit) {
        this.clients = clients;
        this.jdbc = jdbc;
        this.keys = keys;
        this.audit = audit;
    }

    /** A registered client as the list shows it. */
    record ClientRow(String clientId, String name, String grantTypes, String redirectUris) {}

    @GetMapping
    String list(Model model) {
        model.addAttribute(
                "clients",
                jdbc.sql("""
                        SELECT client_id, client_name, authorization_grant_types, redirect_uris
                        FROM oauth2_registered_client ORDER BY client_id""")
                        .query((rs, n) -> new ClientRow(
                                rs.getString("client_id"),
                                rs.getString("client_name"),
                                rs.getString("authorization_grant_types"),
                                rs.getString("redirect_uris")))
                        .list());
        model.addAttribute("keys", keys.keys());
        model.addAttribute("kinds", Kind.values());
        return "identity/clients";
    }

    @PostMapping
    String register(
            @RequestParam(required = false) String clientId,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String redirectUris,
            @RequestParam(required = false) String postLogoutRedirectUris,
            @RequestParam(required = false) String scopes,
            @RequestParam(defaultValue = "false") boolean consent,
            @RequestParam(defaultValue = "false") boolean pairwise,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (clientId == null || !CLIENT_ID.matcher(clientId.strip()).matches()) {
            problems.put("clientId", "client.id.format");
        } else if (clients.findByClientId(clientId.strip()) != null) {
            problems.put("clientId", "client.id.taken");
        }
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            problems.put("name", "validation.required");
        }
        Kind chosen = null;
        try {
            chosen = Kind.valueOf(String.valueOf(kind));
        } catch (IllegalArgumentException e) {
            problems.put("kind", "validation.choose");
        }
        List<String> redirects = uris(redirectUris, "redirectUris", problems);
        List<String> logoutRedirects = uris(postLogoutRedirectUris, "postLogoutRedirectUris", problems);
        if (chosen != null && chosen != Kind.SERVICE && redirects.isEmpty()) {
            problems.putIfAbsent("redirectUris", "client.redirect.required");
        }
        List<String> extraScopes = scopes == null
                ? List.of()
                : Arrays.stream(scopes.split("[\\s,]+"))
                        .filter(s -> !s.isBlank())
                        .toList();
        if (extraScopes.stream().anyMatch(s -> !s.matches("[a-z][a-z0-9._:-]{1,63}"))) {
            problems.put("scopes", "client.scope.format");
        }
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems);
            return list(model);
        }
        String secret = chosen == Kind.PUBLIC ? null : newSecret();
        RegisteredClient.Builder client = RegisteredClient.withId(
                        UUID.randomUUID().toString())
                .clientId(clientId.strip())
                .clientName(name.strip())
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(chosen != Kind.SERVICE)
                        .requireAuthorizationConsent(consent)
                        .setting(Claims.PAIRWISE, pairwise)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(Duration.ofMinutes(10))
                        .refreshTokenTimeToLive(Duration.ofHours(8))
                        .reuseRefreshTokens(false)
                        .build());
        switch (chosen) {
            case WEB ->
                client.clientSecret(encoder.encode(secret))
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN);
            case PUBLIC ->
                client.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE);
            case SERVICE ->
                client.clientSecret(encoder.encode(secret))
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS);
        }
        if (chosen != Kind.SERVICE) {
            client.scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE);
            redirects.forEach(client::redirectUri);
            logoutRedirects.forEach(client::postLogoutRedirectUri);
        }
        extraScopes.forEach(client::scope);
        clients.save(client.build());
        audit.record(AuditEvent.success(principal.getName(), "identity.client.register", "client", clientId.strip())
                .withDetails(chosen.name()));
        redirect.addFlashAttribute("notice", "client.registered");
        redirect.addFlashAttribute("newClientId", clientId.strip());
        redirect.addFlashAttribute("newSecret", secret);
        return "redirect:/admin/clients";
    }

    @PostMapping("/keys/rotate")
    String rotate(Principal principal, RedirectAttributes redirect) {
        keys.rotate(principal.getName());
        redirect.addFlashAttribute("notice", "client.keys.rotated");
        return "redirect:/admin/clients";
    }

    /**
     * Registered redirect URIs must be absolute https addresses without fragments — plain http only for this machine
     * (a developer's client) — since the provider sends codes to them and to no other.
     */
    private static List<String> uris(String text, String field, Map<String, String> problems) {
        List<String> uris = new ArrayList<>();
        if (text == null) {
            return uris;
        }
        for (String line : text.split("\\s+")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                URI uri = URI.create(line.strip());
                if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                        || uri.getHost() == null
                        || uri.getFragment() != null) {
                    problems.put(field, "client.redirect.format");
                } else if ("http".equals(uri.getScheme()) && !LOOPBACK.contains(uri.getHost())) {
                    problems.put(field, "client.redirect.https");
                } else {
                    uris.add(uri.toString());
                }
            } catch (IllegalArgumentException e) {
                problems.put(field, "client.redirect.format");
            }
        }
        return uris;
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
