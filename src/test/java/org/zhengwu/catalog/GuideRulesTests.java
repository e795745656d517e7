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
                .materials(List.of(material("身份证", "公安机关", 1, 0, true, null, true)))
                .fee(Guide.Fee.free())
                .onlineDepths(FULLY_ONLINE)
                .visits(0)
                .channels(EnumSet.of(HandlingChannel.PC, HandlingChannel.WINDOW))
                .caseKind(CaseKind.PROMISED)
                .scope(GeneralScope.PROVINCE)
                .serviceObjects(EnumSet.of(ServiceObject.NATURAL_PERSON))
                .themes(EnumSet.of(ServiceTheme.EMPLOYMENT))
                .resultName("许可证")
                .realNameLevel(org.zhengwu.identity.RealNameLevel.ID_MATCHED)
                .powerSource(PowerSource.STATUTORY)
                .resultType(ResultType.LICENCE)
                .build();
    }

    static final Set<OnlineDepth> CONSULTATION = EnumSet.of(OnlineDepth.CONSULTATION);
    static final Set<OnlineDepth> PRE_EXAMINATION =
            EnumSet.of(OnlineDepth.CONSULTATION, OnlineDepth.SUBMISSION, OnlineDepth.PRE_EXAMINATION);
    static final Set<OnlineDepth> FULLY_ONLINE = EnumSet.range(OnlineDepth.CONSULTATION, OnlineDepth.RESULT_FEEDBACK);

    /** A paper material issued by a government body. */
    public static Guide.Material material(
            String name,
            String source,
            int originals,
            int copies,
            boolean required,
            String condition,
            boolean licenceReplaceable) {
        return new Guide.Material(
                name,
                source,
                originals,
                copies,
                required,
                condition,
                licenceReplaceable,
                null,
                null,
                MaterialForm.PAPER,
                MaterialSource.GOVERNMENT,
                null,
                null,
                null,
                null,
                null,
                List.of());
    }

    private static List<GuideRules.Violation> check(Guide guide) {
        return GuideRules.check(guide, ItemType.LICENSING);
    }

    private static List<String> fields(Guide guide) {
        return check(guide).stream().map(GuideRules.Violation::field).toList();
    }

    private static List<String> keys(Guide guide) {
        return check(guide).stream().map(GuideRules.Violation::messageKey).toList();
    }

    private static Guide with(
            Guide g, Set<OnlineDepth> depths, int visits, String reason, Set<HandlingChannel> channels) {
        return g.toBuilder()
                .onlineDepths(depths)
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
        assertThat(check(valid())).isEmpty();
    }

    @Test
    void fullyOnlineMeansNoVisit() {
        assertThat(valid().onlineLevel()).isEqualTo(OnlineLevel.FULLY_ONLINE);
        Guide guide = with(valid(), FULLY_ONLINE, 1, "核验原件", EnumSet.of(HandlingChannel.PC));
        assertThat(guide.onlineLevel()).isEqualTo(OnlineLevel.ONLINE_PRE_EXAMINATION);
    }

    @Test
    void aVisitNeedsAReason() {
        Guide guide = with(valid(), PRE_EXAMINATION, 1, " ", EnumSet.of(HandlingChannel.WINDOW));
        assertThat(keys(guide)).containsExactly("guide.rule.visits-reason");
        assertThat(check(with(valid(), PRE_EXAMINATION, 1, "现场采集指纹", EnumSet.of(HandlingChannel.WINDOW))))
                .isEmpty();
    }

    @Test
    void noVisitAndNoOnlineChannelMeansExpressDelivery() {
        Guide byPost = with(valid(), CONSULTATION, 0, null, EnumSet.of(HandlingChannel.WINDOW));
        assertThat(keys(byPost)).containsExactly("guide.rule.no-visit-needs-express");
        assertThat(check(with(
                        valid(), CONSULTATION, 0, null, EnumSet.of(HandlingChannel.WINDOW, HandlingChannel.EXPRESS))))
                .isEmpty();
        assertThat(check(with(valid(), CONSULTATION, 0, null, EnumSet.of(HandlingChannel.MOBILE))))
                .isEmpty();
    }

    @Test
    void channelsAndServiceObjectsAreRequired() {
        assertThat(keys(with(valid(), FULLY_ONLINE, 0, null, Set.of()))).containsExactly("guide.rule.channels");
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
        assertThat(check(otherUnit)).isEmpty();
    }

    @Test
    void materialsFeesStepsAndQuestionsAreCheckedRowByRow() {
        Guide g = valid();
        Guide broken = g.toBuilder()
                .legalBasis("")
                .steps(List.of(new Guide.Step(" ", null)))
                .statutoryLimit(null)
                .promisedLimit(new Guide.TimeLimit(-1, null, null))
                .materials(List.of(g.materials().get(0), material("委托书", "", 1, 100, false, null, false)))
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
