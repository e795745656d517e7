package org.zhengwu.catalog.entry;

import java.time.Instant;
import org.zhengwu.basedata.ExerciseLevel;

/** An implementation entry (实施清单条目): which organisation implements which base item. */
public record ItemRecord(
        long id,
        String implementationCode,
        String baseCode,
        String organisationUscc,
        ExerciseLevel exerciseLevel,
        String divisionCode,
        Instant createdAt,
        String createdBy) {}
