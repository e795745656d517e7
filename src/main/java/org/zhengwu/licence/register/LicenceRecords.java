package org.zhengwu.licence.register;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhengwu.identity.ScopeColumns;
import org.zhengwu.identity.ScopeCondition;

/** The licence tables: licences by version, their numbers and annotations. */
@Repository
public class LicenceRecords {

    public static final ScopeColumns SCOPE = new ScopeColumns("l.issuer_uscc", "l.division_code");

    private static final String COLUMNS = "l.*";

    private final JdbcClient jdbc;

    LicenceRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LicenceRow> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM licence_licence l WHERE l.id = :id")
                .param("id", id)
                .query(LicenceRecords::row)
                .optional();
    }

    public Optional<LicenceRow> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM licence_licence l WHERE l.id = :id FOR UPDATE")
                .param("id", id)
                .query(LicenceRecords::row)
                .optional();
    }

    public Optional<LicenceRow> findByIdentifier(String identifier) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM licence_licence l WHERE l.identifier = :identifier")
                .param("identifier", identifier)
                .query(LicenceRecords::row)
                .optional();
    }

    public Optional<LicenceRow> findByCase(String caseNumber) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM licence_licence l WHERE l.case_number = :case")
                .param("case", caseNumber)
                .query(LicenceRecords::row)
                .optional();
    }

    /** The newest version of a licence (type, issuer, number). */
    public Optional<LicenceRow> currentVersion(String typeCode, String issuerUscc, String number) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM licence_licence l
                        WHERE l.type_code = :type AND l.issuer_uscc = :issuer AND l.number = :number
                        ORDER BY l.version DESC LIMIT 1""")
                .param("type", typeCode)
                .param("issuer", issuerUscc)
                .param("number", number)
                .query(LicenceRecords::row)
                .optional();
    }

    /** The versions of one licence (same type, issuer and number), newest first. */
    public List<LicenceRow> versions(LicenceRow licence) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM licence_licence l
                        WHERE l.type_code = :type AND l.issuer_uscc = :issuer AND l.number = :number
                        ORDER BY l.version DESC""")
                .param("type", licence.typeCode())
                .param("issuer", licence.issuerUscc())
                .param("number", licence.number())
                .query(LicenceRecords::row)
                .list();
    }

    /**
     * A holder's licences, current versions only: those issued to their account, or to one of the codes (their
     * 公民身份号码, the enterprises they represent) by blind index.
     */
    public List<LicenceRow> ofHolder(Long accountId, Collection<String> codeIndexes) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM licence_licence l
                        WHERE l.status <> 'SUPERSEDED'
                          AND (l.holder_account_id = :account OR l.holder_code_index IN (:codes))
                        ORDER BY l.issued_on DESC, l.id DESC""")
                .param("account", accountId == null ? -1L : accountId)
                .param("codes", codeIndexes.isEmpty() ? List.of("-") : codeIndexes)
                .query(LicenceRecords::row)
                .list();
    }

    /** The licences an organisation issued within the staff member's reach, newest first, one page. */
    public List<LicenceRow> issued(ScopeCondition scope, String query, int limit, int offset) {
        String q = query == null ? "" : query.strip();
        return jdbc.sql("SELECT " + COLUMNS + " FROM licence_licence l WHERE " + scope.sql() + """
                           AND (:q = '' OR l.number = :q OR l.identifier = :q OR l.case_number = :q)
                        ORDER BY l.created_at DESC, l.id DESC
                        LIMIT :limit OFFSET :offset""")
                .params(scope.parameters())
                .param("q", q)
                .param("limit", limit)
                .param("offset", offset)
                .query(LicenceRecords::row)
                .list();
    }

    /** The next 证照编号 sequence of an issuer, type and year; the row lock serialises only those issues. */
    public int nextSequence(String issuerUscc, String typeCode, int year) {
        return jdbc.sql("""
                        INSERT INTO licence_number_sequence (issuer_uscc, type_code, year, last_value)
                        VALUES (:issuer, :type, :year, 1)
                        ON CONFLICT (issuer_uscc, type_code, year)
                        DO UPDATE SET last_value = licence_number_sequence.last_value + 1
                        RETURNING last_value""")
                .param("issuer", issuerUscc)
                .param("type", typeCode)
                .param("year", year)
                .query(Integer.class)
                .single();
    }

    /** A new licence version to store. */
    public record NewLicence(
            String identifier,
            String typeCode,
            String number,
            int version,
            String name,
            String issuerUscc,
            String issuerName,
            LocalDate issuedOn,
            LocalDate validFrom,
            LocalDate validUntil,
            String divisionCode,
            byte[] holderName,
            byte[] holderCode,
            String holderCodeIndex,
            String holderCodeMasked,
            String holderCodeKind,
            Long holderAccountId,
            byte[] fieldValues,
            String caseNumber,
            String baseCode,
            String importedFrom,
            String fileKey,
            String fileSm3,
            long fileSize) {}

    /** Stores a licence; empty when one was already issued for the case (a decision delivered twice). */
    public Optional<Long> insert(NewLicence l, Instant now) {
        return jdbc.sql("""
                        INSERT INTO licence_licence (identifier, type_code, number, version, name, issuer_uscc,
                            issuer_name, issued_on, valid_from, valid_until, division_code, holder_name, holder_code,
                            holder_code_index, holder_code_masked, holder_code_kind, holder_account_id, field_values,
                            case_number, base_code, imported_from, status, file_key, file_sm3, file_size, created_at)
                        VALUES (:identifier, :type, :number, :version, :name, :issuer, :issuerName, :issuedOn,
                            :validFrom, :validUntil, :division, :holderName, :holderCode, :holderIndex, :masked,
                            :kind, :account, :values, :case, :base, :importedFrom, 'VALID', :fileKey, :sm3, :size,
                            :now)
                        ON CONFLICT DO NOTHING
                        RETURNING id""")
                .param("identifier", l.identifier())
                .param("type", l.typeCode())
                .param("number", l.number())
                .param("version", l.version())
                .param("name", l.name())
                .param("issuer", l.issuerUscc())
                .param("issuerName", l.issuerName())
                .param("issuedOn", Date.valueOf(l.issuedOn()))
                .param("validFrom", Date.valueOf(l.validFrom()))
                .param("validUntil", l.validUntil() == null ? null : Date.valueOf(l.validUntil()))
                .param("division", l.divisionCode())
                .param("holderName", l.holderName())
                .param("holderCode", l.holderCode())
                .param("holderIndex", l.holderCodeIndex())
                .param("masked", l.holderCodeMasked())
                .param("kind", l.holderCodeKind())
                .param("account", l.holderAccountId())
                .param("values", l.fieldValues())
                .param("case", l.caseNumber())
                .param("base", l.baseCode())
                .param("importedFrom", l.importedFrom())
                .param("fileKey", l.fileKey())
                .param("sm3", l.fileSm3())
                .param("size", l.fileSize())
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .optional();
    }

    /** Moves a valid licence to REVOKED or SUPERSEDED; false when it was no longer valid. */
    public boolean end(long id, LicenceStatus status, String reason, Instant now) {
        return jdbc.sql("""
                        UPDATE licence_licence SET status = :status, status_reason = :reason, status_changed_at = :now
                        WHERE id = :id AND status = 'VALID'""")
                        .param("status", status.name())
                        .param("reason", reason)
                        .param("now", Timestamp.from(now))
                        .param("id", id)
                        .update()
                > 0;
    }

    /** 加注件. */
    public record Annotation(Instant annotatedAt, String author, String reason, String content, LocalDate validUntil) {}

    public void annotate(long licenceId, Annotation a) {
        jdbc.sql("""
                        INSERT INTO licence_annotation (licence_id, annotated_at, author, reason, content, valid_until)
                        VALUES (:licence, :at, :author, :reason, :content, :until)""")
                .param("licence", licenceId)
                .param("at", Timestamp.from(a.annotatedAt()))
                .param("author", a.author())
                .param("reason", a.reason())
                .param("content", a.content())
                .param("until", a.validUntil() == null ? null : Date.valueOf(a.validUntil()))
                .update();
    }

    public List<Annotation> annotations(long licenceId) {
        return jdbc.sql("""
                        SELECT annotated_at, author, reason, content, valid_until FROM licence_annotation
                        WHERE licence_id = :licence ORDER BY annotated_at, id""")
                .param("licence", licenceId)
                .query((rs, n) -> new Annotation(
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate()))
                .list();
    }

    private static LicenceRow row(ResultSet rs, int n) throws SQLException {
        return new LicenceRow(
                rs.getLong("id"),
                rs.getString("identifier"),
                rs.getString("type_code"),
                rs.getString("number"),
                rs.getInt("version"),
                rs.getString("name"),
                rs.getString("issuer_uscc"),
                rs.getString("issuer_name"),
                rs.getDate("issued_on").toLocalDate(),
                rs.getDate("valid_from").toLocalDate(),
                rs.getDate("valid_until") == null
                        ? null
                        : rs.getDate("valid_until").toLocalDate(),
                rs.getString("division_code"),
                rs.getBytes("holder_name"),
                rs.getBytes("holder_code"),
                rs.getString("holder_code_index"),
                rs.getString("holder_code_masked"),
                rs.getString("holder_code_kind"),
                (Long) rs.getObject("holder_account_id"),
                rs.getBytes("field_values"),
                rs.getString("case_number"),
                rs.getString("base_code"),
                rs.getString("imported_from"),
                rs.getString("status"),
                rs.getString("status_reason"),
                rs.getTimestamp("status_changed_at") == null
                        ? null
                        : rs.getTimestamp("status_changed_at").toInstant(),
                rs.getString("file_key"),
                rs.getString("file_sm3"),
                rs.getLong("file_size"),
                rs.getTimestamp("created_at").toInstant());
    }
}
