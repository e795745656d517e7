package org.zhengwu.identity.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.zhengwu.identity.account.OutboxNotificationSender;

/** DEVELOPMENT ONLY: the messages the platform would have sent, for an administrator to read. */
@Controller
@PreAuthorize("hasAuthority('account.manage')")
@Profile("!production")
@ConditionalOnBooleanProperty("zhengwu.notifications.dev-outbox")
class OutboxController {

    private final OutboxNotificationSender outbox;

    OutboxController(OutboxNotificationSender outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/admin/outbox")
    String outbox(Model model) {
        model.addAttribute("messages", outbox.latest(100));
        return "identity/outbox";
    }
}
