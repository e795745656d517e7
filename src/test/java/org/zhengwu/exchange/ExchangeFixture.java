package org.zhengwu.exchange;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.shared.time.BusinessTime;

/**
 * Resources, info items and grants of the exchange module's own tables, inserted as rows for tests of the parts that
 * use them (publish/subscribe): the catalogue's and the grant workflow's own screens are tested on their own.
 */
public final class ExchangeFixture {

    /** 顺序码 of the test resources: distinct within a run, above those the catalogue tests choose. */
    private static final java.util.concurrent.atomic.AtomicInteger SEQUENCE =
            new java.util.concurrent.atomic.AtomicInteger(500_000 + (int) (System.nanoTime() % 100_000));

    /** An info item: field, data type, length, sensitive, the record's key, rules (JSON or null). */
    public record Item(String field, String type, Integer length, boolean isSensitive, boolean isKey, String rules) {
        public static Item string(String field, int length) {
            return new Item(field, "STRING", length, false, false, null);
        }

        public Item sensitive() {
            return new Item(field, type, length, true, isKey, rules);
        }

        public Item key() {
            return new Item(field, type, length, isSensitive, true, rules);
        }

        public Item rules(String json) {
            return new Item(field, type, length, isSensitive, isKey, json);
        }
    }

    private final JdbcClient jdbc;

    public ExchangeFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Organisations of the demo data: uscc and division, in a stable order, excluding those given. */
    public List<Map<String, Object>> organisations(int count) {
        return jdbc.sql("SELECT uscc, division_code FROM basedata_organisation ORDER BY uscc LIMIT :n")
                .param("n", count)
                .query()
                .listOfRows();
    }

    /** A new published 部门 resource of the provider with these items; its code. */
    public String resource(String providerUscc, String providerDivision, List<Item> items) {
        return resource(
                String.format(java.util.Locale.ROOT, "301001/%06d", SEQUENCE.incrementAndGet()),
                providerUscc,
                providerDivision,
                items);
    }

    /** As {@link #resource(String, String, List)}, with the code given. */
    public String resource(String code, String providerUscc, String providerDivision, List<Item> items) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                        INSERT INTO exchange_resource (code, category, classification, name, provider_uscc,
                            provider_division, summary, format, share_type, share_methods, open_type, update_cycle,
                            status, published_on, entered_by, catalogue_updated_at, created_at)
                        VALUES (:code, '3', '301001', :name, :provider, :division, '测试资源', 'JSON', 'CONDITIONAL',
                            'SUBSCRIPTION', 'NONE', 'DAILY', 'PUBLISHED', CURRENT_DATE, 'test', :now, :now)""")
                .param("code", code)
                .param("name", "测试资源" + code)
                .param("provider", providerUscc)
                .param("division", providerDivision)
                .param("now", now)
                .update();
        int position = 1;
        for (Item item : items) {
            jdbc.sql("""
                            INSERT INTO exchange_resource_item (resource_code, position, field, name, data_type, length,
                                sensitive, is_key, rules)
                            VALUES (:code, :position, :field, :name, :type, :length, :sensitive, :key, :rules)""")
                    .param("code", code)
                    .param("position", position++)
                    .param("field", item.field())
                    .param("name", item.field())
                    .param("type", item.type())
                    .param("length", item.length())
                    .param("sensitive", item.isSensitive())
                    .param("key", item.isKey())
                    .param("rules", item.rules())
                    .update();
        }
        return code;
    }

    /** An approved grant in force from yesterday to a month ahead (Asia/Shanghai); its id. */
    public long grant(
            String resource, String consumerUscc, String consumerDivision, String fields, String clearFields) {
        LocalDate today = LocalDate.now(BusinessTime.ZONE);
        return jdbc.sql("""
                        INSERT INTO exchange_grant (resource_code, consumer_uscc, consumer_division, purpose, legal_basis,
                            fields_requested, fields_granted, clear_fields, valid_from, valid_until, status, requested_by,
                            requested_at, decided_by, decided_at)
                        VALUES (:resource, :consumer, :division, '测试', '测试依据', :fields, :fields, :clear, :from,
                            :until, 'APPROVED', 'test', now(), 'test', now())
                        RETURNING id""")
                .param("resource", resource)
                .param("consumer", consumerUscc)
                .param("division", consumerDivision)
                .param("fields", fields)
                .param("clear", clearFields)
                .param("from", today.minusDays(1))
                .param("until", today.plusDays(30))
                .query(Long.class)
                .single();
    }

    /** A subscription row of the consumer to the resource (PUSH with a webhook address, or PULL); its id. */
    public long subscription(String resource, String consumerUscc, String mode, String url) {
        return jdbc.sql("""
                        INSERT INTO exchange_subscription (resource_code, consumer_uscc, client_id, mode, endpoint_url,
                            status, created_at, changed_at)
                        VALUES (:resource, :consumer, 'fixture', :mode, :url, 'ACTIVE', now(), now()) RETURNING id""")
                .param("resource", resource)
                .param("consumer", consumerUscc)
                .param("mode", mode)
                .param("url", url)
                .query(Long.class)
                .single();
    }

    public void revoke(long grant) {
        jdbc.sql("UPDATE exchange_grant SET status = 'REVOKED' WHERE id = :id")
                .param("id", grant)
                .update();
    }
}
