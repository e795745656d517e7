package org.zhengwu.catalog;

import java.time.Instant;
import org.zhengwu.basedata.Organisation;

/**
 * A version of an entry as the public sees it: the portal, the API and exports all read this one record.
 *
 * @param current   whether this is the live version (false for a superseded or withdrawn one shown from history)
 * @param endedAt   when a newer version replaced it or the entry was withdrawn, or null
 */
public record PublishedItem(
        String implementationCode,
        String baseCode,
        String name,
        ItemType type,
        Organisation organisation,
        String divisionCode,
        int versionNo,
        Instant publishedAt,
        boolean current,
        Instant endedAt,
        Guide guide) {}
