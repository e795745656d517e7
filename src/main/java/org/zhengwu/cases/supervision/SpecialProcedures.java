package org.zhengwu.cases.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;
import org.zhengwu.cases.CaseAccess;
import org.zhengwu.cases.CaseStatus;
import org.zhengwu.cases.lifecycle.CaseClock;
import org.zhengwu.cases.lifecycle.CaseConflictException;
import org.zhengwu.cases.lifecycle.CaseLifecycle;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.cases.lifecycle.CaseRow;
import org.zhengwu.cases.lifecycle.CaseStep;
import org.zhengwu.identity.Actor;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.web.UserFacingException;

/**
 * 特别程序 on a case under review: a pause for 听证, 检验检测 or 专家评审 (行政许可法 §45), recorded by whoever examines
 * or decides the organisation's cases, and its end, which moves the due date by the working days it covered; and the
 * one extension of {@link #EXTENSION_DAYS} working days (§42), which only those who decide may approve. Each is
 * optimistic like every step of a case (the case's version moves on), goes on the case's timeline — its reason public,
 * for the law says the applicant is told — and into the accountability log, in one transaction.
 */
@Service
public class SpecialProcedures {

    /** 行政许可法 §42: 经本行政机关负责人批准，可以延长十日. */
    public static final int EXTENSION_DAYS = 10;

    /** Which procedures a member of staff may record on a case now. */
    public record Options(boolean pause, boolean resume, boolean extend) {

        public boolean any() {
            return pause || resume || extend;
        }
    }

    private final CaseLifecycle lifecycle;
    private final CaseRecords records;
    private final ClockRecords clockRecords;
    private final StatutoryClock statutoryClock;
    private final CaseClock caseClock;
    private final AccountabilityLog audit;
    private final Clock clock;

    SpecialProcedures(
            CaseLifecycle lifecycle,
            CaseRecords records,
            ClockRecords clockRecords,
            StatutoryClock statutoryClock,
            CaseClock caseClock,
            AccountabilityLog audit,
            Clock clock) {
        this.lifecycle = lifecycle;
        this.records = records;
        this.clockRecords = clockRecords;
        this.statutoryClock = statutoryClock;
        this.caseClock = caseClock;
        this.audit = audit;
        this.clock = clock;
    }

    public List<ClockEvent> events(long caseId) {
        return clockRecords.events(caseId);
    }

    public Options options(Actor staff, CaseRow c, List<ClockEvent> events) {
        if (c.status() != CaseStatus.UNDER_REVIEW) {
            return new Options(false, false, false);
        }
        boolean examines = mayPause(staff, c);
        boolean paused = events.stream().anyMatch(ClockEvent::open);
        boolean extended = events.stream().anyMatch(e -> e.kind() == ClockEventKind.EXTENSION);
        return new Options(
                examines && !paused,
                examines && paused,
                !extended && staff.mayReach(CaseAccess.APPROVE, c.organisationUscc(), c.divisionCode()));
    }

    /** The rules of a pause's first day, on the form's field {@code field}. */
    public void checkPauseStart(CaseRow c, List<ClockEvent> events, LocalDate startedOn, Errors errors, String field) {
        if (startedOn == null) {
            return;
        }
        LocalDate start = StatutoryClock.start(c);
        Optional<LocalDate> lastEnd = events.stream()
                .filter(e -> e.kind().pause() && e.endedOn() != null)
                .map(ClockEvent::endedOn)
                .max(LocalDate::compareTo);
        if (startedOn.isAfter(caseClock.today())) {
            errors.rejectValue(field, "cases.clock.date.future");
        } else if (start != null && startedOn.isBefore(start)) {
            errors.rejectValue(field, "cases.clock.start.before-clock", new Object[] {start.toString()}, null);
        } else if (lastEnd.isPresent() && startedOn.isBefore(lastEnd.get())) {
            errors.rejectValue(
                    field,
                    "cases.clock.start.overlap",
                    new Object[] {lastEnd.get().toString()},
                    null);
        }
    }

