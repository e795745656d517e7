package org.zhengwu.basedata;

import java.time.Instant;

/**
 * A record of a base library was inserted, changed or removed. Published in the transaction of the change, once per
 * record that changed (a save that changes nothing publishes nothing). It carries no personal data — the event
 * registry is not encrypted: a listener loads the record by its id ({@link Population#byRecordId(long)},
 * {@link LegalEntities#byRecordId(long)}, …), and finds none after a removal.
 *
 * @param library   person, legal-entity, place or indicator
 * @param recordId  the record's id in its library
 * @param operation insert, update or delete
 * @param version   the record's version after the change (for a delete: one more than its last version)
 * @param changedAt when
 */
public record BaseRecordChanged(String library, long recordId, String operation, long version, Instant changedAt) {

    public static final String PERSON = "person";
    public static final String LEGAL_ENTITY = "legal-entity";
    public static final String PLACE = "place";
    public static final String INDICATOR = "indicator";

    public static final String INSERT = "insert";
    public static final String UPDATE = "update";
    public static final String DELETE = "delete";
}
