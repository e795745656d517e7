package org.zhengwu.exchange.pubsub;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.exchange.ExchangeAccess;
import org.zhengwu.exchange.grant.ActiveGrant;
import org.zhengwu.exchange.grant.ActiveGrants;
import org.zhengwu.exchange.resource.ResourceWithdrawn;
import org.zhengwu.identity.ConnectedSystem;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.time.BusinessTime;
import org.zhengwu.shared.web.BadParameterException;
import org.zhengwu.shared.web.NotFoundException;
import org.zhengwu.shared.web.UserFacingException;

/**
 * Consumers' subscriptions: made by a consumer's system with a grant in force for the resource, pushed to its webhook
 * or pulled by cursor, cancelled by it; replayed on demand.
 */
@Service
class Subscriptions {

    static final String AUDIT_SUBSCRIBE = "exchange.pubsub.subscribe";
    static final String AUDIT_CANCEL = "exchange.pubsub.cancel";
    static final String AUDIT_REPLAY = "exchange.pubsub.replay";
    static final String AUDIT_STOP = "exchange.pubsub.stop";

    record Subscription(
            long id,
            String resourceCode,
            String consumerUscc,
            String clientId,
            String mode,
            String endpointUrl,
            String peerNode,
            String status,
            String stopReason,
            long ackedCursor,
            Instant createdAt) {}

    private final JdbcClient jdbc;
    private final ActiveGrants grants;
    private final ResourceItems resources;
    private final AccountabilityLog audit;
    private final Clock clock;
    private final PubSubProperties properties;

