package org.zhengwu.cases.lifecycle;

import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.zhengwu.identity.Applicants;

/**
 * Tells the applicant what happened to their case — received, accepted or refused, asked for 补正, decided, delivered —
 * through identity's notification senders (SMS or e-mail; the development outbox in the demo). Sent after the step
 * has committed, so nobody is told of a step that was rolled back, and off the request's thread; a message that cannot
 * be sent is logged, and the timeline of 我的办件 shows the step either way.
 */
@Component
class ApplicantNotices {

    /** A step the applicant is told about, raised inside the step's transaction. */
    record StepTaken(Long applicantAccountId, Long agentAccountId, String caseNumber, String itemName, String step) {}

    static final Set<String> TOLD = Set.of(
            "submit",
            "register",
            "accept",
            "refuse",
            "request-correction",
            "approve-at-counter",
            "deny-at-counter",
            "approve",
            "deny",
            "deliver",
            "deemed-accept",
            "bundle-complete");

    private static final Logger log = LoggerFactory.getLogger(ApplicantNotices.class);

    private final Applicants applicants;
    private final MessageSource messages;

    ApplicantNotices(Applicants applicants, MessageSource messages) {
        this.applicants = applicants;
        this.messages = messages;
    }

    /**
     * On its own thread and connection, after the step commits: a listener that ran in the committing request would
     * ask for a second connection while still holding the first, and 32 submissions at once exhausted a pool of 16
     * (bench/cases.sh). The event publication registry keeps a message that was not sent when the node stopped.
     */
    @ApplicationModuleListener
    void tell(StepTaken step) {
        if (!TOLD.contains(step.step())) {
            return;
        }
        Locale chinese = Locale.SIMPLIFIED_CHINESE;
        String what = messages.getMessage("cases.step." + step.step(), null, chinese);
        String subject = messages.getMessage("cases.notice.subject", new Object[] {step.caseNumber(), what}, chinese);
        String body = messages.getMessage(
                "cases.notice.body", new Object[] {step.itemName(), step.caseNumber(), what}, chinese);
        // The agent who applied for an enterprise is the applicant account; told once.
        for (Long account : java.util.stream.Stream.of(step.applicantAccountId(), step.agentAccountId())
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList()) {
            try {
                if (!applicants.tell(account, subject, body)) {
                    log.info("Case {}: no way to tell account {} of {}", step.caseNumber(), account, step.step());
                }
            } catch (RuntimeException e) {
                log.warn(
                        "Case {}: telling account {} of {} failed: {}",
                        step.caseNumber(),
                        account,
                        step.step(),
                        e.toString());
            }
        }
    }
}
