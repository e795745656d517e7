package org.zhengwu.identity.web;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.time.BusinessTime;

/** 责任认定: search the accountability log, and verify its hash chain. */
@Controller
@RequestMapping("/admin/audit")
@PreAuthorize("hasAuthority('audit.read')")
class AuditAdminController {

    static final int PAGE_SIZE = 50;

    private final AccountabilityLog log;

    AuditAdminController(AccountabilityLog log) {
        this.log = log;
    }

    @GetMapping
    String search(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String objectType,
            @RequestParam(required = false) String objectId,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        AccountabilityLog.Query query = new AccountabilityLog.Query(
                blank(actor),
                blank(objectType),
                blank(objectId),
                blank(action),
                from == null ? null : from.atStartOfDay(BusinessTime.ZONE).toInstant(),
                to == null
                        ? null
                        : to.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant());
        int current = Math.max(page, 1);
        model.addAttribute("entries", log.search(query, PAGE_SIZE + 1, (long) (current - 1) * PAGE_SIZE));
        model.addAttribute("pageSize", PAGE_SIZE);
        model.addAttribute("page", current);
        model.addAttribute("criteria", query);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "identity/audit";
    }

    @PostMapping("/verify")
    String verify(Model model) {
        model.addAttribute("verification", log.verify());
        model.addAttribute("verifiedAt", ZonedDateTime.now(BusinessTime.ZONE));
        return search(null, null, null, null, null, null, 1, model);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
