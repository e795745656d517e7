package org.zhengwu.exchange.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.basedata.BaseRecordChanged;
import org.zhengwu.basedata.PersonDraft;
import org.zhengwu.basedata.PersonRecord;
import org.zhengwu.basedata.Population;
import org.zhengwu.support.TestPeople;
import org.zhengwu.support.ZhengwuTest;

/**
 * A change of the population library reaches the outbox as a change record of the library's resource — inserted,
 * updated, removed under the number it had — and an event delivered again has no new effect.
 */
@ZhengwuTest
class LibraryRecordChangesTests {

    @Autowired
    Population population;

    @Autowired
    LibraryRecordChanges changes;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPersonsInsertUpdateAndRemovalAreChangeRecordsOfThePopulationResource() {
        String resource = jdbc.sql("SELECT code FROM exchange_resource WHERE library = 'person'")
                .query(String.class)
                .single();
        String number = TestPeople.newIdNumber();

        PersonRecord inserted =
                population.save(new PersonDraft(number, "司马青", null, null, "340104", "蜀山区黄山路1号", false));
        Outbox.Stored insert = awaitChange(resource, number, 1);
        assertThat(insert.operation()).isEqualTo("INSERT");
        assertThat(insert.fields())
                .containsEntry("idNumber", number)
                .containsEntry("name", "司马青")
                .containsEntry("householdDivision", "340104")
                .containsEntry("birthDate", inserted.birthDate().toString());

        population.save(new PersonDraft(number, "司马青", null, null, "340111", "包河区徽州大道2号", false));
        Outbox.Stored update = awaitChange(resource, number, 2);
        assertThat(update.operation()).isEqualTo("UPDATE");
        assertThat(update.fields()).containsEntry("householdDivision", "340111");

        assertThat(population.remove(number)).isTrue();
        Outbox.Stored removal = awaitChange(resource, number, 3);
        assertThat(removal.operation()).isEqualTo("DELETE");
        assertThat(removal.fields()).isEmpty();

        long before = ofKey(resource, number).size();
        changes.publish(new BaseRecordChanged(
                BaseRecordChanged.PERSON, inserted.recordId(), BaseRecordChanged.DELETE, 3, Instant.now()));
        assertThat(ofKey(resource, number)).hasSize((int) before);
    }

    private Outbox.Stored awaitChange(String resource, String key, long version) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> ofKey(resource, key).stream().anyMatch(c -> c.version() == version));
        return ofKey(resource, key).stream()
                .filter(c -> c.version() == version)
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    private List<Outbox.Stored> ofKey(String resource, String key) {
        return outbox.after(resource, 0, 100_000).stream()
                .filter(c -> key.equals(c.key()))
                .toList();
    }
}
