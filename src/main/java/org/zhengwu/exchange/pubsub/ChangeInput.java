package org.zhengwu.exchange.pubsub;

import java.util.Map;

/**
 * One change record as a provider publishes it.
 *
 * @param key       the record's key in the resource (the value of its key item, e.g. a 统一社会信用代码)
 * @param operation insert, update or delete
 * @param version   the provider's version of the record, rising with each change of the key
 * @param fields    the record's fields by item field name; for a delete, none needed
 */
public record ChangeInput(String key, String operation, Long version, Map<String, Object> fields) {}
