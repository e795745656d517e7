package org.zhengwu.catalog;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.zhengwu.identity.RealNameLevel;

/**
 * The service guide (办事指南) of one version of an implementation entry: every element of GB/T 39554.2 a citizen
 * needs, in the order they need it. Immutable; a published version's guide never changes.
 *
 * @param legalBasis       设定依据
 * @param conditions       受理条件
 * @param steps            办理流程
 * @param statutoryLimit   法定办结时限
 * @param promisedLimit    承诺办结时限
 * @param location         办理地点
 * @param officeHours      办理时间
 * @param consultPhone     咨询电话
 * @param complaintPhone   监督电话
 * @param materials        申请材料
 * @param fee              收费
 * @param onlineDepths     网上办理深度, the national codes (several)
 * @param visits           到办事现场次数
 * @param visitsReason     why a visit is needed (required when visits &gt; 0)
 * @param channels         办理形式
 * @param caseKind         办件类型
 * @param scope            通办范围
 * @param serviceObjects   服务对象
 * @param themes           服务主题
 * @param resultName       结果名称
 * @param specialProcedure 特别程序, or null
 * @param faqs             常见问题
 * @param realNameLevel    实名等级 an applicant's account must have reached to apply online (L2 when a version
 *                         stored before the element existed does not say)
 * @param powerSource      权力来源 (administrative powers only)
 * @param delegation       委托部门: who delegated, authorised or devolved the power, or null
 * @param jointOrganisations 联办机构
 * @param resultType       审批结果类型
 * @param resultSampleId   attachment id of the 审批结果样本, or null
 * @param intermediaries   中介服务
 * @param quantityLimit    数量限制, or null when there is none
 * @param convenience      进驻大厅, 网上支付, 预约, 物流快递, 自助终端, 网上办理地址 and single sign-on
 * @param plannedEffectiveDate 计划生效日期, or null
 * @param plannedCancellationDate 计划取消日期, or null
 * @param penalty          the elements of a 行政处罚, which nobody applies for; null for other types
 * @param compulsion       the elements of a 行政强制; null for other types
 * @param inspection       the elements of a 行政检查; null for other types
 * @param applicationForm  申请表: the questions an applicant answers, or null when the entry defines none (an empty
 *                         form is stored as none)
 * @param handling         办理流程: the process cases of the entry follow and who may take each review step, or null for
 *                         the defaults (the process of its 办件类型, each step open to its permission's holders); see
 *                         {@link CaseHandling}
 */
