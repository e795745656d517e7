package org.zhengwu.catalog.admin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;
import org.zhengwu.catalog.CaseHandling;
import org.zhengwu.catalog.CaseKind;
import org.zhengwu.catalog.CompulsionKind;
import org.zhengwu.catalog.GeneralScope;
import org.zhengwu.catalog.Guide;
import org.zhengwu.catalog.HandlingChannel;
import org.zhengwu.catalog.LimitUnit;
import org.zhengwu.catalog.MaterialForm;
import org.zhengwu.catalog.MaterialSource;
import org.zhengwu.catalog.OnlineDepth;
import org.zhengwu.catalog.PenaltyKind;
import org.zhengwu.catalog.PowerSource;
import org.zhengwu.catalog.ResultType;
import org.zhengwu.catalog.ServiceObject;
import org.zhengwu.catalog.ServiceTheme;
import org.zhengwu.catalog.SpecialProcedureKind;
import org.zhengwu.identity.RealNameLevel;
import org.zhengwu.shared.codes.CodeTable;

/**
 * The guide editing form as the browser posts it. Repeating rows (steps, materials, fees, questions) come with
 * spare blank rows; blank rows and rows ticked for removal are dropped by {@link #compact()} before the guide is
 * built, so that rule violations point at the rows the editor sees. Text arrives trimmed, a blank field as null
 * (the binder-wide {@code TrimmedInput}), so a row of blanks is a row of nulls.
 */
public class GuideForm {

    private String name;
    private String changeNote;
    private String revision;
    private String legalBasis;
    private String conditions;
    private List<StepRow> steps = new ArrayList<>();
    private LimitRow statutoryLimit = new LimitRow();
    private LimitRow promisedLimit = new LimitRow();
    private String location;
    private String officeHours;
    private String consultPhone;
    private String complaintPhone;
    private List<MaterialRow> materials = new ArrayList<>();
    private FeeRows fee = new FeeRows();
    private List<String> onlineDepths = new ArrayList<>();
    private String realNameLevel = Integer.toString(RealNameLevel.ID_MATCHED.level());
    private Integer visits = 0;
    private String visitsReason;
    private List<String> channels = new ArrayList<>();
    private String caseKind;
    private String scope;
    private List<String> serviceObjects = new ArrayList<>();
    private List<String> themes = new ArrayList<>();
    private String resultName;
    private SpecialRow specialProcedure = new SpecialRow();
    private List<FaqRow> faqs = new ArrayList<>();
    private String powerSource;
    private DelegationRow delegation = new DelegationRow();
    private HandlingRow handling = new HandlingRow();
    private List<String> jointOrganisations = new ArrayList<>();
    private String resultType;
    private String resultSampleId;
    private MultipartFile resultSampleFile;
    private boolean clearResultSample;
    private List<IntermediaryRow> intermediaries = new ArrayList<>();
    private String quantityLimit;
    private ConvenienceRow convenience = new ConvenienceRow();

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate plannedEffectiveDate;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate plannedCancellationDate;

    private PenaltyRows penalty = new PenaltyRows();
    private CompulsionRows compulsion = new CompulsionRows();
    private InspectionRows inspection = new InspectionRows();

    public static GuideForm of(String name, Guide g) {
        GuideForm form = new GuideForm();
        form.name = name;
        form.legalBasis = g.legalBasis();
        form.conditions = g.conditions();
        g.steps().forEach(s -> form.steps.add(new StepRow(s.name(), s.description())));
        form.statutoryLimit = LimitRow.of(g.statutoryLimit());
        form.promisedLimit = LimitRow.of(g.promisedLimit());
        form.location = g.location();
        form.officeHours = g.officeHours();
        form.consultPhone = g.consultPhone();
        form.complaintPhone = g.complaintPhone();
        g.materials().forEach(m -> form.materials.add(MaterialRow.of(m)));
        form.fee.charged = g.fee().charged();
        form.fee.basis = g.fee().basis();
        g.fee().items().forEach(i -> form.fee.items.add(new FeeItemRow(i.name(), i.standard(), i.relief())));
        g.onlineDepths().forEach(d -> form.onlineDepths.add(d.code()));
        form.realNameLevel = Integer.toString(g.realNameLevel().level());
        form.visits = g.visits();
        form.visitsReason = g.visitsReason();
        g.channels().stream().sorted().forEach(c -> form.channels.add(c.code()));
        form.caseKind = g.caseKind() == null ? null : g.caseKind().code();
        form.scope = g.scope() == null ? null : g.scope().code();
        g.serviceObjects().stream().sorted().forEach(o -> form.serviceObjects.add(o.code()));
        g.themes().stream().sorted().forEach(t -> form.themes.add(t.code()));
        form.resultName = g.resultName();
        if (g.specialProcedure() != null) {
            form.specialProcedure.kind = g.specialProcedure().kind().code();
            form.specialProcedure.note = g.specialProcedure().note();
        }
        g.faqs().forEach(f -> form.faqs.add(new FaqRow(f.question(), f.answer())));
        form.powerSource = g.powerSource() == null ? null : g.powerSource().code();
        if (g.handling() != null) {
            form.handling.processKey = g.handling().processKey();
            form.handling.undertakeRoles = new ArrayList<>(g.handling().undertakeRoles());
            form.handling.auditRoles = new ArrayList<>(g.handling().auditRoles());
            form.handling.approveRoles = new ArrayList<>(g.handling().approveRoles());
        }
        if (g.delegation() != null) {
            form.delegation.organisationName = g.delegation().organisationName();
            form.delegation.organisationUscc = g.delegation().organisationUscc();
        }
        form.jointOrganisations.addAll(g.jointOrganisations());
        form.resultType = g.resultType() == null ? null : g.resultType().code();
        form.resultSampleId = g.resultSampleId();
        g.intermediaries()
                .forEach(i -> form.intermediaries.add(new IntermediaryRow(i.name(), i.basis(), i.required())));
        form.quantityLimit = g.quantityLimit();
        form.convenience = ConvenienceRow.of(g.convenience());
        form.plannedEffectiveDate = g.plannedEffectiveDate();
        form.plannedCancellationDate = g.plannedCancellationDate();
        form.penalty = PenaltyRows.of(g.penalty());
        form.compulsion = CompulsionRows.of(g.compulsion());
        form.inspection = InspectionRows.of(g.inspection());
        return form;
    }

