package org.zhengwu.cases.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.task.api.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengwu.cases.CaseAccess;
import org.zhengwu.cases.CaseDecided;
import org.zhengwu.cases.CaseNumber;
import org.zhengwu.cases.CaseStatus;
import org.zhengwu.cases.CaseSubmitted;
import org.zhengwu.catalog.CaseHandling;
import org.zhengwu.catalog.CaseKind;
import org.zhengwu.catalog.Guide;
import org.zhengwu.catalog.PublishedCatalog;
import org.zhengwu.catalog.PublishedItem;
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
 * The life of a case, from draft to delivery. Each step changes the case row (optimistically: a step acts only on
 * the version it was shown), completes the Flowable task of that step, adds a timeline line and writes the
 * accountability log — in one transaction, so that a case is never half-moved.
 */
@Service
public class CaseLifecycle {

    /** 承诺件 reviewed in two stages, 承办 → 审批 ({@code processes/two-stage-case.bpmn20.xml}). */
    public static final String TWO_STAGE_PROCESS = "twoStageCase";

    static final String NAME_CONTEXT = "cases_case.applicant_name";
    static final String VALUES_CONTEXT = "cases_case.form_values";
    private static final String QUERY_CODE_CONTEXT = "cases.query-code";
    static final String ID_NUMBER_CONTEXT = "cases_case.applicant_id_number";
    static final String MOBILE_CONTEXT = "cases_case.applicant_mobile";
    /** 申请渠道 窗口 (the national channel code list: 1 窗口, 2 网上（电脑端）, 3 网上（移动端）, 4 快递, 9 其他). */
    public static final String COUNTER_CHANNEL = "1";

    private static final String QUERY_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /** What the applicant is shown once the case is submitted. */
    public record Receipt(long caseId, CaseNumber caseNumber, String queryCode, Instant submittedAt, LocalDate dueOn) {}

