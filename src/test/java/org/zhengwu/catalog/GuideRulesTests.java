package org.zhengwu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GuideRulesTests {

    /** A guide that satisfies every rule; each test breaks one. */
    static Guide valid() {
        return new Guide(
                "《中华人民共和国行政许可法》",
                "年满十八周岁",
                List.of(new Guide.Step("申请", "网上提交")),
                new Guide.TimeLimit(20, LimitUnit.WORKING_DAYS, null),
                new Guide.TimeLimit(5, LimitUnit.WORKING_DAYS, null),
                "合肥市政务服务中心",
                "工作日",
                "0551-63538000",
                "12345",
                List.of(new Guide.Material("身份证", "公安机关", 1, 0, true, null, true, null, null)),
                Guide.Fee.free(),
                OnlineDepth.FULLY_ONLINE,
                0,
                null,
                EnumSet.of(HandlingChannel.PC, HandlingChannel.WINDOW),
                CaseKind.PROMISED,
                GeneralScope.PROVINCE,
                EnumSet.of(ServiceObject.NATURAL_PERSON),
                EnumSet.of(ServiceTheme.EMPLOYMENT),
                "许可证",
                null,
                List.of(),
                org.zhengwu.identity.RealNameLevel.ID_MATCHED);
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
        return new Guide(
                g.legalBasis(),
                g.conditions(),
                g.steps(),
                g.statutoryLimit(),
                g.promisedLimit(),
                g.location(),
                g.officeHours(),
                g.consultPhone(),
                g.complaintPhone(),
                g.materials(),
                g.fee(),
                depth,
                visits,
                reason,
                channels,
                g.caseKind(),
                g.scope(),
                g.serviceObjects(),
                g.themes(),
                g.resultName(),
                g.specialProcedure(),
                g.faqs(),
                g.realNameLevel());
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
        Guide noObjects = new Guide(
                g.legalBasis(),
                g.conditions(),
                g.steps(),
                g.statutoryLimit(),
                g.promisedLimit(),
                g.location(),
                g.officeHours(),
                g.consultPhone(),
                g.complaintPhone(),
                g.materials(),
                g.fee(),
                g.onlineDepth(),
                g.visits(),
                g.visitsReason(),
                g.channels(),
                g.caseKind(),
                g.scope(),
                Set.of(),
                g.themes(),
                g.resultName(),
                null,
                g.faqs(),
                g.realNameLevel());
        assertThat(fields(noObjects)).containsExactly("serviceObjects");
    }

    @Test
    void promisedLimitCannotExceedStatutoryInTheSameUnit() {
        Guide g = valid();
        Guide late = new Guide(
                g.legalBasis(),
                g.conditions(),
                g.steps(),
                new Guide.TimeLimit(5, LimitUnit.WORKING_DAYS, null),
                new Guide.TimeLimit(6, LimitUnit.WORKING_DAYS, null),
                g.location(),
                g.officeHours(),
                g.consultPhone(),
                g.complaintPhone(),
                g.materials(),
                g.fee(),
                g.onlineDepth(),
                g.visits(),
                null,
                g.channels(),
                g.caseKind(),
                g.scope(),
                g.serviceObjects(),
                g.themes(),
                g.resultName(),
                null,
                g.faqs(),
                g.realNameLevel());
        assertThat(fields(late)).containsExactly("promisedLimit.value");
        Guide otherUnit = new Guide(
                g.legalBasis(),
                g.conditions(),
                g.steps(),
                new Guide.TimeLimit(5, LimitUnit.WORKING_DAYS, null),
                new Guide.TimeLimit(48, LimitUnit.HOURS, null),
                g.location(),
                g.officeHours(),
                g.consultPhone(),
                g.complaintPhone(),
                g.materials(),
                g.fee(),
                g.onlineDepth(),
                g.visits(),
                null,
                g.channels(),
                g.caseKind(),
                g.scope(),
                g.serviceObjects(),
                g.themes(),
                g.resultName(),
                null,
                g.faqs(),
                g.realNameLevel());
        assertThat(GuideRules.check(otherUnit)).isEmpty();
    }

    @Test
    void materialsFeesStepsAndQuestionsAreCheckedRowByRow() {
        Guide g = valid();
        Guide broken = new Guide(
                "",
                g.conditions(),
                List.of(new Guide.Step(" ", null)),
                null,
                new Guide.TimeLimit(-1, null, null),
                g.location(),
                g.officeHours(),
                g.consultPhone(),
                g.complaintPhone(),
                List.of(g.materials().get(0), new Guide.Material("委托书", "", 1, 100, false, null, false, null, null)),
                new Guide.Fee(true, null, List.of(new Guide.FeeItem("工本费", "", null))),
                g.onlineDepth(),
                g.visits(),
                null,
                g.channels(),
                g.caseKind(),
                g.scope(),
                g.serviceObjects(),
                g.themes(),
                g.resultName(),
                new Guide.SpecialProcedure(SpecialProcedureKind.EXTENDED_APPROVAL, ""),
                List.of(new Guide.Faq("可以代办吗？", "")),
                org.zhengwu.identity.RealNameLevel.ID_MATCHED);
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
        Guide freeWithFees = new Guide(
                g.legalBasis(),
                g.conditions(),
                g.steps(),
                g.statutoryLimit(),
                g.promisedLimit(),
                g.location(),
                g.officeHours(),
                g.consultPhone(),
                g.complaintPhone(),
                g.materials(),
                new Guide.Fee(false, null, List.of(new Guide.FeeItem("工本费", "10元", null))),
                g.onlineDepth(),
                0,
                null,
                g.channels(),
                g.caseKind(),
                g.scope(),
                g.serviceObjects(),
                g.themes(),
                g.resultName(),
                null,
                g.faqs(),
                g.realNameLevel());
        assertThat(keys(freeWithFees)).containsExactly("guide.rule.free-with-items");
        Guide chargedWithout = new Guide(
                g.legalBasis(),
                g.conditions(),
                g.steps(),
                g.statutoryLimit(),
                g.promisedLimit(),
                g.location(),
                g.officeHours(),
                g.consultPhone(),
                g.complaintPhone(),
                g.materials(),
                new Guide.Fee(true, "皖价费〔2017〕1号", List.of()),
                g.onlineDepth(),
                0,
                null,
                g.channels(),
                g.caseKind(),
                g.scope(),
                g.serviceObjects(),
                g.themes(),
                g.resultName(),
                null,
                g.faqs(),
                g.realNameLevel());
        assertThat(keys(chargedWithout)).containsExactly("guide.rule.fee-items");
    }

    @Test
    void textsHaveLimits() {
        Guide g = valid();
        Guide longName = new Guide(
                g.legalBasis(),
                g.conditions(),
                g.steps(),
                g.statutoryLimit(),
                g.promisedLimit(),
                g.location(),
                g.officeHours(),
                g.consultPhone(),
                g.complaintPhone(),
                g.materials(),
                g.fee(),
                g.onlineDepth(),
                0,
                null,
                g.channels(),
                g.caseKind(),
                g.scope(),
                g.serviceObjects(),
                g.themes(),
                "证".repeat(201),
                null,
                g.faqs(),
                g.realNameLevel());
        assertThat(keys(longName)).containsExactly("validation.too-long");
    }
}
