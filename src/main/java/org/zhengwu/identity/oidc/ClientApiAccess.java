package org.zhengwu.identity.oidc;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.identity.AccessRegistry;
import org.zhengwu.shared.access.ApiScope;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;

/**
 * What a connected system may read through the modules' APIs with its own tokens: the organisation it speaks for and
 * the scopes granted to it (each declared by a module, {@link ApiScope}), set by the system administrator on the
 * system's page. The grant is the authority: a token is accepted on a scope's paths only while the grant names the
 * scope, so taking a scope back works at the system's next request, not when its token expires. The client's own
 * scopes follow the grant, so that the token endpoint issues a granted scope and no other declared one.
 */
@Service
class ClientApiAccess {

    /** A system's grant: the organisation it speaks for and its scopes. */
    record Grant(String clientId, String organisationUscc, Set<String> scopes, String grantedBy, Instant grantedAt) {}

    private final JdbcClient jdbc;
    private final ClientRegistry clients;
    private final AccessRegistry registry;
    private final AccountabilityLog audit;
    private final Clock clock;

    ClientApiAccess(
            JdbcClient jdbc, ClientRegistry clients, AccessRegistry registry, AccountabilityLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    Optional<Grant> find(String clientId) {
        Optional<Grant> grant = jdbc.sql("""
                        SELECT client_id, organisation_uscc, granted_by, granted_at
                        FROM identity_client_api_access WHERE client_id = :client""")
                .param("client", clientId)
                .query((rs, n) -> new Grant(
                        rs.getString("client_id"),
                        rs.getString("organisation_uscc"),
                        Set.of(),
                        rs.getString("granted_by"),
                        rs.getTimestamp("granted_at").toInstant()))
                .optional();
        return grant.map(g -> new Grant(
                g.clientId(),
                g.organisationUscc(),
                Set.copyOf(jdbc.sql("SELECT scope FROM identity_client_api_scope WHERE client_id = :client")
                        .param("client", clientId)
                        .query(String.class)
                        .list()),
                g.grantedBy(),
                g.grantedAt()));
    }

    /**
     * Links the system to an organisation with the given declared scopes (none: linked, reading nothing), or, with
     * no organisation, removes its grant; the client's scopes follow. One transaction with its log entry.
     */
    @Transactional
    void set(RegisteredClient client, String organisationUscc, List<String> scopes, String administrator) {
        String clientId = client.getClientId();
        Set<String> granted = new TreeSet<>(scopes);
        for (String scope : granted) {
            if (registry.apiScope(scope).isEmpty()) {
                throw new IllegalArgumentException("no module declares scope " + scope);
            }
        }
        jdbc.sql("DELETE FROM identity_client_api_access WHERE client_id = :client")
                .param("client", clientId)
                .update();
        if (organisationUscc != null) {
            jdbc.sql("""
                            INSERT INTO identity_client_api_access (client_id, organisation_uscc, granted_by, granted_at)
                            VALUES (:client, :organisation, :by, :at)""")
                    .param("client", clientId)
                    .param("organisation", organisationUscc)
                    .param("by", administrator)
                    .param("at", Timestamp.from(clock.instant()))
                    .update();
            for (String scope : granted) {
                jdbc.sql("INSERT INTO identity_client_api_scope (client_id, scope) VALUES (:client, :scope)")
                        .param("client", clientId)
                        .param("scope", scope)
                        .update();
            }
        } else {
            granted.clear();
        }
        Set<String> clientScopes = new LinkedHashSet<>(client.getScopes());
        registry.apiScopes().stream().map(ApiScope::code).forEach(clientScopes::remove);
        clientScopes.addAll(granted);
        clients.save(RegisteredClient.from(client)
                .scopes(s -> {
                    s.clear();
                    s.addAll(clientScopes);
                })
                .build());
        audit.record(
                organisationUscc == null
                        ? AuditEvent.success(administrator, "identity.client.api-access.remove", "client", clientId)
                        : AuditEvent.success(administrator, "identity.client.api-access", "client", clientId)
                                .withDetails("organisation " + organisationUscc + "; scopes "
                                        + (granted.isEmpty() ? "none" : String.join(" ", granted))));
    }
}