public record Guide(
        String legalBasis,
        String conditions,
        List<Step> steps,
        TimeLimit statutoryLimit,
        TimeLimit promisedLimit,
        String location,
        String officeHours,
        String consultPhone,
        String complaintPhone,
        List<Material> materials,
        Fee fee,
        Set<OnlineDepth> onlineDepths,
        int visits,
        String visitsReason,
        Set<HandlingChannel> channels,
        CaseKind caseKind,
        GeneralScope scope,
        Set<ServiceObject> serviceObjects,
        Set<ServiceTheme> themes,
        String resultName,
        SpecialProcedure specialProcedure,
        List<Faq> faqs,
        RealNameLevel realNameLevel,
        PowerSource powerSource,
        Delegation delegation,
        List<String> jointOrganisations,
        ResultType resultType,
        String resultSampleId,
        List<Intermediary> intermediaries,
        String quantityLimit,
        Convenience convenience,
        LocalDate plannedEffectiveDate,
        LocalDate plannedCancellationDate,
        Penalty penalty,
        Compulsion compulsion,
        Inspection inspection,
        ApplicationForm applicationForm,
        CaseHandling handling) {

    public Guide {
        realNameLevel = realNameLevel == null ? RealNameLevel.ID_MATCHED : realNameLevel;
        steps = List.copyOf(steps);
        materials = List.copyOf(materials);
        channels = sorted(channels);
        serviceObjects = sorted(serviceObjects);
        themes = sorted(themes);
        faqs = List.copyOf(faqs);
        onlineDepths = sorted(onlineDepths);
        jointOrganisations = jointOrganisations == null ? List.of() : List.copyOf(jointOrganisations);
        intermediaries = intermediaries == null ? List.of() : List.copyOf(intermediaries);
        convenience = convenience == null ? Convenience.none() : convenience;
        applicationForm = applicationForm == null || applicationForm.fields().isEmpty() ? null : applicationForm;
        handling = handling == null || handling.keepsDefaults() ? null : handling;
    }

    /** A new guide with no element set yet: empty lists and sets, free of charge, no visit, L2 for applying online. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every element of this guide, to build a changed copy. */
    public Builder toBuilder() {
        return new Builder()
                .legalBasis(legalBasis)
                .conditions(conditions)
                .steps(steps)
                .statutoryLimit(statutoryLimit)
                .promisedLimit(promisedLimit)
                .location(location)
                .officeHours(officeHours)
                .consultPhone(consultPhone)
                .complaintPhone(complaintPhone)
                .materials(materials)
                .fee(fee)
                .onlineDepths(onlineDepths)
                .visits(visits)
                .visitsReason(visitsReason)
                .channels(channels)
                .caseKind(caseKind)
                .scope(scope)
                .serviceObjects(serviceObjects)
                .themes(themes)
                .resultName(resultName)
                .specialProcedure(specialProcedure)
                .faqs(faqs)
                .realNameLevel(realNameLevel)
                .powerSource(powerSource)
                .delegation(delegation)
                .jointOrganisations(jointOrganisations)
                .resultType(resultType)
                .resultSampleId(resultSampleId)
                .intermediaries(intermediaries)
                .quantityLimit(quantityLimit)
                .convenience(convenience)
                .plannedEffectiveDate(plannedEffectiveDate)
                .plannedCancellationDate(plannedCancellationDate)
                .penalty(penalty)
                .compulsion(compulsion)
                .inspection(inspection)
                .applicationForm(applicationForm)
                .handling(handling);
    }

    /** Names each element of a guide as it is set; see {@link Guide} for what each one means. */
    public static final class Builder {
        private String legalBasis;
        private String conditions;
        private List<Step> steps = List.of();
        private TimeLimit statutoryLimit;
        private TimeLimit promisedLimit;
        private String location;
        private String officeHours;
        private String consultPhone;
        private String complaintPhone;
        private List<Material> materials = List.of();
        private Fee fee = Fee.free();
        private Set<OnlineDepth> onlineDepths = Set.of();
        private int visits;
        private String visitsReason;
        private Set<HandlingChannel> channels = Set.of();
        private CaseKind caseKind;
        private GeneralScope scope;
        private Set<ServiceObject> serviceObjects = Set.of();
        private Set<ServiceTheme> themes = Set.of();
        private String resultName;
        private SpecialProcedure specialProcedure;
        private List<Faq> faqs = List.of();
        private RealNameLevel realNameLevel = RealNameLevel.ID_MATCHED;
        private PowerSource powerSource;
        private Delegation delegation;
        private List<String> jointOrganisations = List.of();
        private ResultType resultType;
        private String resultSampleId;
        private List<Intermediary> intermediaries = List.of();
        private String quantityLimit;
        private Convenience convenience = Convenience.none();
        private LocalDate plannedEffectiveDate;
        private LocalDate plannedCancellationDate;
        private Penalty penalty;
        private Compulsion compulsion;
        private Inspection inspection;
        private ApplicationForm applicationForm;
        private CaseHandling handling;

        private Builder() {}

        public Builder legalBasis(String legalBasis) {
            this.legalBasis = legalBasis;
            return this;
        }

        public Builder conditions(String conditions) {
            this.conditions = conditions;
            return this;
        }

        public Builder steps(List<Step> steps) {
            this.steps = steps;
            return this;
        }

        public Builder statutoryLimit(TimeLimit statutoryLimit) {
            this.statutoryLimit = statutoryLimit;
            return this;
        }

        public Builder promisedLimit(TimeLimit promisedLimit) {
            this.promisedLimit = promisedLimit;
            return this;
        }

        public Builder location(String location) {
            this.location = location;
            return this;
        }

        public Builder officeHours(String officeHours) {
            this.officeHours = officeHours;
            return this;
        }

        public Builder consultPhone(String consultPhone) {
            this.consultPhone = consultPhone;
            return this;
        }

        public Builder complaintPhone(String complaintPhone) {
            this.complaintPhone = complaintPhone;
            return this;
        }

        public Builder materials(List<Material> materials) {
            this.materials = materials;
            return this;
        }

        public Builder fee(Fee fee) {
            this.fee = fee;
            return this;
        }

        public Builder onlineDepths(Collection<OnlineDepth> onlineDepths) {
            this.onlineDepths = new LinkedHashSet<>(onlineDepths);
            return this;
        }

        public Builder visits(int visits) {
            this.visits = visits;
            return this;
        }

        public Builder visitsReason(String visitsReason) {
            this.visitsReason = visitsReason;
            return this;
        }

        public Builder channels(Collection<HandlingChannel> channels) {
            this.channels = new LinkedHashSet<>(channels);
            return this;
        }

        public Builder caseKind(CaseKind caseKind) {
            this.caseKind = caseKind;
            return this;
        }

        public Builder scope(GeneralScope scope) {
            this.scope = scope;
            return this;
        }

        public Builder serviceObjects(Collection<ServiceObject> serviceObjects) {
            this.serviceObjects = new LinkedHashSet<>(serviceObjects);
            return this;
        }

        public Builder themes(Collection<ServiceTheme> themes) {
            this.themes = new LinkedHashSet<>(themes);
            return this;
        }

        public Builder resultName(String resultName) {
            this.resultName = resultName;
            return this;
        }

        public Builder specialProcedure(SpecialProcedure specialProcedure) {
            this.specialProcedure = specialProcedure;
            return this;
        }

        public Builder faqs(List<Faq> faqs) {
            this.faqs = faqs;
            return this;
        }

        public Builder realNameLevel(RealNameLevel realNameLevel) {
            this.realNameLevel = realNameLevel;
            return this;
        }

        public Builder powerSource(PowerSource powerSource) {
            this.powerSource = powerSource;
            return this;
        }

        public Builder delegation(Delegation delegation) {
            this.delegation = delegation;
            return this;
        }

        public Builder jointOrganisations(List<String> jointOrganisations) {
            this.jointOrganisations = jointOrganisations;
            return this;
        }

        public Builder resultType(ResultType resultType) {
            this.resultType = resultType;
            return this;
        }

        public Builder resultSampleId(String resultSampleId) {
            this.resultSampleId = resultSampleId;
            return this;
        }

        public Builder intermediaries(List<Intermediary> intermediaries) {
            this.intermediaries = intermediaries;
            return this;
        }

        public Builder quantityLimit(String quantityLimit) {
            this.quantityLimit = quantityLimit;
            return this;
        }

        public Builder convenience(Convenience convenience) {
            this.convenience = convenience;
            return this;
        }

        public Builder plannedEffectiveDate(LocalDate plannedEffectiveDate) {
            this.plannedEffectiveDate = plannedEffectiveDate;
            return this;
        }

        public Builder plannedCancellationDate(LocalDate plannedCancellationDate) {
            this.plannedCancellationDate = plannedCancellationDate;
            return this;
        }

        public Builder penalty(Penalty penalty) {
            this.penalty = penalty;
            return this;
        }

        public Builder compulsion(Compulsion compulsion) {
            this.compulsion = compulsion;
            return this;
        }

        public Builder inspection(Inspection inspection) {
            this.inspection = inspection;
            return this;
        }

        public Builder applicationForm(ApplicationForm applicationForm) {
            this.applicationForm = applicationForm;
            return this;
        }

        public Builder handling(CaseHandling handling) {
            this.handling = handling;
            return this;
        }

        public Guide build() {
            return new Guide(
                    legalBasis,
                    conditions,
                    steps,
                    statutoryLimit,
                    promisedLimit,
                    location,
                    officeHours,
                    consultPhone,
                    complaintPhone,
                    materials,
                    fee,
                    onlineDepths,
                    visits,
                    visitsReason,
                    channels,
                    caseKind,
                    scope,
                    serviceObjects,
                    themes,
                    resultName,
                    specialProcedure,
                    faqs,
                    realNameLevel,
                    powerSource,
                    delegation,
                    jointOrganisations,
                    resultType,
                    resultSampleId,
                    intermediaries,
                    quantityLimit,
                    convenience,
                    plannedEffectiveDate,
                    plannedCancellationDate,
                    penalty,
                    compulsion,
                    inspection,
                    applicationForm,
                    handling);
        }
    }

    /** Code-table values in their table's order, so that every rendering lists them alike. */
    private static <E extends Enum<E>> Set<E> sorted(Set<E> values) {
        if (values == null) {
            return Collections.emptySortedSet();
        }
        return Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }

    /** One step of 办理流程. */
    public record Step(String name, String description) {}

    /** A time limit: a number of working days, natural days or hours, with an optional explanation. */
    public record TimeLimit(int value, LimitUnit unit, String note) {}

    /**
     * One 申请材料.
     *
     * @param source               来源渠道说明: who issues it, in words (e.g. 公安机关, 申请人自备)
     * @param required             必备; when false the material is needed only under {@code condition}
     * @param licenceReplaceable   an electronic licence (电子证照) can replace it
     * @param blankFormId          attachment id of the blank form (空白表格), or null
     * @param sampleId             attachment id of the filled-in sample (示例样表), or null
     * @param form                 材料形式
     * @param sourceChannel        来源渠道
     * @param paperSpec            纸质材料规格 (e.g. A4), or null
     * @param fillingInstructions  填报须知, or null
     * @param acceptanceStandard   受理标准, or null
     * @param basis                材料依据: the provision that allows asking for it, or null
     * @param remark               备注, or null
     * @param replacingLicenceTypes 证照类型 codes (GB/T 36902) whose electronic licence replaces it
     */
    public record Material(
            String name,
            String source,
            int originals,
            int copies,
            boolean required,
            String condition,
            boolean licenceReplaceable,
            String blankFormId,
            String sampleId,
            MaterialForm form,
            MaterialSource sourceChannel,
            String paperSpec,
            String fillingInstructions,
            String acceptanceStandard,
            String basis,
            String remark,
            List<String> replacingLicenceTypes) {

        public Material {
            replacingLicenceTypes = replacingLicenceTypes == null ? List.of() : List.copyOf(replacingLicenceTypes);
        }

        /** 材料类型, from the numbers of originals and copies asked for. */
        public MaterialType type() {
            if (originals > 0 && copies > 0) {
                return MaterialType.ORIGINAL_AND_COPY;
            }
            return copies > 0 ? MaterialType.COPY : MaterialType.ORIGINAL;
        }

        /** Whether it is handed in on paper, so that the numbers of originals and copies apply. */
        public boolean onPaper() {
            return form != MaterialForm.ELECTRONIC;
        }
    }

    /** 收费: whether the item costs anything, on what basis, and each charge with its standard and relief. */
    public record Fee(boolean charged, String basis, List<FeeItem> items) {
        public Fee {
            items = List.copyOf(items);
        }

        public static Fee free() {
            return new Fee(false, null, List.of());
        }
    }

    public record FeeItem(String name, String standard, String relief) {}

    public record SpecialProcedure(SpecialProcedureKind kind, String note) {}

    /** 常见问题. */
    public record Faq(String question, String answer) {}

    /** 委托部门: the organisation a power came from when the implementing one does not hold it by law. */
    public record Delegation(String organisationName, String organisationUscc) {}

    /** 中介服务 an applicant must or may use before applying. */
    public record Intermediary(String name, String basis, boolean required) {}

    /**
     * How an applicant can be served besides the guide's channels.
     *
     * @param inServiceHall       进驻政务服务大厅
     * @param onlinePayment       支持网上支付 (only where there is a fee)
     * @param appointment         支持预约办理
     * @param logistics           支持物流快递
     * @param selfServiceTerminal 支持自助终端办理
     * @param onlineAddress       网上办理地址, or null
     * @param ssoPc               the online address takes the platform's single sign-on on the PC site
     * @param ssoMobile           and in the mobile app
     */
    public record Convenience(
            boolean inServiceHall,
            boolean onlinePayment,
            boolean appointment,
            boolean logistics,
            boolean selfServiceTerminal,
            String onlineAddress,
            boolean ssoPc,
            boolean ssoMobile) {

        public static Convenience none() {
            return new Convenience(false, false, false, false, false, null, false, false);
        }
    }

    /** A provision of a law or regulation, cited by article. */
    public record Article(String document, String article, String content) {}

    /**
     * The elements of a 行政处罚.
     *
     * @param violation  违法行为
     * @param kinds      处罚种类
     * @param discretion 处罚幅度 / 裁量基准: one row per circumstance
     * @param basis      设定依据, by article
     */
    public record Penalty(String violation, Set<PenaltyKind> kinds, List<Discretion> discretion, List<Article> basis) {
        public Penalty {
            kinds = sorted(kinds);
            discretion = discretion == null ? List.of() : List.copyOf(discretion);
            basis = basis == null ? List.of() : List.copyOf(basis);
        }
    }

    /** One row of a 裁量基准: under which circumstance which sanction. */
    public record Discretion(String circumstance, String standard) {}

    /**
     * The elements of a 行政强制.
     *
     * @param kinds         强制措施或执行方式
     * @param circumstances 实施情形
     * @param basis         设定依据, by article
     */
    public record Compulsion(Set<CompulsionKind> kinds, String circumstances, List<Article> basis) {
        public Compulsion {
            kinds = sorted(kinds);
            basis = basis == null ? List.of() : List.copyOf(basis);
        }
    }

    /**
     * The elements of a 行政检查.
     *
     * @param objects   检查对象
     * @param content   检查内容
     * @param method    检查方式
     * @param frequency 检查频次, or null
     * @param basis     设定依据, by article
     */
    public record Inspection(String objects, String content, String method, String frequency, List<Article> basis) {
        public Inspection {
            basis = basis == null ? List.of() : List.copyOf(basis);
        }
    }

    /** Whether the guide is one somebody applies with (许可, 给付, 确认, 公共服务 …), not a 处罚, 强制 or 检查. */
    public boolean appliedFor() {
        return penalty == null && compulsion == null && inspection == null;
    }

    /**
     * The province's Ⅰ–Ⅳ级: Ⅳ 全程网办 when acceptance, handling and the result are all online and nobody has to come; Ⅲ when
     * anything is examined online; Ⅱ when documents can be handed in online; Ⅰ otherwise.
     */
    public OnlineLevel onlineLevel() {
        if (onlineDepths.contains(OnlineDepth.ACCEPTANCE)
                && onlineDepths.contains(OnlineDepth.HANDLING)
                && onlineDepths.contains(OnlineDepth.RESULT_FEEDBACK)
                && visits == 0) {
            return OnlineLevel.FULLY_ONLINE;
        }
        if (onlineDepths.contains(OnlineDepth.PRE_EXAMINATION)
                || onlineDepths.contains(OnlineDepth.ACCEPTANCE)
                || onlineDepths.contains(OnlineDepth.HANDLING)) {
            return OnlineLevel.ONLINE_PRE_EXAMINATION;
        }
        return onlineDepths.contains(OnlineDepth.SUBMISSION) ? OnlineLevel.ONLINE_SUBMISSION : OnlineLevel.CONSULTATION;
    }

    /** Whether the item can be applied for online: an online channel and at least online submission. */
    public boolean onlineApplication() {
        return appliedFor()
                && onlineLevel() != OnlineLevel.CONSULTATION
                && (channels.contains(HandlingChannel.PC) || channels.contains(HandlingChannel.MOBILE));
    }
}
