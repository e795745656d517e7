package org.zhengwu.catalog;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.zhengwu.catalog.entry.CatalogEditing;
import org.zhengwu.catalog.entry.ItemRepository;
import org.zhengwu.catalog.entry.VersionRecord;

/**
 * Publishes the entries the guide-page tests open: a 行政许可 with the new elements, a 行政处罚 and a 公共服务, each
 * under a fresh base item, through the editing service (until the demo catalogue has enforcement entries).
 */
@Component
public class GuidePageFixtures {

    static final String HEFEI_MARKET = "11340100662167280R";

    private final CatalogEditing editing;
    private final ItemRepository repository;

    GuidePageFixtures(CatalogEditing editing, ItemRepository repository) {
        this.editing = editing;
        this.repository = repository;
    }

    /** A 行政许可 applied for fully online (Ⅳ级) with an online address, a result type and an intermediary. */
    public static Guide licensing() {
        return GuideRulesTests.valid().toBuilder()
                .intermediaries(List.of(new Guide.Intermediary("测绘报告", "《测绘法》第二十条", true)))
                .jointOrganisations(List.of("合肥市公安局"))
                .quantityLimit("每年限 100 个")
                .convenience(new Guide.Convenience(
                        true, false, true, true, false, "https://zwfw.example.gov.cn/apply", true, true))
                .plannedEffectiveDate(LocalDate.of(2025, 1, 1))
                .build();
    }

    /** A 行政处罚: its own elements, no materials, no fee, no application. */
    public static Guide penalty() {
        return GuideRulesTests.valid().toBuilder()
                .materials(List.of())
                .conditions(null)
                .caseKind(null)
                .scope(null)
                .resultType(null)
                .channels(EnumSet.of(HandlingChannel.WINDOW))
                .onlineDepths(EnumSet.of(OnlineDepth.CONSULTATION))
                .resultName("行政处罚决定书")
                .penalty(new Guide.Penalty(
                        "未取得食品经营许可从事食品经营活动",
                        EnumSet.of(PenaltyKind.WARNING_OR_CRITICISM, PenaltyKind.FINE_OR_CONFISCATION),
                        List.of(
                                new Guide.Discretion("货值金额不足一万元", "并处五万元以上十万元以下罚款"),
                                new Guide.Discretion("货值金额一万元以上", "并处货值金额十倍以上二十倍以下罚款")),
                        List.of(new Guide.Article("《中华人民共和国食品安全法》", "第一百二十二条", "违反本法规定，未取得食品生产经营许可……"))))
                .build();
    }

    /** A 公共服务: applied for, with no power source. */
    public static Guide publicService() {
        return GuideRulesTests.valid().toBuilder().powerSource(null).build();
    }

    /** Publishes {@code guide} as a new entry of a new base item of {@code type}; returns its 实施编码. */
    public String publish(ItemType type, String name, Guide guide) {
        String unique = name + UUID.randomUUID().toString().substring(0, 6);
        var base = editing.createBaseItem(unique, type, null, "editor-fixture");
        VersionRecord draft = editing.createEntry(base.baseCode(), HEFEI_MARKET, unique, guide, "editor-fixture");
        editing.submit(draft.id(), "editor-fixture");
        editing.approve(draft.id(), "reviewer-fixture");
        editing.publish(draft.id(), "reviewer-fixture");
        return repository.findItem(draft.itemId()).orElseThrow().implementationCode();
    }
}
