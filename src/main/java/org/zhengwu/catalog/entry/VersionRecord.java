package org.zhengwu.catalog.entry;

import java.time.Instant;

import org.zhengwu.catalog.Guide;

/** One version of an entry with who did what to it and when. */
public record VersionRecord(long id, long itemId, int versionNo, VersionStatus status, String name, Guide guide,
                            String changeNote, String createdBy, Instant createdAt, Instant updatedAt,
                            String submittedBy, Instant submittedAt, String reviewedBy, Instant reviewedAt,
                            String reviewNote, String publishedBy, Instant publishedAt, String endedBy, Instant endedAt,
                            String endReason) {
}
