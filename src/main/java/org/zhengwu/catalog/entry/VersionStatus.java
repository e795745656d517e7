package org.zhengwu.catalog.entry;

/**
 * Where a version stands: drafted and edited, submitted for review, approved, published (the one the public sees),
 * then superseded by a newer published version or withdrawn.
 */
public enum VersionStatus {
    DRAFT,
    IN_REVIEW,
    APPROVED,
    PUBLISHED,
    SUPERSEDED,
    WITHDRAWN;

    /** A version still being worked on: at most one per entry. */
    public boolean isWorking() {
        return this == DRAFT || this == IN_REVIEW || this == APPROVED;
    }
}
