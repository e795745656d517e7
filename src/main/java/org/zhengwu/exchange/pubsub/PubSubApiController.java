package org.zhengwu.exchange.pubsub;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhengwu.exchange.ExchangeAccess;
import org.zhengwu.exchange.grant.ActiveGrant;
import org.zhengwu.exchange.pubsub.ResourceItems.Resource;
import org.zhengwu.identity.ConnectedSystem;
import org.zhengwu.identity.ConnectedSystems;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.web.BadParameterException;
import org.zhengwu.shared.web.UserFacingException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * /api/v1/exchange: providers' systems publish change records ({@code exchange.publish}); consumers' systems
 * subscribe, pull and acknowledge ({@code exchange.subscribe}). Only connected systems, with their own tokens; a
 * person or member of staff is refused (403) whatever their roles.
 */
@RestController
@RequestMapping("/api/v1/exchange")
@Tag(name = "共享交换 Exchange", description = "Publish/subscribe exchange of change records")
class PubSubApiController {

    static final int MAX_PULL = 5000;
    static final String AUDIT_PULL = "exchange.pubsub.pull";

    record PublishRequest(List<ChangeInput> changes) {}

    record PublishAnswer(int accepted, int replayed, List<Long> changes) {}

    record RejectionRow(
            String batch, int index, String field, String reason, Map<String, String> message, Instant rejectedAt) {}

    record RejectionPage(List<RejectionRow> rejections, Long next) {}

    record SubscribeRequest(String resource, String mode, String url, String peerNode) {}

    record SubscriptionView(
            long id, String resource, String mode, String url, String status, String stopReason, long ackedCursor) {
        static SubscriptionView of(Subscriptions.Subscription s) {
            return new SubscriptionView(
                    s.id(), s.resourceCode(), s.mode(), s.endpointUrl(), s.status(), s.stopReason(), s.ackedCursor());
        }
    }

    record ChangePage(List<DeliveryView.Delivered> changes, long cursor, boolean more) {}

    record AckRequest(Long cursor) {}

    record ReplayRequest(Long from) {}

    record ReplayAnswer(int deliveries) {}

    private final ConnectedSystems systems;
    private final Publishing publishing;
    private final Subscriptions subscriptions;
    private final ResourceItems resources;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final AccountabilityLog audit;
    private final PubSubProperties properties;
    private final JsonMapper json;
    private final Peers peers;

    PubSubApiController(
            Peers peers,
            ConnectedSystems systems,
            Publishing publishing,
            Subscriptions subscriptions,
            ResourceItems resources,
            Outbox outbox,
            JdbcClient jdbc,
            AccountabilityLog audit,
            PubSubProperties properties,
            JsonMapper json) {
        this.json = json;
        this.peers = peers;
        this.systems = systems;
        this.publishing = publishing;
        this.subscriptions = subscriptions;
        this.resources = resources;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.audit = audit;
        this.properties = properties;
    }