    /** Drops blank rows and rows marked for removal. */
    public void compact() {
        steps = new ArrayList<>(steps.stream()
                .filter(r -> !r.remove && !(r.name == null && r.description == null))
                .toList());
        materials = new ArrayList<>(
                materials.stream().filter(r -> !r.remove && !r.isBlank()).toList());
        fee.items = new ArrayList<>(fee.items.stream()
                .filter(r -> !r.remove && !(r.name == null && r.standard == null && r.relief == null))
                .toList());
        faqs = new ArrayList<>(faqs.stream()
                .filter(r -> !r.remove && !(r.question == null && r.answer == null))
                .toList());
        jointOrganisations = new ArrayList<>(
                jointOrganisations.stream().filter(Objects::nonNull).toList());
        intermediaries = new ArrayList<>(intermediaries.stream()
                .filter(r -> !r.remove && !(r.name == null && r.basis == null))
                .toList());
        penalty.discretion = new ArrayList<>(penalty.discretion.stream()
                .filter(r -> !r.remove && !(r.circumstance == null && r.standard == null))
                .toList());
        penalty.basis = ArticleRow.compact(penalty.basis);
        compulsion.basis = ArticleRow.compact(compulsion.basis);
        inspection.basis = ArticleRow.compact(inspection.basis);
    }

    /** Adds the spare blank rows a form offers for new entries. */
    public void addSpareRows(int count) {
        for (int i = 0; i < count; i++) {
            steps.add(new StepRow(null, null));
            materials.add(new MaterialRow());
            fee.items.add(new FeeItemRow(null, null, null));
            faqs.add(new FaqRow(null, null));
            jointOrganisations.add(null);
            intermediaries.add(new IntermediaryRow());
            penalty.discretion.add(new DiscretionRow());
            penalty.basis.add(new ArticleRow());
            compulsion.basis.add(new ArticleRow());
            inspection.basis.add(new ArticleRow());
        }
    }

    public Guide toGuide() {
        return Guide.builder()
                .legalBasis(legalBasis)
                .conditions(conditions)
                .steps(steps.stream()
                        .map(s -> new Guide.Step(s.name, s.description))
                        .toList())
                .statutoryLimit(statutoryLimit.toLimit())
                .promisedLimit(promisedLimit.toLimit())
                .location(location)
                .officeHours(officeHours)
                .consultPhone(consultPhone)
                .complaintPhone(complaintPhone)
                .materials(materials.stream().map(MaterialRow::toMaterial).toList())
                .fee(new Guide.Fee(
                        fee.charged,
                        fee.basis,
                        fee.items.stream()
                                .map(i -> new Guide.FeeItem(i.name, i.standard, i.relief))
                                .toList()))
                .onlineDepths(codes(OnlineDepth.class, onlineDepths))
                .visits(visits == null ? 0 : visits)
                .visitsReason(visitsReason)
                .channels(codes(HandlingChannel.class, channels))
                .caseKind(code(CaseKind.class, caseKind))
                .scope(code(GeneralScope.class, scope))
                .serviceObjects(codes(ServiceObject.class, serviceObjects))
                .themes(codes(ServiceTheme.class, themes))
                .resultName(resultName)
                .specialProcedure(
                        specialProcedure.kind == null
                                ? null
                                : new Guide.SpecialProcedure(
                                        code(SpecialProcedureKind.class, specialProcedure.kind), specialProcedure.note))
                .faqs(faqs.stream()
                        .map(f -> new Guide.Faq(f.question, f.answer))
                        .toList())
                .realNameLevel(realNameLevel(realNameLevel))
                .powerSource(code(PowerSource.class, powerSource))
                .delegation(
                        delegation.organisationName == null && delegation.organisationUscc == null
                                ? null
                                : new Guide.Delegation(delegation.organisationName, delegation.organisationUscc))
                .jointOrganisations(
                        jointOrganisations.stream().filter(Objects::nonNull).toList())
                .resultType(code(ResultType.class, resultType))
                .resultSampleId(resultSampleId)
                .intermediaries(intermediaries.stream()
                        .map(i -> new Guide.Intermediary(i.name, i.basis, i.required))
                        .toList())
                .quantityLimit(quantityLimit)
                .convenience(convenience.toConvenience())
                .plannedEffectiveDate(plannedEffectiveDate)
                .plannedCancellationDate(plannedCancellationDate)
                .penalty(penalty.toPenalty())
                .compulsion(compulsion.toCompulsion())
                .inspection(inspection.toInspection())
                .handling(new CaseHandling(
                        handling.processKey, handling.undertakeRoles, handling.auditRoles, handling.approveRoles))
                .build();
    }

