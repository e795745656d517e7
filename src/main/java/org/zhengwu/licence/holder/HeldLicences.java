package org.zhengwu.licence.holder;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.Applicants;
import org.zhengwu.licence.register.LicenceRecords;
import org.zhengwu.licence.register.LicenceRow;
import org.zhengwu.licence.register.SealedFields;
import org.zhengwu.shared.web.NotFoundException;

/**
 * 我的证照: the licences a person holds — issued to their account, to their 公民身份号码 (a counter application made
 * before they had an account), or to an enterprise they may act for today.
 */
@Service
class HeldLicences {

    private final LicenceRecords records;
    private final SealedFields sealed;
    private final Applicants applicants;

    HeldLicences(LicenceRecords records, SealedFields sealed, Applicants applicants) {
        this.records = records;
        this.sealed = sealed;
        this.applicants = applicants;
    }

    List<LicenceRow> of(Actor person) {
        return records.ofHolder(person.accountId(), codeIndexes(person));
    }

    /** One of the person's licences, any version; anyone else's is answered as if it did not exist. */
    LicenceRow own(Actor person, long id) {
        LicenceRow l = records.find(id).orElseThrow(() -> new NotFoundException("licence.not-found"));
        boolean holds = (l.holderAccountId() != null && l.holderAccountId() == person.accountId())
                || codeIndexes(person).contains(l.holderCodeIndex());
        if (!holds) {
            throw new NotFoundException("licence.not-found");
        }
        return l;
    }

    private List<String> codeIndexes(Actor person) {
        List<String> indexes = new ArrayList<>();
        applicants
                .particulars(person.accountId())
                .map(Applicants.Particulars::idNumber)
                .filter(n -> n != null && !n.isBlank())
                .ifPresent(n -> indexes.add(sealed.index(n)));
        applicants.mayApplyFor(person.accountId()).forEach(r -> indexes.add(sealed.index(r.uscc())));
        return indexes;
    }
}
