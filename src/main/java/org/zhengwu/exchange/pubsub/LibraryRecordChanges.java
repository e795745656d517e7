package org.zhengwu.exchange.pubsub;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.zhengwu.basedata.BaseRecordChanged;
import org.zhengwu.basedata.LegalEntities;
import org.zhengwu.basedata.LegalEntityRecord;
import org.zhengwu.basedata.PersonRecord;
import org.zhengwu.basedata.Population;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.crypto.PlatformKeys;

/**
 * A change of the person or legal-entity library becomes a change record of the library's resource in the catalogue
 * (registered by {@code resource.LibraryRegistration}), so that departments holding a grant receive it as they receive
 * a provider's published records. The record is read after the change committed, by its id: its version is the one
 * read (a later change read early makes the later event a replay, never a step back), and its fields are those the
 * resource has items for. A removal is published under the key kept when the record was last published; a record
 * never published before (loaded without events) has no key here, and its removal is logged and skipped. Places and
 * indicators are not published yet.
 */
@Component
class LibraryRecordChanges {

    static final String SOURCE = "basedata";
    private static final Logger LOG = LoggerFactory.getLogger(LibraryRecordChanges.class);
    static final String KEY_CONTEXT = "exchange_library_key";

    private final ResourceItems resources;
    private final Outbox outbox;
    private final Population population;
    private final LegalEntities entities;
    private final JdbcClient jdbc;
    private final PlatformKeys keys;
    private final AccountabilityLog audit;
    private final PubSubProperties properties;
    private final Clock clock;

    LibraryRecordChanges(
            ResourceItems resources,
            Outbox outbox,
            Population population,
            LegalEntities entities,
            JdbcClient jdbc,
            PlatformKeys keys,
            AccountabilityLog audit,
            PubSubProperties properties,
            Clock clock) {
        this.resources = resources;
        this.outbox = outbox;
        this.population = population;
        this.entities = entities;
        this.jdbc = jdbc;
        this.keys = keys;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(BaseRecordChanged change) {
        publish(change);
    }

    /** The change record of the event, in the caller's transaction (the listener's own). */
    void publish(BaseRecordChanged change) {
        if (!BaseRecordChanged.PERSON.equals(change.library())
                && !BaseRecordChanged.LEGAL_ENTITY.equals(change.library())) {
            return;
        }
        ResourceItems.Resource resource = resources.forLibrary(change.library()).orElse(null);
        if (resource == null || !resource.published()) {
            return;
        }
        Optional<Record> current = read(change.library(), change.recordId());
        Outbox.Change record;
        if (current.isPresent()) {
            Record found = current.get();
            Map<String, Object> fields = new LinkedHashMap<>();
            found.fields().forEach((field, value) -> {
                if (value != null && resource.items().containsKey(field)) {
                    fields.put(field, value);
                }
            });
            rememberKey(change.library(), change.recordId(), found.key());
            record = new Outbox.Change(
                    found.key(), found.version() == 1 ? "INSERT" : "UPDATE", found.version(), fields, null, null);
        } else {
            Optional<String> key = rememberedKey(change.library(), change.recordId());
            if (key.isEmpty()) {
                LOG.info(
                        "Removal of {} record {} not published: it was never published before",
                        change.library(),
                        change.recordId());
                return;
            }
            record = new Outbox.Change(key.get(), "DELETE", change.version(), Map.of(), null, null);
        }
        Outbox.Written written =
                outbox.write(resource.code(), List.of(record), SOURCE, properties.node(), clock.instant());
        if (!written.ids().isEmpty()) {
            audit.record(AuditEvent.success("system", Publishing.AUDIT_PUBLISH, "exchange-resource", resource.code())
                    .withDetails(change.library() + " record " + change.recordId() + " " + record.operation()));
        }
    }

    private record Record(String key, long version, Map<String, Object> fields) {}

    private Optional<Record> read(String library, long recordId) {
        if (BaseRecordChanged.PERSON.equals(library)) {
            return population.byRecordId(recordId).map(LibraryRecordChanges::person);
        }
        return entities.byRecordId(recordId).map(LibraryRecordChanges::entity);
    }

    private static Record person(PersonRecord person) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("idNumber", person.idNumber());
        fields.put("name", person.name());
        fields.put("sex", person.sex());
        fields.put(
                "birthDate",
                person.birthDate() == null ? null : person.birthDate().toString());
        fields.put("householdDivision", person.householdDivision());
        fields.put("address", person.address());
        fields.put("deceased", person.deceased());
        return new Record(person.idNumber(), person.version(), fields);
    }

    private static Record entity(LegalEntityRecord entity) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("uscc", entity.uscc());
        fields.put("name", entity.name());
        fields.put("entityType", entity.entityType());
        fields.put("legalRepresentative", entity.legalRepresentative());
        fields.put("registeredDivision", entity.registeredDivision());
        fields.put("status", entity.status());
        fields.put(
                "registrationDate",
                entity.registrationDate() == null
                        ? null
                        : entity.registrationDate().toString());
        return new Record(entity.uscc(), entity.version(), fields);
    }

    private void rememberKey(String library, long recordId, String key) {
        jdbc.sql("""
                        INSERT INTO exchange_library_key (library, record_id, key_sealed) VALUES (:library, :id, :key)
                        ON CONFLICT (library, record_id) DO NOTHING""")
                .param("library", library)
                .param("id", recordId)
                .param("key", keys.encrypt(key, KEY_CONTEXT))
                .update();
    }

    private Optional<String> rememberedKey(String library, long recordId) {
        return jdbc.sql("SELECT key_sealed FROM exchange_library_key WHERE library = :library AND record_id = :id")
                .param("library", library)
                .param("id", recordId)
                .query(byte[].class)
                .optional()
                .map(ciphertext -> keys.decrypt(ciphertext, KEY_CONTEXT));
    }
}
