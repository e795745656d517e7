package org.zhengwu.exchange.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.zhengwu.exchange.grant.ActiveGrant;
import org.zhengwu.exchange.pubsub.ResourceItems.Item;
import org.zhengwu.exchange.pubsub.ResourceItems.Resource;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** A pulled change written token by token reads exactly as the same change shown as a map and written by Jackson. */
class DeliveryViewTests {

    private final JsonMapper json = JsonMapper.builder().build();

    private final Resource resource = resource();

    private static Resource resource() {
        Map<String, Item> items = new LinkedHashMap<>();
        items.put("code", new Item("code", "编号", "STRING", 20, true, true, ResourceItems.Rules.NONE));
        items.put("name", new Item("name", "名称", "STRING", 100, true, false, ResourceItems.Rules.NONE));
        items.put("phone", new Item("phone", "电话", "STRING", 20, true, false, ResourceItems.Rules.NONE));
        items.put("amount", new Item("amount", "金额", "DECIMAL", null, true, false, ResourceItems.Rules.NONE));
        items.put("size", new Item("size", "面积", "DECIMAL", null, false, false, ResourceItems.Rules.NONE));
        items.put("note", new Item("note", "备注", "STRING", 100, false, false, ResourceItems.Rules.NONE));
        return new Resource("301001/900001", "测试", "X", "340100", "PUBLISHED", "CONDITIONAL", "DAILY", items);
    }

    private static ActiveGrant grant(Set<String> fields, Set<String> clear) {
        return new ActiveGrant(1, "301001/900001", "Y", fields, clear, LocalDate.of(2030, 1, 1), "测试");
    }

    private String streamed(Outbox.Opened change, ActiveGrant grant) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = json.createGenerator(bytes)) {
            DeliveryView.writer(resource, grant, json).write(out, change);
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private String mapped(Outbox.Opened change, ActiveGrant grant) {
        Map<String, Object> payload =
                json.readValue(change.payload(), new tools.jackson.core.type.TypeReference<>() {});
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) payload.getOrDefault("fields", Map.of());
        Outbox.Stored stored = new Outbox.Stored(
                change.id(),
                change.resourceCode(),
                change.operation(),
                change.version(),
                (String) payload.get("key"),
                fields,
                change.originNode(),
                change.originId(),
                change.publishedAt());
        return json.writeValueAsString(DeliveryView.of(stored, resource, grant));
    }

    private static Outbox.Opened opened(String payload) {
        return new Outbox.Opened(
                42,
                "301001/900001",
                "update",
                3,
                payload,
                "province",
                41,
                Instant.parse("2026-12-04T22:11:55.123456Z"));
    }

    @Test
    void everyKindOfFieldReadsAsTheMappedView() {
        ActiveGrant some = grant(Set.of("code", "name", "phone", "amount", "size", "note"), Set.of("name"));
        ActiveGrant fewer = grant(Set.of("name", "size"), Set.of());
        for (String payload : new String[] {
            "{\"key\":\"K00000042\",\"fields\":{\"code\":\"K00000042\",\"name\":\"合肥市第42号许可\",\"phone\":"
                    + "\"13912345678\",\"amount\":1234.50,\"size\":12.50,\"note\":null,\"unknown\":{\"a\":[1,2]},"
                    + "\"extra\":true}}",
            "{\"key\":null,\"fields\":{\"amount\":7,\"phone\":{\"nested\":1},\"size\":[1,2,3]}}",
            "{\"key\":\"K1\",\"fields\":{}}",
            "{\"key\":\"K1\"}",
            "{\"fields\":{\"name\":\"欧阳娜娜\"},\"key\":\"K2\"}"
        }) {
            for (ActiveGrant grant : new ActiveGrant[] {some, fewer}) {
                assertThat(streamed(opened(payload), grant)).as(payload).isEqualTo(mapped(opened(payload), grant));
            }
        }
    }

    @Test
    void aSensitiveFieldNotInClearIsMasked() {
        String out = streamed(
                opened("{\"key\":\"K1\",\"fields\":{\"phone\":\"13912345678\"}}"), grant(Set.of("phone"), Set.of()));
        assertThat(out).doesNotContain("13912345678").contains("\"phone\":\"13*******78\"");
    }
}