    Subscriptions(
            JdbcClient jdbc,
            ActiveGrants grants,
            ResourceItems resources,
            AccountabilityLog audit,
            Clock clock,
            PubSubProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.grants = grants;
        this.resources = resources;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(BusinessTime.ZONE));
    }

    Optional<ActiveGrant> grant(String consumerUscc, String resourceCode) {
        return grants.find(consumerUscc, resourceCode, today());
    }

    /** A new subscription of the system's organisation; refused (403) without a grant in force. */
    @Transactional
    Subscription subscribe(ConnectedSystem system, String resourceCode, String mode, String url, String peerNode) {
        if (resourceCode == null || resources.find(resourceCode).isEmpty()) {
            throw new NotFoundException("exchange.pubsub.resource.not-found");
        }
        String chosen = mode == null ? "" : mode.strip().toUpperCase(java.util.Locale.ROOT);
        if (!chosen.equals("PUSH") && !chosen.equals("PULL")) {
            throw new BadParameterException("mode", "exchange.pubsub.subscription.mode");
        }
        if (chosen.equals("PUSH") && !webhook(url)) {
            throw new BadParameterException("url", "exchange.pubsub.subscription.url");
        }
        if (chosen.equals("PUSH")
                && !properties.webhookHostAllowed(URI.create(url.strip()).getHost())) {
            throw new BadParameterException("url", "exchange.pubsub.subscription.url-host");
        }
        if (!system.may(ExchangeAccess.SUBSCRIBE_SCOPE)
                || grant(system.organisationUscc(), resourceCode).isEmpty()) {
            audit.record(new AuditEvent(
                    system.clientId(),
                    null,
                    AUDIT_SUBSCRIBE,
                    "exchange-resource",
                    resourceCode,
                    AuditEvent.Outcome.DENIED,
                    "no grant in force"));
            throw new UserFacingException(HttpStatus.FORBIDDEN, "exchange.pubsub.subscription.no-grant");
        }
        Instant now = clock.instant();
        // Waits for the resource's writers in progress (each holds the resource's row until it commits,
        // Outbox.write) and holds later ones until this subscription is committed: every record after `start` is
        // then written by a writer that sees the subscription, so a push subscription has a delivery for each.
        jdbc.sql("SELECT code FROM exchange_resource WHERE code = :r FOR SHARE")
                .param("r", resourceCode)
                .query(String.class)
                .list();
        long start = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM exchange_change WHERE resource_code = :r")
                .param("r", resourceCode)
                .query(Long.class)
                .single();
        long id = jdbc.sql("""
                        INSERT INTO exchange_subscription (resource_code, consumer_uscc, client_id, mode, endpoint_url,
                            peer_node, status, acked_cursor, created_at, changed_at)
                        VALUES (:resource, :consumer, :client, :mode, :url, :peer, 'ACTIVE', :start, :now, :now)
                        RETURNING id""")
                .param("resource", resourceCode)
                .param("consumer", system.organisationUscc())
                .param("client", system.clientId())
                .param("mode", chosen)
                .param("url", chosen.equals("PUSH") ? url.strip() : null)
                .param("peer", peerNode)
                .param("start", start)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
        audit.record(AuditEvent.success(system.clientId(), AUDIT_SUBSCRIBE, "exchange-subscription", String.valueOf(id))
                .withDetails(resourceCode + "; " + chosen));
        return find(id).orElseThrow();
    }

    static boolean webhook(String url) {
        if (url == null || url.isBlank() || url.length() > 500) {
            return false;
        }
        try {
            URI uri = URI.create(url.strip());
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && uri.getUserInfo() == null
                    && uri.getFragment() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    Optional<Subscription> find(long id) {
        return jdbc.sql("SELECT * FROM exchange_subscription WHERE id = :id")
                .param("id", id)
                .query(Subscriptions::subscription)
                .optional();
    }

    private static Subscription subscription(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Subscription(
                rs.getLong("id"),
                rs.getString("resource_code"),
                rs.getString("consumer_uscc"),
                rs.getString("client_id"),
                rs.getString("mode"),
                rs.getString("endpoint_url"),
                rs.getString("peer_node"),
                rs.getString("status"),
                rs.getString("stop_reason"),
                rs.getLong("acked_cursor"),
                rs.getTimestamp("created_at").toInstant());
    }

    /** The system's organisation's subscription, or a 404 as if it did not exist. */
    Subscription own(ConnectedSystem system, long id) {
        return find(id).filter(s -> system.mayReach(ExchangeAccess.SUBSCRIBE_SCOPE, s.consumerUscc(), null))
                .orElseThrow(() -> new NotFoundException("exchange.pubsub.subscription.not-found"));
    }

    List<Subscription> ofOrganisation(String consumerUscc) {
        return jdbc.sql("SELECT * FROM exchange_subscription WHERE consumer_uscc = :c ORDER BY id")
                .param("c", consumerUscc)
                .query(Subscriptions::subscription)
                .list();
    }

    @Transactional
    void cancel(ConnectedSystem system, long id) {
        Subscription subscription = own(system, id);
        int cancelled = jdbc.sql("""
                        UPDATE exchange_subscription SET status = 'CANCELLED', changed_at = :now
                        WHERE id = :id AND status <> 'CANCELLED'""")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", subscription.id())
                .update();
        if (cancelled == 0) {
            // Cancelled already (a request sent twice): nothing to do, and nothing written to the log again.
            throw new UserFacingException(HttpStatus.CONFLICT, "exchange.pubsub.subscription.cancelled");
        }
        audit.record(AuditEvent.success(system.clientId(), AUDIT_CANCEL, "exchange-subscription", String.valueOf(id)));
    }

    /** A pull subscription's acknowledgement: the cursor moves forward only. */
    @Transactional
    void acknowledge(ConnectedSystem system, long id, long cursor) {
        Subscription subscription = own(system, id);
        if (!subscription.mode().equals("PULL")) {
            throw new UserFacingException(HttpStatus.CONFLICT, "exchange.pubsub.subscription.not-pull");
        }
        jdbc.sql("""
                        UPDATE exchange_subscription SET acked_cursor = GREATEST(acked_cursor, :cursor), changed_at = :now
                        WHERE id = :id""")
                .param("cursor", cursor)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
    }

    /** A withdrawn resource's subscriptions stop at once, rather than at their next delivery. */
    @EventListener
    void on(ResourceWithdrawn withdrawn) {
        jdbc.sql("""
                        UPDATE exchange_subscription SET status = 'STOPPED', stop_reason = 'withdrawn', changed_at = :now
                        WHERE resource_code = :code AND status = 'ACTIVE' RETURNING id""")
                .param("now", Timestamp.from(clock.instant()))
                .param("code", withdrawn.code())
                .query(Long.class)
                .list()
                .forEach(id -> audit.record(
                        AuditEvent.success(withdrawn.actor(), AUDIT_STOP, "exchange-subscription", String.valueOf(id))
                                .withDetails("withdrawn")));
    }

    /** The grant is gone: the subscription stops until the consumer subscribes again. */
    @Transactional
    void stop(long id, String reason) {
        int stopped = jdbc.sql("""
                        UPDATE exchange_subscription SET status = 'STOPPED', stop_reason = :reason, changed_at = :now
                        WHERE id = :id AND status = 'ACTIVE'""")
                .param("reason", reason)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        if (stopped > 0) {
            audit.record(AuditEvent.success("system", AUDIT_STOP, "exchange-subscription", String.valueOf(id))
                    .withDetails(reason));
        }
    }

    /**
     * Delivers again: the dead letters of the subscription (fromChange null), or every change of its resource from a
     * change id on (delivered ones sent again; the subscriber's idempotency key makes that harmless). Returns the
     * deliveries made due.
     */
    @Transactional
    int replay(long subscriptionId, Long fromChange, String actor) {
        Subscription subscription = find(subscriptionId).orElseThrow();
        if (!subscription.status().equals("ACTIVE")) {
            // A cancelled or stopped subscription is never delivered to: deliveries made due for it would wait for
            // ever, and the log would say they were replayed.
            throw new UserFacingException(HttpStatus.CONFLICT, "exchange.pubsub.subscription.not-active");
        }
        if (grant(subscription.consumerUscc(), subscription.resourceCode()).isEmpty()) {
            // The grant ended and the worker has not stopped the subscription yet: nothing would go out.
            throw new UserFacingException(HttpStatus.CONFLICT, "exchange.pubsub.subscription.no-grant");
        }
        Timestamp now = Timestamp.from(clock.instant());
        int count;
        if (fromChange == null) {
            count = jdbc.sql("""
                            UPDATE exchange_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = :now,
                                last_error = NULL
                            WHERE subscription_id = :id AND status = 'DEAD'""").param("now", now).param("id", subscriptionId).update();
        } else {
            count = jdbc.sql("""
                            INSERT INTO exchange_delivery (subscription_id, change_id, key_index, status, next_attempt_at)
                            SELECT :id, c.id, c.key_index, 'PENDING', :now FROM exchange_change c
                            WHERE c.resource_code = :resource AND c.id >= :from
                            ON CONFLICT (subscription_id, change_id) DO UPDATE SET status = 'PENDING', attempts = 0,
                                next_attempt_at = EXCLUDED.next_attempt_at, last_error = NULL, delivered_at = NULL""")
                    .param("id", subscriptionId)
                    .param("now", now)
                    .param("resource", subscription.resourceCode())
                    .param("from", fromChange)
                    .update();
        }
        audit.record(AuditEvent.success(actor, AUDIT_REPLAY, "exchange-subscription", String.valueOf(subscriptionId))
                .withDetails(
                        (fromChange == null ? "dead letters" : "from change " + fromChange) + "; deliveries " + count));
        return count;
    }
}
