package org.zhengwu.catalog;

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
 * @param onlineDepth      网上办理深度
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
        OnlineDepth onlineDepth,
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
        RealNameLevel realNameLevel) {

    public Guide {
        realNameLevel = realNameLevel == null ? RealNameLevel.ID_MATCHED : realNameLevel;
        steps = List.copyOf(steps);
        materials = List.copyOf(materials);
        channels = sorted(channels);
        serviceObjects = sorted(serviceObjects);
        themes = sorted(themes);
        faqs = List.copyOf(faqs);
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
                .onlineDepth(onlineDepth)
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
                .realNameLevel(realNameLevel);
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
        private OnlineDepth onlineDepth;
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

        public Builder onlineDepth(OnlineDepth onlineDepth) {
            this.onlineDepth = onlineDepth;
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
                    onlineDepth,
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
                    realNameLevel);
        }
    }

    /** Code-table values in their table's order, so that every rendering lists them alike. */
    private static <E extends Enum<E>> Set<E> sorted(Set<E> values) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }

    /** One step of 办理流程. */
    public record Step(String name, String description) {}

    /** A time limit: a number of working days, natural days or hours, with an optional explanation. */
    public record TimeLimit(int value, LimitUnit unit, String note) {}

    /**
     * One 申请材料.
     *
     * @param source             来源 / 出具机构 (e.g. 公安机关, 申请人自备)
     * @param required           必备; when false the material is needed only under {@code condition}
     * @param licenceReplaceable an electronic licence (电子证照) can replace it
     * @param blankFormId        attachment id of the blank form (空白表格), or null
     * @param sampleId           attachment id of the filled-in sample (示例样表), or null
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
            String sampleId) {}

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

    /** Whether the item can be applied for online: an online channel and at least online submission. */
    public boolean onlineApplication() {
        return onlineDepth.compareTo(OnlineDepth.ONLINE_SUBMISSION) >= 0
                && (channels.contains(HandlingChannel.PC) || channels.contains(HandlingChannel.MOBILE));
    }
}
