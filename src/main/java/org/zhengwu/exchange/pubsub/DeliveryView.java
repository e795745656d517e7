package org.zhengwu.exchange.pubsub;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.zhengwu.exchange.grant.ActiveGrant;
import org.zhengwu.exchange.pubsub.ResourceItems.Item;
import org.zhengwu.exchange.pubsub.ResourceItems.Resource;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A change record as one consumer receives it, pushed or pulled: only the fields its grant names, each sensitive one
 * masked unless the grant gives it in clear; the key likewise, as the value of the resource's key item.
 */
final class DeliveryView {

    /** What the subscriber receives for one change: {@code idempotencyKey} is the same however often it is sent. */
    record Delivered(
            long id,
            String idempotencyKey,
            String resource,
            String operation,
            long version,
            String key,
            Map<String, Object> fields,
            Instant publishedAt) {}

    private DeliveryView() {}

    static Delivered of(Outbox.Stored change, Resource resource, ActiveGrant grant) {
        Map<String, Object> fields = new LinkedHashMap<>();
        change.fields().forEach((field, value) -> {
            Item item = resource.items().get(field);
            if (item == null || !grant.fields().contains(field)) {
                return;
            }
            fields.put(field, shown(item, value, grant));
        });
        String key = shownKey(change.key(), resource.keyItem(), grant);
        return new Delivered(
                change.id(),
                change.idempotencyKey(),
                change.resourceCode(),
                change.operation(),
                change.version(),
                key,
                fields,
                change.publishedAt());
    }

    /** The opening of a payload as Outbox writes it, the key first: the one form {@link #write} streams. */
    private static final String KEY_FIRST = "{\"key\":";

    /**
     * Writes the changes of one resource as one grant shows them, each as {@link #of} shows it (the same properties,
     * in the same order, with the same values) from its opened payload, token by token: the fields the grant names
     * copied as they are stored, the sensitive ones not in clear read and masked, the others skipped; no map is
     * built, and each field's treatment is decided once.
     */
    static Writer writer(Resource resource, ActiveGrant grant, JsonMapper json) {
        Map<String, Boolean> masked = new HashMap<>();
        resource.items().forEach((field, item) -> {
            if (grant.fields().contains(field)) {
                masked.put(field, item.sensitive() && !grant.clearFields().contains(field));
            }
        });
        return new Writer(resource, grant, json, masked);
    }

    /** {@link #writer}'s writer, for every change of a page. */
    static final class Writer {

        private final Resource resource;
        private final ActiveGrant grant;
        private final JsonMapper json;

        /** The granted fields, each with whether it is masked. */
        private final Map<String, Boolean> masked;

        private final Optional<Item> keyItem;

        private Writer(Resource resource, ActiveGrant grant, JsonMapper json, Map<String, Boolean> masked) {
            this.resource = resource;
            this.grant = grant;
            this.json = json;
            this.masked = masked;
            this.keyItem = resource.keyItem();
        }

        void write(JsonGenerator out, Outbox.Opened change) {
            if (!change.payload().startsWith(KEY_FIRST)) {
                json.writeValue(out, of(stored(change, json), resource, grant));
                return;
            }
            out.writeStartObject();
            out.writeNumberProperty("id", change.id());
            out.writeStringProperty("idempotencyKey", change.idempotencyKey());
            out.writeStringProperty("resource", change.resourceCode());
            out.writeStringProperty("operation", change.operation());
            out.writeNumberProperty("version", change.version());
            boolean fieldsWritten = false;
            try (JsonParser in = json.createParser(change.payload())) {
                in.nextToken();
                while (in.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = in.currentName();
                    JsonToken value = in.nextToken();
                    if (name.equals("key")) {
                        String key = value == JsonToken.VALUE_NULL ? null : in.getString();
                        out.writeName("key");
                        out.writeString(shownKey(key, keyItem, grant));
                    } else if (name.equals("fields") && value == JsonToken.START_OBJECT) {
                        out.writeName("fields");
                        writeFields(out, in);
                        fieldsWritten = true;
                    } else {
                        in.skipChildren();
                    }
                }
            }
            if (!fieldsWritten) {
                out.writeName("fields");
                out.writeStartObject();
                out.writeEndObject();
            }
            // As Jackson writes an Instant (ISO-8601 in UTC), without looking up its serializer for every change.
            out.writeStringProperty("publishedAt", DateTimeFormatter.ISO_INSTANT.format(change.publishedAt()));
            out.writeEndObject();
        }

        private void writeFields(JsonGenerator out, JsonParser in) {
            out.writeStartObject();
            while (in.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = in.currentName();
                JsonToken value = in.nextToken();
                Boolean mask = masked.get(field);
                if (mask == null) {
                    in.skipChildren();
                    continue;
                }
                out.writeName(field);
                if (value == JsonToken.VALUE_NULL || !mask) {
                    out.copyCurrentStructure(in);
                } else {
                    // As the value read into a map (then masked as text), not the rest of the payload after it.
                    Object read = json.readerFor(Object.class)
                            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                            .readValue(in);
                    out.writeString(mask(String.valueOf(read)));
                }
            }
            out.writeEndObject();
        }
    }

    private static String shownKey(String key, Optional<Item> keyItem, ActiveGrant grant) {
        return keyItem.map(
                        item -> grant.fields().contains(item.field()) ? String.valueOf(shown(item, key, grant)) : null)
                .orElse(key);
    }

    private static Outbox.Stored stored(Outbox.Opened change, JsonMapper json) {
        Map<String, Object> payload = json.readValue(change.payload(), new TypeReference<Map<String, Object>>() {});
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) payload.getOrDefault("fields", Map.of());
        return new Outbox.Stored(
                change.id(),
                change.resourceCode(),
                change.operation(),
                change.version(),
                (String) payload.get("key"),
                fields,
                change.originNode(),
                change.originId(),
                change.publishedAt());
    }

    private static Object shown(Item item, Object value, ActiveGrant grant) {
        if (value == null || !item.sensitive() || grant.clearFields().contains(item.field())) {
            return value;
        }
        return mask(String.valueOf(value));
    }

    /** A quarter of the characters kept at each end (one at the start of a short value), the rest starred. */
    static String mask(String value) {
        int[] points = value.codePoints().toArray();
        int n = points.length;
        if (n == 0) {
            return value;
        }
        int head = Math.max(1, n / 4);
        int tail = n / 4;
        if (head + tail >= n) {
            head = n > 1 ? 1 : 0;
            tail = 0;
        }
        StringBuilder masked = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i < head || i >= n - tail) {
                masked.appendCodePoint(points[i]);
            } else {
                masked.append('*');
            }
        }
        return masked.toString();
    }
}
