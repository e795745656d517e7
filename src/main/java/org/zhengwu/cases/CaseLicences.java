package org.zhengwu.cases;

import java.util.List;
import org.springframework.stereotype.Service;
import org.zhengwu.cases.lifecycle.CaseRecords;

/**
 * What the licence module may read of a submitted case: which of the applicant's licences stand in for its materials,
 * so that it authorises the case's organisation to use them ({@link CaseSubmitted}). Drafts are not answered.
 */
@Service
public class CaseLicences {

    /**
     * A licence standing in for a material of a submitted case, with the consent of {@code applicantAccountId}.
     *
     * @param organisationUscc the organisation that handles the case, to be authorised
     * @param actingForUscc    the enterprise the applicant acted for, or null
     */
    public record UsedLicence(
            String caseNumber,
            String organisationUscc,
            String materialName,
            String identifier,
            long applicantAccountId,
            String applicantUsername,
            String actingForUscc) {}

    private final CaseRecords records;

    CaseLicences(CaseRecords records) {
        this.records = records;
    }

    public List<UsedLicence> of(String caseNumber) {
        return records.findByNumber(caseNumber)
                .map(c -> records.licenceMaterials(c.id()).stream()
                        .map(m -> new UsedLicence(
                                c.caseNumber(),
                                c.organisationUscc(),
                                m.materialName(),
                                m.identifier(),
                                m.consentedBy(),
                                m.consentedByName(),
                                c.actingForUscc()))
                        .toList())
                .orElse(List.of());
    }
}
