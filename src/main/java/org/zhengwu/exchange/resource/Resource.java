package org.zhengwu.exchange.resource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A resource of the catalogue as it stands (the published elements, for a published one) and its 信息项 in order.
 *
 * @param revisionStatus the state of an edit of a published resource awaiting publication, or null
 * @param returnedReason why a reviewer sent the resource, or its edit, back
 */
public record Resource(
        String code,
        String category,
        String classification,
        String name,
        String providerUscc,
        String providerDivision,
        String summary,
        String format,
        ShareType shareType,
        String shareBasis,
        String shareConditions,
        Set<ShareMethod> shareMethods,
        OpenType openType,
        UpdateCycle updateCycle,
        String library,
        String status,
        LocalDate publishedOn,
        List<String> relatedCodes,
        Instant catalogueUpdatedAt,
        Instant dataChangedAt,
        int version,
        String revisionStatus,
        String returnedReason,
        String enteredBy,
        List<Item> items) {

    /** A 信息项. */
    public record Item(
            int position,
            String field,
            String name,
            DataType dataType,
            Integer length,
            String description,
            boolean sensitive,
            boolean key) {}

    public boolean published() {
        return "PUBLISHED".equals(status);
    }

    public Optional<Item> item(String field) {
        return items.stream().filter(i -> i.field().equals(field)).findFirst();
    }

    public Optional<Item> keyItem() {
        return items.stream().filter(Item::key).findFirst();
    }

    /** The time the data last changed, or failing that the catalogue was last updated. */
    public Instant lastUpdate() {
        return dataChangedAt != null ? dataChangedAt : catalogueUpdatedAt;
    }
}
