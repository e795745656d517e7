package org.zhengwu.cases;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.zhengwu.identity.Actor;
import org.zhengwu.shared.access.Bilingual;

/**
 * 凡是能通过网络核验的信息，不得要求申请人重复提供: the electronic licences an applicant holds that can stand in for a
 * material the guide says a licence of that type replaces, and what a licence standing in for a material is now.
 * Offered by the module that keeps the licences (licence), asked by the applicant's pages and the clerk's, so that
 * cases need not know the licence library.
 */
public interface HeldLicences {

    /** A valid licence the applicant holds, as the materials step offers it. */
    record Held(String identifier, String typeCode, Bilingual typeName, String number, LocalDate validUntil) {
        public String typeName(Locale locale) {
            return typeName.in(locale);
        }
    }

    /** What a licence is as of now, verified live. */
    enum Status {
        VALID,
        REVOKED,
        EXPIRED,
        SUPERSEDED,
        NOT_FOUND
    }

    /**
     * A licence standing in for a material, verified now, as the clerk handling the case sees it.
     *
     * @param openPath where the clerk opens it under the holder's authorisation for the case (each opening recorded
     *                 for the holder to see); null when the clerk may not, or no authorisation is in force
     */
    record Checked(String identifier, Bilingual typeName, String number, Status status, String openPath) {
        public String typeName(Locale locale) {
            return typeName == null ? "" : typeName.in(locale);
        }

        public boolean valid() {
            return status == Status.VALID;
        }
    }

    /**
     * The valid licences of the given types that the person holds: their own (issued to their account or their
     * 公民身份号码) and, when they apply for an enterprise they may act for today, that enterprise's. Nobody else's.
     */
    List<Held> validOf(long accountId, String actingForUscc, Collection<String> typeCodes);

    /** The licence of {@code identifier} as it is now, for the staff member looking at case {@code caseNumber}. */
    Checked check(String identifier, String caseNumber, Actor viewer);
}
