package org.zhengwu.catalog;

import org.zhengwu.basedata.ExerciseLevel;

/** One published entry as a search result shows it. */
public record ItemSummary(
        String implementationCode,
        String name,
        ItemType type,
        String organisationUscc,
        String organisationName,
        String divisionCode,
        ExerciseLevel exerciseLevel,
        OnlineLevel onlineLevel,
        int visits,
        boolean onlineApplication,
        String resultName,
        Guide.TimeLimit promisedLimit) {}