    private final CaseRecords records;
    private final CaseNumbers numbers;
    private final TransactionTemplate transaction;
    private final CaseProcesses processes;
    private final PublishedCatalog catalog;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final CaseClock caseClock;
    private final BundleJoin join;
    private final PlatformKeys keys;
    private final AccountabilityLog audit;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    CaseLifecycle(
            CaseRecords records,
            CaseNumbers numbers,
            TransactionTemplate transaction,
            CaseProcesses processes,
            PublishedCatalog catalog,
            RuntimeService runtime,
            TaskService tasks,
            CaseClock caseClock,
            BundleJoin join,
            PlatformKeys keys,
            AccountabilityLog audit,
            ApplicationEventPublisher events,
            JsonMapper json,
            Clock clock) {
        this.records = records;
        this.numbers = numbers;
        this.transaction = transaction;
        this.processes = processes;
        this.catalog = catalog;
        this.runtime = runtime;
        this.tasks = tasks;
        this.caseClock = caseClock;
        this.join = join;
        this.keys = keys;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- the applicant's side

    /** The item as it can be applied for online, or a 404 when it is not published or not offered online. */
    public PublishedItem applicable(String implementationCode) {
        if (!(catalog.find(implementationCode) instanceof PublishedCatalog.Lookup.Live live)) {
            throw new NotFoundException("cases.item.not-found");
        }
        PublishedItem item = live.item();
        if (!OnlineOffer.offeredOnline(item)) {
            throw new UserFacingException(HttpStatus.CONFLICT, "cases.item.not-online", item.name());
        }
        return item;
    }

    /**
     * Starts a draft for a person, for themselves or for an enterprise they may apply for (checked by the caller
     * against identity's {@code Applicants.mayApplyFor}).
     */
    @Transactional
    public long startDraft(
            Actor applicant, String implementationCode, String actingForUscc, Map<String, String> values) {
        requirePerson(applicant);
        PublishedItem item = applicable(implementationCode);
        if (!applicant.realNameLevel().atLeast(item.guide().realNameLevel())) {
            throw new UserFacingException(
                    HttpStatus.FORBIDDEN,
                    "cases.apply.real-name-level",
                    item.guide().realNameLevel().level());
        }
        long id = insertDraft(applicant, item, actingForUscc, values, clock.instant());
        audit.record(AuditEvent.success(applicant.username(), "cases.draft.start", "case", String.valueOf(id))
                .withDetails(item.implementationCode())
                .actingFor(actingForUscc));
        return id;
    }

    /**
     * A branch of a bundle: a draft of the member's entry with the values the merged form gives it, attached to the
     * bundle, to be submitted by {@link #file} in the bundle's submitting transaction.
     */
    long startBranch(Actor applicant, PublishedItem item, long bundleId, Map<String, String> values) {
        long id = insertDraft(applicant, item, null, values, clock.instant());
        records.attachToBundle(id, bundleId);
        return id;
    }

    private long insertDraft(
            Actor applicant, PublishedItem item, String actingForUscc, Map<String, String> values, Instant now) {
        return records.insertDraft(
                new CaseRecords.NewDraft(
                        "2",
                        applicant.accountId(),
                        actingForUscc == null ? null : applicant.accountId(),
                        actingForUscc,
                        null,
                        keys.encrypt(applicant.displayName(), NAME_CONTEXT),
                        sealValues(values),
                        item.implementationCode(),
                        item.versionNo(),
                        item.name(),
                        item.type().code(),
                        item.organisation().uscc(),
                        item.divisionCode(),
                        item.guide().caseKind() == null
                                ? CaseKind.PROMISED.code()
                                : item.guide().caseKind().code(),
                        CaseClock.days(item.guide().statutoryLimit()),
                        CaseClock.days(item.guide().promisedLimit())),
                now);
    }

    /** The applicant's own draft or case; anyone else's is answered as if it did not exist. */
    public CaseRow own(Actor applicant, long caseId) {
        return records.find(caseId)
                .filter(c -> owns(applicant, c))
                .orElseThrow(() -> new NotFoundException("cases.case.not-found"));
    }

    public static boolean owns(Actor actor, CaseRow c) {
        return actor.type() == AccountType.PERSON
                // A counter draft is the registering clerk's until it is registered; then it is the applicant's too.
                && !(c.status() == CaseStatus.DRAFT && c.registeredBy() != null)
                && (Long.valueOf(actor.accountId()).equals(c.applicantAccountId())
                        || Long.valueOf(actor.accountId()).equals(c.agentAccountId()));
    }

    @Transactional
    public void saveDraft(Actor applicant, long caseId, Map<String, String> values) {
        CaseRow draft = own(applicant, caseId);
        if (draft.status() != CaseStatus.DRAFT
                || !records.saveDraftValues(caseId, sealValues(values), clock.instant())) {
            throw new CaseConflictException("cases.draft.already-submitted");
        }
    }

    public Map<String, String> values(CaseRow c) {
        if (c.formValues() == null) {
            return Map.of();
        }
        String text = keys.decrypt(c.formValues(), VALUES_CONTEXT);
        return json.readValue(text, new TypeReference<LinkedHashMap<String, String>>() {});
    }

    public String applicantName(CaseRow c) {
        return c.applicantName() == null ? null : keys.decrypt(c.applicantName(), NAME_CONTEXT);
    }

    /**
     * Submits a draft. Idempotent by {@code submissionKey}: a retried or double-clicked submission answers with the
     * receipt of the case the first one created. The checks of completeness ({@code complete}) run under the row
     * lock, so that a draft changed in another tab is checked as it is submitted.
     */
    public Receipt submit(Actor applicant, long caseId, UUID submissionKey, Completeness complete) {
        return fileOnce(applicant, caseId, submissionKey, complete, c -> owns(applicant, c));
    }

    /**
     * Files a draft the actor holds ({@code holds}) once: a submission key seen before answers with the receipt of the
     * case it filed; otherwise the draft is numbered, then locked, checked ({@code complete}) and filed in one
     * transaction. Online submission and counter registration differ only in who holds the draft. The number is taken
     * before that transaction, in one of its own ({@link CaseNumbers}), so that the division's sequence row is not
     * held through the filing and its durable commit; a number taken for a draft that then turns out to be filed
     * already, or whose filing fails, is left unused. Called outside any transaction (the request's thread holds no
     * connection while it waits for the number's).
     */
    private Receipt fileOnce(
            Actor actor, long caseId, UUID submissionKey, Completeness complete, Predicate<CaseRow> holds) {
        Optional<CaseRow> earlier = records.findBySubmissionKey(submissionKey);
        if (earlier.isPresent()) {
            return receiptOf(earlier.get(), holds);
        }
        CaseRow unlocked =
                records.find(caseId).filter(holds).orElseThrow(() -> new NotFoundException("cases.case.not-found"));
        requireDraft(unlocked);
        LocalDate today = caseClock.today();
        CaseNumber number = numbers.take(unlocked.divisionCode(), today);
        return transaction.execute(status -> {
            CaseRow draft =
                    records.lock(caseId).filter(holds).orElseThrow(() -> new NotFoundException("cases.case.not-found"));
            if (draft.status() != CaseStatus.DRAFT && submissionKey.equals(draft.submissionKey())) {
                // The same submission, retried while the first was filing it.
                return receipt(draft);
            }
            requireDraft(draft);
            complete.check(draft);
            // The receipt from what was just written, as receipt(CaseRow) would read it back.
            Filed filed =
                    fileAt(actor, draft, submissionKey, clock.instant().truncatedTo(ChronoUnit.MICROS), today, number);
            return new Receipt(caseId, filed.number(), queryCode(filed.number()), filed.at(), filed.due());
        });
    }

    private Receipt receiptOf(CaseRow c, Predicate<CaseRow> holds) {
        if (!holds.test(c)) {
            throw new NotFoundException("cases.case.not-found");
        }
        return receipt(c);
    }

    private static void requireDraft(CaseRow c) {
        if (c.status() != CaseStatus.DRAFT) {
            throw new CaseConflictException(
                    "cases.draft.already-submitted-as", new CaseNumber(c.caseNumber()).grouped());
        }
    }

    /**
     * Numbers a locked draft, starts its process and records the submission (timeline, event, audit) in the caller's
     * transaction: a branch of a bundle, numbered with the bundle's transaction (a bundle has one submission key; its
     * branches have none of their own).
     */
    CaseNumber file(Actor applicant, CaseRow draft, UUID submissionKey) {
        LocalDate today = caseClock.today();
        return fileAt(applicant, draft, submissionKey, clock.instant().truncatedTo(ChronoUnit.MICROS), today, null)
                .number();
    }

    /** What filing a draft gave it: its number and due date, and the time of its submission. */
    private record Filed(CaseNumber number, LocalDate due, Instant at) {}

    /**
     * {@link #file} at {@code now} (whole microseconds, as the database keeps it) and {@code today}, with the number
     * {@code taken} before the transaction, or (null) taken in it: then whatever can be read before the case is
     * numbered is read first, since the sequence row of the division and day stays locked until the transaction ends.
     */
    private Filed fileAt(
            Actor applicant, CaseRow draft, UUID submissionKey, Instant now, LocalDate today, CaseNumber taken) {
        boolean atCounter = draft.registeredBy() != null;
        PublishedItem item =
                atCounter ? receivable(draft.implementationCode()) : applicable(draft.implementationCode());
        LocalDate due = caseClock.due(today, item.guide().promisedLimit()).orElse(null);
        CaseHandling handling = item.guide().handling();
        String processKey =
                CaseHandling.processOf(handling, draft.immediate() ? CaseKind.IMMEDIATE : CaseKind.PROMISED);
        ProcessDefinition definition = processes
                .latest(processKey)
                .filter(d -> processes.stagesOf(d.getId()).isEmpty() == draft.immediate())
                .orElseThrow(() -> new UserFacingException(
                        HttpStatus.CONFLICT, "cases.process.unavailable", draft.itemName(), processKey));
        List<String> stages = processes.stagesOf(definition.getId());
        CaseNumber number = taken != null
                ? taken
                : CaseNumber.of(draft.divisionCode(), today, records.nextSequence(draft.divisionCode(), today));
        // The business key (the case number) is all that ties the process to its case: a process variable would be
        // one more row inserted for every submission, and nothing reads it.
        String processInstance = runtime.startProcessInstanceById(definition.getId(), number.value())
                .getId();
        records.markSubmitted(
                draft.id(),
                number.value(),
                submissionKey,
                today,
                due,
                new CaseRecords.Handling(
                        definition.getKey(),
                        definition.getVersion(),
                        processInstance,
                        stageRoles(handling, stages, CaseHandling.UNDERTAKE),
                        stageRoles(handling, stages, CaseHandling.AUDIT),
                        stageRoles(handling, stages, CaseHandling.APPROVE)),
                now);
        step(
                draft,
                number.value(),
                new CaseStep(
                        now,
                        atCounter ? "register" : "submit",
                        CaseStatus.SUBMITTED,
                        atCounter ? "STAFF" : "APPLICANT",
                        applicant.accountId(),
                        applicant.displayName(),
                        null,
                        false));
        events.publishEvent(new CaseSubmitted(
                number.value(), draft.implementationCode(), draft.organisationUscc(), draft.divisionCode()));
        audit.record(AuditEvent.success(
                        applicant.username(),
                        atCounter ? "cases.counter.register" : "cases.submit",
                        "case",
                        number.value())
                .withDetails(draft.implementationCode())
                .actingFor(draft.actingForUscc()));
        return new Filed(number, due, now);
    }

    /** The roles an entry names for a stage its process has, as the case keeps them; null for the stage's permission. */
    private static List<String> stageRoles(CaseHandling handling, List<String> stages, String stage) {
        if (handling == null
                || !stages.contains(stage)
                || handling.rolesOf(stage).isEmpty()) {
            return null;
        }
        return handling.rolesOf(stage);
    }

    /** Checks a draft is complete before it is submitted; throws a {@link UserFacingException} naming what is missing. */
    @FunctionalInterface
    public interface Completeness {
        void check(CaseRow draft);
    }

    public Receipt receipt(CaseRow c) {
        CaseNumber number = new CaseNumber(c.caseNumber());
        return new Receipt(c.id(), number, queryCode(number), c.submittedAt(), c.dueOn());
    }

    /**
     * The query code printed on the receipt, for the public progress lookup. Derived from the case number under a
     * platform key, so that it can be printed again on the applicant's own case page and need not be stored.
     */
    public String queryCode(CaseNumber number) {
        String index = keys.blindIndex(number.value(), QUERY_CODE_CONTEXT);
        long bits = Long.parseUnsignedLong(index.substring(0, 15), 16);
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            code.append(QUERY_CODE_ALPHABET.charAt((int) (bits % QUERY_CODE_ALPHABET.length())));
            bits /= QUERY_CODE_ALPHABET.length();
        }
        return code.toString();
    }

