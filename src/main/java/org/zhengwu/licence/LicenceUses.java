package org.zhengwu.licence;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.zhengwu.licence.register.SealedFields;

/**
 * The uses of a subject's licences by departments (each look at an authorised licence), for the subject's own record
 * of who used their data. Asked by the holder's code (公民身份号码 or 统一社会信用代码), which the caller must have
 * taken from the signed-in account, never from a request.
 */
@Service
public class LicenceUses {

    /** One use: when, which licence, which organisation and member of staff, for which case, what was seen. */
    public record Use(
            Instant usedAt,
            String licenceName,
            String licenceNumber,
            String organisationUscc,
            String organisationName,
            String userDisplay,
            String caseNumber,
            String what) {}

    private final JdbcClient jdbc;
    private final SealedFields sealed;

    LicenceUses(JdbcClient jdbc, SealedFields sealed) {
        this.jdbc = jdbc;
        this.sealed = sealed;
    }

    /** The uses of every licence (any version) held under the code, newest first. */
    public List<Use> ofHolder(String holderCode, int limit, long offset) {
        return jdbc.sql("""
                        SELECT u.used_at, l.name, l.number, u.organisation_uscc, a.grantee_name, u.user_display,
                               u.case_number, u.what
                        FROM licence_use u
                        JOIN licence_licence l ON l.id = u.licence_id
                        LEFT JOIN licence_authorisation a ON a.id = u.authorisation_id
                        WHERE l.holder_code_index = :index
                        ORDER BY u.used_at DESC, u.id DESC
                        LIMIT :limit OFFSET :offset""")
                .param("index", sealed.index(holderCode))
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> new Use(
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8)))
                .list();
    }
}