    /** The rules of a pause's last day, on the form's field {@code field}. */
    public void checkPauseEnd(List<ClockEvent> events, LocalDate endedOn, Errors errors, String field) {
        if (endedOn == null) {
            return;
        }
        Optional<ClockEvent> open = events.stream().filter(ClockEvent::open).findFirst();
        if (endedOn.isAfter(caseClock.today())) {
            errors.rejectValue(field, "cases.clock.date.future");
        } else if (open.isPresent() && endedOn.isBefore(open.get().startedOn())) {
            errors.rejectValue(
                    field,
                    "cases.clock.end.before-start",
                    new Object[] {open.get().startedOn().toString()},
                    null);
        }
    }

    /** Stops the clock from {@code startedOn} for a hearing, testing or expert review. */
    @Transactional
    public CaseRow pause(
            Actor staff, long caseId, int expectedVersion, ClockEventKind kind, String reason, LocalDate startedOn) {
        if (!kind.pause()) {
            throw new IllegalArgumentException(kind + " is not a pause");
        }
        CaseRow c = running(staff, caseId, expectedVersion, kind, false);
        List<ClockEvent> events = clockRecords.events(caseId);
        if (events.stream().anyMatch(ClockEvent::open)) {
            throw new CaseConflictException("cases.clock.already-paused");
        }
        requireValid(errors -> checkPauseStart(c, events, startedOn, errors, "pauseStart"));
        Instant now = clock.instant();
        try {
            clockRecords.startPause(caseId, kind, reason, startedOn, staff.username(), now);
        } catch (DuplicateKeyException e) {
            throw new CaseConflictException("cases.clock.already-paused");
        }
        reschedule(c, expectedVersion, c.dueOn(), now);
        step(staff, c, kind.startStep(), reason, now);
        audit.record(AuditEvent.success(staff.username(), "cases.clock.pause", "case", c.caseNumber())
                .withDetails(kind + " from " + startedOn));
        return records.find(caseId).orElseThrow();
    }

    /** Ends the open pause on {@code endedOn}: the due date moves by the working days it covered. */
    @Transactional
    public CaseRow resume(Actor staff, long caseId, int expectedVersion, LocalDate endedOn) {
        CaseRow c = running(staff, caseId, expectedVersion, ClockEventKind.HEARING, true);
        List<ClockEvent> events = clockRecords.events(caseId);
        ClockEvent open = events.stream()
                .filter(ClockEvent::open)
                .findFirst()
                .orElseThrow(() -> new CaseConflictException("cases.clock.not-paused"));
        requireValid(errors -> checkPauseEnd(events, endedOn, errors, "resumeOn"));
        Instant now = clock.instant();
        if (!clockRecords.endPause(caseId, endedOn, staff.username(), now)) {
            throw new CaseConflictException("cases.conflict");
        }
        ClockEvent ended = new ClockEvent(
                open.id(),
                caseId,
                open.kind(),
                open.reason(),
                open.startedOn(),
                endedOn,
                null,
                open.startedBy(),
                staff.username(),
                open.recordedAt(),
                now);
        LocalDate due = dueAfter(c, ended);
        reschedule(c, expectedVersion, due, now);
        step(staff, c, "pause-end", null, now);
        audit.record(AuditEvent.success(staff.username(), "cases.clock.resume", "case", c.caseNumber())
                .withDetails(open.kind() + " " + open.startedOn() + ".." + endedOn + ", due " + due));
        return records.find(caseId).orElseThrow();
    }

    /** Extends the limit once by {@link #EXTENSION_DAYS} working days, approved today by one who decides. */
    @Transactional
    public CaseRow extend(Actor staff, long caseId, int expectedVersion, String reason) {
        CaseRow c = running(staff, caseId, expectedVersion, ClockEventKind.EXTENSION, false);
        List<ClockEvent> events = clockRecords.events(caseId);
        if (events.stream().anyMatch(e -> e.kind() == ClockEventKind.EXTENSION)) {
            throw new CaseConflictException("cases.clock.extended-once");
        }
        Instant now = clock.instant();
        LocalDate today = caseClock.today();
        try {
            clockRecords.addExtension(caseId, reason, EXTENSION_DAYS, today, staff.username(), now);
        } catch (DuplicateKeyException e) {
            throw new CaseConflictException("cases.clock.extended-once");
        }
        ClockEvent extension = new ClockEvent(
                0,
                caseId,
                ClockEventKind.EXTENSION,
                reason,
                today,
                today,
                EXTENSION_DAYS,
                staff.username(),
                staff.username(),
                now,
                now);
        LocalDate due = dueAfter(c, extension);
        reschedule(c, expectedVersion, due, now);
        step(staff, c, ClockEventKind.EXTENSION.startStep(), reason, now);
        audit.record(AuditEvent.success(staff.username(), "cases.clock.extend", "case", c.caseNumber())
                .withDetails(EXTENSION_DAYS + " working days, due " + due));
        return records.find(caseId).orElseThrow();
    }

