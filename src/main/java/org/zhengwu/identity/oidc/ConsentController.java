package org.zhengwu.identity.oidc;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhengwu.shared.web.NotFoundException;

/** 授权确认: a person agrees (or not) that a department system may know who they are. */
@Controller
class ConsentController {

    private final RegisteredClientRepository clients;
    private final OAuth2AuthorizationConsentService consents;

    ConsentController(RegisteredClientRepository clients, OAuth2AuthorizationConsentService consents) {
        this.clients = clients;
        this.consents = consents;
    }

    @GetMapping(SignInContinuation.CONSENT_PAGE)
    String consent(
            Principal principal,
            @RequestParam("client_id") String clientId,
            @RequestParam String scope,
            @RequestParam String state,
            Model model) {
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null) {
            throw new NotFoundException("client.not-found");
        }
        OAuth2AuthorizationConsent existing = consents.findById(client.getId(), principal.getName());
        Set<String> granted = existing == null ? Set.of() : existing.getScopes();
        List<String> toApprove = new ArrayList<>();
        List<String> approved = new ArrayList<>();
        for (String s : scope.split(" ")) {
            if (OidcScopes.OPENID.equals(s) || s.isBlank()) {
                continue;
            }
            (granted.contains(s) ? approved : toApprove).add(s);
        }
        model.addAttribute("client", client);
        model.addAttribute("state", state);
        model.addAttribute("toApprove", toApprove);
        model.addAttribute("approved", approved);
        return "identity/consent";
    }
}
