package org.zhengwu.exchange.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.exchange.ExchangeFixture;
import org.zhengwu.exchange.ExchangeFixture.Item;
import org.zhengwu.identity.StaffAccounts;
import org.zhengwu.identity.oidc.SystemClients;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;
import tools.jackson.databind.JsonNode;

/**
 * A provider's system publishes change records: a clean batch lands in the outbox encrypted, in one transaction; a
 * batch with an unknown field, a wrong type, an invalid identity number or credit code, a version replayed, too many
 * records, or for another organisation's resource is answered with a clear problem and nothing of it is written.
 */
@ZhengwuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishHttpTests {

    @LocalServerPort
    int port;

    @Autowired
    StaffAccounts staff;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String resource;
    String othersResource;
    String token;
    String queryOnlyToken;

    @BeforeAll
    void setUp() {
        api = new Api(port);
        ExchangeFixture fixture = new ExchangeFixture(jdbc);
        List<Map<String, Object>> organisations = fixture.organisations(2);
        String provider = (String) organisations.get(0).get("uscc");
        String providerDivision = (String) organisations.get(0).get("division_code");
        String other = (String) organisations.get(1).get("uscc");
        resource = fixture.resource(
                provider,
                providerDivision,
                List.of(
                        Item.string("idNumber", 18)
                                .sensitive()
                                .key()
                                .rules("{\"required\": true, \"code\": \"CITIZEN_ID\"}"),
                        Item.string("name", 20).sensitive().rules("{\"required\": true}"),
                        Item.string("employer", 18).rules("{\"code\": \"USCC\"}"),
                        Item.string("status", 2).rules("{\"enumeration\": [\"01\", \"02\"]}"),
                        Item.string("division", 6).rules("{\"code\": \"DIVISION\"}"),
                        Item.string("plate", 10).rules("{\"pattern\": \"皖[A-Z][0-9A-Z]{5}\"}"),
                        new Item("children", "INTEGER", 2, false, false, null),
                        new Item("born", "DATE", null, false, false, null)));
        othersResource = fixture.resource(
                other,
                (String) organisations.get(1).get("division_code"),
                List.of(Item.string("code", 20).key()));
        TestBrowser administrator = new TestBrowser(port);
        administrator.signInNewAdministrator(staff);
        SystemClients clients = new SystemClients(port, administrator);
        SystemClients.System publisher = clients.register(provider, "exchange.publish");
        token = clients.token(publisher, "exchange.publish");
        SystemClients.System reader = clients.register(provider, "exchange.query");
        queryOnlyToken = clients.token(reader, "exchange.query");
    }

    static Map<String, Object> change(String key, String operation, long version, Map<String, Object> fields) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("key", key);
        change.put("operation", operation);
        change.put("version", version);
        change.put("fields", fields);
        return change;
    }

    static Map<String, Object> person(String idNumber, String name) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("idNumber", idNumber);
        fields.put("name", name);
        fields.put("employer", TestPeople.newCreditCode());
        fields.put("status", "01");
        fields.put("division", "340104");
        fields.put("plate", "皖A12345");
        fields.put("children", 2);
        fields.put("born", "1990-03-01");
        return fields;
    }

    private Api.Answer publish(List<Map<String, Object>> changes) {
        return api.post(
                "/api/v1/exchange/publish/" + resource.replace('/', '-') + "/changes",
                token,
                Map.of("changes", changes));
    }

    private long changes() {
        return jdbc.sql("SELECT count(*) FROM exchange_change WHERE resource_code = :r")
                .param("r", resource)
                .query(Long.class)
                .single();
    }

    /** A refused batch: 422, a problem detail naming each problem, and nothing more in the outbox. */
    private JsonNode refused(List<Map<String, Object>> batch) {
        long before = changes();
        Api.Answer answer = publish(batch);
        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(changes()).as("nothing of a refused batch is written").isEqualTo(before);
        JsonNode problem = answer.json();
        assertThat(problem.path("batch").asString()).isNotBlank();
        return problem.path("rejections");
    }

    @Test
    void aCleanBatchIsWrittenToTheOutboxWithNothingPersonalInClear() {
        String id = TestPeople.newIdNumber();
        String second = TestPeople.newIdNumber();
        Api.Answer answer = publish(List.of(
                change(id, "insert", 1, person(id, "张三丰")),
                change(second, "insert", 1, person(second, "李四光")),
                change(id, "update", 2, person(id, "张三丰"))));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("accepted").asInt()).isEqualTo(3);
        assertThat(answer.json().path("replayed").asInt()).isZero();
        List<byte[]> payloads = jdbc.sql("SELECT payload FROM exchange_change WHERE id = ANY(:ids)")
                .param("ids", ids(answer))
                .query((rs, n) -> rs.getBytes(1))
                .list();
        assertThat(payloads).hasSize(3);
        for (byte[] payload : payloads) {
            String raw = new String(payload, StandardCharsets.ISO_8859_1);
            String utf8 = new String(payload, StandardCharsets.UTF_8);
            assertThat(raw).doesNotContain(id).doesNotContain(second);
            assertThat(utf8).doesNotContain("张三丰").doesNotContain("idNumber");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM exchange_change WHERE key_index = :k OR key_index = :s")
                        .param("k", id)
                        .param("s", second)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT data_changed_at IS NOT NULL FROM exchange_resource WHERE code = :r")
                        .param("r", resource)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    private static Long[] ids(Api.Answer answer) {
        List<Long> ids = new ArrayList<>();
        answer.json().path("changes").forEach(node -> ids.add(node.asLong()));
        return ids.toArray(Long[]::new);
    }

    @Test
    void aReplayedVersionIsAcknowledgedWithoutANewEffect() {
        String id = TestPeople.newIdNumber();
        assertThat(publish(List.of(change(id, "insert", 5, person(id, "王五")))).status())
                .isEqualTo(200);
        long before = changes();
        for (long version : new long[] {5, 4}) {
            Api.Answer again = publish(List.of(change(id, "update", version, person(id, "王五改"))));
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(again.json().path("accepted").asInt()).isZero();
            assertThat(again.json().path("replayed").asInt()).isEqualTo(1);
        }
        assertThat(changes()).isEqualTo(before);
        Api.Answer newer = publish(List.of(change(id, "delete", 6, Map.of())));
        assertThat(newer.json().path("accepted").asInt()).isEqualTo(1);
        assertThat(changes()).isEqualTo(before + 1);
    }

    @Test
    void anUnknownFieldRefusesTheWholeBatchAndIsInTheRejectionReport() {
        String good = TestPeople.newIdNumber();
        String bad = TestPeople.newIdNumber();
        Map<String, Object> fields = person(bad, "赵六");
        fields.put("colour", "红");
        JsonNode rejections =
                refused(List.of(change(good, "insert", 1, person(good, "钱七")), change(bad, "insert", 1, fields)));
        assertThat(rejections).hasSize(1);
        JsonNode rejection = rejections.get(0);
        assertThat(rejection.path("index").asInt()).isEqualTo(1);
        assertThat(rejection.path("key").asString()).isEqualTo(bad);
        assertThat(rejection.path("field").asString()).isEqualTo("colour");
        assertThat(rejection.path("reason").asString()).isEqualTo("exchange.pubsub.reject.unknown-field");
        assertThat(rejection.path("message").path("zh-CN").asString())
                .contains("colour")
                .contains("不是该资源的信息项");
        assertThat(rejection.path("message").path("en").asString()).contains("\"colour\" is not an info item");
        Api.Answer report = api.get("/api/v1/exchange/publish/" + resource.replace('/', '-') + "/rejections", token);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        JsonNode first = report.json().path("rejections").get(0);
        assertThat(first.path("field").asString()).isEqualTo("colour");
        assertThat(first.path("index").asInt()).isEqualTo(1);
        assertThat(first.path("message").path("en").asString()).contains("\"colour\"");
        assertThat(report.body()).doesNotContain(bad);
    }

    @Test
    void wrongTypesLengthsAndRulesAreEachNamed() {
        String id = TestPeople.newIdNumber();
        Map<String, Object> fields = person(id, "孙八");
        fields.put("children", "2");
        fields.put("status", "09");
        fields.put("plate", "京A12345");
        fields.put("born", "1990-02-30");
        fields.put("division", "349999");
        fields.remove("name");
        JsonNode rejections = refused(List.of(change(id, "upsert", -1, fields)));
        Map<String, String> reasons = new LinkedHashMap<>();
        rejections.forEach(
                r -> reasons.put(r.path("field").asString(), r.path("reason").asString()));
        assertThat(reasons)
                .containsEntry("operation", "exchange.pubsub.reject.operation")
                .containsEntry("version", "exchange.pubsub.reject.version")
                .containsEntry("children", "exchange.pubsub.reject.type")
                .containsEntry("status", "exchange.pubsub.reject.enumeration")
                .containsEntry("plate", "exchange.pubsub.reject.pattern")
                .containsEntry("born", "exchange.pubsub.reject.type")
                .containsEntry("name", "exchange.pubsub.reject.required")
                .containsEntry("division", "code.defect.UNKNOWN_DIVISION");
    }

    @Test
    void anInvalidIdentityNumberOrCreditCodeIsRefused() {
        String id = TestPeople.newIdNumber();
        char last = id.charAt(17);
        String wrong = id.substring(0, 17) + (last == '1' ? '2' : '1');
        JsonNode rejections = refused(List.of(change(wrong, "insert", 1, person(wrong, "周九"))));
        assertThat(rejections).isNotEmpty();
        assertThat(rejections.get(0).path("field").asString()).isEqualTo("idNumber");
        assertThat(rejections.get(0).path("reason").asString()).isEqualTo("code.defect.CHECK_CHARACTER_MISMATCH");

        String uscc = TestPeople.newCreditCode();
        String badUscc = uscc.substring(0, 17) + (uscc.charAt(17) == '1' ? '2' : '1');
        Map<String, Object> fields = person(id, "吴十");
        fields.put("employer", badUscc);
        JsonNode second = refused(List.of(change(id, "insert", 1, fields)));
        assertThat(second).hasSize(1);
        assertThat(second.get(0).path("field").asString()).isEqualTo("employer");
        assertThat(second.get(0).path("reason").asString()).startsWith("code.defect.");
    }

    @Test
    void anOversizedBatchIsRefusedWhole() {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            String id = TestPeople.newIdNumber();
            batch.add(change(id, "insert", 1, person(id, "郑十一")));
        }
        long before = changes();
        Api.Answer answer = publish(batch);
        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("detail").asString()).contains("51").contains("50");
        assertThat(changes()).isEqualTo(before);
        assertThat(publish(batch.subList(0, 50)).status()).isEqualTo(200);
    }

    @Test
    void anotherOrganisationsResourceIsForbiddenAndAnUnknownOneNotFound() {
        Api.Answer others = api.post(
                "/api/v1/exchange/publish/" + othersResource.replace('/', '-') + "/changes",
                token,
                Map.of("changes", List.of(change("A1", "insert", 1, Map.of("code", "A1")))));
        assertThat(others.status()).as(others.body()).isEqualTo(403);
        assertThat(others.contentType()).startsWith("application/problem+json");
        assertThat(jdbc.sql("SELECT count(*) FROM exchange_change WHERE resource_code = :r")
                        .param("r", othersResource)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(api.post("/api/v1/exchange/publish/NO-SUCH/changes", token, Map.of("changes", List.of()))
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/exchange/publish/" + othersResource.replace('/', '-') + "/rejections", token)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void withoutThePublishScopeOrATokenNothingIsPublished() {
        String id = TestPeople.newIdNumber();
        List<Map<String, Object>> batch = List.of(change(id, "insert", 1, person(id, "冯十二")));
        Api.Answer queryOnly = api.post(
                "/api/v1/exchange/publish/" + resource.replace('/', '-') + "/changes",
                queryOnlyToken,
                Map.of("changes", batch));
        assertThat(queryOnly.status()).isEqualTo(403);
        Api.Answer anonymous = api.post(
                "/api/v1/exchange/publish/" + resource.replace('/', '-') + "/changes", null, Map.of("changes", batch));
        assertThat(anonymous.status()).isEqualTo(401);
    }
}
