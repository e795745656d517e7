package org.zhengwu.cases.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.cases.CaseNumber;
import org.zhengwu.catalog.ApplicationForms;
import org.zhengwu.catalog.Bundle;
import org.zhengwu.catalog.PublishedBundle;
import org.zhengwu.catalog.PublishedBundles;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.Actor;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.crypto.PlatformKeys;
import org.zhengwu.shared.web.NotFoundException;
import org.zhengwu.shared.web.UserFacingException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applying for a 一件事 once: a draft of the merged form and materials, then one submission that gives the bundle its
 * number and makes one branch case per entry taking part — each with its own number, process and department, the
 * values its own form asks for, and the files its guide asks for — in one transaction. The join is {@link BundleJoin}.
 */
@Service
public class BundleLifecycle {

    static final String NAME_CONTEXT = "cases_bundle.applicant_name";
    static final String VALUES_CONTEXT = "cases_bundle.form_values";

    private final BundleRecords bundles;
    private final CaseRecords records;
    private final CaseLifecycle lifecycle;
    private final PublishedBundles catalog;
    private final ApplicationForms forms;
    private final CaseClock caseClock;
    private final PlatformKeys keys;
    private final AccountabilityLog audit;
    private final JsonMapper json;
    private final Clock clock;

    BundleLifecycle(
            BundleRecords bundles,
            CaseRecords records,
            CaseLifecycle lifecycle,
            PublishedBundles catalog,
            ApplicationForms forms,
            CaseClock caseClock,
            PlatformKeys keys,
            AccountabilityLog audit,
            JsonMapper json,
            Clock clock) {
        this.bundles = bundles;
        this.records = records;
        this.lifecycle = lifecycle;
        this.catalog = catalog;
        this.forms = forms;
        this.caseClock = caseClock;
        this.keys = keys;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** The bundle as it can be applied for, or a 404 when it is not published (or one of its entries is not). */
    public PublishedBundle applicable(String code) {
        return catalog.find(code).orElseThrow(() -> new NotFoundException("cases.bundle.not-found"));
    }

    @Transactional
    public long startDraft(Actor applicant, String code, Map<String, String> values) {
        if (applicant.type() != AccountType.PERSON) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "cases.apply.persons-only");
        }
        PublishedBundle bundle = applicable(code);
        if (!applicant.realNameLevel().atLeast(bundle.realNameLevel())) {
            throw new UserFacingException(
                    HttpStatus.FORBIDDEN,
                    "cases.apply.real-name-level",
                    bundle.realNameLevel().level());
        }
        long id = bundles.insertDraft(
                bundle.code(),
                bundle.name(),
                bundle.bundle().divisionCode(),
                applicant.accountId(),
                keys.encrypt(applicant.displayName(), NAME_CONTEXT),
                seal(values),
                clock.instant());
        audit.record(AuditEvent.success(applicant.username(), "cases.bundle.draft.start", "bundle", "draft-" + id)
                .withDetails(bundle.code()));
        return id;
    }

    /** The applicant's own bundle; anyone else's is answered as if it did not exist. */
    public BundleRow own(Actor applicant, long id) {
        return bundles.find(id)
                .filter(b -> owns(applicant, b))
                .orElseThrow(() -> new NotFoundException("cases.bundle.not-found"));
    }

    static boolean owns(Actor actor, BundleRow b) {
        return actor.type() == AccountType.PERSON && actor.accountId() == b.applicantAccountId();
    }

    @Transactional
    public void saveDraft(Actor applicant, long id, Map<String, String> values) {
        BundleRow draft = own(applicant, id);
        if (!draft.draft() || !bundles.saveDraftValues(id, seal(values), clock.instant())) {
            throw new CaseConflictException("cases.draft.already-submitted");
        }
    }

    public Map<String, String> values(BundleRow b) {
        if (b.formValues() == null) {
            return Map.of();
        }
        return json.readValue(
                keys.decrypt(b.formValues(), VALUES_CONTEXT), new TypeReference<LinkedHashMap<String, String>>() {});
    }

    /** The branches of a submitted bundle, in the bundle's order. */
    public List<CaseRow> branches(BundleRow b) {
        return records.branches(b.id());
    }

    /** Checks the merged materials before submission; throws a {@link UserFacingException} naming what is missing. */
    @FunctionalInterface
    public interface Completeness {
        void check(BundleRow draft, PublishedBundle bundle, Map<String, String> acceptedValues);
    }

    /**
     * Submits a bundle: idempotent by {@code submissionKey} (a retried or double-clicked submission answers with the
     * bundle the first one submitted). Under the draft's row lock the merged form is checked, with each taking entry's
     * own form on the values it is given; then the bundle is numbered and every branch made and submitted.
     *
     * @return the bundle's id
     */
    @Transactional
    public long submit(Actor applicant, long id, UUID submissionKey, Completeness complete) {
        Optional<BundleRow> earlier = bundles.findBySubmissionKey(submissionKey);
        if (earlier.isPresent()) {
            if (!owns(applicant, earlier.get())) {
                throw new NotFoundException("cases.bundle.not-found");
            }
            return earlier.get().id();
        }
        BundleRow draft = bundles.lock(id)
                .filter(b -> owns(applicant, b))
                .orElseThrow(() -> new NotFoundException("cases.bundle.not-found"));
        if (!draft.draft()) {
            throw new CaseConflictException(
                    "cases.draft.already-submitted-as", new CaseNumber(draft.bundleNumber()).grouped());
        }
        PublishedBundle bundle = applicable(draft.bundleCode());
        ApplicationForms.BundleCheck check = forms.check(bundle, values(draft));
        if (!check.valid()) {
            throw new UserFacingException(HttpStatus.UNPROCESSABLE_CONTENT, "cases.submit.form-incomplete");
        }
        complete.check(draft, bundle, check.merged().values());
        LocalDate today = caseClock.today();
        Instant now = clock.instant();
        CaseNumber number =
                CaseNumber.of(draft.divisionCode(), today, records.nextSequence(draft.divisionCode(), today));
        bundles.markSubmitted(id, number.value(), submissionKey, now);
        List<CaseMaterial> files = bundles.materials(id);
        List<PublishedBundle.PublishedMember> taking =
                bundle.taking(check.merged().values());
        for (PublishedBundle.PublishedMember member : taking) {
            String code = member.item().implementationCode();
            long branchId = lifecycle.startBranch(
                    applicant, member.item(), id, check.memberValues().get(code));
            List<Bundle.Material> merged = bundle.bundle().materials();
            for (int i = 0; i < merged.size(); i++) {
                int bundleNo = i + 1;
                for (Bundle.MaterialUse use : merged.get(i).uses()) {
                    if (!use.implementationCode().equals(code)) {
                        continue;
                    }
                    String name = member.item()
                            .guide()
                            .materials()
                            .get(use.materialNo() - 1)
                            .name();
                    for (CaseMaterial file : files) {
                        if (file.materialNo() == bundleNo) {
                            records.addMaterial(
                                    branchId,
                                    use.materialNo(),
                                    name,
                                    new CaseRecords.StoredUpload(
                                            file.fileKey(),
                                            file.fileName(),
                                            file.fileKind(),
                                            file.sizeBytes(),
                                            file.sm3()),
                                    0,
                                    now);
                        }
                    }
                }
            }
            lifecycle.file(applicant, records.lock(branchId).orElseThrow(), null);
        }
        audit.record(AuditEvent.success(applicant.username(), "cases.bundle.submit", "bundle", number.value())
                .withDetails(bundle.code() + " " + taking.size() + " branches"));
        return id;
    }

    private byte[] seal(Map<String, String> values) {
        return keys.encrypt(json.writeValueAsString(values == null ? Map.of() : values), VALUES_CONTEXT);
    }
}
