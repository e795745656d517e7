package org.zhengwu.basedata.library;

import java.time.Instant;

/** One import of a file into a base library, as the operator sees it. */
public record ImportJob(
        long id,
        String library,
        String mode,
        String status,
        String fileName,
        String fileKind,
        String actor,
        int rowsRead,
        int rowsImported,
        int rowsRefused,
        Instant createdAt,
        Instant finishedAt) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    /** Every row read; in skip-bad-rows mode the good ones imported. */
    public static final String COMPLETED = "completed";
    /** All-or-nothing and a row was bad: nothing imported. */
    public static final String REJECTED = "rejected";
    /** The file could not be read or the import broke off: nothing imported (all-or-nothing) or the rows so far. */
    public static final String FAILED = "failed";

    public boolean finished() {
        return finishedAt != null;
    }
}
