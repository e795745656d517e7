package org.zhengwu.cases.notice;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.zhengwu.cases.CaseStatus;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.cases.lifecycle.CaseRow;

/**
 * The written notices of a case (行政许可法 §32, §38, §40): each exists once the step it records has been taken, and
 * is dated on that step. A 行政许可 item's decision is a 准予/不予行政许可决定书; another item's a 办理决定书.
 */
public enum CaseNotice {
    /** 受理通知书: the case was accepted, by a clerk or under §32 by the lapse of five working days. */
    ACCEPTANCE("acceptance", "SL"),
    /** 不予受理决定书, with the reason and the applicant's remedies. */
    REFUSAL("refusal", "BSL"),
    /** 补正材料通知书: everything to be corrected, at once (§32 (4)). */
    CORRECTION("correction", "BZ"),
    /** 准予（行政许可）决定书. */
    APPROVAL("approval", "ZY"),
    /** 不予（行政许可）决定书, with the reason and the applicant's remedies (§38). */
    DENIAL("denial", "BY");

    private final String slug;
    private final String suffix;

    CaseNotice(String slug, String suffix) {
        this.slug = slug;
        this.suffix = suffix;
    }

    public String slug() {
        return slug;
    }

    /** The message key of the notice's title: a 行政许可 item's decisions are named as such. */
    public String titleKey(boolean licensing) {
        return "cases.notice.title." + slug + (licensing && (this == APPROVAL || this == DENIAL) ? ".licensing" : "");
    }

    /** Whether the case's item is a 行政许可 (事项类型 01). */
    public static boolean licensing(CaseRow c) {
        return org.zhengwu.catalog.ItemType.LICENSING.code().equals(c.itemType());
    }

    /** The notice's own number: the case's number and the notice's letters. */
    String number(String groupedCaseNumber) {
        return groupedCaseNumber + "-" + suffix;
    }

    static Optional<CaseNotice> bySlug(String slug) {
        return Arrays.stream(values()).filter(n -> n.slug.equals(slug)).findFirst();
    }

    /** When the step this notice records was taken, if it was. */
    Optional<Instant> issuedAt(CaseRow c, List<CaseRecords.Correction> corrections) {
        return Optional.ofNullable(
                switch (this) {
                    case ACCEPTANCE -> c.acceptedAt();
                    case REFUSAL -> c.status() == CaseStatus.REFUSED ? c.decidedAt() : null;
                    case CORRECTION ->
                        corrections.isEmpty()
                                ? null
                                : corrections.get(corrections.size() - 1).requestedAt();
                    case APPROVAL -> "APPROVED".equals(c.decision()) ? c.decidedAt() : null;
                    case DENIAL -> "DENIED".equals(c.decision()) ? c.decidedAt() : null;
                });
    }

    /** The notices a case has now, in the order they were issued. */
    public static List<CaseNotice> of(CaseRow c, List<CaseRecords.Correction> corrections) {
        return Arrays.stream(values())
                .filter(n -> n.issuedAt(c, corrections).isPresent())
                .sorted(java.util.Comparator.comparing(
                        n -> n.issuedAt(c, corrections).orElseThrow()))
                .toList();
    }
}
