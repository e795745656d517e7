package org.zhengwu.catalog.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zhengwu.catalog.CompulsionKind;
import org.zhengwu.catalog.Guide;
import org.zhengwu.catalog.GuideRulesTests;
import org.zhengwu.catalog.MaterialForm;
import org.zhengwu.catalog.MaterialSource;
import org.zhengwu.catalog.PenaltyKind;
import org.zhengwu.catalog.PowerSource;
import org.zhengwu.catalog.ResultType;
import org.zhengwu.catalog.SpecialProcedureKind;

/** The editor loses nothing: a guide put into the form and read back out is the same guide. */
class GuideFormTests {

    /** A guide with every element set, the enforcement sections included (no rule is checked here). */
    static Guide everyElement() {
        Guide.Article article = new Guide.Article("《中华人民共和国行政处罚法》", "第九条", "行政处罚的种类");
        return GuideRulesTests.valid().toBuilder()
                .materials(List.of(
                        new Guide.Material(
                                "申请表",
                                "申请人自备，窗口领取",
                                1,
                                2,
                                false,
                                "委托办理时",
                                true,
                                "a".repeat(64),
                                "b".repeat(64),
                                MaterialForm.PAPER_AND_ELECTRONIC,
                                MaterialSource.APPLICANT,
                                "A4",
                                "用黑色签字笔填写",
                                "签名齐全",
                                "《条例》第五条",
                                "可现场填写",
                                List.of("11100000000013338W001", "11100000000013338W002")),
                        GuideRulesTests.material("身份证", "公安机关", 1, 0, true, null, false)))
                .fee(new Guide.Fee(true, "《收费标准》", List.of(new Guide.FeeItem("工本费", "10 元", "低保户免收"))))
                .specialProcedure(new Guide.SpecialProcedure(SpecialProcedureKind.values()[0], "现场核查"))
                .faqs(List.of(new Guide.Faq("要多久？", "五个工作日。")))
                .visits(1)
                .visitsReason("现场核验原件")
                .powerSource(PowerSource.ENTRUSTED_FROM_ABOVE)
                .delegation(new Guide.Delegation("安徽省市场监督管理局", "11340000003095213A"))
                .jointOrganisations(List.of("合肥市公安局", "合肥市税务局"))
                .resultType(ResultType.DOCUMENT)
                .resultSampleId("c".repeat(64))
                .intermediaries(List.of(
                        new Guide.Intermediary("安全评价", "《安全生产法》第三十二条", true),
                        new Guide.Intermediary("代理记账", "自愿", false)))
                .quantityLimit("每年限 100 个")
                .convenience(
                        new Guide.Convenience(true, true, true, false, true, "https://example.gov.cn/", true, false))
                .plannedEffectiveDate(LocalDate.of(2025, 1, 1))
                .plannedCancellationDate(LocalDate.of(2030, 12, 31))
                .penalty(new Guide.Penalty(
                        "未取得许可从事经营",
                        EnumSet.of(PenaltyKind.WARNING_OR_CRITICISM, PenaltyKind.FINE_OR_CONFISCATION),
                        List.of(new Guide.Discretion("初次违法", "警告"), new Guide.Discretion("再次违法", "罚款 1 万元以下")),
                        List.of(article, new Guide.Article("《条例》", "第三十条", null))))
                .compulsion(new Guide.Compulsion(
                        EnumSet.of(CompulsionKind.SEAL_UP, CompulsionKind.AUCTION), "有证据证明违法", List.of(article)))
                .inspection(new Guide.Inspection("食品经营者", "许可条件", "现场检查", "每年一次", List.of(article)))
                .build();
    }

    @Test
    void aGuideWithEveryElementComesBackUnchanged() {
        Guide guide = everyElement();
        assertThat(GuideForm.of("名称", guide).toGuide()).isEqualTo(guide);
    }

    @Test
    void spareRowsLeftBlankAreDroppedAndTheGuideIsUnchanged() {
        Guide guide = everyElement();
        GuideForm form = GuideForm.of("名称", guide);
        form.addSpareRows(2);
        form.compact();
        assertThat(form.toGuide()).isEqualTo(guide);
    }

    @Test
    void rowsTickedForRemovalAreDropped() {
        GuideForm form = GuideForm.of("名称", everyElement());
        form.getIntermediaries().get(0).setRemove(true);
        form.getPenalty().getDiscretion().get(1).setRemove(true);
        form.getPenalty().getBasis().get(0).setRemove(true);
        form.getJointOrganisations().set(0, null);
        form.compact();
        Guide edited = form.toGuide();
        assertThat(edited.intermediaries()).extracting(Guide.Intermediary::name).containsExactly("代理记账");
        assertThat(edited.penalty().discretion())
                .extracting(Guide.Discretion::circumstance)
                .containsExactly("初次违法");
        assertThat(edited.penalty().basis()).extracting(Guide.Article::document).containsExactly("《条例》");
        assertThat(edited.jointOrganisations()).containsExactly("合肥市税务局");
    }

    @Test
    void emptySectionsAreNoSectionsAndLicenceTypesAreSplitOnAnySeparator() {
        GuideForm form = GuideForm.of("名称", GuideRulesTests.valid());
        form.addSpareRows(1);
        form.getMaterials().get(0).setReplacingLicenceTypes("11100000000013338W001，11100000000013338W002、 X");
        form.compact();
        Guide guide = form.toGuide();
        assertThat(guide.penalty()).isNull();
        assertThat(guide.compulsion()).isNull();
        assertThat(guide.inspection()).isNull();
        assertThat(guide.delegation()).isNull();
        assertThat(guide.materials().get(0).replacingLicenceTypes())
                .containsExactly("11100000000013338W001", "11100000000013338W002", "X");
    }
}