    /** Withdraws a case not yet accepted (申请人撤回). */
    @Transactional
    public void withdraw(Actor applicant, long caseId, int expectedVersion) {
        CaseRow c = own(applicant, caseId);
        if (c.status() != CaseStatus.SUBMITTED && c.status() != CaseStatus.CORRECTION_REQUESTED) {
            throw new CaseConflictException("cases.withdraw.too-late");
        }
        Instant now = clock.instant();
        if (!records.transition(
                caseId, expectedVersion, c.status(), CaseRecords.Change.to(CaseStatus.WITHDRAWN, null), now)) {
            throw new CaseConflictException("cases.conflict");
        }
        runtime.deleteProcessInstance(c.processInstanceId(), "withdrawn by the applicant");
        step(
                c,
                c.caseNumber(),
                new CaseStep(
                        now,
                        "withdraw",
                        CaseStatus.WITHDRAWN,
                        "APPLICANT",
                        applicant.accountId(),
                        applicant.displayName(),
                        null,
                        false));
        audit.record(AuditEvent.success(applicant.username(), "cases.withdraw", "case", c.caseNumber())
                .actingFor(c.actingForUscc()));
        join.branchMoved(c, now);
    }

    /** The applicant has supplied what the 补正 notice asked for: the case returns to the counter. */
    @Transactional
    public void answerCorrection(Actor applicant, long caseId, int expectedVersion) {
        CaseRow c = own(applicant, caseId);
        if (c.status() != CaseStatus.CORRECTION_REQUESTED) {
            throw new CaseConflictException("cases.correction.not-asked");
        }
        int round = records.correctionRounds(caseId);
        boolean supplied = records.materials(caseId).stream().anyMatch(m -> m.round() == round);
        if (!supplied) {
            throw new UserFacingException(HttpStatus.BAD_REQUEST, "cases.correction.nothing-supplied");
        }
        Instant now = clock.instant();
        if (!records.transition(
                caseId,
                expectedVersion,
                CaseStatus.CORRECTION_REQUESTED,
                CaseRecords.Change.to(CaseStatus.SUBMITTED, "accept"),
                now)) {
            throw new CaseConflictException("cases.conflict");
        }
        completeTask(c, "correction", Map.of());
        records.answerCorrection(caseId, now);
        step(
                c,
                c.caseNumber(),
                new CaseStep(
                        now,
                        "correction-answered",
                        CaseStatus.SUBMITTED,
                        "APPLICANT",
                        applicant.accountId(),
                        applicant.displayName(),
                        null,
                        false));
        audit.record(AuditEvent.success(applicant.username(), "cases.correction.answer", "case", c.caseNumber())
                .actingFor(c.actingForUscc()));
    }

