package org.zhengwu.cases.lifecycle;

import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.zhengwu.cases.BundleCompleted;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;

/**
 * 并联审批's join: a bundle is completed in the transaction of the step that ends its last open branch (decided,
 * refused, or withdrawn). The bundle's row is locked before its open branches are counted, so of two branches ended
 * at the same moment the second to take the lock counts after the first has committed — at READ COMMITTED each
 * statement sees what committed before it — and exactly one of them completes the bundle. The join is this SQL count
 * rather than a parent BPMN process because the case row, not the process, is the record of a branch's state, and
 * every step already changes both in one transaction.
 */
@Component
class BundleJoin {

    private final BundleRecords bundles;
    private final CaseRecords records;
    private final AccountabilityLog audit;
    private final ApplicationEventPublisher events;

    BundleJoin(BundleRecords bundles, CaseRecords records, AccountabilityLog audit, ApplicationEventPublisher events) {
        this.bundles = bundles;
        this.records = records;
        this.audit = audit;
        this.events = events;
    }

    /** Called by every step that may end a branch, inside its transaction, after the case row has moved. */
    void branchMoved(CaseRow branch, Instant now) {
        if (branch.bundleId() == null) {
            return;
        }
        BundleRow bundle = bundles.lock(branch.bundleId()).orElseThrow();
        bundles.touch(bundle.id(), now);
        if (!BundleRow.SUBMITTED.equals(bundle.status()) || records.openBranches(bundle.id()) > 0) {
            return;
        }
        if (!bundles.complete(bundle.id(), now)) {
            return;
        }
        long approved = records.branches(bundle.id()).stream()
                .filter(c -> "APPROVED".equals(c.decision()))
                .count();
        int branches = records.branches(bundle.id()).size();
        audit.record(AuditEvent.success("system", "cases.bundle.complete", "bundle", bundle.bundleNumber())
                .withDetails(bundle.bundleCode() + " " + approved + "/" + branches + " approved"));
        events.publishEvent(new BundleCompleted(bundle.bundleNumber(), bundle.bundleCode(), now));
        events.publishEvent(new ApplicantNotices.StepTaken(
                bundle.applicantAccountId(), null, bundle.bundleNumber(), bundle.bundleName(), "bundle-complete"));
    }
}