    /** The chosen level, or null when the form holds none of the four. */
    static RealNameLevel realNameLevel(String value) {
        return value == null || !value.matches("[1-4]") ? null : RealNameLevel.of(Integer.parseInt(value));
    }

    private static <E extends Enum<E> & CodeTable> E code(Class<E> table, String value) {
        return CodeTable.fromCode(table, value).orElse(null);
    }

    private static <E extends Enum<E> & CodeTable> Set<E> codes(Class<E> table, List<String> values) {
        Set<E> set = new LinkedHashSet<>();
        if (values != null) {
            values.forEach(v -> CodeTable.fromCode(table, v).ifPresent(set::add));
        }
        return set;
    }

    // ---- rows ----

    public static class StepRow {
        private String name;
        private String description;
        private boolean remove;

        public StepRow() {}

        StepRow(String name, String description) {
            this.name = name;
            this.description = description;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public boolean isRemove() {
            return remove;
        }

        public void setRemove(boolean remove) {
            this.remove = remove;
        }
    }

    public static class LimitRow {
        private Integer value;
        private String unit = LimitUnit.WORKING_DAYS.code();
        private String note;

        static LimitRow of(Guide.TimeLimit limit) {
            LimitRow row = new LimitRow();
            if (limit != null) {
                row.value = limit.value();
                row.unit = limit.unit().code();
                row.note = limit.note();
            }
            return row;
        }

        Guide.TimeLimit toLimit() {
            return value == null
                    ? null
                    : new Guide.TimeLimit(
                            value, CodeTable.fromCode(LimitUnit.class, unit).orElse(null), note);
        }

        public Integer getValue() {
            return value;
        }

        public void setValue(Integer value) {
            this.value = value;
        }

        public String getUnit() {
            return unit;
        }

        public void setUnit(String unit) {
            this.unit = unit;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }
    }

    public static class MaterialRow {
        private String name;
        private String source;
        private Integer originals = 1;
        private Integer copies = 0;
        private boolean required = true;
        private String condition;
        private boolean licenceReplaceable;
        private String blankFormId;
        private String sampleId;
        private MultipartFile blankFormFile;
        private MultipartFile sampleFile;
        private boolean clearBlankForm;
        private boolean clearSample;
        private String form;
        private String sourceChannel;
        private String paperSpec;
        private String fillingInstructions;
        private String acceptanceStandard;
        private String basis;
        private String remark;
        private String replacingLicenceTypes;
        private boolean remove;

        static MaterialRow of(Guide.Material m) {
            MaterialRow row = new MaterialRow();
            row.name = m.name();
            row.source = m.source();
            row.originals = m.originals();
            row.copies = m.copies();
            row.required = m.required();
            row.condition = m.condition();
            row.licenceReplaceable = m.licenceReplaceable();
            row.blankFormId = m.blankFormId();
            row.sampleId = m.sampleId();
            row.form = m.form() == null ? null : m.form().code();
            row.sourceChannel =
                    m.sourceChannel() == null ? null : m.sourceChannel().code();
            row.paperSpec = m.paperSpec();
            row.fillingInstructions = m.fillingInstructions();
            row.acceptanceStandard = m.acceptanceStandard();
            row.basis = m.basis();
            row.remark = m.remark();
            row.replacingLicenceTypes =
                    m.replacingLicenceTypes().isEmpty() ? null : String.join(" ", m.replacingLicenceTypes());
            return row;
        }

