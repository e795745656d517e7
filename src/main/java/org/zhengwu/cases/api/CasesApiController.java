package org.zhengwu.cases.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhengwu.cases.CaseAccess;
import org.zhengwu.cases.CaseNumber;
import org.zhengwu.cases.CaseStatus;
import org.zhengwu.cases.lifecycle.CaseLifecycle;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.cases.lifecycle.CaseRow;
import org.zhengwu.cases.progress.ProgressLookup;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.Actors;
import org.zhengwu.identity.ConnectedSystem;
import org.zhengwu.identity.ConnectedSystems;
import org.zhengwu.identity.ScopeCondition;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.web.BadParameterException;
import org.zhengwu.shared.web.NotFoundException;
import org.zhengwu.shared.web.UserFacingException;

/**
 * /api/v1/cases: an applicant's own cases, a member of staff's cases within their data scope, a connected department
 * system's (its own token with the scope {@code cases.read}, {@link CaseAccess#READ_SCOPE}) its organisation's cases,
 * read only and each read in the accountability log; and the public progress lookup. Another's case is a 404, as if
 * it did not exist.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "办件 Cases", description = "Applications and their progress")
class CasesApiController {

    private static final int LIMIT = 100;

    /** A department system's read, in the accountability log. */
    static final String READ = "cases.api.read";

    /** One case as a list shows it. */
    record CaseSummary(
            String caseNumber,
            String implementationCode,
            String itemName,
            CaseStatus status,
            String stage,
            String channel,
            LocalDate receivedOn,
            LocalDate dueOn,
            String decision) {}

    /** A page of cases, newest first; {@code next} is the cursor of the following page, or null. */
    record CasePage(List<CaseSummary> cases, Long next) {}

    record Step(String step, Instant at, String opinion) {}

    record CaseDetail(CaseSummary summary, String organisationUscc, String divisionCode, List<Step> steps) {}

    private final JdbcClient jdbc;
    private final Actors actors;
    private final CaseRecords records;
    private final ProgressLookup progress;
    private final ConnectedSystems systems;
    private final AccountabilityLog audit;

    CasesApiController(
            JdbcClient jdbc,
            Actors actors,
            CaseRecords records,
            ProgressLookup progress,
            ConnectedSystems systems,
            AccountabilityLog audit) {
        this.jdbc = jdbc;
        this.actors = actors;
        this.records = records;
        this.progress = progress;
        this.systems = systems;
        this.audit = audit;
    }

    @GetMapping("/cases")
    @PreAuthorize("isAuthenticated()")
    @Operation(
            summary = "My cases (an applicant), the cases within my data scope (staff) or my organisation's cases (a"
                    + " department system with a cases.read token), newest first")
    CasePage list(
            @Parameter(description = "cursor from the previous page") @RequestParam(required = false) Long before) {
        if (before != null && before < 1) {
            throw new BadParameterException("before", "search.problem.number", 1, Long.MAX_VALUE);
        }
        Optional<ConnectedSystem> system = systems.current();
        Map<String, Object> parameters = new LinkedHashMap<>();
        String who;
        if (system.isPresent()) {
            ScopeCondition condition = system.get().reachCondition(CaseRecords.SCOPE, CaseAccess.READ_SCOPE);
            who = "c.status <> 'DRAFT' AND (" + condition.sql() + ")";
            parameters.putAll(condition.parameters());
        } else {
            Actor actor = signedIn();
            if (actor.type() == AccountType.PERSON) {
                who = "(c.applicant_account_id = :me OR c.agent_account_id = :me)";
                parameters.put("me", actor.accountId());
            } else {
                ScopeCondition condition = actor.reachCondition(
                        CaseRecords.SCOPE,
                        CaseAccess.ACCEPT,
                        CaseAccess.REVIEW,
                        CaseAccess.APPROVE,
                        CaseAccess.SUPERVISE);
                who = "c.status <> 'DRAFT' AND (" + condition.sql() + ")";
                parameters.putAll(condition.parameters());
            }
        }
        parameters.put("before", before == null ? Long.MAX_VALUE : before);
        parameters.put("limit", LIMIT + 1);
        List<Long> ids = new ArrayList<>();
        List<CaseSummary> rows = jdbc.sql("""
                        SELECT c.id, c.case_number, c.implementation_code, c.item_name, c.status, c.stage, c.channel,
                               c.received_on, c.due_on, c.decision
                        FROM cases_case c
                        WHERE c.case_number IS NOT NULL AND c.id < :before
                        """ + "AND " + who + "\nORDER BY c.id DESC LIMIT :limit")
                .params(parameters)
                .query((rs, n) -> {
                    ids.add(rs.getLong("id"));
                    return new CaseSummary(
                            rs.getString("case_number"),
                            rs.getString("implementation_code"),
                            rs.getString("item_name"),
                            CaseStatus.valueOf(rs.getString("status")),
                            rs.getString("stage"),
                            rs.getString("channel"),
                            rs.getObject("received_on", LocalDate.class),
                            rs.getObject("due_on", LocalDate.class),
                            rs.getString("decision"));
                })
                .list();
        boolean more = rows.size() > LIMIT;
        CasePage page = new CasePage(more ? rows.subList(0, LIMIT) : rows, more ? ids.get(LIMIT - 1) : null);
        system.ifPresent(s -> audit.record(AuditEvent.success(s.clientId(), READ, "case", "list")
                .withDetails("before " + (before == null ? "-" : before) + "; cases "
                        + page.cases().size())));
        return page;
    }

    @GetMapping("/cases/{number}")
    @PreAuthorize("isAuthenticated()")
    @Operation(
            summary = "One case with its timeline: the applicant's own, one within the member of staff's data scope,"
                    + " or one of the department system's organisation (public opinions only)")
    CaseDetail one(@PathVariable String number) {
        CaseNumber parsed = ProgressLookup.number(number);
        Optional<ConnectedSystem> system = systems.current();
        if (system.isPresent()) {
            return systemRead(system.get(), parsed);
        }
        Actor actor = signedIn();
        CaseRow c = records.findByNumber(parsed.value())
                .filter(row -> actor.type() == AccountType.PERSON
                        ? CaseLifecycle.owns(actor, row)
                        : CaseLifecycle.mayView(actor, row))
                .orElseThrow(() -> new NotFoundException("cases.case.not-found"));
        boolean staff = actor.type() == AccountType.STAFF;
        List<Step> steps = records.steps(c.id()).stream()
                .map(s -> new Step(s.step(), s.at(), staff || s.opinionPublic() ? s.opinion() : null))
                .toList();
        return new CaseDetail(summary(c), c.organisationUscc(), c.divisionCode(), steps);
    }

    @GetMapping("/case-progress/{number}")
    @Operation(
            summary = "Public progress lookup with the receipt's query code: status and dates only",
            description = "A malformed number (wrong check character) is a 400 problem; an unknown number and a wrong"
                    + " code are the same 404; at most 60 lookups an hour per client address and 10 per case number.")
    ProgressLookup.Progress progress(
            @PathVariable String number,
            @Parameter(description = "the query code printed on the receipt")
                    @RequestHeader(name = "X-Query-Code", required = false)
                    String code,
            HttpServletRequest request) {
        CaseNumber parsed = ProgressLookup.number(number);
        if (code == null || code.isBlank()) {
            throw new BadParameterException("X-Query-Code", "validation.required");
        }
        return progress.find(parsed, code, request.getRemoteAddr());
    }

    /**
     * A department system reads one case of its organisation: the timeline's steps and times, and only the opinions
     * the applicant is shown. Each read is in the log under the system's client id; a case it may not reach is a
     * 404, logged as refused.
     */
    private CaseDetail systemRead(ConnectedSystem system, CaseNumber number) {
        Optional<CaseRow> found = records.findByNumber(number.value())
                .filter(row -> row.status() != CaseStatus.DRAFT
                        && system.mayReach(CaseAccess.READ_SCOPE, row.organisationUscc(), row.divisionCode()));
        if (found.isEmpty()) {
            audit.record(new AuditEvent(
                    system.clientId(), null, READ, "case", number.value(), AuditEvent.Outcome.DENIED, null));
            throw new NotFoundException("cases.case.not-found");
        }
        CaseRow c = found.get();
        List<Step> steps = records.steps(c.id()).stream()
                .map(s -> new Step(s.step(), s.at(), s.opinionPublic() ? s.opinion() : null))
                .toList();
        audit.record(AuditEvent.success(system.clientId(), READ, "case", c.caseNumber()));
        return new CaseDetail(summary(c), c.organisationUscc(), c.divisionCode(), steps);
    }

    /** The caller, fully signed in: a member of staff between password and second factor is not. */
    private Actor signedIn() {
        return actors.current()
                .orElseThrow(() -> new UserFacingException(HttpStatus.UNAUTHORIZED, "cases.api.sign-in"));
    }

    private static CaseSummary summary(CaseRow c) {
        return new CaseSummary(
                c.caseNumber(),
                c.implementationCode(),
                c.itemName(),
                c.status(),
                c.stage(),
                c.channel(),
                c.receivedOn(),
                c.dueOn(),
                c.decision());
    }
}
