package org.zhengwu.licence.trust;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.Applicants;
import org.zhengwu.licence.LicenceIdentifier;
import org.zhengwu.licence.LicenceIssued;
import org.zhengwu.licence.LicenceTypes;
import org.zhengwu.licence.document.LicenceDocuments;
import org.zhengwu.licence.document.Verification;
import org.zhengwu.licence.register.LicenceRecords;
import org.zhengwu.licence.register.LicenceRow;
import org.zhengwu.licence.register.SealedFields;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.codes.CitizenIdNumber;
import org.zhengwu.shared.codes.UnifiedSocialCreditCode;
import org.zhengwu.shared.files.FileStore;
import org.zhengwu.shared.files.StoredFile;
import org.zhengwu.shared.time.BusinessTime;
import org.zhengwu.shared.web.UserFacingException;

/**
 * 互认: registers a licence another platform issued, from its OFD file. The file is verified first — its seal must
 * hold and chain to a root on the trust list — and then read: the identifier, holder, issuer and dates it carries
 * under the seal ({@link LicenceDocuments#IDENTIFIER_DATA} and its companions). A licence of a type this platform does
 * not know, one already registered, or one whose issuer is not the sealing organisation is refused, each with its own
 * reason; nothing is stored then.
 */
@Service
public class LicenceImport {

    private final LicenceDocuments documents;
    private final LicenceRecords records;
    private final LicenceTypes types;
    private final SealedFields sealed;
    private final Applicants applicants;
    private final FileStore files;
    private final AccountabilityLog audit;
    private final ApplicationEventPublisher events;
    private final org.springframework.transaction.support.TransactionTemplate transactions;
    private final Clock clock;

    LicenceImport(
            LicenceDocuments documents,
            LicenceRecords records,
            LicenceTypes types,
            SealedFields sealed,
            Applicants applicants,
            FileStore files,
            AccountabilityLog audit,
            ApplicationEventPublisher events,
            org.springframework.transaction.support.TransactionTemplate transactions,
            Clock clock) {
        this.documents = documents;
        this.records = records;
        this.types = types;
        this.sealed = sealed;
        this.applicants = applicants;
        this.files = files;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Verifies and registers the file. A refused file is recorded in the accountability log outside any transaction,
     * so that the refusal stays recorded.
     */
    public LicenceRow importFile(Actor staff, byte[] ofd) {
        Verification checked = documents.verify(ofd);
        if (!checked.valid()) {
            audit.record(new AuditEvent(
                    staff.username(),
                    null,
                    "licence.import",
                    "licence",
                    checked.identifier() == null ? "-" : truncate(checked.identifier()),
                    AuditEvent.Outcome.FAILURE,
                    checked.outcome().name()));
            throw refused("licence.import.refused." + checked.outcome().name());
        }
        return transactions.execute(status -> register(staff, checked, ofd));
    }

    private LicenceRow register(Actor staff, Verification checked, byte[] ofd) {
        LicenceIdentifier identifier =
                LicenceIdentifier.parse(checked.identifier()).orElseThrow(() -> refused("licence.import.identifier"));
        if (records.findByIdentifier(identifier.value()).isPresent()) {
            throw new UserFacingException(HttpStatus.CONFLICT, "licence.import.exists");
        }
        if (types.find(identifier.typeCode()).isEmpty()) {
            throw refused("licence.import.unknown-type");
        }
        if (!identifier.issuerCode().equals(checked.signerUscc())) {
            throw refused("licence.import.issuer-mismatch");
        }
        Map<String, String> data = checked.data();
        String holderName = required(data, "licence.holder.name");
        String holderCode = required(data, "licence.holder.code").toUpperCase(Locale.ROOT);
        LocalDate today = LocalDate.now(clock.withZone(BusinessTime.ZONE));
        String kind;
        String masked;
        Long holderAccount = null;
        if (UnifiedSocialCreditCode.isValid(holderCode)) {
            kind = "001";
            masked = holderCode;
        } else if (CitizenIdNumber.isValid(holderCode, today)) {
            kind = "111";
            masked = SealedFields.masked(kind, holderCode);
            holderAccount = applicants
                    .holderOf(holderCode)
                    .map(Applicants.Holder::accountId)
                    .orElse(null);
        } else {
            throw refused("licence.import.holder-code");
        }
        LocalDate issuedOn = date(data, "licence.issued-on");
        LocalDate validFrom = date(data, "licence.valid-from");
        String until = data.getOrDefault("licence.valid-until", "");
        LocalDate validUntil = until.isBlank() ? null : date(data, "licence.valid-until");
        String title = data.getOrDefault(
                "licence.title", types.find(identifier.typeCode()).orElseThrow().nameZh());
        String issuerName = Optional.ofNullable(data.get("licence.issuer.name")).orElse(checked.signerName());
        StoredFile stored;
        try {
            stored = files.store(new ByteArrayInputStream(ofd));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long id = records.insert(
                        new LicenceRecords.NewLicence(
                                identifier.value(),
                                identifier.typeCode(),
                                identifier.number(),
                                identifier.version(),
                                truncate(title),
                                identifier.issuerCode(),
                                truncate(issuerName),
                                issuedOn,
                                validFrom,
                                validUntil,
                                // A 统一社会信用代码 carries its registration authority's division in places 3–8.
                                identifier.issuerCode().substring(2, 8),
                                sealed.holderName(holderName),
                                sealed.holderCode(holderCode),
                                sealed.index(holderCode),
                                masked,
                                kind,
                                holderAccount,
                                sealed.values(Map.of()),
                                null,
                                null,
                                truncate(checked.signerName()),
                                stored.key(),
                                stored.sm3(),
                                stored.size()),
                        clock.instant())
                .orElseThrow(() -> new UserFacingException(HttpStatus.CONFLICT, "licence.import.exists"));
        audit.record(AuditEvent.success(staff.username(), "licence.import", "licence", identifier.value())
                .withDetails(checked.signerUscc()));
        events.publishEvent(new LicenceIssued(
                identifier.value(),
                identifier.typeCode(),
                identifier.issuerCode(),
                identifier.issuerCode().substring(2, 8),
                null,
                identifier.version()));
        return records.find(id).orElseThrow();
    }

    private static String required(Map<String, String> data, String name) {
        String value = data.get(name);
        if (value == null || value.isBlank()) {
            throw refused("licence.import.missing");
        }
        return value.strip();
    }

    private static LocalDate date(Map<String, String> data, String name) {
        try {
            return LocalDate.parse(required(data, name));
        } catch (DateTimeParseException e) {
            throw refused("licence.import.missing");
        }
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 100 ? text : text.substring(0, 100);
    }

    private static UserFacingException refused(String key) {
        return new UserFacingException(HttpStatus.UNPROCESSABLE_ENTITY, key);
    }
}
