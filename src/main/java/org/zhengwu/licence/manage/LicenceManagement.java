package org.zhengwu.licence.manage;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.identity.Actor;
import org.zhengwu.licence.LicenceAccess;
import org.zhengwu.licence.issuance.LicenceIssuance;
import org.zhengwu.licence.register.LicenceRecords;
import org.zhengwu.licence.register.LicenceRow;
import org.zhengwu.licence.register.LicenceStatus;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.time.BusinessTime;
import org.zhengwu.shared.web.NotFoundException;
import org.zhengwu.shared.web.UserFacingException;

/**
 * What the issuing organisation's staff do with a licence after issue: 注销 (revoke, with the reason the public sees),
 * 加注 (annotate) and 换发 (re-issue as a new version). Each is audited; only a licence in force can be changed, and
 * only the latest version.
 */
@Service
class LicenceManagement {

    private final LicenceRecords records;
    private final LicenceIssuance issuance;
    private final AccountabilityLog audit;
    private final Clock clock;

    LicenceManagement(LicenceRecords records, LicenceIssuance issuance, AccountabilityLog audit, Clock clock) {
        this.records = records;
        this.issuance = issuance;
        this.audit = audit;
        this.clock = clock;
    }

    /** A licence the staff member's organisation (or region) issued; anyone else's is answered as not found. */
    LicenceRow reachable(Actor staff, long id) {
        return records.find(id)
                .filter(l -> staff.mayReach(LicenceAccess.MANAGE, l.issuerUscc(), l.divisionCode()))
                .orElseThrow(() -> new NotFoundException("licence.not-found"));
    }

    @Transactional
    void revoke(Actor staff, long id, String reason) {
        LicenceRow l = inForce(staff, id);
        records.end(l.id(), LicenceStatus.REVOKED, reason, clock.instant());
        audit.record(AuditEvent.success(staff.username(), "licence.revoke", "licence", l.identifier())
                .withDetails(reason));
    }

    @Transactional
    void annotate(Actor staff, long id, String reason, String content, LocalDate validUntil) {
        LicenceRow l = inForce(staff, id);
        records.annotate(
                l.id(),
                new LicenceRecords.Annotation(clock.instant(), staff.displayName(), reason, content, validUntil));
        audit.record(AuditEvent.success(staff.username(), "licence.annotate", "licence", l.identifier())
                .withDetails(reason));
    }

    @Transactional
    LicenceRow reissue(Actor staff, long id, String reason) {
        LicenceRow l = inForce(staff, id);
        return issuance.reissue(l, staff.username(), reason);
    }

    private LicenceRow inForce(Actor staff, long id) {
        reachable(staff, id);
        LicenceRow l = records.lock(id).orElseThrow(() -> new NotFoundException("licence.not-found"));
        if (l.status(LocalDate.now(clock.withZone(BusinessTime.ZONE))) != LicenceStatus.VALID) {
            throw new UserFacingException(HttpStatus.CONFLICT, "licence.manage.not-in-force");
        }
        return l;
    }
}