    /**
     * The request's JSON body, read once the caller is known to be a system with the scope: a member of staff's or a
     * person's request is refused as such whatever it carries.
     */
    private <T> T body(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return json.readValue(body, type);
        } catch (RuntimeException notJson) {
            throw new BadParameterException("body", "exchange.pubsub.body");
        }
    }

    private ConnectedSystem system(String scope) {
        return systems.current()
                .filter(system -> system.may(scope))
                .orElseThrow(() -> new UserFacingException(HttpStatus.FORBIDDEN, "exchange.pubsub.system-only"));
    }

    @PostMapping("/publish/{resource}/changes")
    @PreAuthorize("isAuthenticated()")
    @Operation(
            summary = "Publish a batch of change records (insert, update, delete with a version) for the organisation's"
                    + " own published resource",
            description = "Each record is checked against the resource's info items (no unknown field, types, lengths,"
                    + " required, enumeration, pattern, national codes). A batch with any problem is refused whole"
                    + " (422, every problem listed with index, key, field, reason and message in zh-CN and en; kept in"
                    + " the rejection report); a batch above the limit is refused (413). A version not above the key's"
                    + " last one is a replay: acknowledged, without a new effect.")
    PublishAnswer publish(
            @PathVariable("resource") String reference,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = PublishRequest.class)))
                    @RequestBody(required = false)
                    byte[] raw) {
        ConnectedSystem system = system(ExchangeAccess.PUBLISH_SCOPE);
        String resource = code(reference);
        PublishRequest request = body(raw, PublishRequest.class);
        Publishing.Published published =
                publishing.publish(system, resource, request == null ? null : request.changes());
        return new PublishAnswer(published.accepted(), published.replayed(), published.changes());
    }

    @GetMapping("/publish/{resource}/rejections")
    @PreAuthorize("isAuthenticated()")
    @Operation(
            summary =
                    "The rejection report of the organisation's resource: the problems of refused batches, newest first")
    RejectionPage rejections(
            @PathVariable("resource") String reference,
            @Parameter(description = "cursor from the previous page") @RequestParam(required = false) Long before) {
        ConnectedSystem system = system(ExchangeAccess.PUBLISH_SCOPE);
        String resource = code(reference);
        publishing.ownResource(system, resource);
        int limit = 100;
        List<Map<String, Object>> rows = jdbc.sql("""
                        SELECT id, batch_id, record_index, field, reason, arguments, rejected_at FROM exchange_rejection
                        WHERE resource_code = :resource AND id < :before ORDER BY id DESC LIMIT :limit""")
                .param("resource", resource)
                .param("before", before == null ? Long.MAX_VALUE : before)
                .param("limit", limit + 1)
                .query()
                .listOfRows();
        List<RejectionRow> listed = new ArrayList<>();
        for (Map<String, Object> row : rows.subList(0, Math.min(limit, rows.size()))) {
            String arguments = (String) row.get("arguments");
            Rejection problem = new Rejection(
                    (Integer) row.get("record_index"),
                    (String) row.get("field"),
                    (String) row.get("reason"),
                    arguments == null || arguments.isEmpty()
                            ? List.of()
                            : Arrays.asList((Object[]) arguments.split("\u001f", -1)));
            @SuppressWarnings("unchecked")
            Map<String, String> message =
                    (Map<String, String>) publishing.describe(problem, null).get("message");
            listed.add(new RejectionRow(
                    row.get("batch_id").toString(),
                    problem.index(),
                    problem.field(),
                    problem.reason(),
                    message,
                    ((java.sql.Timestamp) row.get("rejected_at")).toInstant()));
        }
        Long next = rows.size() > limit ? ((Number) rows.get(limit - 1).get("id")).longValue() : null;
        return new RejectionPage(listed, next);
    }

    @PostMapping("/subscriptions")
    @PreAuthorize("isAuthenticated()")
    @Operation(
            summary = "Subscribe the organisation to a resource it holds a grant for: PUSH to a webhook url, or PULL",
            description = "403 without a grant in force. Webhook deliveries are JSON POSTs signed with the node's SM2"
                    + " key (header X-Zhengwu-Signature; the key at /api/v1/exchange/node-key).")
    SubscriptionView subscribe(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = SubscribeRequest.class)))
                    @RequestBody(required = false)
                    byte[] raw) {
        ConnectedSystem system = system(ExchangeAccess.SUBSCRIBE_SCOPE);
        SubscribeRequest request = body(raw, SubscribeRequest.class);
        if (request == null) {
            throw new BadParameterException("resource", "exchange.pubsub.resource.not-found");
        }
        if (request.peerNode() != null && !peers.known(request.peerNode())) {
            throw new BadParameterException("peerNode", "exchange.pubsub.subscription.peer");
        }
        return SubscriptionView.of(
                subscriptions.subscribe(system, request.resource(), request.mode(), request.url(), request.peerNode()));
    }

    @GetMapping("/subscriptions")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The organisation's subscriptions")
    List<SubscriptionView> list() {
        ConnectedSystem system = system(ExchangeAccess.SUBSCRIBE_SCOPE);
        return subscriptions.ofOrganisation(system.organisationUscc()).stream()
                .map(SubscriptionView::of)
                .toList();
    }

    @GetMapping("/subscriptions/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One of the organisation's subscriptions (another's is a 404)")
    SubscriptionView one(@PathVariable long id) {
        return SubscriptionView.of(subscriptions.own(system(ExchangeAccess.SUBSCRIBE_SCOPE), id));
    }

    @PostMapping("/subscriptions/{id}/cancel")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Cancel one of the organisation's subscriptions")
    SubscriptionView cancel(@PathVariable long id) {
        ConnectedSystem system = system(ExchangeAccess.SUBSCRIBE_SCOPE);
        subscriptions.cancel(system, id);
        return SubscriptionView.of(subscriptions.own(system, id));
    }

    @GetMapping("/subscriptions/{id}/changes")
    @PreAuthorize("isAuthenticated()")
    @Operation(
            summary = "Pull the changes after a cursor (default: the last acknowledged), filtered to the grant",
            description = "Fields outside the grant are left out, sensitive ones masked unless granted in clear; 403"
                    + " when the grant is no longer in force. Acknowledge with POST …/ack and the page's cursor.")
    @ApiResponse(
            responseCode = "200",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ChangePage.class)))
    void pull(
            @PathVariable long id,
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) Integer limit,
            HttpServletResponse response)
            throws IOException {
        ConnectedSystem system = system(ExchangeAccess.SUBSCRIBE_SCOPE);
        Subscriptions.Subscription subscription = subscriptions.own(system, id);
        if (!subscription.mode().equals("PULL")) {
            throw new UserFacingException(HttpStatus.CONFLICT, "exchange.pubsub.subscription.not-pull");
        }
        if (after != null && after < 0) {
            throw new BadParameterException("after", "exchange.pubsub.cursor");
        }
        int size = limit == null ? Math.min(MAX_PULL, properties.deliveryBatch()) : limit;
        if (size < 1 || size > MAX_PULL) {
            throw new BadParameterException("limit", "exchange.pubsub.limit", 1, MAX_PULL);
        }
        ActiveGrant grant = subscriptions
                .grant(subscription.consumerUscc(), subscription.resourceCode())
                .filter(g -> subscription.status().equals("ACTIVE"))
                .orElseThrow(
                        () -> new UserFacingException(HttpStatus.FORBIDDEN, "exchange.pubsub.subscription.no-grant"));
        Resource resource = resources.find(subscription.resourceCode()).orElseThrow();
        long from = after == null ? subscription.ackedCursor() : after;
        List<Long> ids = outbox.idsAfter(subscription.resourceCode(), from, size + 1);
        boolean more = ids.size() > size;
        int count = Math.min(size, ids.size());
        long cursor = count == 0 ? from : ids.get(count - 1);
        try (Outbox.PageReading page = outbox.startReading(subscription.resourceCode(), from, ids.subList(0, count))) {
            // Durable before any record leaves, while the page's first records are read.
            audit.record(AuditEvent.success(system.clientId(), AUDIT_PULL, "exchange-subscription", String.valueOf(id))
                    .withDetails("after " + from + "; changes " + count));
            // A ChangePage, written record by record from the opened payloads as they are read (DeliveryView): a page
            // of thousands of records as maps, then as records, then as JSON cost more than reading them.
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            DeliveryView.Writer writer = DeliveryView.writer(resource, grant, json);
            // Not closed when a record cannot be read or opened: closing would end the JSON and the answer, a
            // complete-looking page without its records, cursor and "more". The error handling answers instead, or
            // cuts the connection if part of the page has left (ErrorHandlingAdvice).
            JsonGenerator out = json.writer()
                    .without(StreamWriteFeature.AUTO_CLOSE_CONTENT)
                    .createGenerator(response.getOutputStream());
            out.writeStartObject();
            out.writeName("changes");
            out.writeStartArray();
            page.each(change -> writer.write(out, change));
            out.writeEndArray();
            out.writeNumberProperty("cursor", cursor);
            out.writeBooleanProperty("more", more);
            out.writeEndObject();
            out.close();
        }
    }

    @PostMapping("/subscriptions/{id}/ack")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Acknowledge a pull subscription's changes up to a cursor (the cursor only moves forward)")
    SubscriptionView acknowledge(
            @PathVariable long id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = AckRequest.class)))
                    @RequestBody(required = false)
                    byte[] raw) {
        ConnectedSystem system = system(ExchangeAccess.SUBSCRIBE_SCOPE);
        AckRequest request = body(raw, AckRequest.class);
        if (request == null || request.cursor() == null || request.cursor() < 0) {
            throw new BadParameterException("cursor", "exchange.pubsub.cursor");
        }
        subscriptions.acknowledge(system, id, request.cursor());
        return SubscriptionView.of(subscriptions.own(system, id));
    }

    @PostMapping("/subscriptions/{id}/replay")
    @PreAuthorize("isAuthenticated()")
    @Operation(
            summary =
                    "Deliver again: a push subscription's dead letters (no from), or every change from a change id on")
    ReplayAnswer replay(
            @PathVariable long id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = ReplayRequest.class)))
                    @RequestBody(required = false)
                    byte[] raw) {
        ConnectedSystem system = system(ExchangeAccess.SUBSCRIBE_SCOPE);
        ReplayRequest request = body(raw, ReplayRequest.class);
        Subscriptions.Subscription subscription = subscriptions.own(system, id);
        if (!subscription.mode().equals("PUSH")) {
            throw new UserFacingException(HttpStatus.CONFLICT, "exchange.pubsub.subscription.not-push");
        }
        Long from = request == null ? null : request.from();
        if (from != null && from < 0) {
            throw new BadParameterException("from", "exchange.pubsub.cursor");
        }
        return new ReplayAnswer(subscriptions.replay(id, from, system.clientId()));
    }

    /** A resource's code in a path: its slash written as a hyphen ({@code 301001-000001}), as the catalogue's paths. */
    private static String code(String reference) {
        return reference.replace('-', '/');
    }
}