        /** Nothing typed and no file: an uploaded form or sample alone is a row the editor meant to keep. */
        boolean isBlank() {
            return name == null
                    && source == null
                    && condition == null
                    && form == null
                    && sourceChannel == null
                    && paperSpec == null
                    && fillingInstructions == null
                    && acceptanceStandard == null
                    && basis == null
                    && remark == null
                    && replacingLicenceTypes == null
                    && !uploaded(blankFormFile)
                    && !uploaded(sampleFile)
                    && (blankFormId == null || clearBlankForm)
                    && (sampleId == null || clearSample);
        }

        private static boolean uploaded(MultipartFile file) {
            return file != null && !file.isEmpty();
        }

        Guide.Material toMaterial() {
            return new Guide.Material(
                    name,
                    source,
                    orZero(originals),
                    orZero(copies),
                    required,
                    condition,
                    // Naming the types that replace it says that a licence can.
                    licenceReplaceable || !licenceTypes(replacingLicenceTypes).isEmpty(),
                    blankFormId,
                    sampleId,
                    code(MaterialForm.class, form),
                    code(MaterialSource.class, sourceChannel),
                    paperSpec,
                    fillingInstructions,
                    acceptanceStandard,
                    basis,
                    remark,
                    licenceTypes(replacingLicenceTypes));
        }

        /** The codes as typed, separated by spaces, commas or new lines (、 and ， too). */
        static List<String> licenceTypes(String typed) {
            if (typed == null) {
                return List.of();
            }
            return Arrays.stream(typed.split("[\\s,，、;；]+"))
                    .filter(t -> !t.isEmpty())
                    .toList();
        }

        public String getForm() {
            return form;
        }

        public void setForm(String form) {
            this.form = form;
        }

        public String getSourceChannel() {
            return sourceChannel;
        }

        public void setSourceChannel(String sourceChannel) {
            this.sourceChannel = sourceChannel;
        }

        public String getPaperSpec() {
            return paperSpec;
        }

        public void setPaperSpec(String paperSpec) {
            this.paperSpec = paperSpec;
        }

        public String getFillingInstructions() {
            return fillingInstructions;
        }

        public void setFillingInstructions(String fillingInstructions) {
            this.fillingInstructions = fillingInstructions;
        }

        public String getAcceptanceStandard() {
            return acceptanceStandard;
        }

        public void setAcceptanceStandard(String acceptanceStandard) {
            this.acceptanceStandard = acceptanceStandard;
        }

        public String getBasis() {
            return basis;
        }

        public void setBasis(String basis) {
            this.basis = basis;
        }

        public String getRemark() {
            return remark;
        }

        public void setRemark(String remark) {
            this.remark = remark;
        }

        public String getReplacingLicenceTypes() {
            return replacingLicenceTypes;
        }

        public void setReplacingLicenceTypes(String replacingLicenceTypes) {
            this.replacingLicenceTypes = replacingLicenceTypes;
        }

        private static int orZero(Integer value) {
            return Optional.ofNullable(value).orElse(0);
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getSource() {
            return source;
        }

        public void setSource(String source) {
            this.source = source;
        }

        public Integer getOriginals() {
            return originals;
        }

        public void setOriginals(Integer originals) {
            this.originals = originals;
        }

        public Integer getCopies() {
            return copies;
        }

        public void setCopies(Integer copies) {
            this.copies = copies;
        }

        public boolean isRequired() {
            return required;
        }

        public void setRequired(boolean required) {
            this.required = required;
        }

        public String getCondition() {
            return condition;
        }

        public void setCondition(String condition) {
            this.condition = condition;
        }

        public boolean isLicenceReplaceable() {
            return licenceReplaceable;
        }

        public void setLicenceReplaceable(boolean licenceReplaceable) {
            this.licenceReplaceable = licenceReplaceable;
        }

        public String getBlankFormId() {
            return blankFormId;
        }

        public void setBlankFormId(String blankFormId) {
            this.blankFormId = blankFormId;
        }

        public String getSampleId() {
            return sampleId;
        }

        public void setSampleId(String sampleId) {
            this.sampleId = sampleId;
        }

        public MultipartFile getBlankFormFile() {
            return blankFormFile;
        }

        public void setBlankFormFile(MultipartFile blankFormFile) {
            this.blankFormFile = blankFormFile;
        }

        public MultipartFile getSampleFile() {
            return sampleFile;
        }

        public void setSampleFile(MultipartFile sampleFile) {
            this.sampleFile = sampleFile;
        }

        public boolean isClearBlankForm() {
            return clearBlankForm;
        }

        public void setClearBlankForm(boolean clearBlankForm) {
            this.clearBlankForm = clearBlankForm;
        }

        public boolean isClearSample() {
            return clearSample;
        }

        public void setClearSample(boolean clearSample) {
            this.clearSample = clearSample;
        }

        public boolean isRemove() {
            return remove;
        }

        public void setRemove(boolean remove) {
            this.remove = remove;
        }
    }

    public static class FeeRows {
        private boolean charged;
        private String basis;
        private List<FeeItemRow> items = new ArrayList<>();