    // ---------------------------------------------------------------- the counter (窗口收件)

    /** Who a clerk registers an application for: a person, or an enterprise through the person handling it. */
    public record CounterApplicant(
            String name, String idNumber, String mobile, String enterpriseUscc, String enterpriseName) {

        public boolean enterprise() {
            return enterpriseUscc != null;
        }
    }

    /**
     * An entry a clerk may register counter applications for: published, one somebody applies for, and of an
     * organisation within the clerk's reach for {@code cases.accept}; anything else is a 404, so that a clerk
     * learns nothing of another department's entries here.
     */
    public PublishedItem receivable(Actor clerk, String implementationCode) {
        PublishedItem item = receivable(implementationCode);
        if (!mayRegister(clerk, item)) {
            throw new NotFoundException("cases.item.not-found");
        }
        return item;
    }

    public static boolean mayRegister(Actor clerk, PublishedItem item) {
        return clerk.type() == AccountType.STAFF
                && !item.type().enforcement()
                && clerk.mayReach(CaseAccess.ACCEPT, item.organisation().uscc(), item.divisionCode());
    }

    private PublishedItem receivable(String implementationCode) {
        if (!(catalog.find(implementationCode) instanceof PublishedCatalog.Lookup.Live live)
                || live.item().type().enforcement()) {
            throw new NotFoundException("cases.item.not-found");
        }
        return live.item();
    }

