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
import org.zhengwu.cases.lifecycle.BundleLifecycle;
import org.zhengwu.cases.lifecycle.BundleRecords;
import org.zhengwu.cases.lifecycle.BundleRow;
import org.zhengwu.cases.lifecycle.CaseConflictException;
import org.zhengwu.cases.lifecycle.CaseMaterial;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.catalog.PublishedBundle;
import org.zhengwu.identity.Actor;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.files.FileStore;
import org.zhengwu.shared.files.StoredUpload;
import org.zhengwu.shared.files.Uploads;
import org.zhengwu.shared.web.NotFoundException;
import org.zhengwu.shared.web.UserFacingException;

/**
 * The files of a bundle's merged material list, given while it is a draft: checked and kept as {@link CaseUploads}
 * keeps a case's, recorded against the bundle, and passed to each branch when the bundle is submitted.
 */
@Service
class BundleUploads {

    private final Uploads uploads;
    private final FileStore store;
    private final BundleRecords records;
    private final BundleLifecycle lifecycle;
    private final AccountabilityLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    BundleUploads(
            Uploads uploads,
            FileStore store,
            BundleRecords records,
            BundleLifecycle lifecycle,
            AccountabilityLog audit,
            Clock clock,
            TransactionTemplate transactions) {
        this.uploads = uploads;
        this.store = store;
        this.records = records;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** @throws org.zhengwu.shared.files.UploadRefusedException naming the file when it fails a check */
    void add(Actor applicant, long bundleId, int materialNo, String fileName, InputStream content) throws IOException {
        BundleRow b = lifecycle.own(applicant, bundleId);
        if (!b.draft()) {
            throw new CaseConflictException("cases.material.closed");
        }
        PublishedBundle bundle = lifecycle.applicable(b.bundleCode());
        if (materialNo < 1 || materialNo > bundle.bundle().materials().size()) {
            throw new NotFoundException("cases.material.not-found");
        }
        String materialName = bundle.bundle().materials().get(materialNo - 1).name();
        long already = records.materials(bundleId).stream()
                .filter(m -> m.materialNo() == materialNo)
                .count();
        if (already >= CaseUploads.MAX_FILES_PER_MATERIAL) {
            throw new UserFacingException(
                    HttpStatus.UNPROCESSABLE_CONTENT, "cases.material.too-many", CaseUploads.MAX_FILES_PER_MATERIAL);
        }
        StoredUpload stored = uploads.store(fileName, content);
        try {
            transactions.executeWithoutResult(status -> {
                // Locked, so that a file cannot slip in while the bundle is being submitted in another tab.
                BundleRow locked = records.lock(bundleId).orElseThrow();
                if (!locked.draft()) {
                    throw new CaseConflictException("cases.material.closed");
                }
                records.addMaterial(
                        bundleId,
                        materialNo,
                        materialName,
                        new CaseRecords.StoredUpload(
                                stored.key(), stored.fileName(), stored.kind().name(), stored.size(), stored.sm3()),
                        clock.instant());
                audit.record(AuditEvent.success(
                                applicant.username(), "cases.bundle.material.add", "bundle", "draft-" + bundleId)
                        .withDetails(materialNo + " " + stored.kind().name() + " " + stored.size() + " B sm3="
                                + stored.sm3()));
            });
        } catch (RuntimeException e) {
            store.delete(stored.key());
            throw e;
        }
    }

    @Transactional
    void remove(Actor applicant, long bundleId, long materialId) {
        BundleRow b = records.lock(bundleId)
                .filter(row -> row.applicantAccountId() == applicant.accountId())
                .orElseThrow(() -> new NotFoundException("cases.bundle.not-found"));
        if (!b.draft()) {
            throw new CaseConflictException("cases.material.closed");
        }
        CaseMaterial m = records.materials(bundleId).stream()
                .filter(x -> x.id() == materialId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("cases.material.not-found"));
        records.removeMaterial(bundleId, m.id());
        audit.record(
                AuditEvent.success(applicant.username(), "cases.bundle.material.remove", "bundle", "draft-" + bundleId)
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
}
