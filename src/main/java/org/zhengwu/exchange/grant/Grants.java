package org.zhengwu.exchange.grant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.basedata.Organisation;
import org.zhengwu.basedata.Organisations;
import org.zhengwu.exchange.ExchangeAccess;
import org.zhengwu.exchange.resource.Resource;
import org.zhengwu.exchange.resource.ResourceWithdrawn;
import org.zhengwu.exchange.resource.ShareType;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.ScopeColumns;
import org.zhengwu.identity.ScopeCondition;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.calendar.WorkingDays;
import org.zhengwu.shared.time.BusinessTime;
import org.zhengwu.shared.web.NotFoundException;
import org.zhengwu.shared.web.UserFacingException;

/**
 * Governed sharing (国发〔2016〕51号): a consumer's staff ask for a resource with purpose, legal basis, fields and period;
 * a 有条件共享 one waits for the provider's decision, due within {@value #DECISION_WORKING_DAYS} working days (the
 * request day not counted), a 无条件共享 one is granted at once on the purpose being registered (all fields, the
 * sensitive ones masked), a 不予共享 one cannot be asked for. The provider approves (perhaps fewer fields, fewer in
 * clear, a shorter period) or refuses with a reason; the consumer may withdraw, the provider revoke. All audited.
 */
@Service
public class Grants {

    public static final int DECISION_WORKING_DAYS = 10;

    /** Whose request: the consumer's organisation and division. */
    static final ScopeColumns CONSUMER = new ScopeColumns("g.consumer_uscc", "g.consumer_division");

    /** Whose resource: the provider's. */
    static final ScopeColumns PROVIDER = new ScopeColumns("r.provider_uscc", "r.provider_division");

    private static final String SELECT = """
            SELECT g.*, r.name AS resource_name, r.provider_uscc, r.provider_division
            FROM exchange_grant g JOIN exchange_resource r ON r.code = g.resource_code
            """;

    /** What a consumer asks for. */
    public record Request(
            String purpose, String legalBasis, List<String> fields, LocalDate validFrom, LocalDate validUntil) {}

    /** What a provider grants. */
    public record Approval(List<String> fields, List<String> clearFields, LocalDate validUntil) {}

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final AccountabilityLog log;
    private final WorkingDays workingDays;
    private final Clock clock;

