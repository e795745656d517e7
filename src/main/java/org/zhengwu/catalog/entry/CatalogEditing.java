package org.zhengwu.catalog.entry;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.basedata.ExerciseLevel;
import org.zhengwu.basedata.Organisation;
import org.zhengwu.basedata.Organisations;
import org.zhengwu.catalog.CaseHandlingOptions;
import org.zhengwu.catalog.CatalogCodes;
import org.zhengwu.catalog.Guide;
import org.zhengwu.catalog.GuideRules;
import org.zhengwu.catalog.HandlingRules;
import org.zhengwu.catalog.ItemPublished;
import org.zhengwu.catalog.ItemType;
import org.zhengwu.catalog.ItemWithdrawn;
import org.zhengwu.catalog.LicenceRules;
import org.zhengwu.catalog.LicenceTypeOptions;
import org.zhengwu.catalog.search.SearchIndex;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;

/**
 * The life of catalogue entries: draft → in review → approved → published → superseded or withdrawn. Editing a
 * published entry starts a new draft version; the published one stays live, unchanged, until its successor is
 * published. Every transition is a conditional update, so a double submission or a race changes nothing twice.
 */
@Service
public class CatalogEditing {

    private static final int MAX_NOTE = 500;

    private final ItemRepository repository;
    private final GuideJson guideJson;
    private final CatalogCodes codes;
    private final Organisations organisations;
    private final SearchIndex searchIndex;
    private final ApplicationEventPublisher events;
    private final AccountabilityLog audit;
    private final Clock clock;
    private final boolean separateReviewer;
    private final CaseHandlingOptions handlingOptions;
    private final LicenceTypeOptions licenceTypes;

    CatalogEditing(
            ItemRepository repository,
            GuideJson guideJson,
            CatalogCodes codes,
            Organisations organisations,
            SearchIndex searchIndex,
            ApplicationEventPublisher events,
            AccountabilityLog audit,
            Clock clock,
            CatalogProperties properties,
            CaseHandlingOptions handlingOptions,
            LicenceTypeOptions licenceTypes) {
        this.repository = repository;
        this.guideJson = guideJson;
        this.codes = codes;
        this.organisations = organisations;
        this.searchIndex = searchIndex;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.separateReviewer = properties.separateReviewer();
        this.handlingOptions = handlingOptions;
        this.licenceTypes = licenceTypes;
    }

    /**
     * Every rule a guide of an entry of {@code type} must satisfy: {@link GuideRules}, and {@link HandlingRules}
     * against the processes and roles deployed now, and each licence type a material names against the types the
     * licence library knows ({@link LicenceRules}). What the editor's pages, the import and each save ask.
     */
    public List<GuideRules.Violation> check(Guide guide, ItemType type) {
        List<GuideRules.Violation> violations = new ArrayList<>(GuideRules.check(guide, type));
        violations.addAll(HandlingRules.check(guide, type, handlingOptions));
        violations.addAll(LicenceRules.check(guide, licenceTypes, violations));
        return violations;
    }

    /**
     * Adds a base-list item. With a main item's base code it becomes that item's next sub-item (子项); without one,
     * the next main item (主项) of its type.
     */
    @Transactional
    public BaseItemRecord createBaseItem(String name, ItemType type, String mainItemBaseCode, String actor) {
        return createBaseItem(name, type, mainItemBaseCode, Set.of(), actor);
    }

