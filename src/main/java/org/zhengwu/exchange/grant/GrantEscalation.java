package org.zhengwu.exchange.grant;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.identity.StaffNotices;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;

/**
 * Every hour, marks the requests still undecided after their due date (10 working days) as escalated: they are then
 * listed on the supervisors' page, each escalation is in the accountability log, and the platform's administrators
 * are told in one notice per run which requests are overdue and whose decision they wait for (国发〔2016〕51号 has
 * the platform answer for requests left undecided). The notice is sent after the escalation has committed, from the
 * event publication registry, so nobody is told of an escalation that was rolled back and a notice not yet sent when
 * the node stops is sent after its restart. Several nodes may run this: one does (an advisory lock), the others skip.
 */
@Component
class GrantEscalation {

    private static final long LOCK = 7_100_423_180_012L;

    static final String AUDIT_NOTICE = "exchange.grant.escalation-notice";

    /** The requests one run escalated, raised inside its transaction. */
    record Escalated(List<Overdue> requests) {}

    /** What the administrators' notice says of one overdue request. */
    record Overdue(
            long id,
            String resourceName,
            String resourceCode,
            String consumerUscc,
            String providerUscc,
            String dueOn) {}

    private final JdbcClient jdbc;
    private final Grants grants;
    private final StaffNotices notices;
    private final MessageSource messages;
    private final AccountabilityLog log;
    private final ApplicationEventPublisher events;

    GrantEscalation(
            JdbcClient jdbc,
            Grants grants,
            StaffNotices notices,
            MessageSource messages,
            AccountabilityLog log,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.grants = grants;
        this.notices = notices;
        this.messages = messages;
        this.log = log;
        this.events = events;
    }

    /** Hourly at minute 7, on one node (shared.database.JobLocks). */
    @Scheduled(cron = "0 7 * * * *", zone = "Asia/Shanghai")
    @SchedulerLock(name = "exchange.grant-escalation")
    @Transactional
    void scheduled() {
        escalate();
    }

    /** Answers how many requests it escalated (0 when another node is at it). */
    @Transactional
    public int escalate() {
        if (!Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(:lock)")
                .param("lock", LOCK)
                .query(Boolean.class)
                .single())) {
            return 0;
        }
        List<Grant> escalated = grants.escalateOverdue("system");
        if (!escalated.isEmpty()) {
            events.publishEvent(new Escalated(escalated.stream()
                    .map(g -> new Overdue(
                            g.id(),
                            g.resourceName(),
                            g.resourceCode(),
                            g.consumerUscc(),
                            g.providerUscc(),
                            g.dueOn().toString()))
                    .toList()));
        }
        return escalated.size();
    }

    @ApplicationModuleListener
    void tellAdministrators(Escalated escalated) {
        List<Overdue> requests = escalated.requests();
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        String subject = messages.getMessage("exchange.grant.escalation.subject", new Object[] {requests.size()}, zh);
        String body = requests.stream()
                .map(g -> messages.getMessage(
                        "exchange.grant.escalation.line",
                        new Object[] {
                            String.valueOf(g.id()),
                            g.resourceName(),
                            g.resourceCode(),
                            g.consumerUscc(),
                            g.providerUscc(),
                            g.dueOn()
                        },
                        zh))
                .collect(Collectors.joining(
                        "\n", "", "\n" + messages.getMessage("exchange.grant.escalation.footer", null, zh)));
        int reached = notices.tellPlatformAdministrators(subject, body);
        log.record(AuditEvent.success("system", AUDIT_NOTICE, "grant", null)
                .withDetails(requests.stream().map(g -> String.valueOf(g.id())).collect(Collectors.joining(","))
                        + "; administrators reached " + reached));
    }
}