    /**
     * Starts a counter draft (channel 窗口) registered by the clerk. {@code accountId} is the applicant's account when
     * the person (or, for an enterprise, the person handling it, who may apply for it) has one: the registered case is
     * then theirs to follow in 我的办件 as well.
     */
    @Transactional
    public long startCounterDraft(
            Actor clerk,
            String implementationCode,
            CounterApplicant applicant,
            Long accountId,
            Map<String, String> values) {
        PublishedItem item = receivable(clerk, implementationCode);
        Instant now = clock.instant();
        long id = records.insertDraft(
                new CaseRecords.NewDraft(
                        COUNTER_CHANNEL,
                        accountId,
                        applicant.enterprise() ? accountId : null,
                        applicant.enterpriseUscc(),
                        clerk.username(),
                        keys.encrypt(applicant.name(), NAME_CONTEXT),
                        sealValues(values),
                        item.implementationCode(),
                        item.versionNo(),
                        item.name(),
                        item.type().code(),
                        item.organisation().uscc(),
                        item.divisionCode(),
                        item.guide().caseKind() == null
                                ? CaseKind.PROMISED.code()
                                : item.guide().caseKind().code(),
                        CaseClock.days(item.guide().statutoryLimit()),
                        CaseClock.days(item.guide().promisedLimit())),
                now);
        records.recordCounterApplicant(
                id,
                new CaseRecords.CounterApplicant(
                        keys.blindIndex(applicant.idNumber(), ID_NUMBER_CONTEXT),
                        keys.encrypt(applicant.idNumber(), ID_NUMBER_CONTEXT),
                        applicant.mobile() == null ? null : keys.encrypt(applicant.mobile(), MOBILE_CONTEXT),
                        applicant.enterpriseName()));
        audit.record(AuditEvent.success(clerk.username(), "cases.counter.start", "case", "draft-" + id)
                .withDetails(item.implementationCode() + (accountId == null ? " no account" : " account " + accountId))
                .actingFor(applicant.enterpriseUscc()));
        return id;
    }

    /** A counter draft of this clerk's, still within their reach; anything else is a 404. */
    public CaseRow counterDraft(Actor clerk, long caseId) {
        return records.find(caseId)
                .filter(c -> registeredBy(clerk, c))
                .orElseThrow(() -> new NotFoundException("cases.case.not-found"));
    }

