package org.zhengwu.cases;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.cases.lifecycle.CaseLifecycle;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.cases.lifecycle.CaseRow;
import org.zhengwu.identity.Applicants;

/**
 * What another module may read of a decided case: the licence module issues the result of a 准予 decision to the
 * applicant with the values of the application form. Only decided cases are answered, and personal data leaves
 * unsealed only through here.
 */
@Service
public class DecidedCases {

    /**
     * A decided case. The applicant is a person ({@code applicantIdNumber}), acting for an enterprise when
     * {@code actingForUscc} is set; {@code applicantAccountId} is null for a counter applicant without an account.
     */
    public record DecidedCase(
            String caseNumber,
            String implementationCode,
            int itemVersion,
            String itemName,
            String organisationUscc,
            String divisionCode,
            boolean approved,
            Long applicantAccountId,
            String applicantName,
            String applicantIdNumber,
            String actingForUscc,
            String actingForName,
            Map<String, String> formValues,
            Instant decidedAt) {}

    private final CaseRecords records;
    private final CaseLifecycle lifecycle;
    private final Applicants applicants;

    DecidedCases(CaseRecords records, CaseLifecycle lifecycle, Applicants applicants) {
        this.records = records;
        this.lifecycle = lifecycle;
        this.applicants = applicants;
    }

    @Transactional(readOnly = true)
    public Optional<DecidedCase> find(String caseNumber) {
        return records.findByNumber(caseNumber)
                .filter(c -> c.decision() != null && c.decidedAt() != null)
                .map(this::decided);
    }

    private DecidedCase decided(CaseRow c) {
        String name = lifecycle.applicantName(c);
        String idNumber = null;
        String enterpriseName = null;
        Optional<CaseLifecycle.CounterApplicant> counter = lifecycle.counterApplicant(c);
        if (counter.isPresent()) {
            idNumber = counter.get().idNumber();
            enterpriseName = counter.get().enterpriseName();
        } else if (c.applicantAccountId() != null) {
            Optional<Applicants.Particulars> particulars = applicants.particulars(c.applicantAccountId());
            idNumber = particulars.map(Applicants.Particulars::idNumber).orElse(null);
            if (c.actingForUscc() != null) {
                enterpriseName = applicants.mayApplyFor(c.applicantAccountId()).stream()
                        .filter(r -> r.uscc().equals(c.actingForUscc()))
                        .map(Applicants.Represented::name)
                        .findFirst()
                        .orElse(null);
            }
        }
        return new DecidedCase(
                c.caseNumber(),
                c.implementationCode(),
                c.itemVersion(),
                c.itemName(),
                c.organisationUscc(),
                c.divisionCode(),
                "APPROVED".equals(c.decision()),
                c.applicantAccountId(),
                name,
                idNumber,
                c.actingForUscc(),
                enterpriseName,
                lifecycle.values(c),
                c.decidedAt());
    }
}
