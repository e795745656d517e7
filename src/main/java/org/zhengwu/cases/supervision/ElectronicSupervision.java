package org.zhengwu.cases.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.cases.CaseDecided;
import org.zhengwu.cases.lifecycle.CaseClock;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.calendar.NoScheduleException;
import org.zhengwu.shared.calendar.WorkingDays;

/**
 * 电子监察: every hour, the warnings of every case on the clock are brought up to date in one transaction — those of
 * cases that left the clock and those raised against a due date that has since moved are resolved, red is raised on
 * cases past their due date (superseding yellow), yellow on cases due within
 * {@code zhengwu.cases.warning.yellow-working-days} working days. Each warning raised and each resolution is written to
 * the accountability log by {@code system}. Several nodes may run this: one does (an advisory lock), the others skip. A
 * decision resolves the case's warnings at once, without waiting for the next run.
 */
@Component
@EnableConfigurationProperties(WarningSettings.class)
public class ElectronicSupervision {

    /** What one run changed; {@link #SKIPPED} when another node was at it. */
    public record Sweep(int raised, int resolved, boolean ran) {
        static final Sweep SKIPPED = new Sweep(0, 0, false);
    }

    static final String SYSTEM = "system";
    private static final Logger log = LoggerFactory.getLogger(ElectronicSupervision.class);
    private static final long LOCK = 7_100_423_180_029L;

    private final WarningRecords warnings;
    private final ClockRecords clockRecords;
    private final WorkingDays workingDays;
    private final CaseClock caseClock;
    private final WarningSettings settings;
    private final JdbcClient jdbc;
    private final AccountabilityLog audit;
    private final Clock clock;

    ElectronicSupervision(
            WarningRecords warnings,
            ClockRecords clockRecords,
            WorkingDays workingDays,
            CaseClock caseClock,
            WarningSettings settings,
            JdbcClient jdbc,
            AccountabilityLog audit,
            Clock clock) {
        this.warnings = warnings;
        this.clockRecords = clockRecords;
        this.workingDays = workingDays;
        this.caseClock = caseClock;
        this.settings = settings;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Hourly at minute 15 (DeemedAcceptance has run at minute 5), in case a node was down at the turn of the day; on
     * one node (shared.database.JobLocks).
     */
    @Scheduled(cron = "0 15 * * * *", zone = "Asia/Shanghai")
    @SchedulerLock(name = "cases.electronic-supervision")
    @Transactional
    void scheduled() {
        run();
    }

    /** One run as on today; {@link Sweep#SKIPPED} when another node is at it. */
    @Transactional
    public Sweep run() {
        return sweepOn(caseClock.today());
    }

    /** One run as on {@code today}. */
    @Transactional
    public Sweep sweep(LocalDate today) {
        return sweepOn(today);
    }

    private Sweep sweepOn(LocalDate today) {
        if (!Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)")
                .param("lock", LOCK)
                .query(Boolean.class)
                .single())) {
            return Sweep.SKIPPED;
        }
        Instant now = clock.instant();
        clockRecords.endPausesOffTheClock(null, today, now);
        List<WarningRecords.Change> stopped = warnings.resolveOffTheClock(null, SYSTEM, now);
        List<WarningRecords.Change> moved = warnings.resolveMovedDue(now);
        List<WarningRecords.Change> red = warnings.raiseRed(today, now);
        List<WarningRecords.Change> superseded = warnings.supersedeYellow(now);
        List<WarningRecords.Change> yellow = warnings.raiseYellow(today, yellowBefore(today), now);
        // The log last, so that each entry's chain is held only for the end of the transaction.
        int resolved = resolved(stopped, Resolution.CLOCK_STOPPED)
                + resolved(moved, Resolution.DUE_MOVED)
                + resolved(superseded, Resolution.SUPERSEDED);
        red.forEach(this::raised);
        yellow.forEach(this::raised);
        Sweep sweep = new Sweep(red.size() + yellow.size(), resolved, true);
        if (sweep.raised() + sweep.resolved() > 0) {
            log.info("电子监察: {} warning(s) raised, {} resolved", sweep.raised(), sweep.resolved());
        }
        return sweep;
    }

    /**
     * Yellow for a due date fewer than N + 1 working days away: with N = 2, a case due on Friday is warned from the
     * Wednesday before, when two working days (Thursday, Friday) are left. When that count would run into a year with
     * no schedule, every day up to the end of the known year is within it (and no due date lies beyond it).
     */
    LocalDate yellowBefore(LocalDate today) {
        try {
            return workingDays.dueDate(today, settings.yellowWorkingDays() + 1);
        } catch (NoScheduleException e) {
            return LocalDate.of(e.year(), 1, 1);
        }
    }

    /** A decision stops the clock: the case's warnings are resolved and an open pause ends on the day of decision. */
    @ApplicationModuleListener
    void on(CaseDecided decided) {
        Instant now = clock.instant();
        jdbc.sql("SELECT id FROM cases_case WHERE case_number = :number")
                .param("number", decided.caseNumber())
                .query(Long.class)
                .optional()
                .ifPresent(id -> clockRecords.endPausesOffTheClock(id, caseClock.today(), now));
        resolved(warnings.resolveOffTheClock(decided.caseNumber(), SYSTEM, now), Resolution.CLOCK_STOPPED);
    }

    private void raised(WarningRecords.Change warning) {
        audit.record(AuditEvent.success(SYSTEM, "cases.warning.raise", "case", warning.caseNumber())
                .withDetails(warning.level() + " due " + warning.dueOn() + " (warning " + warning.warningId() + ")"));
    }

    private int resolved(List<WarningRecords.Change> changes, Resolution resolution) {
        for (WarningRecords.Change warning : changes) {
            audit.record(AuditEvent.success(SYSTEM, "cases.warning.resolve", "case", warning.caseNumber())
                    .withDetails(warning.level() + " " + resolution + " (warning " + warning.warningId() + ")"));
        }
        return changes.size();
    }
}
