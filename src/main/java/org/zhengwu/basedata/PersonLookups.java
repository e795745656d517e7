package org.zhengwu.basedata;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEntry;

/**
 * The staff lookups of one person in the population library, for the person's own data-use page (谁用了我的数据):
 * when, which organisation, and the purpose the member of staff had to give. They are read from the accountability
 * log, where each lookup is written, so there is one record of it and not two that could disagree.
 */
@Service
public class PersonLookups {

    /** The accountability log's action of a lookup of a person. */
    public static final String ACTION = "basedata.lookup.person";

    /** The object type of a person in the accountability log (its id is the person's record id). */
    public static final String OBJECT_TYPE = "person";

    /** One lookup: when, by whom (username), for which organisation (may be null), and why. */
    public record Lookup(Instant at, String staff, String organisationUscc, String purpose) {}

    private final Population population;
    private final AccountabilityLog audit;

    PersonLookups(Population population, AccountabilityLog audit) {
        this.population = population;
        this.audit = audit;
    }

    /** The newest {@code limit} lookups of the person with this 公民身份号码, newest first; none if not in the library. */
    public List<Lookup> of(String idNumber, int limit) {
        return population
                .find(idNumber)
                .map(person -> audit
                        .search(
                                new AccountabilityLog.Query(
                                        null, OBJECT_TYPE, Long.toString(person.recordId()), ACTION, null, null),
                                limit,
                                0)
                        .stream()
                        .filter(e -> e.outcome() == org.zhengwu.shared.audit.AuditEvent.Outcome.SUCCESS)
                        .map(PersonLookups::lookup)
                        .toList())
                .orElse(List.of());
    }

    private static Lookup lookup(AuditEntry entry) {
        return new Lookup(entry.occurredAt(), entry.actor(), entry.actingFor(), entry.details());
    }
}
