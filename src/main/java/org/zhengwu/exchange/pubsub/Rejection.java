package org.zhengwu.exchange.pubsub;

import java.util.List;

/**
 * Why one record of a batch was refused: its position in the batch, the field (or key, operation, version; null for
 * the batch as a whole), and the reason as a message key with its arguments.
 */
public record Rejection(int index, String field, String reason, List<Object> arguments) {

    public Rejection {
        arguments = List.copyOf(arguments);
    }

    static Rejection of(int index, String field, String reason, Object... arguments) {
        return new Rejection(index, field, reason, List.of(arguments));
    }
}
