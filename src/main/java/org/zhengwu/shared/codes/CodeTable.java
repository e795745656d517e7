package org.zhengwu.shared.codes;

import java.util.Arrays;
import java.util.Optional;

/**
 * An enum that mirrors an official code table: each constant carries the code a standard assigns to it, and its
 * label lives in the message bundles under {@link #messageKey()}.
 */
public interface CodeTable {

    String code();

    default String messageKey() {
        return "code." + getClass().getSimpleName() + "." + ((Enum<?>) this).name();
    }

    static <E extends Enum<E> & CodeTable> Optional<E> fromCode(Class<E> table, String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip();
        return Arrays.stream(table.getEnumConstants())
                .filter(e -> e.code().equals(wanted))
                .findFirst();
    }

    static <E extends Enum<E> & CodeTable> E requireCode(Class<E> table, String code) {
        return fromCode(table, code)
                .orElseThrow(() ->
                        new IllegalArgumentException("no " + table.getSimpleName() + " with code '" + code + "'"));
    }
}
