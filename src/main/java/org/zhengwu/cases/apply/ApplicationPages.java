package org.zhengwu.cases.apply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.validation.Errors;
import org.zhengwu.cases.CaseStatus;
import org.zhengwu.cases.HeldLicences;
import org.zhengwu.cases.lifecycle.CaseLifecycle;
import org.zhengwu.cases.lifecycle.CaseMaterial;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.cases.lifecycle.CaseRow;
import org.zhengwu.cases.lifecycle.LicenceMaterial;
import org.zhengwu.catalog.ApplicationForm;
import org.zhengwu.catalog.ApplicationFormCheck;
import org.zhengwu.catalog.ApplicationForms;
import org.zhengwu.catalog.FormField;
import org.zhengwu.catalog.Guide;
import org.zhengwu.catalog.PublishedCatalog;
import org.zhengwu.catalog.PublishedItem;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.Applicants;
import org.zhengwu.shared.web.UserFacingException;

/**
 * What the applicant's pages need of a case: its item's guide and form (the version the draft began on, or the live
 * one), the values prefilled from the account, and whether the draft is complete — every required field valid and
 * every required material given.
 */
@Service
class ApplicationPages {

    /**
     * One material of the guide with the files given for it (the current round's) and, for an online draft, the
     * applicant's valid licences that may stand in for it ({@code offered}) and the one that does with their consent
     * ({@code licence}, null when none does or it is no longer valid — then {@code lapsed}).
     */
    record MaterialSlot(
            int number,
            Guide.Material material,
            List<CaseMaterial> files,
            List<HeldLicences.Held> offered,
            HeldLicences.Held licence,
            boolean lapsed) {

        MaterialSlot(int number, Guide.Material material, List<CaseMaterial> files) {
            this(number, material, files, List.of(), null, false);
        }

        boolean missing() {
            return material.required() && material.condition() == null && files.isEmpty() && licence == null;
        }

        /** Given: a file, or a licence standing in for it. */
        boolean given() {
            return !files.isEmpty() || licence != null;
        }
    }

    private final PublishedCatalog catalog;
    private final ApplicationForms forms;
    private final Applicants applicants;
    private final CaseRecords records;
    private final CaseLifecycle lifecycle;
    private final HeldLicences licences;

    ApplicationPages(
            PublishedCatalog catalog,
            ApplicationForms forms,
            Applicants applicants,
            CaseRecords records,
            CaseLifecycle lifecycle,
            HeldLicences licences) {
        this.licences = licences;
        this.catalog = catalog;
        this.forms = forms;
        this.applicants = applicants;
        this.records = records;
        this.lifecycle = lifecycle;
    }

    PublishedItem item(CaseRow c) {
        return catalog.version(c.implementationCode(), c.itemVersion())
                .orElseGet(() -> lifecycle.applicable(c.implementationCode()));
    }

    ApplicationForm form(PublishedItem item) {
        return forms.formOf(item.guide());
    }

    /** The values a new draft starts with: what the account and the enterprise acted for say, by each field's prefill. */
    Map<String, String> prefilled(ApplicationForm form, Actor applicant, Applicants.Represented enterprise) {
        return prefilled(form, applicants.particulars(applicant.accountId()), enterprise);
    }

    /** The values a new draft starts with, from the particulars of a person and the enterprise they act for, if any. */
    Map<String, String> prefilled(
            ApplicationForm form, Optional<Applicants.Particulars> person, Applicants.Represented enterprise) {
        Map<String, String> values = new LinkedHashMap<>();
        for (FormField field : form.fields()) {
            if (field.prefill() == null) {
                continue;
            }
            String value = switch (field.prefill()) {
                case NAME -> person.map(Applicants.Particulars::name).orElse(null);
                case CITIZEN_ID_NUMBER ->
                    person.map(Applicants.Particulars::idNumber).orElse(null);
                case MOBILE -> person.map(Applicants.Particulars::mobile).orElse(null);
                case EMAIL -> person.map(Applicants.Particulars::email).orElse(null);
                case ENTERPRISE_NAME -> enterprise == null ? null : enterprise.name();
                case ENTERPRISE_USCC -> enterprise == null ? null : enterprise.uscc();
            };
            if (value != null) {
                values.put(field.key(), value);
            }
        }
        return values;
    }