    /** Registered by this clerk at the counter, and still within their reach for {@code cases.accept}. */
    public static boolean registeredBy(Actor clerk, CaseRow c) {
        return clerk.type() == AccountType.STAFF
                && COUNTER_CHANNEL.equals(c.channel())
                && clerk.username().equals(c.registeredBy())
                && clerk.mayReach(CaseAccess.ACCEPT, c.organisationUscc(), c.divisionCode());
    }

    @Transactional
    public void saveCounterDraft(Actor clerk, long caseId, Map<String, String> values) {
        CaseRow draft = counterDraft(clerk, caseId);
        if (draft.status() != CaseStatus.DRAFT
                || !records.saveDraftValues(caseId, sealValues(values), clock.instant())) {
            throw new CaseConflictException("cases.draft.already-submitted");
        }
    }

    /** The counter applicant's particulars as the clerk gave them, unsealed; empty for an online case. */
    public Optional<CounterApplicant> counterApplicant(CaseRow c) {
        return records.counterApplicant(c.id())
                .map(a -> new CounterApplicant(
                        applicantName(c),
                        a.idNumber() == null ? null : keys.decrypt(a.idNumber(), ID_NUMBER_CONTEXT),
                        a.mobile() == null ? null : keys.decrypt(a.mobile(), MOBILE_CONTEXT),
                        c.actingForUscc(),
                        a.enterpriseName()));
    }

    /**
     * Registers a counter draft: numbered, its process started, the timeline's first line the clerk's. Idempotent by
     * {@code submissionKey}, like an online submission: the same key answers with the same receipt.
     */
    public Receipt register(Actor clerk, long caseId, UUID submissionKey, Completeness complete) {
        return fileOnce(clerk, caseId, submissionKey, complete, c -> registeredBy(clerk, c));
    }

    // ---------------------------------------------------------------- the department's side

    /** A case the member of staff may see (any case permission within reach), else a 404. */
    public CaseRow reachable(Actor staff, long caseId) {
        return records.find(caseId)
                .filter(c -> c.status() != CaseStatus.DRAFT)
                .filter(c -> mayView(staff, c))
                .orElseThrow(() -> new NotFoundException("cases.case.not-found"));
    }

    public static boolean mayView(Actor staff, CaseRow c) {
        return staff.type() == AccountType.STAFF
                && staff.mayReachAny(
                        c.organisationUscc(),
                        c.divisionCode(),
                        CaseAccess.ACCEPT,
                        CaseAccess.REVIEW,
                        CaseAccess.APPROVE,
                        CaseAccess.SUPERVISE);
    }

    /** The actions this member of staff may take on the case now. */
    public List<HandlingAction> actions(Actor staff, CaseRow c) {
        return java.util.Arrays.stream(HandlingAction.values())
                .filter(a -> a.fits(c.status(), c.stage(), c.immediate()))
                .filter(a -> mayTake(staff, c, a))
                .toList();
    }

    /**
     * Whether this member of staff may take the step of {@code action} on the case: for a review stage for which the
     * case keeps roles (its entry named them when it was submitted), when they hold one of those roles and reach the
     * case's organisation with a case-handling permission; otherwise, as for every other step, when they reach it with
     * the step's own permission.
     */
    public static boolean mayTake(Actor staff, CaseRow c, HandlingAction action) {
        if (staff.type() != AccountType.STAFF) {
            return false;
        }
        List<String> roles = c.rolesOf(action.task());
        if (roles == null) {
            return staff.mayReach(action.permission(), c.organisationUscc(), c.divisionCode());
        }
        return roles.stream().anyMatch(staff.roles()::contains)
                && staff.mayReachAny(
                        c.organisationUscc(),
                        c.divisionCode(),
                        CaseAccess.ACCEPT,
                        CaseAccess.REVIEW,
                        CaseAccess.APPROVE);
    }

    /**
     * Refuses (403, logged) a member of staff who may see the case but not take this step on it. Call it before {@link
     * #act} outside a transaction too, so that the refusal's log entry is kept although the request fails.
     */
    public void requirePermitted(Actor staff, CaseRow c, HandlingAction action) {
        if (!mayTake(staff, c, action)) {
            audit.record(new AuditEvent(
                    staff.username(),
                    null,
                    "cases." + key(action),
                    "case",
                    c.caseNumber(),
                    AuditEvent.Outcome.DENIED,
                    null));
            throw new UserFacingException(HttpStatus.FORBIDDEN, "cases.action.not-permitted");
        }
    }

