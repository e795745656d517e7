package org.zhengwu.identity.oidc;

import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengwu.basedata.Organisation;
import org.zhengwu.basedata.Organisations;
import org.zhengwu.identity.AccessRegistry;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.web.FormChoices;
import org.zhengwu.shared.web.FormErrors;
import org.zhengwu.shared.web.NotFoundException;

/**
 * 接入系统管理: administrators register the department systems that sign people in through the platform (or call it
 * with their own credentials), disable, enable and delete them, replace their secrets, and rotate the token-signing
 * key. Access tokens are signed JWTs that live {@link #ACCESS_TOKEN_LIFETIME}: what disabling cannot recall from a
 * resource server that checks only the signature ends that soon.
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

    /** A system to register, as the administrator describes it. */
    public static class ClientForm {
        static final Validator RULES = Validator.forInstanceOf(ClientForm.class, (form, errors) -> {
            if (form.clientId == null || !CLIENT_ID.matcher(form.clientId).matches()) {
                errors.rejectValue("clientId", "client.id.format");
            }
            if (form.name == null) {
                errors.rejectValue("name", "validation.required");
            } else if (form.name.length() > MAX_NAME) {
                FormErrors.reject(errors, "name", "validation.too-long", MAX_NAME);
            }
            Kind kind = form.kind();
            if (kind == null) {
                errors.rejectValue("kind", "validation.choose");
            }
            List<String> redirects = uris(form.redirectUris, "redirectUris", errors);
            uris(form.postLogoutRedirectUris, "postLogoutRedirectUris", errors);
            if (kind != null && kind != Kind.SERVICE && redirects.isEmpty()) {
                FormErrors.rejectUnlessMarked(errors, "redirectUris", "client.redirect.required");
            }
            if (form.scopes().stream().anyMatch(scope -> !scope.matches("[a-z][a-z0-9._:-]{1,63}"))) {
                errors.rejectValue("scopes", "client.scope.format");
            }
        });

        private String clientId;
        private String name;
        private String kind;
        private String redirectUris;
        private String postLogoutRedirectUris;
        private String scopes;
        private boolean consent;
        private boolean pairwise;

        Kind kind() {
            for (Kind k : Kind.values()) {
                if (k.name().equals(kind)) {
                    return k;
                }
            }
            return null;
        }

        List<String> scopes() {
            return scopes == null
                    ? List.of()
                    : Arrays.stream(scopes.split("[\\s,]+"))
                            .filter(s -> !s.isEmpty())
                            .toList();
        }

        public String getClientId() {
            return clientId;
        }

        public void setClientId(String clientId) {
            this.clientId = clientId;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        public String getRedirectUris() {
            return redirectUris;
        }

        public void setRedirectUris(String redirectUris) {
            this.redirectUris = redirectUris;
        }

        public String getPostLogoutRedirectUris() {
            return postLogoutRedirectUris;
        }

        public void setPostLogoutRedirectUris(String postLogoutRedirectUris) {
            this.postLogoutRedirectUris = postLogoutRedirectUris;
        }

        public String getScopes() {
            return scopes;
        }

        public void setScopes(String scopes) {
            this.scopes = scopes;
        }

        public boolean isConsent() {
            return consent;
        }

        public void setConsent(boolean consent) {
            this.consent = consent;
        }

        public boolean isPairwise() {
            return pairwise;
        }

        public void setPairwise(boolean pairwise) {
            this.pairwise = pairwise;
        }
    }

    /**
     * A department system's access to the modules' APIs: the organisation it speaks for and the scopes granted to it
     * ({@link ClientApiAccess}); neither removes the grant.
     */
    public static class ApiAccessForm {
        private String organisation;
        private List<String> scopes = new ArrayList<>();

        public String getOrganisation() {
            return organisation;
        }

        public void setOrganisation(String organisation) {
            this.organisation = organisation;
        }

        public List<String> getScopes() {
            return scopes;
        }

        public void setScopes(List<String> scopes) {
            this.scopes = scopes == null ? new ArrayList<>() : scopes;
        }
    }

    static final int MAX_NAME = 200;

    /** Short, because a signed access token cannot be recalled from a resource server that checks it alone. */
    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(10);

    private final ClientRegistry clients;
    private final PasswordEncoder encoder = ClientSecrets.encoder();
    private final SigningKeys keys;
    private final AccountabilityLog audit;
    private final ClientApiAccess apiAccess;
    private final AccessRegistry registry;
    private final Organisations organisations;

    ClientAdminController(
            ClientRegistry clients,
            SigningKeys keys,
            AccountabilityLog audit,
            ClientApiAccess apiAccess,
            AccessRegistry registry,
            Organisations organisations) {
        this.clients = clients;
        this.keys = keys;
        this.audit = audit;
        this.apiAccess = apiAccess;
        this.registry = registry;
        this.organisations = organisations;
    }

    @InitBinder("client")
    void rules(WebDataBinder binder) {
        binder.addValidators(ClientForm.RULES);
    }

    /** A registered client as the pages show it. */
    record ClientRow(
            String clientId,
            String name,
            Kind kind,
            String grantTypes,
            String redirectUris,
            boolean enabled,
            long accessTokenMinutes,
            Long refreshTokenMinutes) {

        static ClientRow of(RegisteredClient client) {
            Kind kind = client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    ? Kind.SERVICE
                    : client.getClientSecret() == null ? Kind.PUBLIC : Kind.WEB;
            boolean refreshes = client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN);
            return new ClientRow(
                    client.getClientId(),
                    client.getClientName(),
                    kind,
                    client.getAuthorizationGrantTypes().stream()
                            .map(AuthorizationGrantType::getValue)
                            .sorted()
                            .collect(Collectors.joining(",")),
                    String.join(",", new TreeSet<>(client.getRedirectUris())),
                    !ClientRegistry.disabled(client),
                    client.getTokenSettings().getAccessTokenTimeToLive().toMinutes(),
                    refreshes
                            ? client.getTokenSettings()
                                    .getRefreshTokenTimeToLive()
                                    .toMinutes()
                            : null);
        }
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("clients", clients.all().stream().map(ClientRow::of).toList());
        model.addAttribute("keys", keys.keys());
        model.addAttribute("kinds", Kind.values());
        if (!model.containsAttribute("client")) {
            ClientForm form = new ClientForm();
            form.setKind(Kind.WEB.name());
            model.addAttribute("client", form);
        }
        return "identity/clients";
    }

    @PostMapping
    String register(
            @Validated @ModelAttribute("client") ClientForm form,
            BindingResult binding,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        if (!binding.hasFieldErrors("clientId")
                && clients.find(form.getClientId()).isPresent()) {
            binding.rejectValue("clientId", "client.id.taken");
        }
        if (!binding.hasFieldErrors("scopes")
                && form.scopes().stream()
                        .anyMatch(scope -> registry.apiScope(scope).isPresent())) {
            // A module's API scope is granted on the system's page, with the organisation it reads for.
            binding.rejectValue("scopes", "client.scope.api");
        }
        if (binding.hasErrors()) {
            return list(model);
        }
        String clientId = form.getClientId();
        Kind chosen = form.kind();
        boolean consent = form.isConsent();
        boolean pairwise = form.isPairwise();
        List<String> redirects = uris(form.getRedirectUris(), "redirectUris", binding);
        List<String> logoutRedirects = uris(form.getPostLogoutRedirectUris(), "postLogoutRedirectUris", binding);
        List<String> extraScopes = form.scopes();
        String secret = chosen == Kind.PUBLIC ? null : ClientSecrets.newSecret();
        RegisteredClient.Builder client = RegisteredClient.withId(
                        UUID.randomUUID().toString())
                .clientId(clientId)
                .clientName(form.getName())
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(chosen != Kind.SERVICE)
                        .requireAuthorizationConsent(consent)
                        .setting(Claims.PAIRWISE, pairwise)
                        .setting(Claims.PAIRWISE_SALTED, true)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(ACCESS_TOKEN_LIFETIME)
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
        audit.record(AuditEvent.success(principal.getName(), "identity.client.register", "client", clientId)
                .withDetails(chosen.name()));
        redirect.addFlashAttribute("notice", "client.registered");
        redirect.addFlashAttribute("newClientId", clientId);
        redirect.addFlashAttribute("newSecret", secret);
        return "redirect:/admin/clients";
    }

    private RegisteredClient client(String clientId) {
        return clients.find(clientId).orElseThrow(() -> new NotFoundException("client.not-found"));
    }

    @GetMapping("/{clientId}")
    String client(@PathVariable String clientId, Model model, Locale locale) {
        RegisteredClient client = client(clientId);
        model.addAttribute("system", ClientRow.of(client));
        Optional<ClientApiAccess.Grant> grant = apiAccess.find(clientId);
        model.addAttribute(
                "apiOrganisation",
                grant.map(g -> organisations
                                .find(g.organisationUscc())
                                .map(Organisation::name)
                                .orElse(g.organisationUscc()))
                        .orElse(null));
        model.addAttribute("apiGrant", grant.orElse(null));
        model.addAttribute(
                "apiScopeNames",
                grant.map(g -> registry.apiScopes().stream()
                                .filter(scope -> g.scopes().contains(scope.code()))
                                .map(scope -> scope.name().in(locale) + " (" + scope.code() + ")")
                                .toList())
                        .orElse(List.of()));
        if (!model.containsAttribute("apiAccess")) {
            ApiAccessForm form = new ApiAccessForm();
            grant.ifPresent(g -> {
                form.setOrganisation(g.organisationUscc());
                form.setScopes(new ArrayList<>(new TreeSet<>(g.scopes())));
            });
            model.addAttribute("apiAccess", form);
        }
        model.addAttribute(
                "organisations",
                organisations.all().stream()
                        .map(o -> FormChoices.Choice.of(o.uscc(), o.name() + " " + o.uscc()))
                        .toList());
        model.addAttribute(
                "apiScopes",
                registry.apiScopes().stream()
                        .map(scope -> new FormChoices.Choice(
                                scope.code(), scope.name().in(locale), scope.code()))
                        .toList());
        return "identity/client";
    }

    /**
     * Links a department system (client credentials) to an organisation with the API scopes it may read with; no
     * organisation and no scope removes the link. Checked, and in the log with the change.
     */
    @PostMapping("/{clientId}/api-access")
    String setApiAccess(
            @PathVariable String clientId,
            @ModelAttribute("apiAccess") ApiAccessForm form,
            BindingResult binding,
            Principal principal,
            Model model,
            Locale locale,
            RedirectAttributes redirect) {
        RegisteredClient client = client(clientId);
        if (!client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.CLIENT_CREDENTIALS)) {
            // The page offers no such form: a client people sign in to reads no organisation's data.
            redirect.addFlashAttribute("problem", "client.api.service-only");
            return "redirect:/admin/clients/" + clientId;
        }
        String organisation =
                form.getOrganisation() == null || form.getOrganisation().isBlank()
                        ? null
                        : form.getOrganisation().strip();
        List<String> scopes = form.getScopes().stream()
                .filter(scope -> scope != null && !scope.isBlank())
                .distinct()
                .toList();
        if (organisation == null && !scopes.isEmpty()) {
            binding.rejectValue("organisation", "client.api.organisation.required");
        } else if (organisation != null && organisations.find(organisation).isEmpty()) {
            binding.rejectValue("organisation", "client.api.organisation.unknown");
        }
        if (scopes.stream().anyMatch(scope -> registry.apiScope(scope).isEmpty())) {
            binding.rejectValue("scopes", "client.api.scope.unknown");
        }
        if (binding.hasErrors()) {
            return client(clientId, model, locale);
        }
        apiAccess.set(client, organisation, scopes, principal.getName());
        redirect.addFlashAttribute("notice", organisation == null ? "client.api.removed" : "client.api.saved");
        return "redirect:/admin/clients/" + clientId;
    }

    /** Disabling stops new tokens and revokes the system's authorizations; enabling lets it ask again. */
    @PostMapping("/{clientId}/enabled")
    String setEnabled(
            @PathVariable String clientId,
            @RequestParam boolean enabled,
            Principal principal,
            RedirectAttributes redirect) {
        RegisteredClient client = client(clientId);
        if (enabled) {
            clients.enable(client, principal.getName());
        } else {
            clients.disable(client, principal.getName());
        }
        redirect.addFlashAttribute("notice", enabled ? "client.enabled" : "client.disabled");
        return "redirect:/admin/clients/" + clientId;
    }

    /** A new secret, shown once; the old one stops working at once. */
    @PostMapping("/{clientId}/secret")
    String rotateSecret(@PathVariable String clientId, Principal principal, RedirectAttributes redirect) {
        RegisteredClient client = client(clientId);
        if (client.getClientSecret() == null) {
            redirect.addFlashAttribute("problem", "client.secret.none");
            return "redirect:/admin/clients/" + clientId;
        }
        redirect.addFlashAttribute("newSecret", clients.rotateSecret(client, principal.getName()));
        redirect.addFlashAttribute("newClientId", clientId);
        redirect.addFlashAttribute("notice", "client.secret.rotated");
        return "redirect:/admin/clients/" + clientId;
    }

    /** Deleting cannot be undone: a page asks first (a plain link, so no script is needed). */
    @GetMapping("/{clientId}/delete")
    String confirmDelete(@PathVariable String clientId, Model model) {
        model.addAttribute("system", ClientRow.of(client(clientId)));
        return "identity/client-delete";
    }

    @PostMapping("/{clientId}/delete")
    String delete(@PathVariable String clientId, Principal principal, RedirectAttributes redirect) {
        clients.delete(client(clientId), principal.getName());
        redirect.addFlashAttribute("notice", "client.deleted");
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
    private static List<String> uris(String text, String field, Errors errors) {
        List<String> uris = new ArrayList<>();
        if (text == null) {
            return uris;
        }
        for (String line : text.split("\\s+")) {
            if (line.isEmpty()) {
                continue;
            }
            try {
                URI uri = URI.create(line);
                if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                        || uri.getHost() == null
                        || uri.getFragment() != null) {
                    FormErrors.rejectUnlessMarked(errors, field, "client.redirect.format");
                } else if ("http".equals(uri.getScheme()) && !LOOPBACK.contains(uri.getHost())) {
                    FormErrors.rejectUnlessMarked(errors, field, "client.redirect.https");
                } else {
                    uris.add(uri.toString());
                }
            } catch (IllegalArgumentException e) {
                FormErrors.rejectUnlessMarked(errors, field, "client.redirect.format");
            }
        }
        return uris;
    }
}
