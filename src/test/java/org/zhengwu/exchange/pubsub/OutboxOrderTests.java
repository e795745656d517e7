package org.zhengwu.exchange.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengwu.exchange.ExchangeFixture;
import org.zhengwu.exchange.ExchangeFixture.Item;
import org.zhengwu.support.ZhengwuTest;

/**
 * A pull subscriber reads by id, so a record of a resource must never become visible before one with a lower id:
 * writers of one resource wait for each other until commit, and a pull page of several read chunks has every record
 * in order, once.
 */
@ZhengwuTest
class OutboxOrderTests {

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private String resource() {
        ExchangeFixture fixture = new ExchangeFixture(jdbc);
        Map<String, Object> provider = fixture.organisations(1).get(0);
        return fixture.resource(
                (String) provider.get("uscc"),
                (String) provider.get("division_code"),
                List.of(Item.string("code", 20).key(), Item.string("name", 20)));
    }

    private static List<Outbox.Change> changes(String prefix, int count) {
        List<Outbox.Change> changes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = prefix + i;
            changes.add(new Outbox.Change(key, "INSERT", 1, Map.of("code", key, "name", "名称" + i), null, null));
        }
        return changes;
    }

    @Test
    void aSecondWriterOfTheResourceWaitsForTheFirstToCommitAndItsIdsComeAfter() throws Exception {
        String resource = resource();
        CountDownLatch firstWrote = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        AtomicLong firstIdsTaken = new AtomicLong();
        CompletableFuture<List<Long>> first = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
            Outbox.Written written = outbox.write(resource, changes("A", 3), "test", "province", Instant.now());
            firstIdsTaken.set(lastIdTaken());
            firstWrote.countDown();
            await(firstMayCommit);
            return written.ids();
        }));
        assertThat(firstWrote.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<List<Long>> second = CompletableFuture.supplyAsync(() -> transactions.execute(
                status -> outbox.write(resource, changes("B", 3), "test", "province", Instant.now())
                        .ids()));

        // While the first is open, the second waits (for the resource's row) before taking any id (taken and committed
        // first, its records
        // would be visible while the first's lower ids are not), and no record is visible.
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> waitingForALock(jdbc));
        assertThat(second).isNotDone();
        assertThat(lastIdTaken()).isEqualTo(firstIdsTaken.get());
        assertThat(outbox.idsAfter(resource, 0, 100)).isEmpty();

        firstMayCommit.countDown();
        List<Long> firstIds = first.get(30, TimeUnit.SECONDS);
        List<Long> secondIds = second.get(30, TimeUnit.SECONDS);
        assertThat(secondIds).allSatisfy(id -> assertThat(id).isGreaterThan(firstIds.get(firstIds.size() - 1)));
        List<Long> all = new ArrayList<>(firstIds);
        all.addAll(secondIds);
        assertThat(outbox.idsAfter(resource, 0, 100)).containsExactlyElementsOf(all);
    }

    @Test
    void aPageOfSeveralChunksGivesEveryRecordOnceInOrder() {
        String resource = resource();
        int total = Outbox.PULL_FIRST_CHUNK + Outbox.PULL_CHUNK * (Outbox.PULL_AHEAD + 1) + 7;
        List<Long> written = new ArrayList<>();
        for (int from = 0; from < total; from += 1000) {
            int count = Math.min(1000, total - from);
            List<Outbox.Change> batch = changes("K" + from + "-", count);
            written.addAll(
                    transactions.execute(status -> outbox.write(resource, batch, "test", "province", Instant.now())
                            .ids()));
        }
        long before = written.get(0) - 1;
        List<Long> page = outbox.idsAfter(resource, before, total - 5);
        List<Outbox.Opened> opened = new ArrayList<>();
        try (Outbox.PageReading reading = outbox.startReading(resource, before, page)) {
            reading.each(opened::add);
        }

        assertThat(opened).extracting(Outbox.Opened::id).containsExactlyElementsOf(written.subList(0, total - 5));
        assertThat(opened.get(0).payload()).contains("\"key\":\"K0-0\"");
        assertThat(opened.get(opened.size() - 1).payload()).contains("名称");
    }

    /** Whether a session of this database waits for a row lock another holds (the second writer, here). */
    static boolean waitingForALock(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE datname = current_database() AND wait_event_type = 'Lock'""").query(Long.class).single() > 0;
    }

    /** The change records' id sequence's last value: taken ids show here before their transaction commits. */
    private long lastIdTaken() {
        return jdbc.sql("SELECT pg_sequence_last_value(pg_get_serial_sequence('exchange_change', 'id')::regclass)")
                .query(Long.class)
                .single();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test did not release the first writer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
