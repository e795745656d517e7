package org.zhengwu.exchange.pubsub;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.zhengwu.exchange.ExchangeAccess;
import org.zhengwu.exchange.node.Signatures;
import org.zhengwu.identity.ConnectedSystem;
import org.zhengwu.identity.ConnectedSystems;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.crypto.Sm2;
import org.zhengwu.shared.web.BadParameterException;
import org.zhengwu.shared.web.UserFacingException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a peer platform node (province ↔ city) delivers change records: a connected system of this platform with the
 * scope {@code exchange.node}, sending as a configured peer ({@code X-Zhengwu-Node}) with the peer's SM2 signature of
 * the exact body ({@code X-Zhengwu-Signature}), checked with the peer's configured public key. The records are
 * written to this node's outbox, in one transaction, keeping their origin (node and id there): one delivered again is
 * a replayed version with no new effect, and this node's subscriptions pass it on to everyone but its origin.
 */
@RestController
@Tag(name = "共享交换 Exchange", description = "Publish/subscribe exchange of change records")
class InboundController {

    static final String AUDIT_INBOUND = "exchange.pubsub.inbound";

    record Received(int received, int applied, int replayed) {}

    private final ConnectedSystems systems;
    private final Peers peers;
    private final Outbox outbox;
    private final ResourceItems resources;
    private final TransactionTemplate transactions;
    private final AccountabilityLog audit;
    private final JsonMapper json;
    private final PubSubProperties properties;
    private final Clock clock;

    InboundController(
            ConnectedSystems systems,
            Peers peers,
            Outbox outbox,
            ResourceItems resources,
            TransactionTemplate transactions,
            AccountabilityLog audit,
            JsonMapper json,
            PubSubProperties properties,
            Clock clock) {
        this.systems = systems;
        this.peers = peers;
        this.outbox = outbox;
        this.resources = resources;
        this.transactions = transactions;
        this.audit = audit;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping("/api/v1/exchange/inbound")
    @PreAuthorize("isAuthenticated()")
    @Operation(
            summary = "A peer platform node delivers change records (signed with its SM2 key)",
            description = "403 when the caller is not a connected system with exchange.node, the node is not a"
                    + " configured peer, or the signature does not check with the peer's key.")
    Received receive(@RequestBody(required = false) byte[] body, HttpServletRequest request) {
        ConnectedSystem system = systems.current()
                .filter(s -> s.may(ExchangeAccess.NODE_SCOPE))
                .orElseThrow(() -> new UserFacingException(HttpStatus.FORBIDDEN, "exchange.pubsub.system-only"));
        String node = request.getHeader(Signatures.NODE);
        Sm2.PublicKey key = peers.key(node).orElseThrow(() -> refused(system, node, "unknown node"));
        byte[] bytes = body == null ? new byte[0] : body;
        if (!Signatures.verify(key, bytes, request.getHeader(Signatures.SIGNATURE))) {
            throw refused(system, node, "signature does not check");
        }
        JsonNode delivery;
        try {
            delivery = json.readTree(bytes);
        } catch (RuntimeException notJson) {
            throw new BadParameterException("body", "exchange.pubsub.body");
        }
        // By resource code: the outbox locks each resource's row until commit, so every delivery takes them in one
        // order.
        Map<String, List<Outbox.Change>> byResource = new TreeMap<>();
        int received = 0;
        for (JsonNode change : delivery.path("changes")) {
            received++;
            String resource = change.path("resource").asString();
            String idempotencyKey = change.path("idempotencyKey").asString();
            int colon = idempotencyKey.lastIndexOf(':');
            if (resources.find(resource).isEmpty() || colon < 1) {
                throw new BadParameterException("body", "exchange.pubsub.inbound.record");
            }
            Map<String, Object> fields = json.convertValue(change.path("fields"), new TypeReference<>() {});
            byResource
                    .computeIfAbsent(resource, r -> new ArrayList<>())
                    .add(new Outbox.Change(
                            change.path("key").asString(),
                            change.path("operation").asString(),
                            change.path("version").asLong(),
                            fields,
                            idempotencyKey.substring(0, colon),
                            Long.parseLong(idempotencyKey.substring(colon + 1))));
        }
        int total = received;
        return transactions.execute(status -> {
            int applied = 0;
            int replayed = 0;
            for (Map.Entry<String, List<Outbox.Change>> entry : byResource.entrySet()) {
                Outbox.Written written = outbox.write(
                        entry.getKey(), entry.getValue(), "peer:" + node, properties.node(), clock.instant());
                applied += written.ids().size();
                replayed += written.replayed();
            }
            audit.record(AuditEvent.success(system.clientId(), AUDIT_INBOUND, "exchange-node", node)
                    .withDetails("received " + total + "; applied " + applied + "; replays " + replayed));
            return new Received(total, applied, replayed);
        });
    }

    private UserFacingException refused(ConnectedSystem system, String node, String why) {
        audit.record(new AuditEvent(
                system.clientId(),
                null,
                AUDIT_INBOUND,
                "exchange-node",
                node == null ? "-" : node,
                AuditEvent.Outcome.DENIED,
                why));
        return new UserFacingException(HttpStatus.FORBIDDEN, "exchange.pubsub.inbound.refused");
    }
}
