package org.zhengwu.cases.supervision;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.zhengwu.cases.lifecycle.CaseClock;
import org.zhengwu.cases.lifecycle.CaseRow;
import org.zhengwu.identity.Actor;
import org.zhengwu.shared.calendar.NoScheduleException;

/**
 * The section of a case's workbench page about its clock: the case's warnings, its special procedures and the forms
 * to record them (those the member of staff may use on the case now). The workbench's case page and the clock page
 * both show it.
 */
@Component
public class ClockPanel {

    /**
     * @param covered the working days each pause covered (so far, for an open one), by event id; absent where a year
     *                it touches has no schedule
     */
    public record View(
            List<ClockEvent> events,
            ClockEvent openPause,
            Map<Long, Integer> covered,
            SpecialProcedures.Options options,
            List<Warning> warnings,
            List<ClockEventKind> pauseKinds,
            int extensionDays) {}

    private final SpecialProcedures procedures;
    private final WarningRecords warnings;
    private final StatutoryClock statutoryClock;
    private final CaseClock caseClock;

    ClockPanel(
            SpecialProcedures procedures, WarningRecords warnings, StatutoryClock statutoryClock, CaseClock caseClock) {
        this.procedures = procedures;
        this.warnings = warnings;
        this.statutoryClock = statutoryClock;
        this.caseClock = caseClock;
    }

    /** Adds the section's view ({@code clock}) and its forms, where the model does not hold them already. */
    public void addTo(Model model, Actor actor, CaseRow c) {
        List<ClockEvent> events = procedures.events(c.id());
        LocalDate today = caseClock.today();
        Map<Long, Integer> covered = new LinkedHashMap<>();
        for (ClockEvent event : events) {
            if (event.kind().pause()) {
                try {
                    covered.put(event.id(), statutoryClock.covered(event, today));
                } catch (NoScheduleException e) {
                    // Shown as unknown.
                }
            }
        }
        model.addAttribute(
                "clock",
                new View(
                        events,
                        events.stream().filter(ClockEvent::open).findFirst().orElse(null),
                        covered,
                        procedures.options(actor, c, events),
                        warnings.ofCase(c.id()),
                        ClockEventKind.pauses(),
                        SpecialProcedures.EXTENSION_DAYS));
        if (!model.containsAttribute("pause")) {
            ClockController.PauseForm pause = new ClockController.PauseForm();
            pause.setVersion(c.lockVersion());
            pause.setPauseStart(today);
            model.addAttribute("pause", pause);
        }
        if (!model.containsAttribute("resume")) {
            ClockController.ResumeForm resume = new ClockController.ResumeForm();
            resume.setVersion(c.lockVersion());
            resume.setResumeOn(today);
            model.addAttribute("resume", resume);
        }
        if (!model.containsAttribute("extension")) {
            ClockController.ExtensionForm extension = new ClockController.ExtensionForm();
            extension.setVersion(c.lockVersion());
            model.addAttribute("extension", extension);
        }
    }
}