        public boolean isCharged() {
            return charged;
        }

        public void setCharged(boolean charged) {
            this.charged = charged;
        }

        public String getBasis() {
            return basis;
        }

        public void setBasis(String basis) {
            this.basis = basis;
        }

        public List<FeeItemRow> getItems() {
            return items;
        }

        public void setItems(List<FeeItemRow> items) {
            this.items = items;
        }
    }

    public static class FeeItemRow {
        private String name;
        private String standard;
        private String relief;
        private boolean remove;

        public FeeItemRow() {}

        FeeItemRow(String name, String standard, String relief) {
            this.name = name;
            this.standard = standard;
            this.relief = relief;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getStandard() {
            return standard;
        }

        public void setStandard(String standard) {
            this.standard = standard;
        }

        public String getRelief() {
            return relief;
        }

        public void setRelief(String relief) {
            this.relief = relief;
        }

        public boolean isRemove() {
            return remove;
        }

        public void setRemove(boolean remove) {
            this.remove = remove;
        }
    }

    public static class SpecialRow {
        private String kind;
        private String note;

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }
    }

    public static class FaqRow {
        private String question;
        private String answer;
        private boolean remove;

        public FaqRow() {}

        FaqRow(String question, String answer) {
            this.question = question;
            this.answer = answer;
        }

        public String getQuestion() {
            return question;
        }

        public void setQuestion(String question) {
            this.question = question;
        }

        public String getAnswer() {
            return answer;
        }

        public void setAnswer(String answer) {
            this.answer = answer;
        }

        public boolean isRemove() {
            return remove;
        }

        public void setRemove(boolean remove) {
            this.remove = remove;
        }
    }

    /** 办理流程: the process (blank: the default of the 办件类型) and the roles of each review stage (none: the default). */
    public static class HandlingRow {
        private String processKey;
        private List<String> undertakeRoles = new ArrayList<>();
        private List<String> auditRoles = new ArrayList<>();
        private List<String> approveRoles = new ArrayList<>();

        public String getProcessKey() {
            return processKey;
        }

        public void setProcessKey(String processKey) {
            this.processKey = processKey;
        }

        public List<String> getUndertakeRoles() {
            return undertakeRoles;
        }

        public void setUndertakeRoles(List<String> undertakeRoles) {
            this.undertakeRoles = undertakeRoles == null ? new ArrayList<>() : undertakeRoles;
        }

        public List<String> getAuditRoles() {
            return auditRoles;
        }

        public void setAuditRoles(List<String> auditRoles) {
            this.auditRoles = auditRoles == null ? new ArrayList<>() : auditRoles;
        }

        public List<String> getApproveRoles() {
            return approveRoles;
        }

        public void setApproveRoles(List<String> approveRoles) {
            this.approveRoles = approveRoles == null ? new ArrayList<>() : approveRoles;
        }
    }

    public static class DelegationRow {
        private String organisationName;
        private String organisationUscc;

        public String getOrganisationName() {
            return organisationName;
        }

        public void setOrganisationName(String organisationName) {
            this.organisationName = organisationName;
        }

        public String getOrganisationUscc() {
            return organisationUscc;
        }

        public void setOrganisationUscc(String organisationUscc) {
            this.organisationUscc = organisationUscc;
        }
    }

    public static class IntermediaryRow {
        private String name;
        private String basis;
        private boolean required;
        private boolean remove;

        public IntermediaryRow() {}

        IntermediaryRow(String name, String basis, boolean required) {
            this.name = name;
            this.basis = basis;
            this.required = required;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getBasis() {
            return basis;
        }

        public void setBasis(String basis) {
            this.basis = basis;
        }

        public boolean isRequired() {
            return required;
        }

        public void setRequired(boolean required) {
            this.required = required;
        }

        public boolean isRemove() {
            return remove;
        }

        public void setRemove(boolean remove) {
            this.remove = remove;
        }
    }

    public static class ConvenienceRow {
        private boolean inServiceHall;
        private boolean onlinePayment;
        private boolean appointment;
        private boolean logistics;
        private boolean selfServiceTerminal;
        private String onlineAddress;
        private boolean ssoPc;
        private boolean ssoMobile;

        static ConvenienceRow of(Guide.Convenience c) {
            ConvenienceRow row = new ConvenienceRow();
            row.inServiceHall = c.inServiceHall();
            row.onlinePayment = c.onlinePayment();
            row.appointment = c.appointment();
            row.logistics = c.logistics();
            row.selfServiceTerminal = c.selfServiceTerminal();
            row.onlineAddress = c.onlineAddress();
            row.ssoPc = c.ssoPc();
            row.ssoMobile = c.ssoMobile();
            return row;
        }

