package org.zhengwu.exchange.tracker;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.zhengwu.basedata.Organisation;
import org.zhengwu.basedata.Organisations;
import org.zhengwu.basedata.PersonLookups;
import org.zhengwu.exchange.query.AccessLog;
import org.zhengwu.licence.LicenceUses;

/**
 * 谁用了我的数据: every access by a department to a person's population record — by a connected system through the
 * query API (its access log, by the blind index of their 公民身份号码) or by a member of staff on the base library's
 * lookup page (base data's {@link PersonLookups}) — and to their licences (the licence module's record of uses), newest
 * first.
 */
@Service
class DataTracker {

    /**
     * One use of the person's data, from any source; a staff lookup has no source or system of its own (the page names
     * it), and the member of staff is not named to the citizen (the accountability log keeps who).
     */
    record Use(
            Instant at,
            String source,
            String organisationUscc,
            String organisationName,
            String system,
            String purpose,
            String what,
            boolean staffLookup) {}

    private final JdbcClient jdbc;
    private final AccessLog accessLog;
    private final LicenceUses licenceUses;
    private final Organisations organisations;
    private final PersonLookups lookups;

    DataTracker(
            JdbcClient jdbc,
            AccessLog accessLog,
            LicenceUses licenceUses,
            Organisations organisations,
            PersonLookups lookups) {
        this.jdbc = jdbc;
        this.accessLog = accessLog;
        this.licenceUses = licenceUses;
        this.organisations = organisations;
        this.lookups = lookups;
    }

    /** The page of uses (0-based) of the person with this number; one more than asked tells there is a next page. */
    List<Use> uses(String idNumber, int page, int size) {
        int wanted = (page + 1) * size + 1;
        List<Use> all = new ArrayList<>();
        jdbc.sql("""
                        SELECT a.accessed_at, a.consumer_uscc, a.client_id, a.purpose, a.fields, r.name
                        FROM exchange_access a JOIN exchange_resource r ON r.code = a.resource_code
                        WHERE a.subject_index = :index AND a.library = 'person'
                        ORDER BY a.accessed_at DESC, a.id DESC LIMIT :limit""")
                .param("index", accessLog.subjectIndex(idNumber))
                .param("limit", wanted)
                .query((rs, n) -> new Use(
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(6),
                        rs.getString(2),
                        null,
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        false))
                .list()
                .forEach(all::add);
        for (PersonLookups.Lookup l : lookups.of(idNumber, wanted)) {
            all.add(new Use(l.at(), null, l.organisationUscc(), null, null, l.purpose(), null, true));
        }
        for (LicenceUses.Use u : licenceUses.ofHolder(idNumber, wanted, 0)) {
            all.add(new Use(
                    u.usedAt(),
                    u.licenceName() + " " + u.licenceNumber(),
                    u.organisationUscc(),
                    u.organisationName(),
                    u.userDisplay(),
                    u.caseNumber(),
                    u.what(),
                    false));
        }
        all.sort(Comparator.comparing(Use::at).reversed());
        List<Use> shown = all.subList(Math.min(all.size(), page * size), Math.min(all.size(), wanted));
        Map<String, String> names = new HashMap<>();
        organisations
                .findAll(shown.stream()
                        .map(Use::organisationUscc)
                        .filter(u -> u != null)
                        .distinct()
                        .toList())
                .forEach((Organisation o) -> names.put(o.uscc(), o.name()));
        return shown.stream()
                .map(u -> new Use(
                        u.at(),
                        u.source(),
                        u.organisationUscc(),
                        names.getOrDefault(u.organisationUscc(), u.organisationName()),
                        u.system(),
                        u.purpose(),
                        u.what(),
                        u.staffLookup()))
                .toList();
    }
}
