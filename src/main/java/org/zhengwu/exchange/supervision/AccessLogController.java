package org.zhengwu.exchange.supervision;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.zhengwu.exchange.ExchangeAccess;
import org.zhengwu.exchange.query.AccessLog;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.Actors;
import org.zhengwu.identity.ScopeColumns;
import org.zhengwu.identity.ScopeCondition;
import org.zhengwu.shared.codes.CitizenIdNumber;
import org.zhengwu.shared.codes.UnifiedSocialCreditCode;
import org.zhengwu.shared.time.BusinessTime;

/**
 * The query API's access log for supervisors: who read which resource's data, through which system, for what purpose
 * and which fields, filtered by resource, system, days (Asia/Shanghai) and subject, newest first, a page at a time.
 * A supervisor sees the accesses to the resources their reach provides and those made by the organisations within
 * it. A subject is asked for by its key in a posted form and named in the page's address and table only by its blind
 * index, so an ID number is never shown, kept in a browser's history or written to a server's access log.
 */
@Controller
class AccessLogController {

    static final int PAGE = 50;
    static final int LONGEST_RANGE_DAYS = 366;

    private static final Pattern INDEX = Pattern.compile("[0-9a-f]{64}");
    private static final ScopeColumns PROVIDER = new ScopeColumns("r.provider_uscc", "r.provider_division");
    private static final ScopeColumns CONSUMER = new ScopeColumns("g.consumer_uscc", "g.consumer_division");

    /** The filter: all optional; the days default to the last thirty. */
    public static class AccessFilter {
        private String resource;
        private String client;
        private String subject;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate from;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate to;

        public String getResource() {
            return resource;
        }

        public void setResource(String resource) {
            this.resource = resource;
        }

        public String getClient() {
            return client;
        }

        public void setClient(String client) {
            this.client = client;
        }

        public String getSubject() {
            return subject;
        }

