package org.zhengwu.shared.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengwu.support.ZhengwuTest;

/**
 * The event publication registry keeps a publication exactly as long as its listener has not finished: gone once it
 * has, kept — and delivered again — when it failed.
 */
@ZhengwuTest
class EventRedeliveryTests {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProbeListener listener;

    @Autowired
    EventRedelivery redelivery;

    @Autowired
    IncompleteEventPublications incomplete;

    @Test
    void aDeliveredEventLeavesNoPublicationBehind() {
        String id = UUID.randomUUID().toString();

        List<String> whilePublishing = new TransactionTemplate(transactions).execute(status -> {
            events.publishEvent(new Probe(id));
            return statuses(id);
        });

        assertThat(whilePublishing).as("stored with the publishing transaction").containsExactly("PUBLISHED");
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.deliveries(id) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses(id).isEmpty());
    }

    @Test
    void aFailedDeliveryStaysAndTheRedeliveryJobDeliversItAgain() {
        String id = UUID.randomUUID().toString();
        listener.failFor(id);

        publish(id);
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses(id).equals(List.of("FAILED")));
        assertThat(listener.deliveries(id)).isEqualTo(1);

        redelivery.redeliverFailed();
        assertThat(listener.deliveries(id))
                .as("younger than %s: waits for a later round", EventRedelivery.MIN_AGE)
                .isEqualTo(1);

        age(id);
        listener.recover(id);
        redelivery.redeliverFailed();
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.deliveries(id) == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses(id).isEmpty());
    }

    @Test
    void aPublicationThatKeepsFailingIsLeftAloneByTheJobAndStillDeliveredAtTheNextStart() {
        String id = UUID.randomUUID().toString();
        listener.failFor(id);
        publish(id);
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses(id).equals(List.of("FAILED")));
        age(id);
        jdbc.sql("UPDATE event_publication SET completion_attempts = :attempts WHERE strpos(serialized_event, :id) > 0")
                .param("attempts", EventRedelivery.MAX_ATTEMPTS)
                .param("id", id)
                .update();
        listener.recover(id);

        redelivery.redeliverFailed();
        assertThat(listener.deliveries(id)).isEqualTo(1);
        assertThat(statuses(id)).containsExactly("FAILED");

        // What a start does (spring.modulith.events.republish-outstanding-events-on-restart), for this probe only.
        incomplete.resubmitIncompletePublications(publication ->
                publication.getEvent() instanceof Probe probe && probe.id().equals(id));
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.deliveries(id) == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses(id).isEmpty());
    }

    /**
     * A node that dies after claiming a publication for redelivery (status RESUBMITTED) leaves a row no claim can take
     * again; once it has been on its way longer than {@link EventRedelivery#ORPHANED_AFTER}, the job delivers it.
     */
    @Test
    void aPublicationWhoseNodeDiedOnTheWayIsDeliveredOnceItIsOrphaned() {
        String id = UUID.randomUUID().toString();
        listener.failFor(id);
        publish(id);
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses(id).equals(List.of("FAILED")));
        listener.recover(id);
        jdbc.sql("""
                        UPDATE event_publication SET status = 'RESUBMITTED', last_resubmission_date = now()
                        WHERE strpos(serialized_event, :id) > 0""").param("id", id).update();

        redelivery.redeliverFailed();
        assertThat(listener.deliveries(id))
                .as("a resubmission just begun is left to its node")
                .isEqualTo(1);
        assertThat(statuses(id)).containsExactly("RESUBMITTED");

        jdbc.sql("""
                        UPDATE event_publication
                        SET last_resubmission_date = now() - :age * INTERVAL '1 second',
                            publication_date = now() - :age * INTERVAL '1 second'
                        WHERE strpos(serialized_event, :id) > 0""")
                .param("age", EventRedelivery.ORPHANED_AFTER.plusMinutes(1).toSeconds())
                .param("id", id)
                .update();
        redelivery.redeliverFailed();
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.deliveries(id) == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses(id).isEmpty());
    }

    private void publish(String id) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(new Probe(id)));
    }

    private List<String> statuses(String id) {
        return jdbc.sql(
                        "SELECT status FROM event_publication WHERE event_type = :type AND strpos(serialized_event, :id) > 0")
                .param("type", Probe.class.getName())
                .param("id", id)
                .query(String.class)
                .list();
    }

    /** Makes the probe's publication older than the redelivery job's minimum age. */
    private void age(String id) {
        jdbc.sql("""
                        UPDATE event_publication SET publication_date = publication_date - :age * INTERVAL '1 second'
                        WHERE strpos(serialized_event, :id) > 0""")
                .param("age", EventRedelivery.MIN_AGE.plusMinutes(1).toSeconds())
                .param("id", id)
                .update();
    }
}
