package org.zhengwu.shared.audit;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Names an action code of the accountability log in words, as {@code audit.action.<code>} in the bundles; a code
 * without a name there (a module added it and no one named it yet) is shown as it is. Templates call it as
 * {@code @auditActions}.
 */
@Component("auditActions")
public class AuditActions {

    private final MessageSource messages;

    AuditActions(MessageSource messages) {
        this.messages = messages;
    }

    public String label(String action, Locale locale) {
        return action == null ? "" : messages.getMessage("audit.action." + action, null, action, locale);
    }

    /** Whether the code has a name of its own, so that a page shows the code beside it. */
    public boolean named(String action, Locale locale) {
        return !label(action, locale).equals(action);
    }
}
