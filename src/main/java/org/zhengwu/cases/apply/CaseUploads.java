package org.zhengwu.cases.apply;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengwu.cases.CaseStatus;
import org.zhengwu.cases.HeldLicences;
import org.zhengwu.cases.lifecycle.CaseConflictException;
import org.zhengwu.cases.lifecycle.CaseLifecycle;
import org.zhengwu.cases.lifecycle.CaseMaterial;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.cases.lifecycle.CaseRow;
import org.zhengwu.catalog.Guide;
import org.zhengwu.catalog.PublishedItem;
import org.zhengwu.identity.Actor;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.files.FileStore;
import org.zhengwu.shared.files.StoredUpload;
import org.zhengwu.shared.files.Uploads;
import org.zhengwu.shared.web.NotFoundException;
import org.zhengwu.shared.web.UserFacingException;

/**
 * The applicant's files: checked by content and kept in the file store, then recorded against the case's material in
 * the round in progress — the application's while it is a draft, the 补正's while one is open. A file whose record
 * cannot be written is removed again, so the store keeps no orphan.
 */
@Service
class CaseUploads {

    static final int MAX_FILES_PER_MATERIAL = 10;

    private final Uploads uploads;
    private final FileStore store;
    private final CaseRecords records;
    private final CaseLifecycle lifecycle;
    private final ApplicationPages pages;
    private final AccountabilityLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    CaseUploads(
            Uploads uploads,
            FileStore store,
            CaseRecords records,
            CaseLifecycle lifecycle,
            ApplicationPages pages,
            AccountabilityLog audit,
            Clock clock,
            TransactionTemplate transactions) {
        this.transactions = transactions;
        this.uploads = uploads;
        this.store = store;
        this.records = records;
        this.lifecycle = lifecycle;
        this.pages = pages;
        this.audit = audit;
        this.clock = clock;
    }

    /** @throws org.zhengwu.shared.files.UploadRefusedException naming the file when it fails a check */
    void add(Actor applicant, long caseId, int materialNo, String fileName, InputStream content) throws IOException {
        add(applicant, lifecycle.own(applicant, caseId), materialNo, fileName, content);
    }

    /**
     * Adds a file to a case the caller has already found within the actor's reach (the applicant's own, or a clerk's
     * counter draft).
     *
     * @throws org.zhengwu.shared.files.UploadRefusedException naming the file when it fails a check
     */
    void add(Actor actor, CaseRow c, int materialNo, String fileName, InputStream content) throws IOException {
        Actor applicant = actor;
        long caseId = c.id();
        int round = round(c);
        PublishedItem item = pages.item(c);
        if (materialNo < 1 || materialNo > item.guide().materials().size()) {
            throw new NotFoundException("cases.material.not-found");
        }
        Guide.Material material = item.guide().materials().get(materialNo - 1);
        long already = records.materials(caseId).stream()
                .filter(m -> m.materialNo() == materialNo && m.round() == round)
                .count();
        if (already >= MAX_FILES_PER_MATERIAL) {
            throw new UserFacingException(
                    HttpStatus.UNPROCESSABLE_CONTENT, "cases.material.too-many", MAX_FILES_PER_MATERIAL);
        }
        StoredUpload stored = uploads.store(fileName, content);
        try {
            transactions.executeWithoutResult(
                    status -> record(applicant, c, materialNo, material.name(), stored, round));
        } catch (RuntimeException e) {
            store.delete(stored.key());
            throw e;
        }
    }

    private void record(
            Actor applicant, CaseRow c, int materialNo, String materialName, StoredUpload stored, int round) {
        // Locked, so that a file cannot slip in while the draft is being submitted in another tab.
        CaseRow locked = records.lock(c.id()).orElseThrow();
        if (round(locked) != round) {
            throw new CaseConflictException("cases.material.closed");
        }
        records.addMaterial(
                c.id(),
                materialNo,
                materialName,
                new CaseRecords.StoredUpload(
                        stored.key(), stored.fileName(), stored.kind().name(), stored.size(), stored.sm3()),
                round,
                clock.instant());
        audit.record(AuditEvent.success(applicant.username(), "cases.material.add", "case", caseRef(c))
                .withDetails(materialNo + " " + stored.kind().name() + " " + stored.size() + " B sm3=" + stored.sm3()));
    }

