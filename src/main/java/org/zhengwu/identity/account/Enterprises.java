package org.zhengwu.identity.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.time.BusinessTime;

/**
 * Legal persons (法人): an enterprise registered by its legal representative, who adds and removes agents (经办人);
 * an agent acts for the enterprise within the scope and period granted.
 */
@Service
public class Enterprises {

    /** What an agent may do for the enterprise. */
    public enum AgentScope {
        ALL,
        APPLY_AND_QUERY,
        QUERY_ONLY
    }

    /**
     * {@code verified}: the representative's claim was confirmed (at a counter, or by the legal-person library once it
     * exists); until then the enterprise is shown as unverified and tokens do not say anyone acts for it.
     */
    public record Enterprise(long id, String uscc, String name, long representativeId, boolean verified) {}

    private static final String COLUMNS = "id, uscc, name, representative_id, verified_at IS NOT NULL AS verified";

    private static Enterprise enterprise(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Enterprise(
                rs.getLong("id"),
                rs.getString("uscc"),
                rs.getString("name"),
                rs.getLong("representative_id"),
                rs.getBoolean("verified"));
    }

    public record Grant(
            long id,
            long enterpriseId,
            long agentId,
            String agentUsername,
            String agentName,
            AgentScope scope,
            LocalDate validFrom,
            LocalDate validTo,
            boolean revoked) {
        public boolean activeOn(LocalDate date) {
            return !revoked && !date.isBefore(validFrom) && !date.isAfter(validTo);
        }
    }

    /** An enterprise the account may act for, and in what capacity. */
    public record Capacity(Enterprise enterprise, boolean representative, Grant grant) {}

    private final JdbcClient jdbc;
    private final AccountabilityLog audit;
    private final Clock clock;

