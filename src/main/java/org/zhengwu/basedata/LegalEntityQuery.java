package org.zhengwu.basedata;

/**
 * Which legal entities to list, a page at a time in the order of their record ids (keyset paging).
 *
 * @param divisionCode  null: every division; otherwise this 行政区划代码 and the divisions below it (by the code's
 *                      structure)
 * @param status        null: any status; otherwise one of {@link LegalEntities#STATUSES}
 * @param afterRecordId only records with a greater record id (0 for the first page)
 * @param limit         how many at most, 1 to {@value #MAX_LIMIT}
 */
public record LegalEntityQuery(String divisionCode, String status, long afterRecordId, int limit) {

    public static final int MAX_LIMIT = 1000;

    public LegalEntityQuery {
        LibraryQueries.checkDivision(divisionCode);
        LibraryQueries.checkPaging(afterRecordId, limit, MAX_LIMIT);
        if (status != null && !LegalEntities.STATUSES.contains(status)) {
            throw new IllegalArgumentException("unknown status: " + status);
        }
    }

    public static LegalEntityQuery all() {
        return new LegalEntityQuery(null, null, 0, MAX_LIMIT);
    }

    public LegalEntityQuery after(long recordId) {
        return new LegalEntityQuery(divisionCode, status, recordId, limit);
    }
}
