package org.zhengwu.identity.oidc;

import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;

/**
 * A department system whose credentials come from the deployment's secret store rather than the administration
 * page ({@code ZHENGWU_SERVICE_CLIENT_ID} and {@code ZHENGWU_SERVICE_CLIENT_SECRET}): registered at start-up, its
 * secret replaced when the configured one changes. Used by automated environments and the benchmarks.
 */
@Component
class ConfiguredServiceClient implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredServiceClient.class);
    static final int MIN_SECRET_LENGTH = 32;

    private final ClientRegistry clients;
    private final PasswordEncoder encoder = ClientSecrets.encoder();
    private final AccountabilityLog audit;
    private final String clientId;
    private final String secret;

    ConfiguredServiceClient(ClientRegistry clients, AccountabilityLog audit, ServiceClientProperties properties) {
        this.clients = clients;
        this.audit = audit;
        this.clientId = properties.id();
        this.secret = properties.secret();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (clientId.isEmpty()) {
            return;
        }
        if (!ClientAdminController.CLIENT_ID.matcher(clientId).matches()) {
            throw new IllegalStateException("ZHENGWU_SERVICE_CLIENT_ID must match " + ClientAdminController.CLIENT_ID);
        }
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException(
                    "ZHENGWU_SERVICE_CLIENT_SECRET must have at least " + MIN_SECRET_LENGTH + " characters");
        }
        // Disabled or not: an administrator's decision to disable it stands, and a second registration would clash.
        RegisteredClient existing = clients.find(clientId).orElse(null);
        if (existing != null
                && existing.getClientSecret() != null
                && encoder.matches(secret, existing.getClientSecret())) {
            return;
        }
        RegisteredClient.Builder client = existing != null
                ? RegisteredClient.from(existing)
                : RegisteredClient.withId(UUID.randomUUID().toString())
                        .clientId(clientId)
                        .clientName(clientId)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .tokenSettings(TokenSettings.builder()
                                .accessTokenTimeToLive(Duration.ofMinutes(10))
                                .build());
        clients.save(client.clientSecret(encoder.encode(secret)).build());
        audit.record(AuditEvent.success(
                        "system",
                        existing == null ? "identity.client.register" : "identity.client.secret",
                        "client",
                        clientId)
                .withDetails("from configuration"));
        LOG.info(
                "Service client '{}' {} from configuration",
                clientId,
                existing == null ? "registered" : "given its new secret");
    }
}