    Enterprises(JdbcClient jdbc, AccountabilityLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(BusinessTime.ZONE));
    }

    public boolean registered(String uscc) {
        return jdbc.sql("SELECT count(*) FROM identity_enterprise WHERE uscc = :uscc")
                        .param("uscc", uscc)
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Transactional
    public long register(String uscc, String name, Account representative) {
        long id = jdbc.sql("""
                        INSERT INTO identity_enterprise (uscc, name, representative_id, created_at)
                        VALUES (:uscc, :name, :rep, :now) RETURNING id""")
                .param("uscc", uscc)
                .param("name", name)
                .param("rep", representative.id())
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        audit.record(AuditEvent.success(representative.username(), "identity.enterprise.register", "enterprise", uscc)
                .actingFor(uscc));
        return id;
    }

    /** The enterprises an account may act for today: those it represents and those it is an agent of. */
    public List<Capacity> capacities(Account account) {
        LocalDate today = today();
        List<Capacity> represented = jdbc.sql(
                        "SELECT " + COLUMNS + " FROM identity_enterprise WHERE representative_id = :id ORDER BY name")
                .param("id", account.id())
                .query((rs, n) -> new Capacity(enterprise(rs, n), true, null))
                .list();
        List<Capacity> agented = grantsOfAgent(account.id()).stream()
                .filter(g -> g.activeOn(today))
                .map(g -> new Capacity(find(g.enterpriseId()).orElseThrow(), false, g))
                .toList();
        List<Capacity> all = new java.util.ArrayList<>(represented);
        all.addAll(agented);
        return all;
    }

    public Optional<Enterprise> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM identity_enterprise WHERE id = :id")
                .param("id", id)
                .query(Enterprises::enterprise)
                .optional();
    }

    public Optional<Enterprise> findByUscc(String uscc) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM identity_enterprise WHERE uscc = :uscc")
                .param("uscc", uscc)
                .query(Enterprises::enterprise)
                .optional();
    }

    /**
     * A clerk has seen the enterprise's licence and the representative's identity card: the claim is verified. An
     * enterprise claimed by someone else (claims were first come, first served) passes to the person seen, and the
     * agents the earlier claimant appointed lose their grants; one not yet registered is registered verified.
     */
    @Transactional
    public Enterprise confirmAtCounter(String uscc, String name, Account representative, String clerk) {
        Optional<Enterprise> existing = findByUscc(uscc);
        long id;
        String details = null;
        if (existing.isEmpty()) {
            id = jdbc.sql("""
                            INSERT INTO identity_enterprise (uscc, name, representative_id, created_at, verified_at,
                                verified_by, verified_how)
                            VALUES (:uscc, :name, :rep, :now, :now, :clerk, 'COUNTER') RETURNING id""")
                    .param("uscc", uscc)
                    .param("name", name)
                    .param("rep", representative.id())
                    .param("now", Timestamp.from(clock.instant()))
                    .param("clerk", clerk)
                    .query(Long.class)
                    .single();
            details = "registered at the counter";
        } else {
            id = existing.get().id();
            if (existing.get().representativeId() != representative.id()) {
                int revoked = jdbc.sql("""
                                UPDATE identity_agent_grant SET revoked_at = :now
                                WHERE enterprise_id = :id AND revoked_at IS NULL""")
                        .param("now", Timestamp.from(clock.instant()))
                        .param("id", id)
                        .update();
                details = "claim moved from account " + existing.get().representativeId() + "; " + revoked
                        + " agent grants revoked";
            }
            jdbc.sql("""
                            UPDATE identity_enterprise SET representative_id = :rep, verified_at = :now,
                                verified_by = :clerk, verified_how = 'COUNTER'
                            WHERE id = :id""")
                    .param("rep", representative.id())
                    .param("now", Timestamp.from(clock.instant()))
                    .param("clerk", clerk)
                    .param("id", id)
                    .update();
        }
        audit.record(AuditEvent.success(clerk, "identity.enterprise.verify", "enterprise", uscc)
                .actingFor(uscc)
                .withDetails(details == null ? representative.username() : representative.username() + "; " + details));
        return find(id).orElseThrow();
    }

    /**
     * The enterprise the account has chosen to act for, while it still may: a grant that has ended or been revoked
     * ends the choice too.
     */
    public Optional<Enterprise> actingFor(Account account, Optional<Long> chosen) {
        return chosen.flatMap(id -> capacity(account, id)).map(Capacity::enterprise);
    }

    /** The capacity in which the account may act for this enterprise today, if any. */
    public Optional<Capacity> capacity(Account account, long enterpriseId) {
        return capacities(account).stream()
                .filter(c -> c.enterprise().id() == enterpriseId)
                .findFirst();
    }

    public List<Grant> grants(long enterpriseId) {
        return jdbc.sql("""
                        SELECT g.id, g.enterprise_id, g.agent_id, a.username, a.display_name, g.scope, g.valid_from,
                               g.valid_to, g.revoked_at
                        FROM identity_agent_grant g JOIN identity_account a ON a.id = g.agent_id
                        WHERE g.enterprise_id = :id ORDER BY g.valid_from DESC, g.id DESC""")
                .param("id", enterpriseId)
                .query(Enterprises::mapGrant)
                .list();
    }

    private List<Grant> grantsOfAgent(long agentId) {
        return jdbc.sql("""
                        SELECT g.id, g.enterprise_id, g.agent_id, a.username, a.display_name, g.scope, g.valid_from,
                               g.valid_to, g.revoked_at
                        FROM identity_agent_grant g JOIN identity_account a ON a.id = g.agent_id
                        WHERE g.agent_id = :id ORDER BY g.valid_from DESC, g.id DESC""").param("id", agentId).query(Enterprises::mapGrant).list();
    }

    @Transactional
    public void grant(
            Enterprise enterprise,
            Account representative,
            Account agent,
            AgentScope scope,
            LocalDate from,
            LocalDate to) {
        jdbc.sql("""
                        INSERT INTO identity_agent_grant (enterprise_id, agent_id, scope, valid_from, valid_to, granted_by,
                                                          granted_at)
                        VALUES (:enterprise, :agent, :scope, :from, :to, :by, :now)""")
                .param("enterprise", enterprise.id())
                .param("agent", agent.id())
                .param("scope", scope.name())
                .param("from", from)
                .param("to", to)
                .param("by", representative.id())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        audit.record(AuditEvent.success(representative.username(), "identity.agent.grant", "account", agent.username())
                .actingFor(enterprise.uscc())
                .withDetails(scope + " " + from + "–" + to));
    }

    /** Revokes a grant of this enterprise; false when there is no such active grant. */
    @Transactional
    public boolean revoke(Enterprise enterprise, long grantId, Account representative) {
        Optional<Grant> grant = grants(enterprise.id()).stream()
                .filter(g -> g.id() == grantId && !g.revoked())
                .findFirst();
        if (grant.isEmpty()) {
            return false;
        }
        jdbc.sql("UPDATE identity_agent_grant SET revoked_at = :now WHERE id = :id AND enterprise_id = :enterprise")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", grantId)
                .param("enterprise", enterprise.id())
                .update();
        audit.record(AuditEvent.success(
                        representative.username(),
                        "identity.agent.revoke",
                        "account",
                        grant.get().agentUsername())
                .actingFor(enterprise.uscc()));
        return true;
    }

    private static Grant mapGrant(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Grant(
                rs.getLong("id"),
                rs.getLong("enterprise_id"),
                rs.getLong("agent_id"),
                rs.getString("username"),
                rs.getString("display_name"),
                AgentScope.valueOf(rs.getString("scope")),
                rs.getDate("valid_from").toLocalDate(),
                rs.getDate("valid_to").toLocalDate(),
                rs.getTimestamp("revoked_at") != null);
    }
}
