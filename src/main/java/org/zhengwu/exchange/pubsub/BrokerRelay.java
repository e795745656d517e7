package org.zhengwu.exchange.pubsub;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The broker variant ({@code zhengwu.exchange.broker=rabbitmq}): a relay moves change records from the PostgreSQL
 * outbox to a durable RabbitMQ queue with publisher confirms — a record is marked relayed only in the transaction that
 * saw the broker confirm it, so a record whose confirm never came is relayed again — and a listener on the queue drives
 * the webhook deliveries as records arrive. The outbox stays the source of truth: deliveries are still claimed from
 * {@code exchange_delivery}, in order per key, and the worker's own schedule remains the safety net for a message the
 * broker lost after confirming it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "zhengwu.exchange.broker", havingValue = "rabbitmq")
class BrokerRelay {

    static final String QUEUE = "zhengwu.exchange.changes";
    static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(BrokerRelay.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final RabbitTemplate rabbit;
    private final DeliveryWorker worker;
    private final Clock clock;

    BrokerRelay(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            RabbitTemplate rabbit,
            DeliveryWorker worker,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.rabbit = rabbit;
        this.worker = worker;
        this.clock = clock;
    }

    @Bean
    Queue exchangeChangesQueue() {
        return new Queue(QUEUE, true);
    }

    @Scheduled(
            fixedDelayString = "${zhengwu.exchange.pubsub.relay-interval:1s}",
            initialDelayString = "${zhengwu.exchange.pubsub.relay-interval:1s}")
    void scheduled() {
        try {
            while (relay() == BATCH) {
                // more to relay
            }
        } catch (RuntimeException e) {
            LOG.warn("Exchange relay to RabbitMQ failed, to try again: {}", e.toString());
        }
    }

    /** Relays up to one batch of unrelayed records; how many the broker confirmed. */
    int relay() {
        Integer relayed = transactions.execute(status -> {
            List<Long> ids =
                    jdbc.sql("""
                            SELECT id FROM exchange_change WHERE relayed_at IS NULL ORDER BY id LIMIT :limit
                            FOR UPDATE SKIP LOCKED""").param("limit", BATCH).query(Long.class).list();
            if (ids.isEmpty()) {
                return 0;
            }
            rabbit.invoke(operations -> {
                for (Long id : ids) {
                    operations.convertAndSend("", QUEUE, String.valueOf(id));
                }
                operations.waitForConfirmsOrDie(10_000);
                return null;
            });
            jdbc.sql("UPDATE exchange_change SET relayed_at = :now WHERE id = ANY(:ids)")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("ids", ids.toArray(Long[]::new))
                    .update();
            return ids.size();
        });
        return relayed == null ? 0 : relayed;
    }

    /** A record reached the queue: push what is due now (its deliveries among them). */
    @RabbitListener(queues = QUEUE)
    void arrived(String changeId) {
        worker.runUntilIdle();
    }
}
