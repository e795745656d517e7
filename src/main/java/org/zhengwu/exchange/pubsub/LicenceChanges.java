package org.zhengwu.exchange.pubsub;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.zhengwu.exchange.pubsub.ResourceItems.Resource;
import org.zhengwu.licence.LicenceIdentifier;
import org.zhengwu.licence.LicenceIssued;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;

/**
 * An issued licence becomes a change record of the catalogue's licence resource ({@code
 * zhengwu.exchange.pubsub.licence-resource}), when one is configured and published: key the licence without its
 * version (type, issuer, number), version the licence's, fields those of the event the resource has items for. Runs
 * after the issue commits; an event delivered again is a replayed version and has no new effect.
 */
@Component
class LicenceChanges {

    static final String SOURCE = "licence";
    private static final Logger LOG = LoggerFactory.getLogger(LicenceChanges.class);

    private final ResourceItems resources;
    private final Outbox outbox;
    private final AccountabilityLog audit;
    private final PubSubProperties properties;
    private final Clock clock;

    LicenceChanges(
            ResourceItems resources, Outbox outbox, AccountabilityLog audit, PubSubProperties properties, Clock clock) {
        this.resources = resources;
        this.outbox = outbox;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(LicenceIssued event) {
        publish(event);
    }

    /** The change record of the event, in the caller's transaction (the listener's own). */
    void publish(LicenceIssued event) {
        if (properties.licenceResource().isBlank()) {
            return;
        }
        Resource resource = resources.find(properties.licenceResource()).orElse(null);
        if (resource == null || !resource.published()) {
            LOG.warn(
                    "Licence {} not published to the exchange: resource {} is not in the catalogue or not published",
                    event.identifier(),
                    properties.licenceResource());
            return;
        }
        String key = LicenceIdentifier.parse(event.identifier())
                .map(id -> id.typeCode() + "." + id.issuerCode() + "." + id.number())
                .orElse(event.identifier());
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("identifier", event.identifier());
        all.put("licenceKey", key);
        all.put("typeCode", event.typeCode());
        all.put("issuerUscc", event.issuerUscc());
        all.put("divisionCode", event.divisionCode());
        all.put("caseNumber", event.caseNumber());
        all.put("version", event.version());
        Map<String, Object> fields = new LinkedHashMap<>();
        all.forEach((field, value) -> {
            if (value != null && resource.items().containsKey(field)) {
                fields.put(field, value);
            }
        });
        Outbox.Written written = outbox.write(
                resource.code(),
                List.of(new Outbox.Change(
                        key, event.version() == 1 ? "INSERT" : "UPDATE", event.version(), fields, null, null)),
                SOURCE,
                properties.node(),
                clock.instant());
        if (!written.ids().isEmpty()) {
            audit.record(AuditEvent.success("system", Publishing.AUDIT_PUBLISH, "exchange-resource", resource.code())
                    .withDetails("licence " + event.identifier()));
        }
    }
}
