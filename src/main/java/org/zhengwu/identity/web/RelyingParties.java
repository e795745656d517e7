package org.zhengwu.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.zhengwu.identity.account.SecurityKeys.RelyingParty;

/**
 * Who the platform is to a security key: the relying-party id keys are bound to (a host name) and the page origins
 * an answer may come from. Configured ({@code zhengwu.identity.webauthn.*}), or else taken from the OIDC issuer — the
 * platform's public address, required in production — or, where neither is set (development, tests), from the address
 * each request arrived at, as the issuer itself is. A key registered under one id works only under that id: changing
 * the platform's host name means registering keys again, unless the id stays a parent domain of both.
 */
@Component
@EnableConfigurationProperties(RelyingParties.Settings.class)
class RelyingParties {

    /**
     * @param rpId    the relying-party id, a host name: the issuer's host, or a parent domain of it (e.g.
     *                {@code zwfw.ah.gov.cn} for {@code sso.zwfw.ah.gov.cn}); empty: the issuer's host
     * @param origins the origins the sign-in pages are served from ({@code https://sso.zwfw.ah.gov.cn}); each must be
     *                the relying-party id or under it; empty: the issuer's origin
     */
    @ConfigurationProperties("zhengwu.identity.webauthn")
    record Settings(String rpId, List<String> origins) {
        Settings {
            rpId = rpId == null ? "" : rpId.strip();
            origins = origins == null
                    ? List.of()
                    : origins.stream()
                            .map(String::strip)
                            .filter(o -> !o.isEmpty())
                            .toList();
        }
    }

    private final String name;
    private final RelyingParty configured;

    RelyingParties(Settings settings, Environment environment, MessageSource messages) {
        this.name = messages.getMessage("layout.brand", null, Locale.SIMPLIFIED_CHINESE);
        String issuer = environment.getProperty("zhengwu.identity.issuer", "").strip();
        List<String> origins = settings.origins().isEmpty() && !issuer.isEmpty()
                ? List.of(origin(URI.create(issuer)))
                : settings.origins();
        if (origins.isEmpty()) {
            this.configured = null;
            return;
        }
        String rpId = settings.rpId().isEmpty() ? URI.create(origins.get(0)).getHost() : settings.rpId();
        for (String origin : origins) {
            String host = URI.create(origin).getHost();
            if (host == null || !(host.equals(rpId) || host.endsWith("." + rpId))) {
                throw new IllegalStateException("ZHENGWU_IDENTITY_WEBAUTHN_ORIGINS (zhengwu.identity.webauthn.origins):"
                        + " the origin " + origin + " is not on the relying-party id " + rpId
                        + " (ZHENGWU_IDENTITY_WEBAUTHN_RP_ID): browsers would refuse every security key there");
            }
        }
        this.configured = new RelyingParty(rpId, name, Set.copyOf(origins));
    }

    /** The relying party for a ceremony started by {@code request}. */
    RelyingParty of(HttpServletRequest request) {
        if (configured != null) {
            return configured;
        }
        String origin = origin(URI.create(request.getRequestURL().toString()));
        return new RelyingParty(request.getServerName(), name, Set.of(origin));
    }

    private static String origin(URI address) {
        if (!StringUtils.hasText(address.getScheme()) || !StringUtils.hasText(address.getHost())) {
            throw new IllegalStateException("not an absolute address: " + address);
        }
        int port = address.getPort();
        boolean defaultPort = port == -1
                || (port == 443 && address.getScheme().equals("https"))
                || (port == 80 && address.getScheme().equals("http"));
        return address.getScheme().toLowerCase(Locale.ROOT) + "://"
                + address.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
