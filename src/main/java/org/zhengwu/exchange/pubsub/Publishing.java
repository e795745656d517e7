package org.zhengwu.exchange.pubsub;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengwu.exchange.ExchangeAccess;
import org.zhengwu.exchange.pubsub.ResourceItems.Resource;
import org.zhengwu.identity.ConnectedSystem;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.codes.DivisionRegister;
import org.zhengwu.shared.time.BusinessTime;
import org.zhengwu.shared.web.NotFoundException;
import org.zhengwu.shared.web.UserFacingException;

/**
 * A provider's system publishes change records for its own published resource: the whole batch is checked first; a
 * batch with any problem is refused whole (its problems kept in the rejection report), a clean one written to the
 * outbox in one transaction.
 */
@Service
class Publishing {

    static final String AUDIT_PUBLISH = "exchange.pubsub.publish";
    static final String AUDIT_REFUSED = "exchange.pubsub.publish-refused";

    /** What a clean batch did: records written (their change ids), and records that were replays. */
    record Published(int accepted, int replayed, List<Long> changes) {}

    private final ResourceItems resources;
    private final Outbox outbox;
    private final NamedParameterJdbcTemplate batch;
    private final TransactionTemplate transactions;
    private final DivisionRegister divisions;
    private final AccountabilityLog audit;
    private final MessageSource messages;
    private final PubSubProperties properties;
    private final Clock clock;

    Publishing(
            ResourceItems resources,
            Outbox outbox,
            NamedParameterJdbcTemplate batch,
            TransactionTemplate transactions,
            DivisionRegister divisions,
            AccountabilityLog audit,
            MessageSource messages,
            PubSubProperties properties,
            Clock clock) {
        this.resources = resources;
        this.outbox = outbox;
        this.batch = batch;
        this.transactions = transactions;
        this.divisions = divisions;
        this.audit = audit;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    /** The resource, if the system may publish to it: unknown is a 404, another organisation's a 403. */
    Resource ownResource(ConnectedSystem system, String code) {
        Resource resource =
                resources.find(code).orElseThrow(() -> new NotFoundException("exchange.pubsub.resource.not-found"));
        if (!system.mayReach(ExchangeAccess.PUBLISH_SCOPE, resource.providerUscc(), resource.providerDivision())) {
            audit.record(new AuditEvent(
                    system.clientId(),
                    null,
                    AUDIT_PUBLISH,
                    "exchange-resource",
                    code,
                    org.zhengwu.shared.audit.AuditEvent.Outcome.DENIED,
                    "another organisation's resource"));
            throw new UserFacingException(HttpStatus.FORBIDDEN, "exchange.pubsub.resource.not-own");
        }
        return resource;
    }

    Published publish(ConnectedSystem system, String code, List<ChangeInput> changes) {
        Resource resource = ownResource(system, code);
        if (!resource.published()) {
            throw new UserFacingException(HttpStatus.CONFLICT, "exchange.pubsub.resource.not-published");
        }
        if (changes == null || changes.isEmpty()) {
            throw new UserFacingException(HttpStatus.BAD_REQUEST, "exchange.pubsub.batch.empty");
        }
        if (changes.size() > properties.maxBatch()) {
            throw new UserFacingException(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "exchange.pubsub.batch.too-large",
                    changes.size(),
                    properties.maxBatch());
        }
        LocalDate today = LocalDate.now(clock.withZone(BusinessTime.ZONE));
        List<Rejection> problems = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            problems.addAll(RecordCheck.check(i, changes.get(i), resource, today, divisions));
        }
        Instant now = clock.instant();
        if (!problems.isEmpty()) {
            String batchId = UUID.randomUUID().toString();
            transactions.executeWithoutResult(status -> {
                keep(batchId, resource, system, changes, problems, now);
                audit.record(new AuditEvent(
                        system.clientId(),
                        null,
                        AUDIT_REFUSED,
                        "exchange-resource",
                        code,
                        AuditEvent.Outcome.FAILURE,
                        "batch " + batchId + "; records " + changes.size() + "; problems " + problems.size()));
            });
            List<Map<String, Object>> listed = new ArrayList<>();
            for (Rejection problem : problems) {
                ChangeInput change = changes.get(problem.index());
                listed.add(describe(problem, change == null ? null : change.key()));
            }
            throw new PublishRefused(
                    batchId,
                    (int) problems.stream()
                            .mapToInt(Rejection::index)
                            .distinct()
                            .count(),
                    listed);
        }
        List<Outbox.Change> records = changes.stream()
                .map(c -> new Outbox.Change(
                        c.key(),
                        RecordCheck.operation(c.operation()).name(),
                        c.version(),
                        c.fields() == null ? Map.of() : c.fields(),
                        null,
                        null))
                .toList();
        return transactions.execute(status -> {
            Outbox.Written written = outbox.write(code, records, system.clientId(), properties.node(), now);
            audit.record(AuditEvent.success(system.clientId(), AUDIT_PUBLISH, "exchange-resource", code)
                    .withDetails("records " + changes.size() + "; written "
                            + written.ids().size() + "; replays " + written.replayed()));
            return new Published(written.ids().size(), written.replayed(), written.ids());
        });
    }

    /** A problem as the provider reads it: where, what, and the message in both languages. */
    Map<String, Object> describe(Rejection problem, String key) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("index", problem.index());
        row.put("key", key);
        row.put("field", problem.field());
        row.put("reason", problem.reason());
        Object[] arguments = problem.arguments().toArray();
        row.put(
                "message",
                Map.of(
                        "zh-CN",
                                messages.getMessage(
                                        problem.reason(), arguments, problem.reason(), Locale.SIMPLIFIED_CHINESE),
                        "en", messages.getMessage(problem.reason(), arguments, problem.reason(), Locale.ENGLISH)));
        return row;
    }

    private void keep(
            String batchId,
            Resource resource,
            ConnectedSystem system,
            List<ChangeInput> changes,
            List<Rejection> problems,
            Instant now) {
        MapSqlParameterSource[] rows = new MapSqlParameterSource[problems.size()];
        for (int i = 0; i < problems.size(); i++) {
            Rejection problem = problems.get(i);
            ChangeInput change = changes.get(problem.index());
            String key = change == null ? null : change.key();
            String arguments = String.join(
                    "\u001f", problem.arguments().stream().map(String::valueOf).toList());
            rows[i] = new MapSqlParameterSource()
                    .addValue("batch", UUID.fromString(batchId))
                    .addValue("resource", resource.code())
                    .addValue("provider", resource.providerUscc())
                    .addValue("client", system.clientId())
                    .addValue("index", problem.index())
                    .addValue(
                            "key",
                            key == null || key.isBlank() || key.length() > RecordCheck.MAX_KEY_LENGTH
                                    ? null
                                    : outbox.keyIndex(resource.code(), key))
                    .addValue("field", problem.field() == null ? null : truncate(problem.field(), 60))
                    .addValue("reason", problem.reason())
                    .addValue("arguments", truncate(arguments, 400))
                    .addValue("at", Timestamp.from(now));
        }
        batch.batchUpdate("""
                INSERT INTO exchange_rejection (batch_id, resource_code, provider_uscc, client_id, record_index,
                    key_index, field, reason, arguments, rejected_at)
                VALUES (:batch, :resource, :provider, :client, :index, :key, :field, :reason, :arguments, :at)""", rows);
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