    /**
     * Takes one step on a case as it was shown at {@code expectedVersion}. Refused with a conflict when someone else
     * acted first or the step does not fit the case's state, with a 404 when the case is out of reach.
     */
    @Transactional
    public CaseRow act(Actor staff, long caseId, int expectedVersion, HandlingAction action, String opinion) {
        CaseRow c = reachable(staff, caseId);
        requirePermitted(staff, c, action);
        if (c.lockVersion() != expectedVersion) {
            throw new CaseConflictException("cases.conflict");
        }
        if (!action.fits(c.status(), c.stage(), c.immediate())) {
            throw new CaseConflictException("cases.action.not-now");
        }
        String text = opinion == null || opinion.isBlank() ? null : opinion.strip();
        if (action.needsReason() && text == null) {
            throw new UserFacingException(HttpStatus.BAD_REQUEST, "cases.action.reason-required");
        }
        if (action == HandlingAction.REQUEST_CORRECTION) {
            if (records.correctionRounds(caseId) > 0) {
                throw new CaseConflictException("cases.correction.once");
            }
            if (caseClock.correctionNoticeExpired(c.receivedOn())) {
                throw new CaseConflictException("cases.correction.too-late");
            }
        }
        Instant now = clock.instant();
        LocalDate today = caseClock.today();
        CaseRecords.Change change = switch (action) {
            case ACCEPT ->
                CaseRecords.Change.to(CaseStatus.UNDER_REVIEW, "undertake")
                        .accepted(now)
                        .due(dueFrom(c, today));
            case REFUSE -> CaseRecords.Change.to(CaseStatus.REFUSED, null).decided(null, text, now);
            case REQUEST_CORRECTION -> CaseRecords.Change.to(CaseStatus.CORRECTION_REQUESTED, "correction");
            case APPROVE_AT_COUNTER ->
                CaseRecords.Change.to(CaseStatus.COMPLETED, "deliver")
                        .accepted(now)
                        .decided("APPROVED", text, now);
            case DENY_AT_COUNTER ->
                CaseRecords.Change.to(CaseStatus.COMPLETED, "deliver")
                        .accepted(now)
                        .decided("DENIED", text, now);
            case UNDERTAKE, AUDIT ->
                CaseRecords.Change.to(CaseStatus.UNDER_REVIEW, processes.stageAfter(definitionOf(c), action.task()));
            case APPROVE ->
                CaseRecords.Change.to(CaseStatus.COMPLETED, "deliver").decided("APPROVED", text, now);
            case DENY -> CaseRecords.Change.to(CaseStatus.COMPLETED, "deliver").decided("DENIED", text, now);
            case DELIVER -> CaseRecords.Change.to(CaseStatus.DELIVERED, null);
        };
        if (!records.transition(caseId, expectedVersion, c.status(), change, now)) {
            throw new CaseConflictException("cases.conflict");
        }
        completeTask(c, action.task(), Map.of("outcome", outcome(action)));
        requireProcessAt(c, change.stage());
        if (action == HandlingAction.REQUEST_CORRECTION) {
            records.addCorrection(caseId, staff.displayName(), text, now);
        }
        boolean publicOpinion =
                action.needsReason() || action == HandlingAction.APPROVE || action == HandlingAction.APPROVE_AT_COUNTER;
        step(
                c,
                c.caseNumber(),
                new CaseStep(
                        now,
                        key(action),
                        change.status(),
                        "STAFF",
                        staff.accountId(),
                        staff.displayName(),
                        text,
                        publicOpinion));
        CaseRow after = records.find(caseId).orElseThrow();
        if (change.decision() != null) {
            events.publishEvent(new CaseDecided(
                    c.caseNumber(),
                    c.implementationCode(),
                    c.itemVersion(),
                    c.organisationUscc(),
                    c.divisionCode(),
                    "APPROVED".equals(change.decision()),
                    now));
        }
        audit.record(AuditEvent.success(staff.username(), "cases." + key(action), "case", c.caseNumber())
                .withDetails(c.implementationCode()));
        join.branchMoved(c, now);
        return after;
    }

