package org.zhengwu.cases.rating;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.cases.CaseStatus;
import org.zhengwu.cases.lifecycle.CaseConflictException;
import org.zhengwu.cases.lifecycle.CaseLifecycle;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.cases.lifecycle.CaseRow;
import org.zhengwu.identity.Actor;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.time.BusinessTime;
import org.zhengwu.shared.web.NotFoundException;

/**
 * 好差评 (GB/T 39046 A.8): the applicant of a case rates it once it is 办结, once (一事一评). A 差评 (4 or 5) opens a
 * rectification task for the case's department in the same transaction, so that no bad rating is ever without one.
 */
@Service
public class CaseRatings {

    /** What the applicant gave: a score on the 1–5 scale, an optional comment and any of the fixed tags. */
    public record Given(int score, String comment, List<RatingTag> tags) {

        public static final int COMMENT_LIMIT = 500;

        public Given {
            if (score < Rating.LOWEST || score > Rating.HIGHEST) {
                throw new IllegalArgumentException("a score of " + score);
            }
            if (comment != null && comment.length() > COMMENT_LIMIT) {
                throw new IllegalArgumentException("a comment of " + comment.length() + " characters");
            }
            tags = tags == null ? List.of() : tags.stream().distinct().sorted().toList();
        }
    }

    private final CaseRecords cases;
    private final RatingRecords records;
    private final Rectifications rectifications;
    private final AccountabilityLog audit;
    private final Clock clock;

    CaseRatings(
            CaseRecords cases,
            RatingRecords records,
            Rectifications rectifications,
            AccountabilityLog audit,
            Clock clock) {
        this.cases = cases;
        this.records = records;
        this.rectifications = rectifications;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether a case has reached 办结, after which its applicant may rate it. */
    public static boolean ratable(CaseRow c) {
        return c.status() == CaseStatus.COMPLETED || c.status() == CaseStatus.DELIVERED;
    }

    /** The rating of a case, if its applicant gave one. */
    public Optional<Rating> of(long caseId) {
        return records.ratingOfCase(caseId);
    }

    /**
     * The applicant's own case, else a 404 — and an attempt on someone else's case goes to the accountability log.
     * Called outside a transaction, so that the refusal's log entry is kept although the request fails.
     */
    public CaseRow ownCase(Actor applicant, long caseId) {
        Optional<CaseRow> found = cases.find(caseId).filter(c -> c.status() != CaseStatus.DRAFT);
        if (found.isPresent() && !CaseLifecycle.owns(applicant, found.get())) {
            audit.record(new AuditEvent(
                    applicant.username(),
                    null,
                    "cases.rate",
                    "case",
                    found.get().caseNumber(),
                    AuditEvent.Outcome.DENIED,
                    null));
        }
        return found.filter(c -> CaseLifecycle.owns(applicant, c))
                .orElseThrow(() -> new NotFoundException("cases.case.not-found"));
    }

    /**
     * Rates the applicant's own case. Refused with a conflict before 办结 and when the case has a rating already —
     * the unique index decides between two submissions at once, so there is never a second.
     */
    @Transactional
    public Rating rate(Actor applicant, long caseId, Given given) {
        return rate(applicant, caseId, given, clock.instant());
    }

    @Transactional
    Rating rate(Actor applicant, long caseId, Given given, Instant at) {
        CaseRow c = cases.find(caseId)
                .filter(found -> CaseLifecycle.owns(applicant, found))
                .orElseThrow(() -> new NotFoundException("cases.case.not-found"));
        if (!ratable(c)) {
            throw new CaseConflictException("cases.rating.not-yet");
        }
        OptionalLong id = records.insertRating(caseId, given.score(), given.comment(), applicant.accountId(), at);
        if (id.isEmpty()) {
            throw new CaseConflictException("cases.rating.once");
        }
        records.insertTags(id.getAsLong(), given.tags());
        Rating rating = records.rating(id.getAsLong()).orElseThrow();
        audit.record(AuditEvent.success(applicant.username(), "cases.rate", "case", c.caseNumber())
                .withDetails("score=" + given.score())
                .actingFor(c.actingForUscc()));
        if (rating.bad()) {
            LocalDate ratedOn = LocalDate.ofInstant(at, BusinessTime.ZONE);
            rectifications.open(applicant, rating, c, ratedOn);
        }
        return rating;
    }
}
