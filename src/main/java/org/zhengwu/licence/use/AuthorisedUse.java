package org.zhengwu.licence.use;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.basedata.Organisation;
import org.zhengwu.basedata.Organisations;
import org.zhengwu.identity.Actor;
import org.zhengwu.licence.LicenceAccess;
import org.zhengwu.licence.register.LicenceRecords;
import org.zhengwu.licence.register.LicenceRow;
import org.zhengwu.licence.register.LicenceStatus;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.time.BusinessTime;
import org.zhengwu.shared.web.NotFoundException;
import org.zhengwu.shared.web.UserFacingException;

/**
 * 用证授权 and the use log. A holder lets a department use a licence; the department's staff see the licences
 * authorised to their organisation and each look is recorded, for the holder to see. Without an authorisation in
 * force (or for another case than the one named) a licence is answered as not found.
 */
@Service
public class AuthorisedUse {

    /** The longest an authorisation may run. */
    public static final int MAX_YEARS = 5;

    private final JdbcClient jdbc;
    private final LicenceRecords records;
    private final Organisations organisations;
    private final AccountabilityLog audit;
    private final Clock clock;

    AuthorisedUse(
            JdbcClient jdbc,
            LicenceRecords records,
            Organisations organisations,
            AccountabilityLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    /** Lets a department use the holder's licence; the caller has checked that {@code holder} holds it. */
    @Transactional
    public long grant(
            Actor holder,
            LicenceRow licence,
            String granteeUscc,
            String caseNumber,
            Authorisation.UseScope scope,
            LocalDate validUntil) {
        return grant(holder.accountId(), holder.username(), licence, granteeUscc, caseNumber, scope, validUntil);
    }

    /**
     * Lets a department use a licence for one case, unless an authorisation for that case and department is in force
     * already (so that an event delivered again grants nothing more); the caller has checked that the account holds
     * it and consented.
     */
    @Transactional
    public Authorisation grantForCase(
            long accountId,
            String username,
            LicenceRow licence,
            String granteeUscc,
            String caseNumber,
            Authorisation.UseScope scope,
            LocalDate validUntil) {
        Optional<Authorisation> earlier = forCase(licence, granteeUscc, caseNumber);
        long id = earlier.isPresent()
                ? earlier.get().id()
                : grant(accountId, username, licence, granteeUscc, caseNumber, scope, validUntil);
        return find(id).orElseThrow();
    }

    /** The authorisation in force that lets a department use a licence for one case, if any. */
    public Optional<Authorisation> forCase(LicenceRow licence, String granteeUscc, String caseNumber) {
        return jdbc
                .sql("""
                        SELECT * FROM licence_authorisation
                        WHERE type_code = :type AND issuer_uscc = :issuer AND number = :number
                          AND grantee_uscc = :grantee AND case_number = :case
                        ORDER BY granted_at DESC, id DESC""")
                .param("type", licence.typeCode())
                .param("issuer", licence.issuerUscc())
                .param("number", licence.number())
                .param("grantee", granteeUscc)
                .param("case", caseNumber)
                .query(AuthorisedUse::authorisation)
                .list()
                .stream()
                .filter(a -> a.inForce(today()))
                .findFirst();
    }

    private Optional<Authorisation> find(long id) {
        return jdbc.sql("SELECT * FROM licence_authorisation WHERE id = :id")
                .param("id", id)
                .query(AuthorisedUse::authorisation)
                .optional();
    }

    private long grant(
            long holderAccountId,
            String holderUsername,
            LicenceRow licence,
            String granteeUscc,
            String caseNumber,
            Authorisation.UseScope scope,
            LocalDate validUntil) {
        Organisation grantee = organisations
                .find(granteeUscc)
                .orElseThrow(
                        () -> new UserFacingException(HttpStatus.UNPROCESSABLE_ENTITY, "licence.use.no-department"));
        long id = jdbc.sql("""
                        INSERT INTO licence_authorisation (type_code, issuer_uscc, number, grantee_uscc, grantee_name,
                            case_number, scope, valid_until, granted_by, granted_at)
                        VALUES (:type, :issuer, :number, :grantee, :granteeName, :case, :scope, :until, :by, :now)
                        RETURNING id""")
                .param("type", licence.typeCode())
                .param("issuer", licence.issuerUscc())
                .param("number", licence.number())
                .param("grantee", grantee.uscc())
                .param("granteeName", grantee.name())
                .param("case", caseNumber)
                .param("scope", scope.name())
                .param("until", Date.valueOf(validUntil))
                .param("by", holderAccountId)
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        audit.record(AuditEvent.success(holderUsername, "licence.authorise", "licence", licence.identifier())
                .withDetails(grantee.uscc() + " " + scope + " " + validUntil
                        + (caseNumber == null ? "" : " " + caseNumber)));
        return id;
    }

    /** Ends an authorisation of the holder's licence at once; an authorisation of another licence is not found. */
    @Transactional
    public void withdraw(Actor holder, LicenceRow licence, long authorisationId) {
        int ended = jdbc.sql("""
                        UPDATE licence_authorisation SET withdrawn_at = :now
                        WHERE id = :id AND type_code = :type AND issuer_uscc = :issuer AND number = :number
                          AND withdrawn_at IS NULL""")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", authorisationId)
                .param("type", licence.typeCode())
                .param("issuer", licence.issuerUscc())
                .param("number", licence.number())
                .update();
        if (ended == 0) {
            throw new NotFoundException("licence.use.no-authorisation");
        }
        audit.record(
                AuditEvent.success(holder.username(), "licence.authorisation.withdraw", "licence", licence.identifier())
                        .withDetails(String.valueOf(authorisationId)));
    }

    /** The authorisations of a licence (any version), newest first. */
    public List<Authorisation> of(LicenceRow licence) {
        return jdbc.sql("""
                        SELECT * FROM licence_authorisation
                        WHERE type_code = :type AND issuer_uscc = :issuer AND number = :number
                        ORDER BY granted_at DESC, id DESC""")
                .param("type", licence.typeCode())
                .param("issuer", licence.issuerUscc())
                .param("number", licence.number())
                .query(AuthorisedUse::authorisation)
                .list();
    }

    /** Every use of a licence (any version), newest first. */
    public List<LicenceUse> uses(LicenceRow licence) {
        return jdbc.sql("""
                        SELECT u.used_at, u.user_display, u.organisation_uscc, a.grantee_name, u.case_number, u.what
                        FROM licence_use u
                        JOIN licence_licence l ON l.id = u.licence_id
                        LEFT JOIN licence_authorisation a ON a.id = u.authorisation_id
                        WHERE l.type_code = :type AND l.issuer_uscc = :issuer AND l.number = :number
                        ORDER BY u.used_at DESC, u.id DESC""")
                .param("type", licence.typeCode())
                .param("issuer", licence.issuerUscc())
                .param("number", licence.number())
                .query((rs, n) -> new LicenceUse(
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        Authorisation.UseScope.valueOf(rs.getString(6))))
                .list();
    }

    /** A licence authorised to the staff member's organisation, and its authorisation. */
    public record Authorised(LicenceRow licence, Authorisation authorisation) {}

    /** The current licences authorised to the staff member's organisation today. */
    public List<Authorised> authorisedTo(Actor staff) {
        if (staff.scope().organisationUscc() == null || !staff.may(LicenceAccess.USE)) {
            return List.of();
        }
        LocalDate today = today();
        return jdbc
                .sql("""
                        SELECT a.* FROM licence_authorisation a
                        WHERE a.grantee_uscc = :grantee AND a.withdrawn_at IS NULL AND a.valid_until >= :today
                        ORDER BY a.granted_at DESC, a.id DESC""")
                .param("grantee", staff.scope().organisationUscc())
                .param("today", Date.valueOf(today))
                .query(AuthorisedUse::authorisation)
                .list()
                .stream()
                .map(a -> current(a).map(l -> new Authorised(l, a)))
                .flatMap(Optional::stream)
                .filter(x -> x.licence().status(today) == LicenceStatus.VALID)
                .toList();
    }

    /**
     * Opens an authorised licence for the staff member, recording the use. Answers not found without an authorisation
     * in force for their organisation, for a case other than the one it names, or for the file when only its fields
     * were authorised.
     */
    @Transactional
    public Authorised use(Actor staff, long authorisationId, String caseNumber, Authorisation.UseScope what) {
        LocalDate today = today();
        Authorisation a = jdbc.sql("SELECT * FROM licence_authorisation WHERE id = :id")
                .param("id", authorisationId)
                .query(AuthorisedUse::authorisation)
                .optional()
                .filter(x -> staff.may(LicenceAccess.USE)
                        && x.granteeUscc().equals(staff.scope().organisationUscc())
                        && x.inForce(today))
                .filter(x -> x.caseNumber() == null || x.caseNumber().equals(caseNumber))
                .filter(x -> what == Authorisation.UseScope.FIELDS || x.scope() == Authorisation.UseScope.FILE)
                .orElseThrow(() -> new NotFoundException("licence.not-found"));
        LicenceRow l = current(a)
                .filter(x -> x.status(today) == LicenceStatus.VALID)
                .orElseThrow(() -> new NotFoundException("licence.not-found"));
        jdbc.sql("""
                        INSERT INTO licence_use (licence_id, authorisation_id, used_at, user_name, user_display,
                            organisation_uscc, case_number, what)
                        VALUES (:licence, :authorisation, :now, :user, :display, :organisation, :case, :what)""")
                .param("licence", l.id())
                .param("authorisation", a.id())
                .param("now", Timestamp.from(clock.instant()))
                .param("user", staff.username())
                .param("display", staff.displayName())
                .param("organisation", staff.scope().organisationUscc())
                .param("case", caseNumber)
                .param("what", what.name())
                .update();
        audit.record(AuditEvent.success(staff.username(), "licence.use", "licence", l.identifier())
                .withDetails(what + (caseNumber == null ? "" : " " + caseNumber)));
        return new Authorised(l, a);
    }

    private Optional<LicenceRow> current(Authorisation a) {
        return records.currentVersion(a.typeCode(), a.issuerUscc(), a.number());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(BusinessTime.ZONE));
    }

    private static Authorisation authorisation(ResultSet rs, int n) throws SQLException {
        return new Authorisation(
                rs.getLong("id"),
                rs.getString("type_code"),
                rs.getString("issuer_uscc"),
                rs.getString("number"),
                rs.getString("grantee_uscc"),
                rs.getString("grantee_name"),
                rs.getString("case_number"),
                Authorisation.UseScope.valueOf(rs.getString("scope")),
                rs.getDate("valid_until").toLocalDate(),
                rs.getLong("granted_by"),
                rs.getTimestamp("granted_at").toInstant(),
                rs.getTimestamp("withdrawn_at") == null
                        ? null
                        : rs.getTimestamp("withdrawn_at").toInstant());
    }
}
