package org.zhengwu.licence.issuance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.basedata.Organisation;
import org.zhengwu.basedata.Organisations;
import org.zhengwu.cases.CaseDecided;
import org.zhengwu.cases.DecidedCases;
import org.zhengwu.cases.DecidedCases.DecidedCase;
import org.zhengwu.catalog.ApplicationForm;
import org.zhengwu.catalog.FieldType;
import org.zhengwu.catalog.FormField;
import org.zhengwu.catalog.PublishedCatalog;
import org.zhengwu.catalog.PublishedItem;
import org.zhengwu.licence.LicenceIdentifier;
import org.zhengwu.licence.LicenceIssued;
import org.zhengwu.licence.LicenceProperties;
import org.zhengwu.licence.LicenceType;
import org.zhengwu.licence.LicenceTypes;
import org.zhengwu.licence.document.LicenceContent;
import org.zhengwu.licence.document.LicenceDocuments;
import org.zhengwu.licence.register.LicenceRecords;
import org.zhengwu.licence.register.LicenceRow;
import org.zhengwu.licence.register.LicenceStatus;
import org.zhengwu.licence.register.SealedFields;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.codes.UnifiedSocialCreditCode;
import org.zhengwu.shared.files.FileStore;
import org.zhengwu.shared.files.StoredFile;
import org.zhengwu.shared.time.BusinessTime;

/**
 * Issues the licence a case yields when it is decided 准予: the type is the one linked to the item's 基本编码, the
 * holder follows the type's rule, the values come from the application form. Runs after the decision commits, in its
 * own transaction, and again if it failed; a case issues at most one licence (the case number is unique among
 * licences), so a decision delivered twice issues once.
 */
@Service
@EnableConfigurationProperties(LicenceProperties.class)
public class LicenceIssuance {

    private static final Logger log = LoggerFactory.getLogger(LicenceIssuance.class);

    private final DecidedCases cases;
    private final PublishedCatalog catalog;
    private final LicenceTypes types;
    private final Organisations organisations;
    private final LicenceRecords records;
    private final SealedFields sealed;
    private final LicenceDocuments documents;
    private final FileStore files;
    private final AccountabilityLog audit;
    private final ApplicationEventPublisher events;
    private final LicenceProperties properties;
    private final org.springframework.core.env.Environment environment;
    private final Clock clock;