        public void setSubject(String subject) {
            this.subject = subject;
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

    /** One access as the table shows it: the subject only as the start of its blind index. */
    record Row(
            long id,
            Instant at,
            String resourceCode,
            String resourceName,
            String consumerUscc,
            String clientId,
            long grantId,
            String purpose,
            String fields,
            String kind,
            String subjectIndex) {
        public String subjectShown() {
            return subjectIndex.length() > 16 ? subjectIndex.substring(0, 16) + "…" : subjectIndex;
        }
    }

    private final JdbcClient jdbc;
    private final Actors actors;
    private final AccessLog accessLog;
    private final java.time.Clock clock;

    AccessLogController(JdbcClient jdbc, Actors actors, AccessLog accessLog, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.actors = actors;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @GetMapping("/exchange/supervision/access")
    @PreAuthorize("hasAuthority('exchange.supervise')")
    String page(
            @ModelAttribute("accessFilter") AccessFilter filter,
            BindingResult binding,
            @RequestParam(required = false) Long before,
            Model model) {
        Actor staff = actors.require();
        LocalDate today = LocalDate.now(clock.withZone(BusinessTime.ZONE));
        LocalDate from = filter.getFrom() == null ? today.minusDays(29) : filter.getFrom();
        LocalDate to = filter.getTo() == null ? today : filter.getTo();
        if (binding.hasFieldErrors("from") || binding.hasFieldErrors("to")) {
            // A date that is no date leaves the range unknown: its own error says what to do.
        } else if (from.isAfter(to)) {
            binding.rejectValue("to", "exchange.access.range.order");
        } else if (from.plusDays(LONGEST_RANGE_DAYS).isBefore(to)) {
            binding.rejectValue("to", "exchange.access.range.long", new Object[] {LONGEST_RANGE_DAYS}, null);
        }
        String subject = blank(filter.getSubject());
        if (!subject.isEmpty() && !INDEX.matcher(subject).matches()) {
            binding.rejectValue("subject", "exchange.access.subject.index");
        }
        if (before != null && before < 1) {
            binding.reject("exchange.access.page");
        }
        List<Row> rows = binding.hasErrors()
                ? List.of()
                : rows(
                        staff,
                        blank(filter.getResource()).replace('-', '/'),
                        blank(filter.getClient()),
                        subject,
                        from,
                        to,
                        before);
        boolean more = rows.size() > PAGE;
        List<Row> shown = more ? rows.subList(0, PAGE) : rows;
        filter.setFrom(from);
        filter.setTo(to);
        model.addAttribute("rows", shown);
        model.addAttribute(
                "nextPage",
                more
                        ? UriComponentsBuilder.fromPath("/exchange/supervision/access")
                                .queryParam("resource", blank(filter.getResource()))
                                .queryParam("client", blank(filter.getClient()))
                                .queryParam("subject", subject)
                                .queryParam("from", from)
                                .queryParam("to", to)
                                .queryParam(
                                        "before", shown.get(shown.size() - 1).id())
                                .encode()
                                .toUriString()
                        : null);
        return "exchange/access-log";
    }

    /** A subject's key (公民身份号码, 统一社会信用代码) typed in: turned into its blind index, which the page is then asked for. */
    @PostMapping("/exchange/supervision/access/subject")
    @PreAuthorize("hasAuthority('exchange.supervise')")
    String subject(@RequestParam(name = "key", required = false) String key, RedirectAttributes redirect) {
        String typed = blank(key);
        if (typed.isEmpty()) {
            redirect.addFlashAttribute("keyProblem", "exchange.access.key.missing");
            return "redirect:/exchange/supervision/access";
        }
        // A mistyped number would only find nothing: say so instead, by its check character.
        LocalDate today = LocalDate.now(clock.withZone(BusinessTime.ZONE));
        if (typed.length() > 40
                || !(CitizenIdNumber.isValid(typed, today)
                        || UnifiedSocialCreditCode.check(typed).isValid())) {
            redirect.addFlashAttribute("keyProblem", "exchange.access.key.invalid");
            return "redirect:/exchange/supervision/access";
        }
        redirect.addAttribute("subject", accessLog.subjectIndex(typed));
        return "redirect:/exchange/supervision/access";
    }

    private List<Row> rows(
            Actor staff, String resource, String client, String subject, LocalDate from, LocalDate to, Long before) {
        ScopeCondition provider = staff.reachCondition(PROVIDER, ExchangeAccess.SUPERVISE);
        ScopeCondition consumer = staff.reachCondition(CONSUMER, ExchangeAccess.SUPERVISE);
        // Both conditions are the same actor's: their parameters have the same names and the same values.
        Map<String, Object> params = new LinkedHashMap<>(provider.parameters());
        params.putAll(consumer.parameters());
        params.put("resource", resource);
        params.put("client", client);
        params.put("subject", subject);
        params.put("from", Timestamp.from(from.atStartOfDay(BusinessTime.ZONE).toInstant()));
        params.put(
                "to",
                Timestamp.from(to.plusDays(1).atStartOfDay(BusinessTime.ZONE).toInstant()));
        params.put("before", before == null ? Long.MAX_VALUE : before);
        params.put("limit", PAGE + 1);
        return jdbc.sql("""
                        SELECT a.id, a.accessed_at, a.resource_code, r.name, a.consumer_uscc, a.client_id, a.grant_id,
                            a.purpose, a.fields, a.kind, a.subject_index
                        FROM exchange_access a
                        JOIN exchange_resource r ON r.code = a.resource_code
                        JOIN exchange_grant g ON g.id = a.grant_id
                        WHERE a.id < :before AND a.accessed_at >= :from AND a.accessed_at < :to
                          AND (:resource = '' OR a.resource_code = :resource)
                          AND (:client = '' OR a.client_id = :client)
                          AND (:subject = '' OR a.subject_index = :subject)
                          AND (""" + provider.sql() + " OR " + consumer.sql() + """
                        )
                        ORDER BY a.id DESC LIMIT :limit""")
                .params(params)
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getTimestamp("accessed_at").toInstant(),
                        rs.getString("resource_code"),
                        rs.getString("name"),
                        rs.getString("consumer_uscc"),
                        rs.getString("client_id"),
                        rs.getLong("grant_id"),
                        rs.getString("purpose"),
                        rs.getString("fields"),
                        rs.getString("kind"),
                        rs.getString("subject_index")))
                .list();
    }

    private static String blank(String text) {
        return text == null ? "" : text.strip();
    }
}
