package org.zhengwu.basedata;

import java.util.List;

/**
 * Why a field of a draft record cannot be saved.
 *
 * @param field      the field (the import column of the same name)
 * @param messageKey the message in the bundles
 * @param arguments  its values
 */
public record RecordProblem(String field, String messageKey, List<Object> arguments) {

    public RecordProblem {
        arguments = List.copyOf(arguments);
    }

    static RecordProblem of(String field, String messageKey, Object... arguments) {
        return new RecordProblem(field, messageKey, List.of(arguments));
    }

    public Object[] argumentArray() {
        return arguments.toArray();
    }
}
