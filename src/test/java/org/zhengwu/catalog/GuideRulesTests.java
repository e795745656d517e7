package org.zhengwu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

public class GuideRulesTests {

    /** A guide that satisfies every rule; each test breaks one. */
    public static Guide valid() {
        return Guide.builder()
                .legalBasis("《中华人民共和国行政许可法》")
                .conditions("年满十八周岁")
                .steps(List.of(new Guide.Step("申请", "网上提交")))
                .statutoryLimit(new Guide.TimeLimit(20, LimitUnit.WORKING_DAYS, null))
                .promisedLimit(new Guide.TimeLimit(5, LimitUnit.WORKING_DAYS, null))
                .location("合肥市政务服务中心")
                .officeHours("工作日")
                .consultPhone("0551-63538000")
                .complaintPhone("12345")
                .materials(List.of(new Guide.Material("身份证", "公安机关", 1, 0, true, null, true, null, null)))
                .fee(Guide.Fee.free())
                .onlineDepth(OnlineDepth.FULLY_ONLINE)
                .visits(0)
                .channels(EnumSet.of(HandlingChannel.PC, HandlingChannel.WINDOW))
                .caseKind(CaseKind.PROMISED)
                .scope(GeneralScope.PROVINCE)
                .serviceObjects(EnumSet.of(ServiceObject.NATURAL_PERSON))
                .themes(EnumSet.of(ServiceTheme.EMPLOYMENT))
                .resultName("许可证")
                .realNameLevel(org.zhengwu.identity.RealNameLevel.ID_MATCHED)
                .build();
    }

    private static List<String> fields(Guide guide) {
        return GuideRules.check(guide).stream().map(GuideRules.Violation::field).toList();
    }

    private static List<String> keys(Guide guide) {
        return GuideRules.check(guide).stream()
                .map(GuideRules.Violation::messageKey)
                .toList();
    }

    private static Guide with(Guide g, OnlineDepth depth, int visits, String reason, Set<HandlingChannel> channels) {
        return g.toBuilder()
                .onlineDepth(depth)
                .visits(visits)
                .visitsReason(reason)
                .channels(channels)
                .build();
    }

    @Test
    void theBuilderCarriesEveryElementAndStartsFromAnEmptyFreeGuide() {
        Guide valid = valid();
        assertThat(valid.toBuilder().build()).isEqualTo(valid);
        Guide empty = Guide.builder().build();
        assertThat(empty.steps()).isEmpty();
        assertThat(empty.channels()).isEmpty();
        assertThat(empty.fee()).isEqualTo(Guide.Fee.free());
        assertThat(empty.realNameLevel()).isEqualTo(org.zhengwu.identity.RealNameLevel.ID_MATCHED);
        assertThat(valid.toBuilder().visits(3).build())
                .isNotEqualTo(valid)
                .satisfies(g -> assertThat(g.visits()).isEqualTo(3));
    }

    @Test
    void aCompleteGuideIsValid() {
        assertThat(GuideRules.check(valid())).isEmpty();
    }

    @Test
    void fullyOnlineMeansNoVisit() {
        Guide guide = with(valid(), OnlineDepth.FULLY_ONLINE, 1, "核验原件", EnumSet.of(HandlingChannel.PC));
        assertThat(keys(guide)).containsExactly("guide.rule.fully-online-visits");
        assertThat(fields(guide)).containsExactly("visits");
    }

    @Test
    void aVisitNeedsAReason() {
        Guide guide = with(valid(), OnlineDepth.ONLINE_PRE_EXAMINATION, 1, " ", EnumSet.of(HandlingChannel.WINDOW));
        assertThat(keys(guide)).containsExactly("guide.rule.visits-reason");
        assertThat(GuideRules.check(with(
                        valid(), OnlineDepth.ONLINE_PRE_EXAMINATION, 1, "现场采集指纹", EnumSet.of(HandlingChannel.WINDOW))))
                .isEmpty();
    }