    @Transactional
    void remove(Actor applicant, long caseId, long materialId) {
        remove(applicant, caseId, materialId, row -> CaseLifecycle.owns(applicant, row));
    }

    /** Removes a file of the round in progress from a case {@code mayChange} lets the actor change. */
    @Transactional
    void remove(Actor applicant, long caseId, long materialId, java.util.function.Predicate<CaseRow> mayChange) {
        CaseRow c =
                records.lock(caseId).filter(mayChange).orElseThrow(() -> new NotFoundException("cases.case.not-found"));
        int round = round(c);
        CaseMaterial m = records.materials(caseId).stream()
                .filter(x -> x.id() == materialId && x.round() == round)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("cases.material.not-found"));
        records.removeDraftMaterial(caseId, m.id());
        audit.record(AuditEvent.success(applicant.username(), "cases.material.remove", "case", caseRef(c))
                .withDetails(m.materialNo() + " sm3=" + m.sm3()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    store.delete(m.fileKey());
                } catch (IOException e) {
                    // The record is gone; the file is unreachable and costs space only.
                }
            }
        });
    }

    /**
     * Lets one of the applicant's valid licences stand in for a material of their online draft, with their consent
     * (the caller has seen it given): only a licence the materials step offers for that material — their own or the
     * enterprise's they act for, of a type the guide names, valid now. Anything else is not found.
     */
    @Transactional
    void useLicence(Actor applicant, long caseId, int materialNo, String identifier) {
        CaseRow c = records.lock(caseId)
                .filter(row -> CaseLifecycle.owns(applicant, row))
                .orElseThrow(() -> new NotFoundException("cases.case.not-found"));
        if (c.status() != CaseStatus.DRAFT) {
            throw new CaseConflictException("cases.material.closed");
        }
        PublishedItem item = pages.item(c);
        if (materialNo < 1 || materialNo > item.guide().materials().size()) {
            throw new NotFoundException("cases.material.not-found");
        }
        ApplicationPages.MaterialSlot slot = pages.slots(item, c).get(materialNo - 1);
        HeldLicences.Held held = slot.offered().stream()
                .filter(h -> h.identifier().equals(identifier))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("cases.licence.not-offered"));
        records.useLicence(
                caseId,
                materialNo,
                slot.material().name(),
                held.identifier(),
                held.typeCode(),
                held.number(),
                applicant.accountId(),
                applicant.username(),
                clock.instant());
        audit.record(AuditEvent.success(applicant.username(), "cases.material.licence", "case", caseRef(c))
                .withDetails(materialNo + " " + held.identifier()));
    }

    /** Stops a licence standing in for a material of the applicant's online draft. */
    @Transactional
    void stopUsingLicence(Actor applicant, long caseId, int materialNo) {
        CaseRow c = records.lock(caseId)
                .filter(row -> CaseLifecycle.owns(applicant, row))
                .orElseThrow(() -> new NotFoundException("cases.case.not-found"));
        if (c.status() != CaseStatus.DRAFT) {
            throw new CaseConflictException("cases.material.closed");
        }
        if (!records.stopUsingLicence(caseId, materialNo)) {
            throw new NotFoundException("cases.material.not-found");
        }
        audit.record(AuditEvent.success(applicant.username(), "cases.material.licence.remove", "case", caseRef(c))
                .withDetails(String.valueOf(materialNo)));
    }

    /** The round in progress, or a conflict when files can no longer be given. */
    private int round(CaseRow c) {
        if (c.status() == CaseStatus.DRAFT) {
            return 0;
        }
        if (c.status() == CaseStatus.CORRECTION_REQUESTED) {
            return records.correctionRounds(c.id());
        }
        throw new CaseConflictException("cases.material.closed");
    }

    private static String caseRef(CaseRow c) {
        return c.caseNumber() != null ? c.caseNumber() : "draft-" + c.id();
    }
}