    /**
     * The due date once {@code latest} is recorded: counted again from the start where the limit is in working days,
     * else moved from the present due date.
     */
    private LocalDate dueAfter(CaseRow c, ClockEvent latest) {
        if (StatutoryClock.countedInWorkingDays(c)) {
            return statutoryClock
                    .due(StatutoryClock.start(c), c.promisedDays(), clockRecords.events(c.id()))
                    .orElse(null);
        }
        return statutoryClock.moved(c.dueOn(), latest).orElse(null);
    }

    private static boolean mayPause(Actor staff, CaseRow c) {
        return staff.mayReachAny(c.organisationUscc(), c.divisionCode(), CaseAccess.REVIEW, CaseAccess.APPROVE);
    }

    /**
     * Refuses (403, logged) a member of staff who may see the case but not record this procedure on it: a pause or its
     * end needs {@code cases.review} or {@code cases.approve}, an extension {@code cases.approve}, each within reach.
     */
    public void requirePermitted(Actor staff, CaseRow c, ClockEventKind kind, boolean ending) {
        boolean permitted = kind == ClockEventKind.EXTENSION
                ? staff.mayReach(CaseAccess.APPROVE, c.organisationUscc(), c.divisionCode())
                : mayPause(staff, c);
        if (!permitted) {
            String action = kind == ClockEventKind.EXTENSION
                    ? "cases.clock.extend"
                    : ending ? "cases.clock.resume" : "cases.clock.pause";
            audit.record(new AuditEvent(
                    staff.username(), null, action, "case", c.caseNumber(), AuditEvent.Outcome.DENIED, null));
            throw new UserFacingException(HttpStatus.FORBIDDEN, "cases.action.not-permitted");
        }
    }

    /**
     * The case as the form showed it, still under review, if the actor may act on it: a 404 when it is out of reach, a
     * 403 (logged) without the permission, a conflict when it moved on.
     */
    private CaseRow running(Actor staff, long caseId, int expectedVersion, ClockEventKind kind, boolean ending) {
        CaseRow c = lifecycle.reachable(staff, caseId);
        requirePermitted(staff, c, kind, ending);
        if (c.lockVersion() != expectedVersion) {
            throw new CaseConflictException("cases.conflict");
        }
        if (c.status() != CaseStatus.UNDER_REVIEW) {
            throw new CaseConflictException("cases.clock.not-running");
        }
        return c;
    }

    private void reschedule(CaseRow c, int expectedVersion, LocalDate due, Instant now) {
        if (!clockRecords.reschedule(c.id(), expectedVersion, due, now)) {
            throw new CaseConflictException("cases.conflict");
        }
    }

    private void step(Actor staff, CaseRow c, String code, String opinion, Instant now) {
        records.addStep(
                c.id(),
                new CaseStep(
                        now,
                        code,
                        c.status(),
                        "STAFF",
                        staff.accountId(),
                        staff.displayName(),
                        opinion,
                        opinion != null));
    }

    /** A rule the form should have caught (a request made without it) refuses the change. */
    private static void requireValid(Consumer<Errors> check) {
        Errors errors = new MapBindingResult(new HashMap<>(), "clock");
        check.accept(errors);
        if (errors.hasErrors()) {
            Object[] arguments = errors.getAllErrors().get(0).getArguments();
            throw new UserFacingException(
                    HttpStatus.BAD_REQUEST,
                    errors.getAllErrors().get(0).getCode(),
                    arguments == null ? new Object[0] : arguments);
        }
    }
}