        Guide.Convenience toConvenience() {
            return new Guide.Convenience(
                    inServiceHall,
                    onlinePayment,
                    appointment,
                    logistics,
                    selfServiceTerminal,
                    onlineAddress,
                    ssoPc,
                    ssoMobile);
        }

        public boolean isInServiceHall() {
            return inServiceHall;
        }

        public void setInServiceHall(boolean inServiceHall) {
            this.inServiceHall = inServiceHall;
        }

        public boolean isOnlinePayment() {
            return onlinePayment;
        }

        public void setOnlinePayment(boolean onlinePayment) {
            this.onlinePayment = onlinePayment;
        }

        public boolean isAppointment() {
            return appointment;
        }

        public void setAppointment(boolean appointment) {
            this.appointment = appointment;
        }

        public boolean isLogistics() {
            return logistics;
        }

        public void setLogistics(boolean logistics) {
            this.logistics = logistics;
        }

        public boolean isSelfServiceTerminal() {
            return selfServiceTerminal;
        }

        public void setSelfServiceTerminal(boolean selfServiceTerminal) {
            this.selfServiceTerminal = selfServiceTerminal;
        }

        public String getOnlineAddress() {
            return onlineAddress;
        }

        public void setOnlineAddress(String onlineAddress) {
            this.onlineAddress = onlineAddress;
        }

        public boolean isSsoPc() {
            return ssoPc;
        }

        public void setSsoPc(boolean ssoPc) {
            this.ssoPc = ssoPc;
        }

        public boolean isSsoMobile() {
            return ssoMobile;
        }

        public void setSsoMobile(boolean ssoMobile) {
            this.ssoMobile = ssoMobile;
        }
    }

    /** A provision cited by article (设定依据 of a 处罚, 强制 or 检查). */
    public static class ArticleRow {
        private String document;
        private String article;
        private String content;
        private boolean remove;

        public ArticleRow() {}

        ArticleRow(Guide.Article a) {
            this.document = a.document();
            this.article = a.article();
            this.content = a.content();
        }

        static List<ArticleRow> rows(List<Guide.Article> articles) {
            return new ArrayList<>(articles.stream().map(ArticleRow::new).toList());
        }

        static List<ArticleRow> compact(List<ArticleRow> rows) {
            return new ArrayList<>(rows.stream()
                    .filter(r -> !r.remove && !(r.document == null && r.article == null && r.content == null))
                    .toList());
        }

        static List<Guide.Article> articles(List<ArticleRow> rows) {
            return rows.stream()
                    .map(r -> new Guide.Article(r.document, r.article, r.content))
                    .toList();
        }

        public String getDocument() {
            return document;
        }

        public void setDocument(String document) {
            this.document = document;
        }

        public String getArticle() {
            return article;
        }

        public void setArticle(String article) {
            this.article = article;
        }

        public String getContent() {
            return content;
        }

        public void setContent(String content) {
            this.content = content;
        }

        public boolean isRemove() {
            return remove;
        }

        public void setRemove(boolean remove) {
            this.remove = remove;
        }
    }

    public static class DiscretionRow {
        private String circumstance;
        private String standard;
        private boolean remove;

        public DiscretionRow() {}

        DiscretionRow(String circumstance, String standard) {
            this.circumstance = circumstance;
            this.standard = standard;
        }

        public String getCircumstance() {
            return circumstance;
        }

        public void setCircumstance(String circumstance) {
            this.circumstance = circumstance;
        }

        public String getStandard() {
            return standard;
        }

        public void setStandard(String standard) {
            this.standard = standard;
        }

        public boolean isRemove() {
            return remove;
        }

        public void setRemove(boolean remove) {
            this.remove = remove;
        }
    }

    /** 行政处罚: none when nothing of it is filled in. */
    public static class PenaltyRows {
        private String violation;
        private List<String> kinds = new ArrayList<>();
        private List<DiscretionRow> discretion = new ArrayList<>();
        private List<ArticleRow> basis = new ArrayList<>();

        static PenaltyRows of(Guide.Penalty p) {
            PenaltyRows rows = new PenaltyRows();
            if (p != null) {
                rows.violation = p.violation();
                p.kinds().forEach(k -> rows.kinds.add(k.code()));
                p.discretion().forEach(d -> rows.discretion.add(new DiscretionRow(d.circumstance(), d.standard())));
                rows.basis = ArticleRow.rows(p.basis());
            }
            return rows;
        }

        Guide.Penalty toPenalty() {
            if (violation == null && kinds.isEmpty() && discretion.isEmpty() && basis.isEmpty()) {
                return null;
            }
            return new Guide.Penalty(
                    violation,
                    codes(PenaltyKind.class, kinds),
                    discretion.stream()
                            .map(d -> new Guide.Discretion(d.circumstance, d.standard))
                            .toList(),
                    ArticleRow.articles(basis));
        }

        public String getViolation() {
            return violation;
        }

        public void setViolation(String violation) {
            this.violation = violation;
        }

        public List<String> getKinds() {
            return kinds;
        }

