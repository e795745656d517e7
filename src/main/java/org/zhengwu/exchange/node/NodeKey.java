package org.zhengwu.exchange.node;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zhengwu.shared.crypto.PlatformKeys;
import org.zhengwu.shared.crypto.Sm2;

/**
 * This platform instance's SM2 key that signs every delivery it sends (webhooks to subscribers, change records to a
 * peer node), so that the receiver can prove where a delivery came from with the public half ({@code GET
 * /api/v1/exchange/node-key}). Made at first start and kept in the database, the private key sealed with the platform's
 * field key (SM4-GCM, as licence seal keys are); never in the repository. Two nodes starting at once both insert with
 * ON CONFLICT DO NOTHING and both read the row that won.
 */
@Component
public class NodeKey implements ApplicationRunner {

    static final String CONTEXT = "exchange_node_key.private_key:delivery";

    private final JdbcClient jdbc;
    private final PlatformKeys keys;
    private final Clock clock;
    private volatile byte[] privateKey;
    private volatile byte[] publicKey;

    private final String configured;

    NodeKey(JdbcClient jdbc, PlatformKeys keys, Clock clock, org.springframework.core.env.Environment environment) {
        this.configured =
                environment.getProperty("zhengwu.exchange.pubsub.node-key", "").strip();
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        load();
    }

    /** The SM2 signature (DER) of {@code message} with this node's key. */
    public byte[] sign(byte[] message) {
        load();
        return Sm2.sign(privateKey, message);
    }

    /** The public key (uncompressed SM2 point) that checks this node's signatures. */
    public byte[] publicKey() {
        load();
        return publicKey.clone();
    }

    private void load() {
        if (privateKey != null) {
            return;
        }
        synchronized (this) {
            if (privateKey != null) {
                return;
            }
            if (!configured.isEmpty()) {
                byte[] given = java.util.Base64.getDecoder().decode(configured);
                String defect = Sm2.defect(given);
                if (defect != null) {
                    throw new IllegalStateException(
                            "zhengwu.exchange.pubsub.node-key is not an SM2 private key: " + defect);
                }
                publicKey = Sm2.publicKey(given);
                privateKey = given;
                return;
            }
            byte[] stored = read().orElseGet(() -> {
                byte[] made = Sm2.newPrivateKey();
                jdbc.sql("""
                                INSERT INTO exchange_node_key (id, private_key, public_key, created_at)
                                VALUES ('delivery', :private, :public, :now) ON CONFLICT (id) DO NOTHING""")
                        .param(
                                "private",
                                keys.encrypt(java.util.Base64.getEncoder().encodeToString(made), CONTEXT))
                        .param("public", Sm2.publicKey(made))
                        .param("now", java.sql.Timestamp.from(Instant.now(clock)))
                        .update();
                return read().orElseThrow();
            });
            publicKey = Sm2.publicKey(stored);
            privateKey = stored;
        }
    }

    private Optional<byte[]> read() {
        return jdbc.sql("SELECT private_key FROM exchange_node_key WHERE id = 'delivery'")
                .query((rs, n) -> java.util.Base64.getDecoder().decode(keys.decrypt(rs.getBytes(1), CONTEXT)))
                .optional();
    }
}
