package org.zhengwu.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.zhengwu.basedata.ExerciseLevel;
import org.zhengwu.catalog.entry.BaseItemRecord;
import org.zhengwu.catalog.entry.CatalogConflictException;
import org.zhengwu.catalog.entry.CatalogEditing;
import org.zhengwu.catalog.entry.GuideInvalidException;
import org.zhengwu.catalog.entry.ItemRepository;
import org.zhengwu.catalog.entry.VersionRecord;
import org.zhengwu.catalog.entry.VersionStatus;
import org.zhengwu.support.ZhengwuTest;

/** 同源发布: one published version, immutable, read by everything; edits become new versions. */
@ZhengwuTest
@RecordApplicationEvents
class CatalogLifecycleTests {

    static final String HEFEI_MARKET = "11340100662167280R";
    static final String EDITOR = "editor-a";
    static final String REVIEWER = "reviewer-b";

    @Autowired
    CatalogEditing editing;

    @Autowired
    PublishedCatalog catalog;

    @Autowired
    ItemSearch search;

    @Autowired
    ItemRepository repository;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    String name;
    BaseItemRecord base;

    @BeforeEach
    void baseItem() {
        name = "测试许可" + UUID.randomUUID().toString().substring(0, 8);
        base = editing.createBaseItem(name, ItemType.LICENSING, null, EDITOR);
    }

    private VersionRecord publishedEntry() {
        VersionRecord draft = editing.createEntry(base.baseCode(), HEFEI_MARKET, null, GuideRulesTests.valid(), EDITOR);
        editing.submit(draft.id(), EDITOR);
        editing.approve(draft.id(), REVIEWER);
        editing.publish(draft.id(), REVIEWER);
        return repository.findVersion(draft.id()).orElseThrow();
    }

    private String codeOf(VersionRecord version) {
        return repository.findItem(version.itemId()).orElseThrow().implementationCode();
    }

    @Test
    void aDraftIsInvisibleUntilPublished() {
        VersionRecord draft = editing.createEntry(base.baseCode(), HEFEI_MARKET, null, GuideRulesTests.valid(), EDITOR);
        String code = codeOf(draft);
        assertThat(code).isEqualTo(HEFEI_MARKET + "3" + base.baseCode());
        assertThat(catalog.find(code)).isInstanceOf(PublishedCatalog.Lookup.Unknown.class);
        assertThat(search.search(SearchQuery.text(name)).total()).isZero();
        editing.submit(draft.id(), EDITOR);
        editing.approve(draft.id(), REVIEWER);
        assertThat(catalog.find(code)).isInstanceOf(PublishedCatalog.Lookup.Unknown.class);
        editing.publish(draft.id(), REVIEWER);
        PublishedCatalog.Lookup live = catalog.find(code);
        assertThat(live).isInstanceOf(PublishedCatalog.Lookup.Live.class);
        assertThat(((PublishedCatalog.Lookup.Live) live).item().name()).isEqualTo(name);
        assertThat(search.search(SearchQuery.text(name)).items())
                .extracting(ItemSummary::implementationCode)
                .containsExactly(code);
        assertThat(events.stream(ItemPublished.class))
                .anyMatch(e -> e.implementationCode().equals(code) && e.versionNo() == 1);
    }

    @Test
    void editingAPublishedEntryMakesANewVersionAndTheOldOneStaysLiveUntilItsSuccessorIsPublished() {
        VersionRecord first = publishedEntry();
        String code = codeOf(first);
        VersionRecord second = editing.startNewVersion(first.itemId(), EDITOR);
        assertThat(second.versionNo()).isEqualTo(2);
        assertThat(second.status()).isEqualTo(VersionStatus.DRAFT);
        Guide changed = GuideRulesTests.valid();
        changed = changed.toBuilder()
                .promisedLimit(new Guide.TimeLimit(2, LimitUnit.WORKING_DAYS, "提速"))
                .visits(0)
                .visitsReason(null)
                .specialProcedure(null)
                .build();
        editing.editDraft(second.id(), name + "（新版）", changed, "承诺时限缩短为 2 个工作日", EDITOR);
        PublishedItem stillFirst = ((PublishedCatalog.Lookup.Live) catalog.find(code)).item();
        assertThat(stillFirst.versionNo()).isEqualTo(1);
        assertThat(stillFirst.guide().promisedLimit().value()).isEqualTo(5);
        // Read (and kept) as the current version, so that the publish below must end what was kept.
        assertThat(catalog.version(code, 1).orElseThrow().current()).isTrue();

        editing.submit(second.id(), EDITOR);
        editing.approve(second.id(), REVIEWER);
        editing.publish(second.id(), REVIEWER);

        PublishedItem now = ((PublishedCatalog.Lookup.Live) catalog.find(code)).item();
        assertThat(now.versionNo()).isEqualTo(2);
        assertThat(now.name()).isEqualTo(name + "（新版）");
        assertThat(now.guide().promisedLimit().value()).isEqualTo(2);
        assertThat(repository.findVersion(first.id()).orElseThrow().status()).isEqualTo(VersionStatus.SUPERSEDED);
        assertThat(catalog.history(code))
                .extracting(PublishedCatalog.HistoryEntry::versionNo)
                .containsExactly(2, 1);
        PublishedItem old = catalog.version(code, 1).orElseThrow();
        assertThat(old.current()).isFalse();
        assertThat(old.guide().promisedLimit().value()).isEqualTo(5);
        assertThat(search.search(SearchQuery.text(name + "（新版）"))
                        .items()
                        .get(0)
                        .promisedLimit()
                        .value())
                .isEqualTo(2);
    }