    ApplicationFormCheck.Result check(PublishedItem item, Map<String, String> values) {
        return forms.check(form(item), values);
    }

    /**
     * Checks a draft before its review, whoever fills it in: each field's problem on its field ({@code values[key]}),
     * each missing material on the form as a whole. Returns the form's check, which the page shows again.
     */
    ApplicationFormCheck.Result checkForReview(
            PublishedItem item, CaseRow draft, Map<String, String> values, Errors binding) {
        ApplicationFormCheck.Result result = check(item, values);
        for (ApplicationFormCheck.FieldProblem problem : result.problems()) {
            binding.rejectValue("values[" + problem.field() + "]", problem.messageKey(), problem.argumentArray(), null);
        }
        for (MaterialSlot slot : slots(item, draft)) {
            if (slot.missing()) {
                binding.reject(
                        "cases.submit.material-missing",
                        new Object[] {slot.material().name()},
                        null);
            }
        }
        return result;
    }

    /**
     * The guide's materials with the files of the round in progress (the application's, or the open 补正's); for a
     * person's own online draft also the licences they hold that may stand in for a material, and the one that does.
     */
    List<MaterialSlot> slots(PublishedItem item, CaseRow c) {
        int round = c.status() == CaseStatus.CORRECTION_REQUESTED ? records.correctionRounds(c.id()) : 0;
        List<CaseMaterial> given = records.materials(c.id());
        List<Guide.Material> materials = item.guide().materials();
        boolean onlineDraft =
                c.status() == CaseStatus.DRAFT && c.registeredBy() == null && c.applicantAccountId() != null;
        List<HeldLicences.Held> held = List.of();
        Map<Integer, LicenceMaterial> used = Map.of();
        if (onlineDraft) {
            Set<String> types = new LinkedHashSet<>();
            materials.forEach(m -> types.addAll(m.replacingLicenceTypes()));
            held = types.isEmpty() ? List.of() : licences.validOf(c.applicantAccountId(), c.actingForUscc(), types);
            used = records.licenceMaterials(c.id()).stream()
                    .collect(Collectors.toMap(LicenceMaterial::materialNo, m -> m));
        }
        List<MaterialSlot> slots = new ArrayList<>();
        for (int i = 0; i < materials.size(); i++) {
            int number = i + 1;
            Guide.Material material = materials.get(i);
            List<HeldLicences.Held> offered = held.stream()
                    .filter(h -> material.replacingLicenceTypes().contains(h.typeCode()))
                    .toList();
            LicenceMaterial standing = used.get(number);
            HeldLicences.Held licence = standing == null
                    ? null
                    : offered.stream()
                            .filter(h -> h.identifier().equals(standing.identifier()))
                            .findFirst()
                            .orElse(null);
            slots.add(new MaterialSlot(
                    number,
                    material,
                    given.stream()
                            .filter(m -> m.materialNo() == number && m.round() == round)
                            .toList(),
                    offered,
                    licence,
                    standing != null && licence == null));
        }
        return slots;
    }

    /** Refuses the submission of an incomplete draft, naming the first thing missing. */
    void requireComplete(CaseRow draft) {
        PublishedItem item = item(draft);
        if (!check(item, lifecycle.values(draft)).valid()) {
            throw new UserFacingException(HttpStatus.UNPROCESSABLE_CONTENT, "cases.submit.form-incomplete");
        }
        for (MaterialSlot slot : slots(item, draft)) {
            if (slot.missing()) {
                throw new UserFacingException(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "cases.submit.material-missing",
                        slot.material().name());
            }
        }
    }
}
