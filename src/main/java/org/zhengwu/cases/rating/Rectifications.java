package org.zhengwu.cases.rating;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.cases.CaseAccess;
import org.zhengwu.cases.lifecycle.CaseConflictException;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.cases.lifecycle.CaseRow;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.Actor;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.calendar.CalendarChanged;
import org.zhengwu.shared.calendar.NoScheduleException;
import org.zhengwu.shared.calendar.WorkingDays;
import org.zhengwu.shared.web.NotFoundException;
import org.zhengwu.shared.web.UserFacingException;

/**
 * 差评整改: the task a bad rating opens for the case's department, due a number of working days after the rating
 * (counted from the day after, 行政许可法 §82), its rectification and the follow-ups (回访) with the applicant.
 * Staff of the department who accept or examine its cases act on it; supervisors of the region see it.
 */
@Service
@EnableConfigurationProperties(Rectifications.Settings.class)
public class Rectifications {

    /**
     * @param rectificationWorkingDays the working days a department has to rectify after a bad rating
     */
    @ConfigurationProperties("zhengwu.cases.rating")
    record Settings(@DefaultValue("15") int rectificationWorkingDays) {

        Settings {
            if (rectificationWorkingDays < 1) {
                throw new IllegalArgumentException(
                        "zhengwu.cases.rating.rectification-working-days must be at least 1");
            }
        }
    }

    /** A follow-up as the department records it. */
    record FollowUpInput(LocalDate visitedOn, FollowUp.Contact contact, Integer satisfactionAfter, String notes) {}

    static final int MEASURES_LIMIT = 2000;
    static final int NOTES_LIMIT = 1000;

    private final RatingRecords records;
    private final CaseRecords cases;
    private final WorkingDays workingDays;
    private final AccountabilityLog audit;
    private final Settings settings;
    private final Clock clock;

    Rectifications(
            RatingRecords records,
            CaseRecords cases,
            WorkingDays workingDays,
            AccountabilityLog audit,
            Settings settings,
            Clock clock) {
        this.records = records;
        this.cases = cases;
        this.workingDays = workingDays;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The day a task opened on {@code openedOn} is due, or null while a year the count passes through has no
     * schedule (it is computed again when the calendar changes).
     */
    LocalDate dueDate(LocalDate openedOn) {
        try {
            return workingDays.dueDate(openedOn, settings.rectificationWorkingDays());
        } catch (NoScheduleException e) {
            return null;
        }
    }

    int workingDaysAllowed() {
        return settings.rectificationWorkingDays();
    }

    /** Opens the task of a bad rating, in the rating's transaction. */
    void open(Actor applicant, Rating rating, CaseRow c, LocalDate openedOn) {
        LocalDate due = dueDate(openedOn);
        long id =
                records.insertRectification(rating.id(), c.id(), c.organisationUscc(), c.divisionCode(), openedOn, due);
        audit.record(AuditEvent.success(applicant.username(), "cases.rectification.open", "case", c.caseNumber())
                .withDetails("task=" + id + ", organisation=" + c.organisationUscc() + ", due="
                        + (due == null ? "unknown" : due))
                .actingFor(c.actingForUscc()));
    }

    /** A task the member of staff may see (the department's staff, the region's supervisors), else a 404. */
    Rectification reachable(Actor staff, long id) {
        return records.rectification(id)
                .filter(t -> mayView(staff, t))
                .orElseThrow(() -> new NotFoundException("cases.rectification.not-found"));
    }

    private static boolean mayView(Actor staff, Rectification task) {
        return staff.type() == AccountType.STAFF
                && staff.mayReachAny(
                        task.organisationUscc(),
                        task.divisionCode(),
                        CaseAccess.ACCEPT,
                        CaseAccess.REVIEW,
                        CaseAccess.SUPERVISE);
    }

    /** Whether the member of staff works the department's cases, and so records its rectification and follow-ups. */
    static boolean mayAct(Actor staff, Rectification task) {
        return staff.type() == AccountType.STAFF
                && staff.mayReachAny(
                        task.organisationUscc(), task.divisionCode(), CaseAccess.ACCEPT, CaseAccess.REVIEW);
    }

    /**
     * The task the member of staff is about to act on: a 404 when out of their reach, a 403 for a supervisor, who
     * sees but does not act — either refusal logged. Called outside a transaction, so that the log entry of a refusal
     * is kept although the request fails.
     */
    Rectification requireActable(Actor staff, long id, String action) {
        Rectification task =
                records.rectification(id).orElseThrow(() -> new NotFoundException("cases.rectification.not-found"));
        if (!mayAct(staff, task)) {
            audit.record(new AuditEvent(
                    staff.username(),
                    null,
                    action,
                    "case",
                    caseNumber(task),
                    AuditEvent.Outcome.DENIED,
                    "task=" + task.id()));
            if (!mayView(staff, task)) {
                throw new NotFoundException("cases.rectification.not-found");
            }
            throw new UserFacingException(HttpStatus.FORBIDDEN, "cases.rectification.supervisors-see");
        }
        return task;
    }

    /** Records what the department did; a task already rectified is a conflict (the first record stands). */
    @Transactional
    public void rectify(Actor staff, long id, String measures) {
        Rectification task = actable(staff, id);
        Objects.requireNonNull(measures);
        if (!records.recordRectification(task.id(), measures, staff.username(), staff.displayName(), clock.instant())) {
            throw new CaseConflictException("cases.rectification.already-recorded");
        }
        audit.record(AuditEvent.success(staff.username(), "cases.rectification.record", "case", caseNumber(task))
                .withDetails("task=" + task.id()));
    }

    /** Records a follow-up (回访) of a rectified task. */
    @Transactional
    public void followUp(Actor staff, long id, FollowUpInput input) {
        Rectification task = actable(staff, id);
        if (task.open()) {
            throw new CaseConflictException("cases.follow-up.not-yet");
        }
        Integer satisfaction = input.contact() == FollowUp.Contact.REACHED ? input.satisfactionAfter() : null;
        records.insertFollowUp(
                task.id(),
                input.visitedOn(),
                input.contact(),
                satisfaction,
                input.notes(),
                staff.username(),
                staff.displayName(),
                clock.instant());
        audit.record(AuditEvent.success(staff.username(), "cases.follow-up.record", "case", caseNumber(task))
                .withDetails("task=" + task.id() + ", visited=" + input.visitedOn() + ", contact="
                        + input.contact().name() + (satisfaction == null ? "" : ", satisfaction=" + satisfaction)));
    }

    private Rectification actable(Actor staff, long id) {
        Rectification task = reachable(staff, id);
        if (!mayAct(staff, task)) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "cases.rectification.supervisors-see");
        }
        return task;
    }

    private String caseNumber(Rectification task) {
        return cases.find(task.caseId()).map(CaseRow::caseNumber).orElse(null);
    }

    /**
     * The working days of a year changed: each open task's due date is counted again from the day it opened (and
     * found at last where its year had no schedule). Idempotent, as a module listener must be.
     */
    @ApplicationModuleListener
    void on(CalendarChanged event) {
        countDueDatesAgain();
    }

    /** Counts each open task's due date again from the day it opened; a rectified task keeps the one it had. */
    @Transactional
    void countDueDatesAgain() {
        for (RatingRecords.OpenTask task : records.openTasks()) {
            LocalDate due = dueDate(task.openedOn());
            if (!Objects.equals(due, task.dueOn())) {
                records.setDue(task.id(), due);
            }
        }
    }
}
