package org.zhengwu.cases.supervision;

import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.cases.CaseAccess;
import org.zhengwu.cases.lifecycle.CaseConflictException;
import org.zhengwu.identity.Actor;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.web.NotFoundException;

/** 督办: a supervisor of the warning's region records a note on an open warning, which resolves it. */
@Service
class Supervision {

    private final WarningRecords warnings;
    private final AccountabilityLog audit;
    private final Clock clock;

    Supervision(WarningRecords warnings, AccountabilityLog audit, Clock clock) {
        this.warnings = warnings;
        this.audit = audit;
        this.clock = clock;
    }

    /** A warning within the supervisor's region; any other is answered as if it did not exist. */
    Warning reachable(Actor supervisor, long id) {
        return warnings.find(id)
                .filter(w -> supervisor.mayReach(CaseAccess.SUPERVISE, w.organisationUscc(), w.divisionCode()))
                .orElseThrow(() -> new NotFoundException("cases.warning.not-found"));
    }

    @Transactional
    void supervise(Actor supervisor, long id, String note) {
        Warning warning = reachable(supervisor, id);
        if (!warnings.supervise(id, supervisor.username(), note, clock.instant())) {
            throw new CaseConflictException("cases.warning.already-resolved");
        }
        audit.record(AuditEvent.success(supervisor.username(), "cases.warning.resolve", "case", warning.caseNumber())
                .withDetails(warning.level() + " " + Resolution.SUPERVISED + " (warning " + id + "): " + note));
    }
}
