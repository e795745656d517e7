package org.zhengwu.exchange.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.exchange.ExchangeFixture;
import org.zhengwu.exchange.ExchangeFixture.Item;
import org.zhengwu.licence.LicenceIdentifier;
import org.zhengwu.licence.LicenceIssued;
import org.zhengwu.support.ZhengwuTest;

/**
 * An issued licence becomes one change record of the configured licence resource, and the event delivered again (the
 * publication registry delivers at least once) has no new effect; a new version is a new change of the same key.
 */
@ZhengwuTest
class LicenceChangesTests {

    @Autowired
    LicenceChanges changes;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anIssuedLicenceIsPublishedOnceAndItsNextVersionAgain() {
        ExchangeFixture fixture = new ExchangeFixture(jdbc);
        Map<String, Object> provider = fixture.organisations(1).get(0);
        if (jdbc.sql("SELECT count(*) FROM exchange_resource WHERE code = '301001/999001'")
                        .query(Long.class)
                        .single()
                == 0) {
            fixture.resource(
                    "301001/999001",
                    (String) provider.get("uscc"),
                    (String) provider.get("division_code"),
                    List.of(
                            Item.string("licenceKey", 100).key(),
                            Item.string("identifier", 120),
                            Item.string("typeCode", 21),
                            Item.string("issuerUscc", 18)));
        }
        String issuer = (String) provider.get("uscc");
        String number = String.valueOf(System.nanoTime() % 1_000_000_000L);
        LicenceIdentifier first = new LicenceIdentifier("11100000000013338W011", issuer, number, 1);
        LicenceIssued issued = new LicenceIssued(first.value(), first.typeCode(), issuer, "340100", null, 1);
        long before = count();
        changes.publish(issued);
        changes.publish(issued);
        assertThat(count()).isEqualTo(before + 1);
        Outbox.Stored stored = outbox.after("301001/999001", 0, 10_000).stream()
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(stored.key()).isEqualTo(first.typeCode() + "." + issuer + "." + number);
        assertThat(stored.fields()).containsEntry("identifier", first.value()).doesNotContainKey("caseNumber");
        assertThat(stored.operation()).isEqualTo("INSERT");

        LicenceIdentifier second = new LicenceIdentifier("11100000000013338W011", issuer, number, 2);
        changes.publish(new LicenceIssued(second.value(), second.typeCode(), issuer, "340100", null, 2));
        assertThat(count()).isEqualTo(before + 2);
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM exchange_change WHERE resource_code = '301001/999001'")
                .query(Long.class)
                .single();
    }
}
