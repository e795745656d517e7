package org.zhengwu.basedata;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.zhengwu.basedata.organisation.OrganisationRepository;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.codes.CodeCheck;
import org.zhengwu.shared.codes.CodeTable;
import org.zhengwu.shared.codes.UnifiedSocialCreditCode;

/** The register of organisations that implement services (实施主体). */
@Service
public class Organisations {

    private static final int MAX_NAME = 200;
    private static final int MAX_ADDRESS = 300;
    private static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{3,40}");

    private final OrganisationRepository repository;
    private final Divisions divisions;
    private final AccountabilityLog audit;
    private final ApplicationEventPublisher events;

    Organisations(
            OrganisationRepository repository,
            Divisions divisions,
            AccountabilityLog audit,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.divisions = divisions;
        this.audit = audit;
        this.events = events;
    }

    /** The organisation registered under exactly this code (upper-cased), legacy codes included. */
    public Optional<Organisation> find(String uscc) {
        return uscc == null ? Optional.empty() : repository.find(uscc.strip().toUpperCase(java.util.Locale.ROOT));
    }

    public List<Organisation> all() {
        return repository.all();
    }

    public List<Organisation> findAll(Collection<String> usccs) {
        return repository.findAll(usccs);
    }

    /** Checks a draft; field errors carry message keys from the bundles. */
    public void validate(OrganisationDraft draft, boolean creating, Errors errors) {
        CodeCheck code = UnifiedSocialCreditCode.check(draft.uscc());
        if (!code.isValid() && !(code.isCheckFailureOnly() && draft.acceptLegacyCode())) {
            errors.rejectValue(
                    "uscc",
                    code.isCheckFailureOnly()
                            ? "organisation.uscc.check-failed"
                            : code.defect().messageKey(),
                    code.argumentArray(),
                    null);
        } else if (creating && repository.exists(code.normalised())) {
            errors.rejectValue("uscc", "organisation.uscc.taken");
        }
        if (draft.name() == null || draft.name().isBlank()) {
            errors.rejectValue("name", "validation.required");
        } else if (draft.name().strip().length() > MAX_NAME) {
            errors.rejectValue("name", "validation.too-long", new Object[] {MAX_NAME}, null);
        }
        CodeCheck division = divisions.check(draft.divisionCode(), divisions.today());
        if (!division.isValid()) {
            errors.rejectValue("divisionCode", division.defect().messageKey(), division.argumentArray(), null);
        }
        if (CodeTable.fromCode(ExerciseLevel.class, draft.exerciseLevel()).isEmpty()) {
            errors.rejectValue("exerciseLevel", "validation.choose");
        }
        if (CodeTable.fromCode(SubjectNature.class, draft.nature()).isEmpty()) {
            errors.rejectValue("nature", "validation.choose");
        }
        String parent = blankToNull(draft.parentUscc());
        if (parent != null) {
            if (parent.equalsIgnoreCase(code.normalised())) {
                errors.rejectValue("parentUscc", "organisation.parent.self");
            } else if (find(parent).isEmpty()) {
                errors.rejectValue("parentUscc", "organisation.parent.unknown", new Object[] {parent}, null);
            }
        }
        if (draft.address() != null && draft.address().strip().length() > MAX_ADDRESS) {
            errors.rejectValue("address", "validation.too-long", new Object[] {MAX_ADDRESS}, null);
        }
        String phone = blankToNull(draft.phone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.rejectValue("phone", "validation.phone");
        }
    }

    /**
     * Registers a validated draft.
     *
     * @throws OrganisationExistsException when the code was registered meanwhile (validation saw it free)
     */
    @Transactional
    public Organisation register(OrganisationDraft draft, String actor) {
        Organisation organisation = toOrganisation(draft);
        try {
            repository.insert(organisation);
        } catch (DuplicateKeyException e) {
            throw new OrganisationExistsException(organisation.uscc());
        }
        audit.record(AuditEvent.success(actor, "basedata.organisation.register", "organisation", organisation.uscc())
                .withDetails(organisation.legacyCode() ? "legacy code accepted" : null));
        return organisation;
    }

    /**
     * Changes a registered organisation from a validated draft; the code itself never changes. A new name is
     * announced with {@link OrganisationRenamed}, delivered once this change is committed.
     */
    @Transactional
    public Organisation update(String uscc, OrganisationDraft draft, String actor) {
        Organisation organisation = toOrganisation(draft);
        Organisation before = organisation.uscc().equals(uscc)
                ? repository.findForUpdate(uscc).orElse(null)
                : null;
        if (before == null || repository.update(organisation) == 0) {
            throw new IllegalArgumentException("no organisation " + uscc + " to update");
        }
        if (!before.name().equals(organisation.name())) {
            events.publishEvent(new OrganisationRenamed(uscc, before.name(), organisation.name()));
        }
        audit.record(AuditEvent.success(actor, "basedata.organisation.update", "organisation", uscc)
                .withDetails(before.name().equals(organisation.name()) ? null : "renamed from " + before.name()));
        return organisation;
    }

    private static Organisation toOrganisation(OrganisationDraft draft) {
        CodeCheck code = UnifiedSocialCreditCode.check(draft.uscc());
        String parent = blankToNull(draft.parentUscc());
        return new Organisation(
                code.normalised(),
                draft.name().strip(),
                draft.divisionCode().strip(),
                CodeTable.requireCode(ExerciseLevel.class, draft.exerciseLevel()),
                CodeTable.requireCode(SubjectNature.class, draft.nature()),
                parent == null ? null : parent.toUpperCase(java.util.Locale.ROOT),
                draft.address() == null ? "" : draft.address().strip(),
                draft.phone() == null ? "" : draft.phone().strip(),
                !code.isValid());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
