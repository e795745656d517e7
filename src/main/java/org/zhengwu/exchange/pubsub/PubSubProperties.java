package org.zhengwu.exchange.pubsub;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of publish/subscribe ({@code zhengwu.exchange.pubsub.*}).
 *
 * @param maxBatch         the most change records one publish request may carry; a larger batch is refused whole
 * @param deliveryBatch    the most changes one webhook request carries (and one pull page at most)
 * @param firstRetry       the wait after a webhook's first failure; each further failure doubles it
 * @param longestRetry     the longest wait between two attempts
 * @param maxAttempts      the attempts after which a delivery becomes a dead letter
 * @param webhookTimeout   how long a webhook may take to answer
 * @param deliveryInterval how often the delivery worker looks for due deliveries
 * @param node             this platform instance's name in exchanged records (province, 340100): the origin of the
 *                         records published here
 * @param licenceResource  the catalogue's resource the platform publishes issued licences to, when one is registered
 * @param nodeKey          this node's SM2 delivery key (base64 of the 32-byte private scalar) from the key store;
 *                         empty: made at first start and kept sealed in the database
 * @param peers            the peer platform nodes (province ↔ city) by name: the public key their deliveries are
 *                         checked with, and the token endpoint and client credentials this node delivers to them with
 */
@ConfigurationProperties("zhengwu.exchange.pubsub")
public record PubSubProperties(
        @DefaultValue("1000") int maxBatch,
        @DefaultValue("500") int deliveryBatch,
        @DefaultValue("30s") Duration firstRetry,
        @DefaultValue("1h") Duration longestRetry,
        @DefaultValue("12") int maxAttempts,
        @DefaultValue("10s") Duration webhookTimeout,
        @DefaultValue("2s") Duration deliveryInterval,
        @DefaultValue("local") String node,
        @DefaultValue("") String licenceResource,
        @DefaultValue("") String nodeKey,
        @DefaultValue("") java.util.List<String> webhookHosts,
        java.util.Map<String, Peer> peers) {

    /**
     * A peer platform node.
     *
     * @param publicKey    its delivery key's public half (base64 of the uncompressed SM2 point)
     * @param tokenUrl     its token endpoint ({@code https://…/oauth2/token})
     * @param clientId     this node's client id at the peer (a connected system there, with the scope exchange.node)
     * @param clientSecret this node's client secret at the peer
     */
    public record Peer(String publicKey, String tokenUrl, String clientId, String clientSecret) {}

    public PubSubProperties {
        peers = peers == null ? java.util.Map.of() : java.util.Map.copyOf(peers);
        webhookHosts = webhookHosts == null
                ? java.util.List.of()
                : webhookHosts.stream()
                        .map(host -> host.strip().toLowerCase(java.util.Locale.ROOT))
                        .filter(host -> !host.isEmpty())
                        .toList();
        if (maxBatch < 1 || deliveryBatch < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException(
                    "zhengwu.exchange.pubsub: max-batch, delivery-batch and max-attempts must be at least 1");
        }
        if (node == null || !node.matches("[a-z0-9-]{1,40}")) {
            throw new IllegalArgumentException("zhengwu.exchange.pubsub.node must be 1-40 of a-z, 0-9 and -");
        }
    }

    /** The wait before attempt {@code attempts + 1}, after {@code attempts} failed ones. */
    public Duration backOff(int attempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempts && wait.compareTo(longestRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longestRetry) > 0 ? longestRetry : wait;
    }

    /**
     * Whether a subscriber's webhook may be on this host: any host when {@code webhook-hosts} is empty, else a host
     * listed or below a listed domain ({@code gov.cn} admits {@code sjj.hefei.gov.cn}), so that a deployment keeps
     * deliveries inside the networks it names.
     */
    public boolean webhookHostAllowed(String host) {
        if (webhookHosts.isEmpty()) {
            return true;
        }
        String name = host.toLowerCase(java.util.Locale.ROOT);
        return webhookHosts.stream().anyMatch(allowed -> name.equals(allowed) || name.endsWith("." + allowed));
    }
}
