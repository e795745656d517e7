package org.zhengwu.licence.use;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.cases.CaseLicences;
import org.zhengwu.cases.CaseSubmitted;
import org.zhengwu.cases.HeldLicences;
import org.zhengwu.catalog.LicenceTypeOptions;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.Applicants;
import org.zhengwu.licence.LicenceAccess;
import org.zhengwu.licence.LicenceTypes;
import org.zhengwu.licence.register.LicenceRecords;
import org.zhengwu.licence.register.LicenceRow;
import org.zhengwu.licence.register.LicenceStatus;
import org.zhengwu.licence.register.SealedFields;
import org.zhengwu.shared.access.Bilingual;
import org.zhengwu.shared.time.BusinessTime;

/**
 * 凡是能通过网络核验的信息，不得要求申请人重复提供. The applicant's pages ask which valid licences a person holds of the
 * types that replace a material ({@link HeldLicences}); when a case in which licences stand in for materials is
 * submitted ({@link CaseSubmitted}), the case's organisation is authorised to use each for that case ({@code FILE},
 * for {@link #AUTHORISED_FOR_DAYS} days) in the applicant's name — after the submission commits, idempotently, so
 * that a delivery again grants nothing more. The clerk's page verifies each licence live and opens it through that
 * authorisation, each opening recorded for the holder.
 */
@Service
class OnceOnly implements HeldLicences {

    private static final Logger log = LoggerFactory.getLogger(OnceOnly.class);

    /** How long the case's organisation may use a licence the applicant let stand in for a material. */
    static final int AUTHORISED_FOR_DAYS = 366;

    private final LicenceRecords records;
    private final SealedFields sealed;
    private final Applicants applicants;
    private final LicenceTypes types;
    private final AuthorisedUse use;
    private final CaseLicences caseLicences;
    private final Clock clock;

    OnceOnly(
            LicenceRecords records,
            SealedFields sealed,
            Applicants applicants,
            LicenceTypes types,
            AuthorisedUse use,
            CaseLicences caseLicences,
            Clock clock) {
        this.records = records;
        this.sealed = sealed;
        this.applicants = applicants;
        this.types = types;
        this.use = use;
        this.caseLicences = caseLicences;
        this.clock = clock;
    }

    @Override
    public List<Held> validOf(long accountId, String actingForUscc, Collection<String> typeCodes) {
        if (typeCodes.isEmpty()) {
            return List.of();
        }
        LocalDate today = today();
        Map<String, Bilingual> names = names();
        return holds(accountId, actingForUscc).stream()
                .filter(l -> typeCodes.contains(l.typeCode()))
                .filter(l -> l.status(today) == LicenceStatus.VALID)
                .map(l -> new Held(
                        l.identifier(),
                        l.typeCode(),
                        names.getOrDefault(l.typeCode(), new Bilingual(l.name(), l.name())),
                        l.number(),
                        l.validUntil()))
                .toList();
    }

    @Override
    public Checked check(String identifier, String caseNumber, Actor viewer) {
        Optional<LicenceRow> found = records.findByIdentifier(identifier);
        if (found.isEmpty()) {
            return new Checked(identifier, null, null, Status.NOT_FOUND, null);
        }
        LicenceRow l = found.get();
        Status status = Status.valueOf(l.status(today()).name());
        String openPath = null;
        if (status == Status.VALID
                && caseNumber != null
                && viewer.may(LicenceAccess.USE)
                && viewer.scope().organisationUscc() != null) {
            openPath = use.forCase(l, viewer.scope().organisationUscc(), caseNumber)
                    .map(a -> "/licences/authorised/" + a.id() + "?case=" + caseNumber)
                    .orElse(null);
        }
        return new Checked(identifier, names().get(l.typeCode()), l.number(), status, openPath);
    }

    @ApplicationModuleListener
    void on(CaseSubmitted submitted) {
        authorise(submitted.caseNumber());
    }

    /** Authorises the case's organisation to use each licence standing in for one of its materials; idempotent. */
    @Transactional
    public int authorise(String caseNumber) {
        int granted = 0;
        LocalDate until = today().plusDays(AUTHORISED_FOR_DAYS);
        for (CaseLicences.UsedLicence used : caseLicences.of(caseNumber)) {
            Optional<LicenceRow> licence = records.findByIdentifier(used.identifier())
                    .filter(l -> l.status(today()) == LicenceStatus.VALID)
                    .filter(l -> holds(used.applicantAccountId(), used.actingForUscc(), l));
            if (licence.isEmpty()) {
                log.warn(
                        "Case {}: licence {} is no longer valid or held, not authorised",
                        caseNumber,
                        used.identifier());
                continue;
            }
            use.grantForCase(
                    used.applicantAccountId(),
                    used.applicantUsername(),
                    licence.get(),
                    used.organisationUscc(),
                    caseNumber,
                    Authorisation.UseScope.FILE,
                    until);
            granted++;
        }
        return granted;
    }

    /** The licences a person holds: their own and, acting for an enterprise they may act for, that enterprise's. */
    private List<LicenceRow> holds(long accountId, String actingForUscc) {
        List<String> indexes = new ArrayList<>();
        applicants
                .particulars(accountId)
                .map(Applicants.Particulars::idNumber)
                .filter(n -> n != null && !n.isBlank())
                .ifPresent(n -> indexes.add(sealed.index(n)));
        if (actingForUscc != null
                && applicants.mayApplyFor(accountId).stream()
                        .anyMatch(r -> r.uscc().equals(actingForUscc))) {
            indexes.add(sealed.index(actingForUscc));
        }
        return records.ofHolder(accountId, indexes);
    }

    private boolean holds(long accountId, String actingForUscc, LicenceRow l) {
        return holds(accountId, actingForUscc).stream().anyMatch(h -> h.id() == l.id());
    }

    private Map<String, Bilingual> names() {
        return types.licenceTypes().stream()
                .collect(Collectors.toMap(LicenceTypeOptions.LicenceTypeOption::code, t -> t.name(), (a, b) -> a));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(BusinessTime.ZONE));
    }
}
