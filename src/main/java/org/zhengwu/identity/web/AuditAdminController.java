package org.zhengwu.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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

    /** What to look for: every criterion is optional; dates are business days in Asia/Shanghai, both included. */
    public static class AuditSearch {
        private String actor;
        private String objectType;
        private String objectId;
        private String action;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate from;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate to;

        AccountabilityLog.Query query() {
            return new AccountabilityLog.Query(
                    actor,
                    objectType,
                    objectId,
                    action,
                    from == null ? null : from.atStartOfDay(BusinessTime.ZONE).toInstant(),
                    to == null
                            ? null
                            : to.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant());
        }

        public String getActor() {
            return actor;
        }

        public void setActor(String actor) {
            this.actor = actor;
        }

        public String getObjectType() {
            return objectType;
        }

        public void setObjectType(String objectType) {
            this.objectType = objectType;
        }

        public String getObjectId() {
            return objectId;
        }

        public void setObjectId(String objectId) {
            this.objectId = objectId;
        }

        public String getAction() {
            return action;
        }

        public void setAction(String action) {
            this.action = action;
        }

        public LocalDate getFrom() {
            return from;
        }

        public void setFrom(LocalDate from) {
            this.from = from;
        }

        public LocalDate getTo() {
            return to;
        }

        public void setTo(LocalDate to) {
            this.to = to;
        }
    }

    private final AccountabilityLog log;

    AuditAdminController(AccountabilityLog log) {
        this.log = log;
    }

    /** A date that is not one is named on the page (400), with the search as typed; nothing is searched. */
    @GetMapping
    String search(
            @ModelAttribute("auditSearch") AuditSearch search,
            BindingResult binding,
            @RequestParam(defaultValue = "1") int page,
            HttpServletResponse response,
            Model model) {
        int current = Math.max(page, 1);
        if (binding.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("entries", java.util.List.of());
        } else {
            model.addAttribute("entries", log.search(search.query(), PAGE_SIZE + 1, (long) (current - 1) * PAGE_SIZE));
        }
        model.addAttribute("pageSize", PAGE_SIZE);
        model.addAttribute("page", current);
        return "identity/audit";
    }

    @PostMapping("/verify")
    String verify(Model model) {
        model.addAttribute("verification", log.verify());
        model.addAttribute("verifiedAt", ZonedDateTime.now(BusinessTime.ZONE));
        model.addAttribute("auditSearch", new AuditSearch());
        model.addAttribute("entries", log.search(new AuditSearch().query(), PAGE_SIZE + 1, 0));
        model.addAttribute("pageSize", PAGE_SIZE);
        model.addAttribute("page", 1);
        return "identity/audit";
    }
}
