package org.zhengwu.cases.progress;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.zhengwu.cases.CaseNumber;
import org.zhengwu.cases.CaseStatus;
import org.zhengwu.cases.lifecycle.CaseLifecycle;
import org.zhengwu.cases.lifecycle.CaseRecords;
import org.zhengwu.cases.lifecycle.CaseRow;
import org.zhengwu.identity.RequestLimits;
import org.zhengwu.shared.web.BadParameterException;
import org.zhengwu.shared.web.NotFoundException;
import org.zhengwu.shared.web.UserFacingException;

/**
 * 办件进度查询 for anyone holding the receipt: the case number and the query code printed on it. The answer has
 * status and dates only — never a name, an opinion or a material. A mistyped number is caught by its check
 * character; an unknown number and a wrong code get the same answer after the same work, so that neither reveals
 * whether a case exists; both are limited per client address and per case number.
 */
@Service
public class ProgressLookup {

    static final int PER_ADDRESS_PER_HOUR = 60;
    static final int PER_NUMBER_PER_HOUR = 10;
    private static final String PURPOSE = "cases.progress";

    /** What the public may know of a case. */
    public record Progress(
            String caseNumber,
            String itemName,
            CaseStatus status,
            String stage,
            LocalDate receivedOn,
            LocalDate dueOn,
            String decision,
            List<Step> steps) {}

    public record Step(String step, Instant at) {}

    private final CaseRecords records;
    private final CaseLifecycle lifecycle;
    private final RequestLimits limits;

    ProgressLookup(CaseRecords records, CaseLifecycle lifecycle, RequestLimits limits) {
        this.records = records;
        this.lifecycle = lifecycle;
        this.limits = limits;
    }

    /** Parses a typed number, or names the parameter that is malformed. */
    public static CaseNumber number(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new BadParameterException("number", "validation.required");
        }
        CaseNumber number = CaseNumber.parseOrNull(typed);
        if (number == null) {
            throw new BadParameterException("number", "cases.number.malformed");
        }
        return number;
    }

    public Progress find(CaseNumber number, String typedCode, String clientAddress) {
        Optional<Instant> refused =
                limits.take(PURPOSE, clientAddress, PER_ADDRESS_PER_HOUR, number.value(), PER_NUMBER_PER_HOUR);
        if (refused.isPresent()) {
            throw new UserFacingException(HttpStatus.TOO_MANY_REQUESTS, "cases.progress.too-many");
        }
        Optional<CaseRow> found = records.findByNumber(number.value());
        byte[] expected = lifecycle.queryCode(number).getBytes(StandardCharsets.US_ASCII);
        byte[] given = (typedCode == null ? "" : typedCode.strip().toUpperCase(Locale.ROOT))
                .getBytes(StandardCharsets.US_ASCII);
        boolean codeMatches = MessageDigest.isEqual(expected, given);
        if (found.isEmpty() || !codeMatches) {
            throw new NotFoundException("cases.progress.not-found");
        }
        CaseRow c = found.get();
        List<Step> steps = records.steps(c.id()).stream()
                .map(s -> new Step(s.step(), s.at()))
                .toList();
        return new Progress(
                c.caseNumber(), c.itemName(), c.status(), c.stage(), c.receivedOn(), c.dueOn(), c.decision(), steps);
    }
}