    /**
     * 行政许可法 §32: a case not told to correct within five working days of receipt counts as accepted on the day it
     * was received. Run by {@code DeemedAcceptance} for each such case of the standard process.
     */
    @Transactional
    public boolean deemAccepted(long caseId) {
        Optional<CaseRow> locked = records.lock(caseId);
        if (locked.isEmpty()) {
            return false;
        }
        CaseRow c = locked.get();
        if (c.status() != CaseStatus.SUBMITTED
                || c.immediate()
                || records.correctionRounds(caseId) > 0
                || !caseClock.correctionNoticeExpired(c.receivedOn())) {
            return false;
        }
        Instant now = clock.instant();
        CaseRecords.Change change = CaseRecords.Change.to(CaseStatus.UNDER_REVIEW, "undertake")
                .accepted(c.submittedAt())
                .due(dueFrom(c, c.receivedOn()));
        if (!records.transition(caseId, c.lockVersion(), CaseStatus.SUBMITTED, change, now)) {
            return false;
        }
        completeTask(c, "accept", Map.of("outcome", "accept"));
        step(
                c,
                c.caseNumber(),
                new CaseStep(now, "deemed-accept", CaseStatus.UNDER_REVIEW, "SYSTEM", null, "system", null, false));
        audit.record(AuditEvent.success("system", "cases.deemed-accept", "case", c.caseNumber()));
        return true;
    }

    /** A timeline line, and the applicant told of it once the step commits. */
    private void step(CaseRow c, String caseNumber, CaseStep step) {
        records.addStep(c.id(), step);
        // Only a step the applicant is told of is published: each publication is a row of the event registry.
        if (ApplicantNotices.TOLD.contains(step.step())) {
            events.publishEvent(new ApplicantNotices.StepTaken(
                    c.applicantAccountId(), c.agentAccountId(), caseNumber, c.itemName(), step.step()));
        }
    }

    private LocalDate dueFrom(CaseRow c, LocalDate start) {
        Guide.TimeLimit limit = c.promisedDays() == null || c.promisedDays() == 0
                ? null
                : new Guide.TimeLimit(c.promisedDays(), org.zhengwu.catalog.LimitUnit.WORKING_DAYS, null);
        return caseClock.due(start, limit).orElse(null);
    }

    private void completeTask(CaseRow c, String taskKey, Map<String, Object> variables) {
        List<Task> open = tasks.createTaskQuery()
                .processInstanceId(c.processInstanceId())
                .taskDefinitionKey(taskKey)
                .list();
        Task task = open.size() == 1 ? open.get(0) : null;
        if (task == null) {
            // The row said the case waits at this step but the process does not: roll back rather than diverge.
            throw new IllegalStateException(
                    "case " + c.caseNumber() + " has " + open.size() + " open tasks " + taskKey + ", not one");
        }
        tasks.complete(task.getId(), variables);
    }

    private String definitionOf(CaseRow c) {
        return runtime.createProcessInstanceQuery()
                .processInstanceId(c.processInstanceId())
                .singleResult()
                .getProcessDefinitionId();
    }

    /**
     * After a step, the process must wait where the row now says (its open task is the row's stage, or none when the
     * row has none): otherwise the step rolls back rather than leave the two apart.
     */
    private void requireProcessAt(CaseRow c, String stage) {
        List<String> open = tasks.createTaskQuery().processInstanceId(c.processInstanceId()).list().stream()
                .map(Task::getTaskDefinitionKey)
                .toList();
        if (!(stage == null ? open.isEmpty() : open.equals(List.of(stage)))) {
            throw new IllegalStateException(
                    "case " + c.caseNumber() + " moved to stage " + stage + " but its process waits at " + open);
        }
    }

    private static String outcome(HandlingAction action) {
        return switch (action) {
            case REFUSE -> "refuse";
            case REQUEST_CORRECTION -> "correct";
            default -> "accept";
        };
    }

    static String key(HandlingAction action) {
        return action.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private byte[] sealValues(Map<String, String> values) {
        return keys.encrypt(json.writeValueAsString(values == null ? Map.of() : values), VALUES_CONTEXT);
    }

    private static void requirePerson(Actor actor) {
        if (actor.type() != AccountType.PERSON) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "cases.apply.persons-only");
        }
    }
}
