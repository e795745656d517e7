package org.zhengwu.exchange.pubsub;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.zhengwu.exchange.grant.ActiveGrant;
import org.zhengwu.exchange.pubsub.ResourceItems.Item;
import org.zhengwu.exchange.pubsub.ResourceItems.Resource;

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
        String key = resource.keyItem()
                .map(item ->
                        grant.fields().contains(item.field()) ? String.valueOf(shown(item, change.key(), grant)) : null)
                .orElse(change.key());
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