    @Test
    void noVisitAndNoOnlineChannelMeansExpressDelivery() {
        Guide byPost = with(valid(), OnlineDepth.CONSULTATION, 0, null, EnumSet.of(HandlingChannel.WINDOW));
        assertThat(keys(byPost)).containsExactly("guide.rule.no-visit-needs-express");
        assertThat(GuideRules.check(with(
                        valid(),
                        OnlineDepth.CONSULTATION,
                        0,
                        null,
                        EnumSet.of(HandlingChannel.WINDOW, HandlingChannel.EXPRESS))))
                .isEmpty();
        assertThat(GuideRules.check(
                        with(valid(), OnlineDepth.CONSULTATION, 0, null, EnumSet.of(HandlingChannel.MOBILE))))
                .isEmpty();
    }

    @Test
    void channelsAndServiceObjectsAreRequired() {
        assertThat(keys(with(valid(), OnlineDepth.FULLY_ONLINE, 0, null, Set.of())))
                .containsExactly("guide.rule.channels");
        Guide g = valid();
        Guide noObjects =
                g.toBuilder().serviceObjects(Set.of()).specialProcedure(null).build();
        assertThat(fields(noObjects)).containsExactly("serviceObjects");
    }

    @Test
    void promisedLimitCannotExceedStatutoryInTheSameUnit() {
        Guide g = valid();
        Guide late = g.toBuilder()
                .statutoryLimit(new Guide.TimeLimit(5, LimitUnit.WORKING_DAYS, null))
                .promisedLimit(new Guide.TimeLimit(6, LimitUnit.WORKING_DAYS, null))
                .visitsReason(null)
                .specialProcedure(null)
                .build();
        assertThat(fields(late)).containsExactly("promisedLimit.value");
        Guide otherUnit = g.toBuilder()
                .statutoryLimit(new Guide.TimeLimit(5, LimitUnit.WORKING_DAYS, null))
                .promisedLimit(new Guide.TimeLimit(48, LimitUnit.HOURS, null))
                .visitsReason(null)
                .specialProcedure(null)
                .build();
        assertThat(GuideRules.check(otherUnit)).isEmpty();
    }

    @Test
    void materialsFeesStepsAndQuestionsAreCheckedRowByRow() {
        Guide g = valid();
        Guide broken = g.toBuilder()
                .legalBasis("")
                .steps(List.of(new Guide.Step(" ", null)))
                .statutoryLimit(null)
                .promisedLimit(new Guide.TimeLimit(-1, null, null))
                .materials(List.of(
                        g.materials().get(0), new Guide.Material("委托书", "", 1, 100, false, null, false, null, null)))
                .fee(new Guide.Fee(true, null, List.of(new Guide.FeeItem("工本费", "", null))))
                .visitsReason(null)
                .specialProcedure(new Guide.SpecialProcedure(SpecialProcedureKind.EXTENDED_APPROVAL, ""))
                .faqs(List.of(new Guide.Faq("可以代办吗？", "")))
                .realNameLevel(org.zhengwu.identity.RealNameLevel.ID_MATCHED)
                .build();
        assertThat(fields(broken))
                .containsExactlyInAnyOrder(
                        "legalBasis",
                        "steps[0].name",
                        "statutoryLimit.value",
                        "promisedLimit.value",
                        "promisedLimit.unit",
                        "materials[1].source",
                        "materials[1].copies",
                        "materials[1].condition",
                        "fee.basis",
                        "fee.items[0].standard",
                        "specialProcedure.note",
                        "faqs[0].answer");
    }

    @Test
    void aFreeItemListsNoFeesAndAChargedOneListsSome() {
        Guide g = valid();
        Guide freeWithFees = g.toBuilder()
                .fee(new Guide.Fee(false, null, List.of(new Guide.FeeItem("工本费", "10元", null))))
                .visits(0)
                .visitsReason(null)
                .specialProcedure(null)
                .build();
        assertThat(keys(freeWithFees)).containsExactly("guide.rule.free-with-items");
        Guide chargedWithout = g.toBuilder()
                .fee(new Guide.Fee(true, "皖价费〔2017〕1号", List.of()))
                .visits(0)
                .visitsReason(null)
                .specialProcedure(null)
                .build();
        assertThat(keys(chargedWithout)).containsExactly("guide.rule.fee-items");
    }

    @Test
    void textsHaveLimits() {
        Guide g = valid();
        Guide longName = g.toBuilder()
                .visits(0)
                .visitsReason(null)
                .resultName("证".repeat(201))
                .specialProcedure(null)
                .build();
        assertThat(keys(longName)).containsExactly("validation.too-long");
    }
}
