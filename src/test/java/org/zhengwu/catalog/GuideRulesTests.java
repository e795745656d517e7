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

    @Test
    void theProvincialLevelIsDerivedFromTheNationalDepthsAndNeverStored() {
        Guide g = valid();
        assertThat(with(g, CONSULTATION, 0, null, EnumSet.of(HandlingChannel.PC))
                        .onlineLevel())
                .isEqualTo(OnlineLevel.CONSULTATION);
        assertThat(with(g, EnumSet.of(OnlineDepth.CONSULTATION, OnlineDepth.SUBMISSION), 0, null, Set.of())
                        .onlineLevel())
                .isEqualTo(OnlineLevel.ONLINE_SUBMISSION);
        assertThat(with(g, PRE_EXAMINATION, 0, null, Set.of()).onlineLevel())
                .isEqualTo(OnlineLevel.ONLINE_PRE_EXAMINATION);
        // Acceptance and handling online without the result online is not 全程网办.
        assertThat(with(g, EnumSet.of(OnlineDepth.ACCEPTANCE, OnlineDepth.HANDLING), 0, null, Set.of())
                        .onlineLevel())
                .isEqualTo(OnlineLevel.ONLINE_PRE_EXAMINATION);
        assertThat(with(g, CONSULTATION, 0, null, EnumSet.of(HandlingChannel.PC))
                        .onlineApplication())
                .isFalse();
        assertThat(g.onlineApplication()).isTrue();
        assertThat(keys(with(g, Set.of(), 0, null, EnumSet.of(HandlingChannel.PC))))
                .containsExactly("guide.rule.online-depths");
    }

    @Test
    void anImmediateTimeLimitNeedsAnImmediateCase() {
        Guide onTheSpot = valid().toBuilder()
                .promisedLimit(new Guide.TimeLimit(0, LimitUnit.WORKING_DAYS, null))
                .build();
        assertThat(fields(onTheSpot)).containsExactly("caseKind");
        assertThat(keys(onTheSpot)).containsExactly("guide.rule.immediate-limit-needs-immediate-case");
        assertThat(check(onTheSpot.toBuilder().caseKind(CaseKind.IMMEDIATE).build()))
                .isEmpty();
    }

    @Test
    void onlinePaymentNeedsAFee() {
        Guide.Convenience paying = new Guide.Convenience(true, true, true, true, true, null, false, false);
        assertThat(keys(valid().toBuilder().convenience(paying).build()))
                .containsExactly("guide.rule.payment-without-fee");
        Guide charged = valid().toBuilder()
                .fee(new Guide.Fee(true, "皖价费〔2017〕1号", List.of(new Guide.FeeItem("工本费", "10元", null))))
                .convenience(paying)
                .build();
        assertThat(check(charged)).isEmpty();
    }

    @Test
    void singleSignOnNeedsAWebAddressAndPlannedDatesRunForward() {
        Guide noAddress = valid().toBuilder()
                .convenience(new Guide.Convenience(false, false, false, false, false, " ", true, false))
                .build();
        assertThat(fields(noAddress)).containsExactly("convenience.onlineAddress");
        Guide badAddress = valid().toBuilder()
                .convenience(
                        new Guide.Convenience(false, false, false, false, false, "javascript:alert(1)", true, true))
                .build();
        assertThat(keys(badAddress)).containsExactly("guide.rule.online-address");
        Guide good = valid().toBuilder()
                .convenience(new Guide.Convenience(
                        false, false, false, false, false, "https://www.ahzwfw.gov.cn/item/1", true, true))
                .plannedEffectiveDate(java.time.LocalDate.of(2027, 1, 1))
                .plannedCancellationDate(java.time.LocalDate.of(2027, 1, 1))
                .build();
        assertThat(fields(good)).containsExactly("plannedCancellationDate");
        assertThat(check(good.toBuilder()
                        .plannedCancellationDate(java.time.LocalDate.of(2028, 1, 1))
                        .build()))
                .isEmpty();
    }

    @Test
    void administrativePowersStateTheirSourceAndEntrustedOnesWhoEntrustedThem() {
        assertThat(fields(valid().toBuilder().powerSource(null).build())).containsExactly("powerSource");
        Guide entrusted = valid().toBuilder()
                .powerSource(PowerSource.ENTRUSTED_FROM_ABOVE)
                .build();
        assertThat(keys(entrusted)).containsExactly("guide.rule.delegation-required");
        assertThat(check(entrusted.toBuilder()
                        .delegation(new Guide.Delegation("安徽省市场监督管理局", "11340000790427948Y"))
                        .build()))
                .isEmpty();
        assertThat(fields(entrusted.toBuilder()
                        .delegation(new Guide.Delegation("安徽省市场监督管理局", "11340000790427948X"))
                        .build()))
                .containsExactly("delegation.organisationUscc");
        assertThat(keys(valid().toBuilder()
                        .delegation(new Guide.Delegation("安徽省市场监督管理局", null))
                        .build()))
                .containsExactly("guide.rule.delegation-statutory");
        // A public service has no source of power.
        assertThat(GuideRules.check(valid(), ItemType.PUBLIC_SERVICE))
                .extracting(GuideRules.Violation::messageKey)
                .containsExactly("guide.rule.power-source-for-powers-only");
        assertThat(GuideRules.check(valid().toBuilder().powerSource(null).build(), ItemType.PUBLIC_SERVICE))
                .isEmpty();
    }

    @Test
    void onlyPublicServicesAreImplementedAtVillageLevel() {
        assertThat(GuideRules.checkLevel(ItemType.LICENSING, org.zhengwu.basedata.ExerciseLevel.VILLAGE, "level"))
                .extracting(GuideRules.Violation::messageKey)
                .containsExactly("guide.rule.village-public-service-only");
        assertThat(GuideRules.checkLevel(ItemType.PUBLIC_SERVICE, org.zhengwu.basedata.ExerciseLevel.VILLAGE, "level"))
                .isEmpty();
        assertThat(GuideRules.checkLevel(ItemType.LICENSING, org.zhengwu.basedata.ExerciseLevel.COUNTY, "level"))
                .isEmpty();
    }

    @Test
    void materialsStateFormAndSourceAndReplacingLicenceTypesAreCodes() {
        Guide.Material m = valid().materials().get(0);
        Guide.Material unstated = new Guide.Material(
                m.name(),
                m.source(),
                0,
                0,
                true,
                null,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of("11100000000013338W011", "bad"));
        assertThat(fields(valid().toBuilder().materials(List.of(unstated)).build()))
                .containsExactlyInAnyOrder(
                        "materials[0].form",
                        "materials[0].sourceChannel",
                        "materials[0].replacingLicenceTypes",
                        "materials[0].licenceReplaceable");
        Guide.Material paperWithoutCopies = new Guide.Material(
                m.name(),
                m.source(),
                0,
                0,
                true,
                null,
                true,
                null,
                null,
                MaterialForm.PAPER,
                MaterialSource.APPLICANT,
                null,
                null,
                null,
                null,
                null,
                List.of("11100000000013338W011"));
        assertThat(keys(valid().toBuilder()
                        .materials(List.of(paperWithoutCopies))
                        .build()))
                .containsExactly("guide.rule.paper-material-count");
        Guide.Material electronic = new Guide.Material(
                m.name(),
                m.source(),
                0,
                0,
                true,
                null,
                true,
                null,
                null,
                MaterialForm.ELECTRONIC,
                MaterialSource.GOVERNMENT,
                "A4",
                null,
                null,
                null,
                null,
                List.of("11100000000013338W011"));
        assertThat(check(valid().toBuilder().materials(List.of(electronic)).build()))
                .isEmpty();
        assertThat(electronic.type()).isEqualTo(MaterialType.ORIGINAL);
        assertThat(material("x", "y", 1, 2, true, null, false).type()).isEqualTo(MaterialType.ORIGINAL_AND_COPY);
        assertThat(material("x", "y", 0, 2, true, null, false).type()).isEqualTo(MaterialType.COPY);
    }

    /** A 行政处罚 that satisfies every rule. */
    static Guide penalty() {
        return valid().toBuilder()
                .conditions(null)
                .materials(List.of())
                .onlineDepths(CONSULTATION)
                .channels(EnumSet.of(HandlingChannel.WINDOW))
                .caseKind(null)
                .resultType(null)
                .resultName("行政处罚决定书")
                .penalty(new Guide.Penalty(
                        "未取得食品经营许可从事食品经营活动",
                        EnumSet.of(PenaltyKind.FINE_OR_CONFISCATION),
                        List.of(new Guide.Discretion("货值金额不足一万元的", "并处五万元以上十万元以下罚款")),
                        List.of(new Guide.Article("《中华人民共和国食品安全法》", "第一百二十二条", null))))
                .build();
    }

    @Test
    void enforcementItemsCarryTheirOwnElementsAndNoApplication() {
        assertThat(GuideRules.check(penalty(), ItemType.PENALTY)).isEmpty();
        assertThat(penalty().onlineApplication()).isFalse();
        // The same guide is not a 许可: it has no conditions, depths … and a penalty section it may not carry.
        assertThat(GuideRules.check(penalty(), ItemType.LICENSING))
                .extracting(GuideRules.Violation::field)
                .contains("conditions", "caseKind", "resultType", "type");
        Guide withApplication = penalty().toBuilder()
                .materials(valid().materials())
                .fee(new Guide.Fee(true, "依据", List.of(new Guide.FeeItem("工本费", "10元", null))))
                .build();
        assertThat(GuideRules.check(withApplication, ItemType.PENALTY))
                .extracting(GuideRules.Violation::messageKey)
                .containsExactlyInAnyOrder(
                        "guide.rule.no-materials-for-enforcement", "guide.rule.no-fee-for-enforcement");
        Guide emptyPenalty = penalty().toBuilder()
                .penalty(new Guide.Penalty(" ", Set.of(), List.of(), List.of()))
                .build();
        assertThat(GuideRules.check(emptyPenalty, ItemType.PENALTY))
                .extracting(GuideRules.Violation::field)
                .containsExactlyInAnyOrder("penalty.violation", "penalty.kinds", "penalty.discretion", "penalty.basis");
        assertThat(GuideRules.check(penalty().toBuilder().penalty(null).build(), ItemType.PENALTY))
                .extracting(GuideRules.Violation::field)
                .containsExactly("penalty.violation");
        Guide inspection = penalty().toBuilder()
                .penalty(null)
                .inspection(new Guide.Inspection(
                        "食品生产经营者",
                        "许可条件保持情况",
                        "现场检查",
                        "每年一次",
                        List.of(new Guide.Article("《中华人民共和国食品安全法》", "第一百一十条", null))))
                .build();
        assertThat(GuideRules.check(inspection, ItemType.INSPECTION)).isEmpty();
        assertThat(GuideRules.check(inspection, ItemType.COMPULSION))
                .extracting(GuideRules.Violation::field)
                .containsExactly("compulsion.kinds", "type");
        Guide compulsion = penalty().toBuilder()
                .penalty(null)
                .compulsion(new Guide.Compulsion(
                        EnumSet.of(CompulsionKind.SEAL_UP, CompulsionKind.SEIZE),
                        "有证据证明不符合食品安全标准的食品",
                        List.of(new Guide.Article("《中华人民共和国食品安全法》", "第一百一十条", "第（四）项"))))
                .build();
        assertThat(GuideRules.check(compulsion, ItemType.COMPULSION)).isEmpty();
    }
}