    @Test
    void publishedVersionsCannotBeChangedEvenDirectlyInTheDatabase() {
        VersionRecord published = publishedEntry();
        assertThatThrownBy(() -> jdbc.sql("UPDATE catalog_item_version SET name = 'tampered' WHERE id = :id")
                        .param("id", published.id())
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("cannot be changed");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM catalog_item_version WHERE id = :id")
                        .param("id", published.id())
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("cannot be deleted");
        assertThatExceptionOfType(CatalogConflictException.class)
                .isThrownBy(() -> editing.editDraft(published.id(), "x", GuideRulesTests.valid(), null, EDITOR));
    }

    @Test
    void eachTransitionHappensOnceEvenWhenRequestedTwice() {
        VersionRecord draft = editing.createEntry(base.baseCode(), HEFEI_MARKET, null, GuideRulesTests.valid(), EDITOR);
        assertThatExceptionOfType(CatalogConflictException.class)
                .isThrownBy(() -> editing.approve(draft.id(), REVIEWER));
        editing.submit(draft.id(), EDITOR);
        assertThatExceptionOfType(CatalogConflictException.class).isThrownBy(() -> editing.submit(draft.id(), EDITOR));
        assertThatExceptionOfType(CatalogConflictException.class)
                .isThrownBy(() -> editing.publish(draft.id(), REVIEWER));
        editing.approve(draft.id(), REVIEWER);
        assertThatExceptionOfType(CatalogConflictException.class)
                .isThrownBy(() -> editing.approve(draft.id(), REVIEWER));
        editing.publish(draft.id(), REVIEWER);
        assertThatExceptionOfType(CatalogConflictException.class)
                .isThrownBy(() -> editing.publish(draft.id(), REVIEWER));
        assertThat(repository.versionsOf(draft.itemId())).hasSize(1);
        editing.startNewVersion(draft.itemId(), EDITOR);
        assertThatExceptionOfType(CatalogConflictException.class)
                .isThrownBy(() -> editing.startNewVersion(draft.itemId(), EDITOR));
    }

    @Test
    void aReviewerCanSendAVersionBackWithAReason() {
        VersionRecord draft = editing.createEntry(base.baseCode(), HEFEI_MARKET, null, GuideRulesTests.valid(), EDITOR);
        editing.submit(draft.id(), EDITOR);
        assertThatExceptionOfType(GuideInvalidException.class)
                .isThrownBy(() -> editing.reject(draft.id(), " ", REVIEWER));
        editing.reject(draft.id(), "设定依据缺少条款号", REVIEWER);
        VersionRecord back = repository.findVersion(draft.id()).orElseThrow();
        assertThat(back.status()).isEqualTo(VersionStatus.DRAFT);
        assertThat(back.reviewNote()).isEqualTo("设定依据缺少条款号");
        assertThat(back.reviewedBy()).isEqualTo(REVIEWER);
    }

    @Test
    void withdrawingTakesAnEntryOffEverywhere() {
        VersionRecord published = publishedEntry();
        String code = codeOf(published);
        // A second page shares the first's counts, kept until something is published or withdrawn.
        SearchQuery secondPage = new SearchQuery(name, null, null, null, null, null, null, 2, 10);
        assertThat(search.search(secondPage).total()).isOne();
        editing.withdraw(published.itemId(), "职能调整，事项取消", REVIEWER);
        PublishedCatalog.Lookup lookup = catalog.find(code);
        assertThat(lookup).isInstanceOf(PublishedCatalog.Lookup.Withdrawn.class);
        assertThat(((PublishedCatalog.Lookup.Withdrawn) lookup).reason()).isEqualTo("职能调整，事项取消");
        assertThat(search.search(SearchQuery.text(name)).total()).isZero();
        assertThat(events.stream(ItemWithdrawn.class))
                .anyMatch(e -> e.implementationCode().equals(code));
        assertThatExceptionOfType(CatalogConflictException.class)
                .isThrownBy(() -> editing.withdraw(published.itemId(), "again", REVIEWER));
    }

    @Test
    void invalidEntriesAreRefusedWithTheFieldsNamed() {
        Guide broken = Guide.builder().build();
        assertThatExceptionOfType(GuideInvalidException.class)
                .isThrownBy(() -> editing.createEntry("019999900000", "91350100M000100Y43", null, broken, EDITOR))
                .satisfies(e -> assertThat(e.violations())
                        .extracting(GuideRules.Violation::field)
                        .contains("baseCode", "organisationUscc", "legalBasis", "steps", "channels", "serviceObjects"));
        publishedEntry();
        assertThatExceptionOfType(GuideInvalidException.class)
                .isThrownBy(
                        () -> editing.createEntry(base.baseCode(), HEFEI_MARKET, null, GuideRulesTests.valid(), EDITOR))
                .satisfies(e -> assertThat(e.violations())
                        .extracting(GuideRules.Violation::messageKey)
                        .containsExactly("catalog.entry.exists"));
    }

    @Test
    void subItemsShareTheirMainItemsSerial() {
        BaseItemRecord sub = editing.createBaseItem(name + "（变更）", ItemType.LICENSING, base.baseCode(), EDITOR);
        BaseItemRecord sub2 = editing.createBaseItem(name + "（注销）", ItemType.LICENSING, base.baseCode(), EDITOR);
        assertThat(sub.baseCode().substring(0, 7)).isEqualTo(base.baseCode().substring(0, 7));
        assertThat(sub.baseCode().substring(7, 10)).isEqualTo("001");
        assertThat(sub2.baseCode().substring(7, 10)).isEqualTo("002");
        assertThatExceptionOfType(GuideInvalidException.class)
                .isThrownBy(() -> editing.createBaseItem(name + "（错误）", ItemType.PENALTY, base.baseCode(), EDITOR));
        assertThatExceptionOfType(GuideInvalidException.class)
                .isThrownBy(() -> editing.createBaseItem(name, ItemType.LICENSING, null, EDITOR));
    }

    @Test
    void aBaseItemHasSeveralLevelsAndAnEntryOnlyOneOfThem() {
        String levelsName = "层级" + UUID.randomUUID().toString().substring(0, 8);
        BaseItemRecord provincial = editing.createBaseItem(
                levelsName, ItemType.LICENSING, null, java.util.EnumSet.of(ExerciseLevel.PROVINCIAL), EDITOR);
        assertThat(provincial.exerciseLevelCodes()).isEqualTo("2");
        assertThat(repository.findBaseItem(provincial.baseCode()).orElseThrow().exerciseLevels())
                .containsExactly(ExerciseLevel.PROVINCIAL);
        // 合肥市市场监督管理局 is a municipal department: it cannot implement an item exercised only by the province.
        assertThatExceptionOfType(GuideInvalidException.class)
                .isThrownBy(() ->
                        editing.createEntry(provincial.baseCode(), HEFEI_MARKET, null, GuideRulesTests.valid(), EDITOR))
                .satisfies(e -> assertThat(e.violations())
                        .extracting(GuideRules.Violation::field, GuideRules.Violation::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(
                                "organisationUscc", "catalog.entry.level-not-in-base")));
        // 村（社区）级 only for 公共服务; 分级管理 is no national level.
        assertThatExceptionOfType(GuideInvalidException.class)
                .isThrownBy(() -> editing.createBaseItem(
                        levelsName + "村",
                        ItemType.LICENSING,
                        null,
                        java.util.EnumSet.of(ExerciseLevel.COUNTY, ExerciseLevel.VILLAGE),
                        EDITOR))
                .satisfies(e -> assertThat(e.violations())
                        .extracting(GuideRules.Violation::messageKey)
                        .containsExactly("guide.rule.village-public-service-only"));
        assertThatExceptionOfType(GuideInvalidException.class)
                .isThrownBy(() -> editing.createBaseItem(
                        levelsName + "分级",
                        ItemType.LICENSING,
                        null,
                        java.util.EnumSet.of(ExerciseLevel.TIERED),
                        EDITOR))
                .satisfies(e -> assertThat(e.violations())
                        .extracting(GuideRules.Violation::messageKey)
                        .containsExactly("catalog.base.level-not-national"));
        BaseItemRecord village = editing.createBaseItem(
                levelsName + "社区",
                ItemType.PUBLIC_SERVICE,
                null,
                java.util.EnumSet.of(ExerciseLevel.TOWNSHIP, ExerciseLevel.VILLAGE),
                EDITOR);
        assertThat(village.exerciseLevelCodes()).isEqualTo("5^6");
        // A sub-item takes its main item's levels; a main item without levels every level its type allows.
        BaseItemRecord sub =
                editing.createBaseItem(levelsName + "（变更）", ItemType.LICENSING, provincial.baseCode(), EDITOR);
        assertThat(sub.exerciseLevels()).containsExactly(ExerciseLevel.PROVINCIAL);
        assertThat(base.exerciseLevelCodes()).isEqualTo("1^2^3^4^5");
    }
}
