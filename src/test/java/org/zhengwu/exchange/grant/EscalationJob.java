package org.zhengwu.exchange.grant;

import org.springframework.context.ApplicationContext;

/** Runs the scheduled escalation job directly, as its schedule would, for tests outside its package. */
public final class EscalationJob {

    private EscalationJob() {}

    public static int run(ApplicationContext context) {
        return context.getBean(GrantEscalation.class).escalate();
    }
}