    LicenceIssuance(
            DecidedCases cases,
            PublishedCatalog catalog,
            LicenceTypes types,
            Organisations organisations,
            LicenceRecords records,
            SealedFields sealed,
            LicenceDocuments documents,
            FileStore files,
            AccountabilityLog audit,
            ApplicationEventPublisher events,
            LicenceProperties properties,
            org.springframework.core.env.Environment environment,
            Clock clock) {
        this.cases = cases;
        this.catalog = catalog;
        this.types = types;
        this.organisations = organisations;
        this.records = records;
        this.sealed = sealed;
        this.documents = documents;
        this.files = files;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.environment = environment;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(CaseDecided decided) {
        if (decided.approved()) {
            issueFor(decided.caseNumber());
        }
    }

    /** Issues the case's licence, or answers the one already issued; empty when the case yields none. */
    @Transactional
    public Optional<LicenceRow> issueFor(String caseNumber) {
        Optional<LicenceRow> issued = records.findByCase(caseNumber);
        if (issued.isPresent()) {
            return issued;
        }
        Optional<DecidedCase> found = cases.find(caseNumber).filter(DecidedCase::approved);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DecidedCase c = found.get();
        Optional<PublishedItem> item = catalog.version(c.implementationCode(), c.itemVersion());
        Optional<LicenceType> yielded = item.flatMap(i -> types.yieldedBy(i.baseCode()));
        if (yielded.isEmpty()) {
            return Optional.empty();
        }
        LicenceType type = yielded.get();
        Organisation issuer = organisations
                .find(c.organisationUscc())
                .orElseThrow(() -> new IllegalStateException("no issuing organisation " + c.organisationUscc()));
        LocalDate today = LocalDate.now(clock.withZone(BusinessTime.ZONE));
        String number = today.getYear()
                + String.format(Locale.ROOT, "%07d", records.nextSequence(issuer.uscc(), type.code(), today.getYear()));
        Holder holder = Holder.of(type, c, () -> assignedCode(type.holder().assignCategory(), c.divisionCode()));
        LicenceIdentifier identifier = new LicenceIdentifier(type.code(), issuer.uscc(), number, 1);
        Map<String, String> printed =
                printedValues(type, c.formValues(), item.get().guide().applicationForm());
        LocalDate until = type.validityYears() == null
                ? null
                : today.plusYears(type.validityYears()).minusDays(1);
        byte[] ofd = documents.issue(new LicenceContent(
                identifier.value(),
                type.nameZh(),
                number,
                1,
                holder.name(),
                holder.code(),
                holder.codeKindLabel(),
                issuer.name(),
                issuer.uscc(),
                today,
                today,
                until,
                lines(type, printed),
                verificationUrl(identifier),
                type.layout()));
        StoredFile stored = store(ofd);
        Optional<Long> id = records.insert(
                new LicenceRecords.NewLicence(
                        identifier.value(),
                        type.code(),
                        number,
                        1,
                        type.nameZh(),
                        issuer.uscc(),
                        issuer.name(),
                        today,
                        today,
                        until,
                        c.divisionCode(),
                        sealed.holderName(holder.name()),
                        sealed.holderCode(holder.code()),
                        sealed.index(holder.code()),
                        holder.masked(),
                        holder.codeKind(),
                        holder.accountId(),
                        sealed.values(printed),
                        caseNumber,
                        item.get().baseCode(),
                        null,
                        stored.key(),
                        stored.sm3(),
                        stored.size()),
                clock.instant());
        if (id.isEmpty()) {
            discard(stored);
            return records.findByCase(caseNumber);
        }
        audit.record(AuditEvent.success("system", "licence.issue", "licence", identifier.value())
                .withDetails(type.code() + " " + caseNumber));
        events.publishEvent(
                new LicenceIssued(identifier.value(), type.code(), issuer.uscc(), c.divisionCode(), caseNumber, 1));
        log.info("Licence {} issued for case {}", identifier.value(), caseNumber);
        return records.find(id.get());
    }

    /**
     * 换发: a new version of a valid licence with the same holder and values, newly sealed; the earlier version is
     * superseded, never deleted. The caller holds the earlier version's row lock.
     */
    @Transactional
    public LicenceRow reissue(LicenceRow earlier, String actor, String reason) {
        LicenceType type = types.find(earlier.typeCode()).orElseThrow();
        LicenceIdentifier identifier =
                LicenceIdentifier.parse(earlier.identifier()).orElseThrow().withVersion(earlier.version() + 1);
        LocalDate today = LocalDate.now(clock.withZone(BusinessTime.ZONE));
        Map<String, String> printed = sealed.values(earlier);
        String holderName = sealed.holderName(earlier);
        String holderCode = sealed.holderCode(earlier);
        Holder holder = new Holder(holderName, holderCode, earlier.holderCodeKind(), earlier.holderAccountId());
        byte[] ofd = documents.issue(new LicenceContent(
                identifier.value(),
                earlier.name(),
                earlier.number(),
                identifier.version(),
                holderName,
                holderCode,
                holder.codeKindLabel(),
                earlier.issuerName(),
                earlier.issuerUscc(),
                today,
                earlier.validFrom(),
                earlier.validUntil(),
                lines(type, printed),
                verificationUrl(identifier),
                type.layout()));
        StoredFile stored = store(ofd);
        if (!records.end(earlier.id(), LicenceStatus.SUPERSEDED, reason, clock.instant())) {
            discard(stored);
            throw new IllegalStateException("licence " + earlier.identifier() + " is no longer valid");
        }
        long id = records.insert(
                        new LicenceRecords.NewLicence(
                                identifier.value(),
                                earlier.typeCode(),
                                earlier.number(),
                                identifier.version(),
                                earlier.name(),
                                earlier.issuerUscc(),
                                earlier.issuerName(),
                                today,
                                earlier.validFrom(),
                                earlier.validUntil(),
                                earlier.divisionCode(),
                                earlier.holderName(),
                                earlier.holderCode(),
                                earlier.holderCodeIndex(),
                                earlier.holderCodeMasked(),
                                earlier.holderCodeKind(),
                                earlier.holderAccountId(),
                                earlier.fieldValues(),
                                null,
                                earlier.baseCode(),
                                earlier.importedFrom(),
                                stored.key(),
                                stored.sm3(),
                                stored.size()),
                        clock.instant())
                .orElseThrow();
        audit.record(AuditEvent.success(actor, "licence.reissue", "licence", identifier.value())
                .withDetails(earlier.identifier() + " " + reason));
        events.publishEvent(new LicenceIssued(
                identifier.value(),
                earlier.typeCode(),
                earlier.issuerUscc(),
                earlier.divisionCode(),
                null,
                identifier.version()));
        return records.find(id).orElseThrow();
    }

    /**
     * The values printed on the licence, by the type's field keys: a choice shows its option's label, a ticked box
     * 是.
     */
    static Map<String, String> printedValues(LicenceType type, Map<String, String> answers, ApplicationForm form) {
        Map<String, String> printed = new LinkedHashMap<>();
        for (LicenceType.Field field : type.fields()) {
            String key = null;
            if (field.from() != null) {
                key = field.from().stream()
                        .filter(k -> answers.get(k) != null && !answers.get(k).isBlank())
                        .findFirst()
                        .orElse(null);
            }
            String value = key == null
                    ? field.fixed()
                    : shown(form, key, answers.get(key).strip());
            if (value != null && !value.isBlank()) {
                printed.put(field.key(), value);
            }
        }
        return printed;
    }

    private static String shown(ApplicationForm form, String key, String value) {
        if (form == null) {
            return value;
        }
        for (FormField f : form.fields()) {
            if (f.key().equals(key)) {
                if (f.type() == FieldType.CHECKBOX) {
                    return "true".equals(value) ? "是" : "否";
                }
                if (f.options() != null) {
                    for (FormField.Option o : f.options()) {
                        if (o.code().equals(value)) {
                            return o.labelZh();
                        }
                    }
                }
            }
        }
        return value;
    }

    static List<LicenceContent.Line> lines(LicenceType type, Map<String, String> printed) {
        List<LicenceContent.Line> lines = new ArrayList<>();
        for (LicenceType.Field field : type.fields()) {
            String value = printed.get(field.key());
            if (value != null) {
                lines.add(new LicenceContent.Line(field.labelZh(), value));
            }
        }
        return lines;
    }

    /** Where the licence's QR code leads: the public verification page of this licence. */
    private String verificationUrl(LicenceIdentifier identifier) {
        String page = properties.verificationUrl();
        if (page.isBlank()) {
            String issuer = environment.getProperty("zhengwu.identity.issuer", "");
            page = (issuer.isBlank()
                            ? "http://localhost:" + environment.getProperty("local.server.port", "8080")
                            : issuer.replaceAll("/+$", ""))
                    + "/licences/verification";
        }
        return page + "?identifier=" + identifier.value();
    }

    /**
     * A new entity's 统一社会信用代码: the registration category (e.g. 92, 个体工商户), the division, an organisation
     * code made of {@code L} and a sequence of the division, with both check characters.
     */
    private String assignedCode(String category, String divisionCode) {
        int sequence = records.nextSequence(divisionCode, "USCC-" + category, 0);
        String body = "L" + String.format(Locale.ROOT, "%07d", sequence);
        String first17 = category + divisionCode + body + UnifiedSocialCreditCode.organisationCodeCheckCharacter(body);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    private StoredFile store(byte[] ofd) {
        try {
            return files.store(new ByteArrayInputStream(ofd));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void discard(StoredFile stored) {
        try {
            files.delete(stored.key());
        } catch (IOException e) {
            log.warn("Could not remove the unused licence file {}: {}", stored.key(), e.getMessage());
        }
    }
}
