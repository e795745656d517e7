package org.zhengwu.catalog.entry;

import java.time.Instant;
import org.zhengwu.catalog.Guide;

/** One version of an entry with who did what to it and when. */
public record VersionRecord(
        long id,
        long itemId,
        int versionNo,
        VersionStatus status,
        String name,
        Guide guide,
        String changeNote,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        String submittedBy,
        Instant submittedAt,
        String reviewedBy,
        Instant reviewedAt,
        String reviewNote,
        String publishedBy,
        Instant publishedAt,
        String endedBy,
        Instant endedAt,
        String endReason) {

    /**
     * What an editor's form carries to say which state of the draft it started from: the time of the last change, in
     * microseconds as stored.
     */
    public String revision() {
        return Long.toString(updatedAt.getEpochSecond() * 1_000_000 + updatedAt.getNano() / 1_000);
    }

    /** The time a {@link #revision()} stands for, or null when the text is not one. */
    static Instant parseRevision(String revision) {
        if (revision == null || !revision.strip().matches("-?[0-9]{1,19}")) {
            return null;
        }
        long micros = Long.parseLong(revision.strip());
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
    }
}