        public void setKinds(List<String> kinds) {
            this.kinds = kinds == null ? new ArrayList<>() : kinds;
        }

        public List<DiscretionRow> getDiscretion() {
            return discretion;
        }

        public void setDiscretion(List<DiscretionRow> discretion) {
            this.discretion = discretion;
        }

        public List<ArticleRow> getBasis() {
            return basis;
        }

        public void setBasis(List<ArticleRow> basis) {
            this.basis = basis;
        }
    }

    /** 行政强制: none when nothing of it is filled in. */
    public static class CompulsionRows {
        private List<String> kinds = new ArrayList<>();
        private String circumstances;
        private List<ArticleRow> basis = new ArrayList<>();

        static CompulsionRows of(Guide.Compulsion c) {
            CompulsionRows rows = new CompulsionRows();
            if (c != null) {
                c.kinds().forEach(k -> rows.kinds.add(k.code()));
                rows.circumstances = c.circumstances();
                rows.basis = ArticleRow.rows(c.basis());
            }
            return rows;
        }

        Guide.Compulsion toCompulsion() {
            if (kinds.isEmpty() && circumstances == null && basis.isEmpty()) {
                return null;
            }
            return new Guide.Compulsion(codes(CompulsionKind.class, kinds), circumstances, ArticleRow.articles(basis));
        }

        public List<String> getKinds() {
            return kinds;
        }

        public void setKinds(List<String> kinds) {
            this.kinds = kinds == null ? new ArrayList<>() : kinds;
        }

        public String getCircumstances() {
            return circumstances;
        }

        public void setCircumstances(String circumstances) {
            this.circumstances = circumstances;
        }

        public List<ArticleRow> getBasis() {
            return basis;
        }

        public void setBasis(List<ArticleRow> basis) {
            this.basis = basis;
        }
    }

    /** 行政检查: none when nothing of it is filled in. */
    public static class InspectionRows {
        private String objects;
        private String content;
        private String method;
        private String frequency;
        private List<ArticleRow> basis = new ArrayList<>();

        static InspectionRows of(Guide.Inspection i) {
            InspectionRows rows = new InspectionRows();
            if (i != null) {
                rows.objects = i.objects();
                rows.content = i.content();
                rows.method = i.method();
                rows.frequency = i.frequency();
                rows.basis = ArticleRow.rows(i.basis());
            }
            return rows;
        }

        Guide.Inspection toInspection() {
            if (objects == null && content == null && method == null && frequency == null && basis.isEmpty()) {
                return null;
            }
            return new Guide.Inspection(objects, content, method, frequency, ArticleRow.articles(basis));
        }

        public String getObjects() {
            return objects;
        }

        public void setObjects(String objects) {
            this.objects = objects;
        }

        public String getContent() {
            return content;
        }

        public void setContent(String content) {
            this.content = content;
        }

        public String getMethod() {
            return method;
        }

        public void setMethod(String method) {
            this.method = method;
        }

        public String getFrequency() {
            return frequency;
        }

        public void setFrequency(String frequency) {
            this.frequency = frequency;
        }

        public List<ArticleRow> getBasis() {
            return basis;
        }

        public void setBasis(List<ArticleRow> basis) {
            this.basis = basis;
        }
    }

    // ---- accessors for binding ----

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRevision() {
        return revision;
    }

    public void setRevision(String revision) {
        this.revision = revision;
    }

    public String getChangeNote() {
        return changeNote;
    }

    public void setChangeNote(String changeNote) {
        this.changeNote = changeNote;
    }

    public String getLegalBasis() {
        return legalBasis;
    }

    public void setLegalBasis(String legalBasis) {
        this.legalBasis = legalBasis;
    }

    public String getConditions() {
        return conditions;
    }

    public void setConditions(String conditions) {
        this.conditions = conditions;
    }

    public List<StepRow> getSteps() {
        return steps;
    }

    public void setSteps(List<StepRow> steps) {
        this.steps = steps;
    }

    public LimitRow getStatutoryLimit() {
        return statutoryLimit;
    }

    public void setStatutoryLimit(LimitRow statutoryLimit) {
        this.statutoryLimit = statutoryLimit;
    }

    public LimitRow getPromisedLimit() {
        return promisedLimit;
    }