    Grants(JdbcClient jdbc, Organisations organisations, AccountabilityLog log, WorkingDays workingDays, Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.log = log;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(BusinessTime.ZONE));
    }

    /** The due date of a decision on a request made on {@code requestDay}. */
    public LocalDate dueOn(LocalDate requestDay) {
        return workingDays.dueDate(requestDay, DECISION_WORKING_DAYS);
    }

    /** Whether the resource may be asked for at all: published and not 不予共享. */
    public static boolean requestable(Resource r) {
        return r.published() && r.shareType() != ShareType.NONE;
    }

    @Transactional
    public Grant request(Actor staff, Resource resource, Request request) {
        if (!requestable(resource)) {
            throw new UserFacingException(HttpStatus.CONFLICT, "exchange.grant.not-requestable");
        }
        String uscc = staff.scope().organisationUscc();
        Organisation consumer = uscc == null ? null : organisations.find(uscc).orElse(null);
        if (consumer == null || !staff.may(ExchangeAccess.REQUEST)) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "exchange.grant.no-organisation");
        }
        if (consumer.uscc().equals(resource.providerUscc())) {
            throw new UserFacingException(HttpStatus.CONFLICT, "exchange.grant.own-resource");
        }
        Instant now = clock.instant();
        LocalDate today = today();
        boolean unconditional = resource.shareType() == ShareType.UNCONDITIONAL;
        List<String> fields = ordered(resource, request.fields());
        List<String> all = resource.items().stream().map(Resource.Item::field).toList();
        long id = jdbc.sql("""
                        INSERT INTO exchange_grant (resource_code, consumer_uscc, consumer_division, purpose, legal_basis,
                            fields_requested, fields_granted, clear_fields, valid_from, valid_until, status,
                            requested_by, requested_at, due_on, decided_by, decided_at)
                        VALUES (:resource, :consumer, :division, :purpose, :basis, :fields, :granted, :clear, :from,
                            :until, :status, :by, :now, :due, :decidedBy, :decidedAt)
                        RETURNING id""")
                .param("resource", resource.code())
                .param("consumer", consumer.uscc())
                .param("division", consumer.divisionCode())
                .param("purpose", request.purpose())
                .param("basis", request.legalBasis())
                .param("fields", String.join(",", unconditional ? all : fields))
                .param("granted", unconditional ? String.join(",", all) : null)
                .param("clear", unconditional ? "" : null)
                .param("from", request.validFrom())
                .param("until", request.validUntil())
                .param("status", unconditional ? "APPROVED" : "REQUESTED")
                .param("by", staff.username())
                .param("now", Timestamp.from(now))
                .param("due", unconditional ? null : dueOn(today))
                .param("decidedBy", unconditional ? "system" : null)
                .param("decidedAt", unconditional ? Timestamp.from(now) : null)
                .query(Long.class)
                .single();
        log.record(AuditEvent.success(staff.username(), "exchange.grant.request", "grant", String.valueOf(id))
                .withDetails(resource.code() + " " + consumer.uscc()));
        if (unconditional) {
            log.record(AuditEvent.success("system", "exchange.grant.approve", "grant", String.valueOf(id))
                    .withDetails(resource.code() + " 无条件共享"));
        }
        return find(id).orElseThrow();
    }

    @Transactional
    public void approve(Actor staff, long id, Resource resource, Approval approval) {
        Grant g = decidable(staff, id);
        List<String> granted = ordered(resource, approval.fields());
        List<String> clear = ordered(resource, approval.clearFields()).stream()
                .filter(granted::contains)
                .toList();
        int changed = jdbc.sql("""
                        UPDATE exchange_grant SET status = 'APPROVED', fields_granted = :granted, clear_fields = :clear,
                            valid_until = :until, decided_by = :by, decided_at = :now
                        WHERE id = :id AND status = 'REQUESTED'""")
                .param("granted", String.join(",", granted))
                .param("clear", String.join(",", clear))
                .param("until", approval.validUntil())
                .param("by", staff.username())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        recorded(
                changed,
                "exchange.grant.decided",
                staff,
                "exchange.grant.approve",
                id,
                g.resourceCode() + " " + String.join(",", granted) + " clear:" + String.join(",", clear) + " until "
                        + approval.validUntil());
    }

    @Transactional
    public void refuse(Actor staff, long id, String reason) {
        Grant g = decidable(staff, id);
        int changed = jdbc.sql("""
                        UPDATE exchange_grant SET status = 'REFUSED', decision_reason = :reason, decided_by = :by,
                            decided_at = :now
                        WHERE id = :id AND status = 'REQUESTED'""")
                .param("reason", reason)
                .param("by", staff.username())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        recorded(
                changed, "exchange.grant.decided", staff, "exchange.grant.refuse", id, g.resourceCode() + " " + reason);
    }

    /** The consumer takes back a request or gives up a grant. */
    @Transactional
    public void withdraw(Actor staff, long id) {
        Grant g = find(id).filter(x -> mayRequest(staff, x))
                .orElseThrow(() -> new NotFoundException("exchange.grant.not-found"));
        int changed = jdbc.sql("""
                        UPDATE exchange_grant SET status = 'WITHDRAWN', decided_at = COALESCE(decided_at, :now)
                        WHERE id = :id AND status IN ('REQUESTED', 'APPROVED')""")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        recorded(changed, "exchange.grant.decided", staff, "exchange.grant.withdraw", id, g.resourceCode());
    }

    /** The provider ends a grant in force, with a reason. */
    @Transactional
    public void revoke(Actor staff, long id, String reason) {
        Grant g = decidable(staff, id);
        int changed = jdbc.sql("""
                        UPDATE exchange_grant SET status = 'REVOKED', decision_reason = :reason
                        WHERE id = :id AND status = 'APPROVED'""").param("reason", reason).param("id", id).update();
        recorded(
                changed,
                "exchange.grant.not-approved",
                staff,
                "exchange.grant.revoke",
                id,
                g.resourceCode() + " " + reason);
    }

    /**
     * The end of each step of the workflow: a step whose guarded update changed no row met a grant in another state
     * (decided already, withdrawn, revoked) and is refused with 409; one that did is written to the log.
     */
    private void recorded(int changed, String conflict, Actor staff, String action, long id, String details) {
        if (changed == 0) {
            throw new UserFacingException(HttpStatus.CONFLICT, conflict);
        }
        log.record(AuditEvent.success(staff.username(), action, "grant", String.valueOf(id))
                .withDetails(details));
    }

    /**
     * A withdrawn resource's grants end with it: those in force are revoked, the requests still waiting refused, each
     * with the provider's reason and in the log, so that consumers see why on their grant's page.
     */
    @EventListener
    void on(ResourceWithdrawn withdrawn) {
        String reason = "资源已下架 / resource withdrawn: " + withdrawn.reason();
        Timestamp now = Timestamp.from(clock.instant());
        List<Long> revoked = jdbc.sql("""
                        UPDATE exchange_grant SET status = 'REVOKED', decision_reason = :reason
                        WHERE resource_code = :code AND status = 'APPROVED' RETURNING id""")
                .param("reason", reason)
                .param("code", withdrawn.code())
                .query(Long.class)
                .list();
        List<Long> refused = jdbc.sql("""
                        UPDATE exchange_grant SET status = 'REFUSED', decision_reason = :reason, decided_by = :by,
                            decided_at = :now
                        WHERE resource_code = :code AND status = 'REQUESTED' RETURNING id""")
                .param("reason", reason)
                .param("by", withdrawn.actor())
                .param("now", now)
                .param("code", withdrawn.code())
                .query(Long.class)
                .list();
        revoked.forEach(id ->
                log.record(AuditEvent.success(withdrawn.actor(), "exchange.grant.revoke", "grant", String.valueOf(id))
                        .withDetails(withdrawn.code() + " withdrawn")));
        refused.forEach(id ->
                log.record(AuditEvent.success(withdrawn.actor(), "exchange.grant.refuse", "grant", String.valueOf(id))
                        .withDetails(withdrawn.code() + " withdrawn")));
    }

    /** Marks the requests still undecided after their due date as escalated; answers them. */
    @Transactional
    public List<Grant> escalateOverdue(String actor) {
        List<Grant> overdue = jdbc.sql(SELECT + """
                        WHERE g.status = 'REQUESTED' AND g.due_on < :today AND g.escalated_at IS NULL
                        ORDER BY g.id FOR UPDATE OF g SKIP LOCKED""")
                .param("today", today())
                .query(Grants::grant)
                .list();
        Instant now = clock.instant();
        for (Grant g : overdue) {
            jdbc.sql("UPDATE exchange_grant SET escalated_at = :now WHERE id = :id")
                    .param("now", Timestamp.from(now))
                    .param("id", g.id())
                    .update();
            log.record(AuditEvent.success(actor, "exchange.grant.escalate", "grant", String.valueOf(g.id()))
                    .withDetails(g.resourceCode() + " " + g.providerUscc() + " due " + g.dueOn()));
        }
        return overdue;
    }

    public java.util.Optional<Grant> find(long id) {
        return jdbc.sql(SELECT + "WHERE g.id = :id")
                .param("id", id)
                .query(Grants::grant)
                .optional();
    }

    /** A grant as the staff member may see it (consumer, provider or supervisor); else 404. */
    public Grant visible(Actor staff, long id) {
        return find(id).filter(g -> mayRequest(staff, g) || mayDecide(staff, g) || maySupervise(staff, g))
                .orElseThrow(() -> new NotFoundException("exchange.grant.not-found"));
    }

    public boolean mayRequest(Actor staff, Grant g) {
        return staff.mayReach(ExchangeAccess.REQUEST, g.consumerUscc(), g.consumerDivision());
    }

    public boolean mayDecide(Actor staff, Grant g) {
        return staff.mayReach(ExchangeAccess.DECIDE, g.providerUscc(), g.providerDivision());
    }

    public boolean maySupervise(Actor staff, Grant g) {
        return staff.mayReach(ExchangeAccess.SUPERVISE, g.providerUscc(), g.providerDivision())
                || staff.mayReach(ExchangeAccess.SUPERVISE, g.consumerUscc(), g.consumerDivision());
    }

    /** A grant the staff member may decide on (the provider's); else 404. */
    Grant decidable(Actor staff, long id) {
        return find(id).filter(g -> mayDecide(staff, g))
                .orElseThrow(() -> new NotFoundException("exchange.grant.not-found"));
    }

    /** The requests and grants of the staff member's organisation (as consumer), newest first. */
    public List<Grant> ofConsumer(Actor staff) {
        return list(staff.reachCondition(CONSUMER, ExchangeAccess.REQUEST), "TRUE");
    }

    /** The requests waiting for the staff member's decision, oldest due first. */
    public List<Grant> waiting(Actor staff) {
        return list(staff.reachCondition(PROVIDER, ExchangeAccess.DECIDE), "g.status = 'REQUESTED'");
    }

    /** The grants of the staff member's organisation's resources (as provider). */
    public List<Grant> ofProvider(Actor staff) {
        return list(staff.reachCondition(PROVIDER, ExchangeAccess.DECIDE), "g.status <> 'REQUESTED'");
    }

    /** The escalated requests of the supervisor's region, still undecided. */
    public List<Grant> escalated(Actor staff) {
        return list(
                staff.reachCondition(PROVIDER, ExchangeAccess.SUPERVISE),
                "g.status = 'REQUESTED' AND g.escalated_at IS NOT NULL");
    }

    private List<Grant> list(ScopeCondition scope, String state) {
        Map<String, Object> params = new LinkedHashMap<>(scope.parameters());
        return jdbc.sql(SELECT + "WHERE " + state + " AND " + scope.sql()
                        + " ORDER BY g.due_on NULLS LAST, g.id DESC LIMIT 500")
                .params(params)
                .query(Grants::grant)
                .list();
    }

    /** The asked fields that the resource has, in the resource's order. */
    static List<String> ordered(Resource resource, Collection<String> fields) {
        Set<String> wanted = fields == null ? Set.of() : Set.copyOf(fields);
        List<String> out = new ArrayList<>();
        for (Resource.Item item : resource.items()) {
            if (wanted.contains(item.field())) {
                out.add(item.field());
            }
        }
        return out;
    }

    private static List<String> split(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.split(","));
    }

    private static Grant grant(ResultSet rs, int row) throws SQLException {
        Timestamp escalated = rs.getTimestamp("escalated_at");
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Grant(
                rs.getLong("id"),
                rs.getString("resource_code"),
                rs.getString("resource_name"),
                rs.getString("provider_uscc"),
                rs.getString("provider_division"),
                rs.getString("consumer_uscc"),
                rs.getString("consumer_division"),
                rs.getString("purpose"),
                rs.getString("legal_basis"),
                split(rs.getString("fields_requested")),
                split(rs.getString("fields_granted")),
                split(rs.getString("clear_fields")),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class),
                rs.getString("status"),
                rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(),
                rs.getObject("due_on", LocalDate.class),
                escalated == null ? null : escalated.toInstant(),
                rs.getString("decided_by"),
                decided == null ? null : decided.toInstant(),
                rs.getString("decision_reason"));
    }
}
