package org.zhengwu.basedata;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A named place or address of the spatial library (空间地理), with its coordinates (CGCS2000 / WGS 84 degrees).
 *
 * @param kind {@link Places#KINDS}
 */
public record PlaceRecord(
        long recordId,
        String code,
        String name,
        String kind,
        String divisionCode,
        String address,
        BigDecimal longitude,
        BigDecimal latitude,
        long version,
        Instant updatedAt) {}