    public void setPromisedLimit(LimitRow promisedLimit) {
        this.promisedLimit = promisedLimit;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public String getOfficeHours() {
        return officeHours;
    }

    public void setOfficeHours(String officeHours) {
        this.officeHours = officeHours;
    }

    public String getConsultPhone() {
        return consultPhone;
    }

    public void setConsultPhone(String consultPhone) {
        this.consultPhone = consultPhone;
    }

    public String getComplaintPhone() {
        return complaintPhone;
    }

    public void setComplaintPhone(String complaintPhone) {
        this.complaintPhone = complaintPhone;
    }

    public List<MaterialRow> getMaterials() {
        return materials;
    }

    public void setMaterials(List<MaterialRow> materials) {
        this.materials = materials;
    }

    public FeeRows getFee() {
        return fee;
    }

    public void setFee(FeeRows fee) {
        this.fee = fee;
    }

    public String getRealNameLevel() {
        return realNameLevel;
    }

    public void setRealNameLevel(String realNameLevel) {
        this.realNameLevel = realNameLevel;
    }

    public List<String> getOnlineDepths() {
        return onlineDepths;
    }

    public void setOnlineDepths(List<String> onlineDepths) {
        this.onlineDepths = onlineDepths;
    }

    public Integer getVisits() {
        return visits;
    }

    public void setVisits(Integer visits) {
        this.visits = visits;
    }

    public String getVisitsReason() {
        return visitsReason;
    }

    public void setVisitsReason(String visitsReason) {
        this.visitsReason = visitsReason;
    }

    public List<String> getChannels() {
        return channels;
    }

    public void setChannels(List<String> channels) {
        this.channels = channels;
    }

    public String getCaseKind() {
        return caseKind;
    }

    public void setCaseKind(String caseKind) {
        this.caseKind = caseKind;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public List<String> getServiceObjects() {
        return serviceObjects;
    }

    public void setServiceObjects(List<String> serviceObjects) {
        this.serviceObjects = serviceObjects;
    }

    public List<String> getThemes() {
        return themes;
    }

    public void setThemes(List<String> themes) {
        this.themes = themes;
    }

    public String getResultName() {
        return resultName;
    }

    public void setResultName(String resultName) {
        this.resultName = resultName;
    }

    public SpecialRow getSpecialProcedure() {
        return specialProcedure;
    }

    public void setSpecialProcedure(SpecialRow specialProcedure) {
        this.specialProcedure = specialProcedure;
    }

    public List<FaqRow> getFaqs() {
        return faqs;
    }

    public void setFaqs(List<FaqRow> faqs) {
        this.faqs = faqs;
    }

    public String getPowerSource() {
        return powerSource;
    }

    public void setPowerSource(String powerSource) {
        this.powerSource = powerSource;
    }

    public DelegationRow getDelegation() {
        return delegation;
    }

    public HandlingRow getHandling() {
        return handling;
    }

    public void setHandling(HandlingRow handling) {
        this.handling = handling;
    }

    public void setDelegation(DelegationRow delegation) {
        this.delegation = delegation;
    }

    public List<String> getJointOrganisations() {
        return jointOrganisations;
    }

    public void setJointOrganisations(List<String> jointOrganisations) {
        this.jointOrganisations = jointOrganisations;
    }

    public String getResultType() {
        return resultType;
    }

    public void setResultType(String resultType) {
        this.resultType = resultType;
    }

    public String getResultSampleId() {
        return resultSampleId;
    }

    public void setResultSampleId(String resultSampleId) {
        this.resultSampleId = resultSampleId;
    }

    public MultipartFile getResultSampleFile() {
        return resultSampleFile;
    }

    public void setResultSampleFile(MultipartFile resultSampleFile) {
        this.resultSampleFile = resultSampleFile;
    }

    public boolean isClearResultSample() {
        return clearResultSample;
    }

    public void setClearResultSample(boolean clearResultSample) {
        this.clearResultSample = clearResultSample;
    }

    public List<IntermediaryRow> getIntermediaries() {
        return intermediaries;
    }

    public void setIntermediaries(List<IntermediaryRow> intermediaries) {
        this.intermediaries = intermediaries;
    }

    public String getQuantityLimit() {
        return quantityLimit;
    }

    public void setQuantityLimit(String quantityLimit) {
        this.quantityLimit = quantityLimit;
    }

    public ConvenienceRow getConvenience() {
        return convenience;
    }

    public void setConvenience(ConvenienceRow convenience) {
        this.convenience = convenience;
    }

    public LocalDate getPlannedEffectiveDate() {
        return plannedEffectiveDate;
    }

    public void setPlannedEffectiveDate(LocalDate plannedEffectiveDate) {
        this.plannedEffectiveDate = plannedEffectiveDate;
    }

    public LocalDate getPlannedCancellationDate() {
        return plannedCancellationDate;
    }

    public void setPlannedCancellationDate(LocalDate plannedCancellationDate) {
        this.plannedCancellationDate = plannedCancellationDate;
    }

    public PenaltyRows getPenalty() {
        return penalty;
    }

    public void setPenalty(PenaltyRows penalty) {
        this.penalty = penalty;
    }

    public CompulsionRows getCompulsion() {
        return compulsion;
    }

    public void setCompulsion(CompulsionRows compulsion) {
        this.compulsion = compulsion;
    }

    public InspectionRows getInspection() {
        return inspection;
    }

    public void setInspection(InspectionRows inspection) {
        this.inspection = inspection;
    }
}