    /**
     * Adds a base-list item implemented at {@code levels} (行使层级). Without levels, a sub-item takes its main item's
     * and a main item every level its type allows.
     */
    @Transactional
    public BaseItemRecord createBaseItem(
            String name, ItemType type, String mainItemBaseCode, Set<ExerciseLevel> levels, String actor) {
        repository.lockBaseItemsForAdding();
        List<GuideRules.Violation> violations = new ArrayList<>();
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            violations.add(violation("name", "validation.required"));
        } else if (trimmed.length() > GuideRules.MAX_NAME) {
            violations.add(violation("name", "validation.too-long", GuideRules.MAX_NAME));
        } else if (repository.baseNameTaken(trimmed)) {
            violations.add(violation("name", "catalog.base.name-taken"));
        }
        BaseItemRecord main = null;
        if (mainItemBaseCode != null && !mainItemBaseCode.isBlank()) {
            main = repository.findBaseItem(mainItemBaseCode.strip()).orElse(null);
            if (main == null || codes.subItem(main.baseCode()) != 0) {
                violations.add(violation("mainItem", "catalog.base.not-a-main-item"));
            } else if (main.itemType() != type) {
                violations.add(violation("mainItem", "catalog.base.type-differs"));
            }
        }
        Set<ExerciseLevel> exerciseLevels =
                levels.isEmpty() ? (main == null ? allowedLevels(type) : main.exerciseLevels()) : levels;
        if (exerciseLevels.contains(ExerciseLevel.TIERED)) {
            violations.add(violation("exerciseLevels", "catalog.base.level-not-national"));
        }
        exerciseLevels.forEach(level -> violations.addAll(GuideRules.checkLevel(type, level, "exerciseLevels")));
        if (!violations.isEmpty()) {
            throw new GuideInvalidException(violations.stream().distinct().toList());
        }
        String baseCode = main == null ? nextMainItemCode(type) : nextSubItemCode(main);
        BaseItemRecord item = new BaseItemRecord(baseCode, trimmed, type, exerciseLevels);
        repository.insertBaseItem(item, actor);
        audit.record(AuditEvent.success(actor, "catalog.base-item.create", "catalog-base-item", baseCode)
                .withDetails(trimmed + " " + item.exerciseLevelCodes()));
        return item;
    }

    /**
     * Adds a base-list item with the code it already has elsewhere (an exchange file): not renumbered. The caller has
     * checked the code's layout, its type and its levels; a code or name taken meanwhile is refused here.
     */
    @Transactional
    public void importBaseItem(BaseItemRecord item, String actor) {
        repository.lockBaseItemsForAdding();
        if (repository.findBaseItem(item.baseCode()).isPresent()) {
            throw new GuideInvalidException(List.of(violation("baseCode", "catalog.exchange.base-exists")));
        }
        if (repository.baseNameTaken(item.name())) {
            throw new GuideInvalidException(List.of(violation("name", "catalog.base.name-taken")));
        }
        repository.insertBaseItem(item, actor);
        audit.record(AuditEvent.success(actor, "catalog.base-item.import", "catalog-base-item", item.baseCode())
                .withDetails(item.name() + " " + item.exerciseLevelCodes()));
    }

    /**
     * Adds an entry with its given implementation code and publishes its first version at once: the recorded import
     * path. The version goes through the same states as any other (draft, in review, approved, published), each
     * stamped with the importer, and the accountability log says it was imported; the four-eyes rule of
     * {@link #approve} does not apply, since the file was approved where it was exported.
     *
     * @throws GuideInvalidException as {@link #createEntry}, or when the code is not the one the organisation, its
     *                               level and the base code make
     */
    @Transactional
    public VersionRecord importEntry(
            String implementationCode,
            String baseCode,
            String organisationUscc,
            String name,
            Guide guide,
            String actor) {
        VersionRecord draft = createEntry(baseCode, organisationUscc, name, guide, actor);
        ItemRecord item = repository.findItem(draft.itemId()).orElseThrow();
        if (!item.implementationCode().equals(implementationCode)) {
            throw new GuideInvalidException(List.of(
                    violation("implementationCode", "catalog.exchange.code-inconsistent", item.implementationCode())));
        }
        Instant now = now();
        if (!repository.submit(draft.id(), actor, now)
                || !repository.review(draft.id(), VersionStatus.APPROVED, null, actor, now)) {
            throw new CatalogConflictException("catalog.conflict.not-draft");
        }
        record(actor, "catalog.entry.import", implementationCode, draft.versionNo());
        publish(draft.id(), actor);
        return repository.findVersion(draft.id()).orElseThrow();
    }

    /** Every national level an item of {@code type} may be implemented at: 村（社区）级 only for 公共服务. */
    public static Set<ExerciseLevel> allowedLevels(ItemType type) {
        Set<ExerciseLevel> levels = EnumSet.range(ExerciseLevel.NATIONAL, ExerciseLevel.VILLAGE);
        if (type != ItemType.PUBLIC_SERVICE) {
            levels.remove(ExerciseLevel.VILLAGE);
        }
        return levels;
    }

    private String nextMainItemCode(ItemType type) {
        return codes.baseCode(type, codes.nextMainItem(repository.baseCodesOfType(type)), 0, 0);
    }

    private String nextSubItemCode(BaseItemRecord main) {
        int mainItem = codes.mainItem(main.baseCode());
        int next = repository.baseCodesOfType(main.itemType()).stream()
                        .filter(code -> codes.mainItem(code) == mainItem)
                        .mapToInt(codes::subItem)
                        .max()
                        .orElse(0)
                + 1;
        return codes.baseCode(main.itemType(), mainItem, next, 0);
    }

    /** Creates an entry of {@code baseCode} for an organisation, with its first version as a draft. */
    @Transactional
    public VersionRecord createEntry(String baseCode, String organisationUscc, String name, Guide guide, String actor) {
        // The entry's own fields come first in the form, so their problems come first in the summary.
        List<GuideRules.Violation> violations = new ArrayList<>();
        BaseItemRecord base = null;
        if (baseCode == null || baseCode.isBlank()) {
            violations.add(violation("baseCode", "validation.choose"));
        } else {
            base = repository.findBaseItem(baseCode.strip()).orElse(null);
            if (base == null) {
                violations.add(violation("baseCode", "catalog.entry.unknown-base-item"));
            }
        }
        Organisation organisation = null;
        if (organisationUscc == null || organisationUscc.isBlank()) {
            violations.add(violation("organisationUscc", "validation.choose"));
        } else {
            organisation = organisations.find(organisationUscc).orElse(null);
            if (organisation == null) {
                violations.add(violation("organisationUscc", "catalog.entry.unknown-organisation"));
            }
        }
        boolean named = name != null && !name.isBlank();
        String entryName = named ? name.strip() : (base == null ? "" : base.name());
        if (named || base != null) {
            // Without a name and a base item, the missing base item is the one problem to name.
            checkName(entryName, violations);
        }
        violations.addAll(check(guide, base == null ? ItemType.OTHER : base.itemType()));
        if (base != null && organisation != null) {
            violations.addAll(GuideRules.checkLevel(base.itemType(), organisation.exerciseLevel(), "organisationUscc"));
            if (!base.exerciseLevels().contains(organisation.exerciseLevel())) {
                violations.add(
                        violation("organisationUscc", "catalog.entry.level-not-in-base", base.exerciseLevelCodes()));
            }
        }
        String implementationCode = null;
        if (base != null && organisation != null) {
            implementationCode =
                    codes.implementationCode(organisation.uscc(), organisation.exerciseLevel(), base.baseCode());
            if (repository.implementationCodeTaken(implementationCode)) {
                violations.add(violation("organisationUscc", "catalog.entry.exists", implementationCode));
            }
        }
        if (!violations.isEmpty()) {
            throw new GuideInvalidException(violations);
        }
        long itemId;
        try {
            itemId = repository.insertItem(
                    implementationCode,
                    base.baseCode(),
                    organisation.uscc(),
                    organisation.exerciseLevel(),
                    organisation.divisionCode(),
                    actor);
        } catch (DuplicateKeyException e) {
            // Created by someone else since the check above.
            throw new GuideInvalidException(
                    List.of(violation("organisationUscc", "catalog.entry.exists", implementationCode)));
        }
        long versionId = repository.insertVersion(
                itemId, 1, VersionStatus.DRAFT, entryName, guideJson.write(guide), null, actor, now());
        record(actor, "catalog.entry.create", implementationCode, 1);
        return repository.findVersion(versionId).orElseThrow();
    }

    /** Replaces a draft's name and guide, whatever was saved meanwhile. */
    @Transactional
    public VersionRecord editDraft(long versionId, String name, Guide guide, String changeNote, String actor) {
        return editDraft(versionId, null, name, guide, changeNote, actor);
    }

    /**
     * Replaces a draft's name and guide if it is still as it was at {@code revision} (see
     * {@link VersionRecord#revision()}; null for any): an editor never silently overwrites what a colleague saved
     * since they opened the form.
     *
     * @throws CatalogConflictException {@code catalog.conflict.changed-meanwhile} (with the time of the other change)
     *                                  or {@code catalog.conflict.not-draft}
     */
    @Transactional
    public VersionRecord editDraft(
            long versionId, String revision, String name, Guide guide, String changeNote, String actor) {
        List<GuideRules.Violation> violations = check(guide, typeOfVersion(versionId));
        String trimmed = name == null ? "" : name.strip();
        checkName(trimmed, violations);
        if (changeNote != null && changeNote.strip().length() > MAX_NOTE) {
            violations.add(violation("changeNote", "validation.too-long", MAX_NOTE));
        }
        if (!violations.isEmpty()) {
            throw new GuideInvalidException(violations);
        }
        if (!repository.updateDraft(
                versionId,
                VersionRecord.parseRevision(revision),
                trimmed,
                guideJson.write(guide),
                blankToNull(changeNote),
                now())) {
            VersionRecord current = repository.findVersion(versionId).orElse(null);
            if (current != null && current.status() == VersionStatus.DRAFT) {
                throw new CatalogConflictException("catalog.conflict.changed-meanwhile", current.updatedAt());
            }
            throw new CatalogConflictException("catalog.conflict.not-draft");
        }
        VersionRecord edited = repository.findVersion(versionId).orElseThrow();
        record(actor, "catalog.version.edit", edited);
        return edited;
    }

    /** Starts a new draft from the entry's latest version, unless one is already being worked on. */
    @Transactional
    public VersionRecord startNewVersion(long itemId, String actor) {
        if (repository.workingVersion(itemId).isPresent()) {
            throw new CatalogConflictException("catalog.conflict.working-version-exists");
        }
        VersionRecord latest = repository.versionsOf(itemId).stream()
                .findFirst()
                .orElseThrow(() -> new CatalogConflictException("catalog.conflict.no-version"));
        long id;
        try {
            id = repository.insertVersion(
                    itemId,
                    repository.nextVersionNo(itemId),
                    VersionStatus.DRAFT,
                    latest.name(),
                    guideJson.write(latest.guide()),
                    null,
                    actor,
                    now());
        } catch (DuplicateKeyException e) {
            // Someone else started one since the check above.
            throw new CatalogConflictException("catalog.conflict.working-version-exists");
        }
        VersionRecord draft = repository.findVersion(id).orElseThrow();
        record(actor, "catalog.version.start", draft);
        return draft;
    }

    /**
     * Deletes a draft. An entry whose only version was that draft was never submitted anywhere: it goes too, so that
     * no entry is left without versions and the organisation can create it again.
     */
    @Transactional
    public void discardDraft(long versionId, String actor) {
        VersionRecord draft = repository
                .findVersion(versionId)
                .orElseThrow(() -> new CatalogConflictException("catalog.conflict.not-draft"));
        String implementationCode =
                repository.findItem(draft.itemId()).orElseThrow().implementationCode();
        if (!repository.deleteDraft(versionId)) {
            throw new CatalogConflictException("catalog.conflict.not-draft");
        }
        repository.deleteItemWithoutVersions(draft.itemId());
        record(actor, "catalog.version.discard", implementationCode, draft.versionNo());
    }

    @Transactional
    public void submit(long versionId, String actor) {
        VersionRecord version = repository
                .findVersion(versionId)
                .orElseThrow(() -> new CatalogConflictException("catalog.conflict.not-draft"));
        List<GuideRules.Violation> violations = check(version.guide(), typeOfItem(version.itemId()));
        if (!violations.isEmpty()) {
            throw new GuideInvalidException(violations);
        }
        if (!repository.submit(versionId, actor, now())) {
            throw new CatalogConflictException("catalog.conflict.not-draft");
        }
        record(actor, "catalog.version.submit", version);
    }

    /** Whether {@code actor} may approve {@code version}: anyone may, unless reviewers must be separate from authors. */
    public boolean mayApprove(VersionRecord version, String actor) {
        return !separateReviewer || !(actor.equals(version.createdBy()) || actor.equals(version.submittedBy()));
    }

    /**
     * Approves a version in review. With {@code zhengwu.catalog.separate-reviewer} (on in production) the approver
     * must be someone other than the version's author and its submitter: four eyes on what the public will read.
     */
    @Transactional
    public void approve(long versionId, String actor) {
        if (separateReviewer
                && repository
                        .findVersion(versionId)
                        .filter(v -> !mayApprove(v, actor))
                        .isPresent()) {
            throw new CatalogConflictException("catalog.conflict.own-version");
        }
        if (!repository.review(versionId, VersionStatus.APPROVED, null, actor, now())) {
            throw new CatalogConflictException("catalog.conflict.not-in-review");
        }
        record(
                actor,
                "catalog.version.approve",
                repository.findVersion(versionId).orElseThrow());
    }

    /** Sends a version back to its editors with the reviewer's reason. */
    @Transactional
    public void reject(long versionId, String reason, String actor) {
        requireReason(reason);
        if (!repository.review(versionId, VersionStatus.DRAFT, reason.strip(), actor, now())) {
            throw new CatalogConflictException("catalog.conflict.not-in-review");
        }
        record(
                actor,
                "catalog.version.reject",
                repository.findVersion(versionId).orElseThrow());
    }

    /** Publishes an approved version: it replaces the live one everywhere, in this same transaction. */
    @Transactional
    public void publish(long versionId, String actor) {
        VersionRecord version = repository
                .findVersion(versionId)
                .orElseThrow(() -> new CatalogConflictException("catalog.conflict.not-approved"));
        ItemRecord item = repository.findItem(version.itemId()).orElseThrow();
        Organisation organisation = organisations
                .find(item.organisationUscc())
                .orElseThrow(() -> new CatalogConflictException("catalog.entry.unknown-organisation"));
        Instant now = now();
        if (version.status() != VersionStatus.APPROVED) {
            throw new CatalogConflictException("catalog.conflict.not-approved");
        }
        repository.endPublished(item.id(), VersionStatus.SUPERSEDED, null, actor, now);
        if (!repository.markPublished(versionId, actor, now)) {
            throw new CatalogConflictException("catalog.conflict.not-approved");
        }
        searchIndex.index(item, repository.findVersion(versionId).orElseThrow(), organisation);
        events.publishEvent(new ItemPublished(item.implementationCode(), version.versionNo(), now));
        record(actor, "catalog.version.publish", item.implementationCode(), version.versionNo());
    }

    /** Takes an entry off the portal and the API; its page then says it is no longer offered. */
    @Transactional
    public void withdraw(long itemId, String reason, String actor) {
        requireReason(reason);
        ItemRecord item = repository
                .findItem(itemId)
                .orElseThrow(() -> new CatalogConflictException("catalog.conflict.not-published"));
        Instant now = now();
        if (!repository.endPublished(itemId, VersionStatus.WITHDRAWN, reason.strip(), actor, now)) {
            throw new CatalogConflictException("catalog.conflict.not-published");
        }
        searchIndex.remove(itemId);
        events.publishEvent(new ItemWithdrawn(item.implementationCode(), now));
        audit.record(AuditEvent.success(actor, "catalog.entry.withdraw", "catalog-entry", item.implementationCode())
                .withDetails(reason.strip()));
    }

    private void record(String actor, String action, VersionRecord version) {
        record(
                actor,
                action,
                repository.findItem(version.itemId()).orElseThrow().implementationCode(),
                version.versionNo());
    }

    /** Writes the accountability entry of a change, last in its transaction. */
    private void record(String actor, String action, String implementationCode, int versionNo) {
        audit.record(AuditEvent.success(actor, action, "catalog-entry", implementationCode)
                .withDetails("v" + versionNo));
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new GuideInvalidException(List.of(violation("reason", "validation.required")));
        }
        if (reason.strip().length() > MAX_NOTE) {
            throw new GuideInvalidException(List.of(violation("reason", "validation.too-long", MAX_NOTE)));
        }
    }

    /** The 事项类型 of the entry a version belongs to, which decides the rules its guide follows. */
    public ItemType typeOfVersion(long versionId) {
        return repository
                .findVersion(versionId)
                .map(version -> typeOfItem(version.itemId()))
                .orElseThrow(() -> new CatalogConflictException("catalog.conflict.not-draft"));
    }

    /** The 事项类型 of a base item, or 其他行政权力 (the rules of any applied-for item) when there is no such item. */
    public ItemType typeOfBase(String baseCode) {
        if (baseCode == null || baseCode.isBlank()) {
            return ItemType.OTHER;
        }
        return repository
                .findBaseItem(baseCode.strip())
                .map(BaseItemRecord::itemType)
                .orElse(ItemType.OTHER);
    }

    private ItemType typeOfItem(long itemId) {
        String baseCode = repository.findItem(itemId).orElseThrow().baseCode();
        return repository.findBaseItem(baseCode).orElseThrow().itemType();
    }

    private static void checkName(String name, List<GuideRules.Violation> violations) {
        if (name.isEmpty()) {
            violations.add(violation("name", "validation.required"));
        } else if (name.length() > GuideRules.MAX_NAME) {
            violations.add(violation("name", "validation.too-long", GuideRules.MAX_NAME));
        }
    }

    private static GuideRules.Violation violation(String field, String key, Object... arguments) {
        return new GuideRules.Violation(field, key, List.of(arguments));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Instant now() {
        return clock.instant();
    }
}
