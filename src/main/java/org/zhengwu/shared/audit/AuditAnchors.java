package org.zhengwu.shared.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.zhengwu.shared.crypto.OwnerOnlyFiles;
import org.zhengwu.shared.crypto.PlatformKeys;
import org.zhengwu.shared.crypto.Sm2;

/**
 * Checkpoints of the accountability log outside the database: the head of every chain (its position and seal), signed
 * with the SM2 anchor key, appended as one line to a file and written to the log {@code org.zhengwu.audit.anchor}
 * (which a deployment routes to syslog). Whoever can rewrite the database — and even recompute the seals — cannot
 * rewrite these, so a chain that no longer leads to a checkpointed seal shows the rewrite. Written at start, at
 * shutdown and every {@code zhengwu.audit.anchor-every} when the log has grown.
 */
@Component
public class AuditAnchors {

    private static final Logger log = LoggerFactory.getLogger(AuditAnchors.class);
    private static final Logger anchorLog = LoggerFactory.getLogger("org.zhengwu.audit.anchor");
    private static final String PREFIX = "zhengwu-audit-checkpoint v1 ";
    private static final String SIGNATURE = " sig=";

    /** A chain's head as committed: its last position and seal, and the first position sealed with the key. */
    public record ChainHead(int chain, long lastSeq, String lastHash, long keyedFrom) {}

    /** What the checkpoint file holds: how many valid checkpoints, the newest head of each chain, any forged line. */
    record Checkpoints(long count, Map<Integer, ChainHead> newest, Integer forgedLine) {}

    private final JdbcClient jdbc;
    private final PlatformKeys keys;
    private final Clock clock;
    private final Path file;
    private final Duration every;
    private final TaskScheduler scheduler;
    private List<ChainHead> lastWritten;

    AuditAnchors(JdbcClient jdbc, PlatformKeys keys, Clock clock, AuditProperties properties, TaskScheduler scheduler) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
        this.file = properties.anchorFile();
        this.every = properties.anchorEvery();
        this.scheduler = scheduler;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        log.info(
                "Accountability-log checkpoints go to {}; they are checked with the SM2 public key {}",
                file.toAbsolutePath(),
                java.util.HexFormat.of().formatHex(keys.anchorPublicKey()));
        checkpoint();
        if (!every.isZero() && !every.isNegative()) {
            scheduler.scheduleWithFixedDelay(
                    this::checkpointQuietly, clock.instant().plus(every), every);
        }
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        checkpointQuietly();
    }

    private void checkpointQuietly() {
        try {
            checkpoint();
        } catch (RuntimeException e) {
            log.error("Could not write an accountability-log checkpoint to {}", file, e);
        }
    }

    /** Writes a checkpoint of every chain's head, unless nothing was appended since the last one this node wrote. */
    public synchronized boolean checkpoint() {
        List<ChainHead> heads = heads();
        if (heads.equals(lastWritten)) {
            return false;
        }
        String payload = PREFIX + "at=" + clock.instant() + " heads="
                + heads.stream()
                        .map(h -> h.chain() + ":" + h.lastSeq() + ":" + h.lastHash() + ":" + h.keyedFrom())
                        .collect(Collectors.joining(","));
        String line = payload
                + SIGNATURE
                + Base64.getEncoder().encodeToString(keys.signAnchor(payload.getBytes(StandardCharsets.UTF_8)));
        append(line);
        anchorLog.info(line);
        lastWritten = heads;
        return true;
    }

    List<ChainHead> heads() {
        return jdbc.sql("SELECT id, last_seq, last_hash, keyed_from FROM shared_audit_head ORDER BY id")
                .query((rs, row) -> new ChainHead(
                        rs.getInt("id"),
                        rs.getLong("last_seq"),
                        rs.getString("last_hash").strip(),
                        rs.getLong("keyed_from")))
                .list();
    }

    private void append(String line) {
        try {
            Path target = file.toAbsolutePath();
            OwnerOnlyFiles.createDirectory(target.getParent());
            try (FileChannel channel = FileChannel.open(
                    target, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads every checkpoint, checks each signature, and keeps the furthest head of each chain (the chain is a hash
     * chain, so its furthest checkpointed seal vouches for every entry before it).
     */
    Checkpoints read() {
        if (!Files.exists(file)) {
            return new Checkpoints(0, Map.of(), null);
        }
        byte[] publicKey = keys.anchorPublicKey();
        Map<Integer, ChainHead> newest = new HashMap<>();
        long count = 0;
        int lineNo = 0;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                int at = line.lastIndexOf(SIGNATURE);
                if (!line.startsWith(PREFIX) || at < 0) {
                    return new Checkpoints(count, newest, lineNo);
                }
                String payload = line.substring(0, at);
                byte[] signature;
                try {
                    signature = Base64.getDecoder().decode(line.substring(at + SIGNATURE.length()));
                } catch (IllegalArgumentException e) {
                    return new Checkpoints(count, newest, lineNo);
                }
                if (!Sm2.verify(publicKey, payload.getBytes(StandardCharsets.UTF_8), signature)) {
                    return new Checkpoints(count, newest, lineNo);
                }
                count++;
                String heads = payload.substring(payload.indexOf(" heads=") + " heads=".length());
                for (String head : heads.split(",")) {
                    String[] part = head.split(":");
                    ChainHead parsed = new ChainHead(
                            Integer.parseInt(part[0]), Long.parseLong(part[1]), part[2], Long.parseLong(part[3]));
                    newest.merge(parsed.chain(), parsed, (a, b) -> b.lastSeq() >= a.lastSeq() ? b : a);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Checkpoints(count, newest, null);
    }
}
