package org.zhengwu.exchange.grant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A request for a resource and, once decided, its grant. Fields in the resource's order. */
public record Grant(
        long id,
        String resourceCode,
        String resourceName,
        String providerUscc,
        String providerDivision,
        String consumerUscc,
        String consumerDivision,
        String purpose,
        String legalBasis,
        List<String> fieldsRequested,
        List<String> fieldsGranted,
        List<String> clearFields,
        LocalDate validFrom,
        LocalDate validUntil,
        String status,
        String requestedBy,
        Instant requestedAt,
        LocalDate dueOn,
        Instant escalatedAt,
        String decidedBy,
        Instant decidedAt,
        String decisionReason) {

    public boolean requested() {
        return "REQUESTED".equals(status);
    }

    public boolean approved() {
        return "APPROVED".equals(status);
    }

    /** Overdue on {@code today}: still undecided after its due date. */
    public boolean overdue(LocalDate today) {
        return requested() && dueOn != null && today.isAfter(dueOn);
    }
}
