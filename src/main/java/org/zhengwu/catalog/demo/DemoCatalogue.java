package org.zhengwu.catalog.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.zhengwu.basedata.Divisions;
import org.zhengwu.basedata.ExerciseLevel;
import org.zhengwu.basedata.Organisation;
import org.zhengwu.basedata.Organisations;
import org.zhengwu.catalog.ApplicationForm;
import org.zhengwu.catalog.Guide;
import org.zhengwu.catalog.GuideRules;
import org.zhengwu.catalog.HandlingChannel;
import org.zhengwu.catalog.ItemType;
import org.zhengwu.catalog.MaterialForm;
import org.zhengwu.catalog.MaterialSource;
import org.zhengwu.catalog.OnlineDepth;
import org.zhengwu.catalog.PowerSource;
import org.zhengwu.catalog.ResultType;
import org.zhengwu.catalog.ServiceObject;
import org.zhengwu.catalog.ServiceTheme;
import org.zhengwu.catalog.attachment.AttachmentStore;
import org.zhengwu.catalog.entry.BaseItemRecord;
import org.zhengwu.catalog.entry.CatalogEditing;
import org.zhengwu.catalog.entry.VersionRecord;
import org.zhengwu.identity.RealNameLevel;
import org.zhengwu.shared.codes.CodeTable;
import org.zhengwu.shared.csv.CsvTable;
import org.zhengwu.shared.database.OnceTasks;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo catalogue once: every item of {@code demo/catalogue.yml} becomes a base-list item (sub-items become
 * 子项 under their main item) and an entry for each listed region's department, published through the same
 * checks and steps an administrator goes through.
 */
@Component
@Order(30)
@ConditionalOnBooleanProperty("zhengwu.demo-data.enabled")
class DemoCatalogue implements ApplicationRunner {

    static final String ACTOR = "system";
    /** A second name, so that the demo also loads where approvers must differ from authors. */
    static final String REVIEWER = "system-review";

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogue.class);
    private static final String OFFICE_HOURS = "工作日 上午 9:00—12:00，下午 13:00—17:00（法定节假日除外）";
    private static final String COMPLAINT_PHONE = "12345";

    private final CatalogEditing editing;
    private final Organisations organisations;
    private final Divisions divisions;
    private final OnceTasks onceTasks;
    private final AttachmentStore attachments;
    private final Map<String, String> forms = new HashMap<>();
    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    DemoCatalogue(
            CatalogEditing editing,
            Organisations organisations,
            Divisions divisions,
            OnceTasks onceTasks,
            AttachmentStore attachments) {
        this.editing = editing;
        this.organisations = organisations;
        this.divisions = divisions;
        this.onceTasks = onceTasks;
        this.attachments = attachments;
    }

    @Override
    public void run(ApplicationArguments args) {
        onceTasks.runOnce("demo.catalogue", this::load);
    }

    private void load() {
        Map<String, String> departments = departments();
        int entries = 0;
        for (Map<String, Object> raw : items()) {
            DemoCatalogueFile.Item item = json.convertValue(raw, DemoCatalogueFile.Item.class);
            ItemType type = CodeTable.requireCode(ItemType.class, item.type());
            BaseItemRecord main = editing.createBaseItem(item.name(), type, null, levels(raw, departments), ACTOR);
            if (item.subItems() == null || item.subItems().isEmpty()) {
                entries += implement(main, item, departments);
                continue;
            }
            for (Map<String, Object> sub : item.subItems()) {
                Map<String, Object> merged = new LinkedHashMap<>(raw);
                merged.remove("subItems");
                merged.putAll(sub);
                DemoCatalogueFile.Item subItem = json.convertValue(merged, DemoCatalogueFile.Item.class);
                BaseItemRecord base = editing.createBaseItem(
                        subItem.name(), type, main.baseCode(), levels(merged, departments), ACTOR);
                entries += implement(base, subItem, departments);
            }
        }
        log.info("Demo catalogue: {} published entries", entries);
    }

    /** The 行使层级 of the departments implementing an item (and, for a main item, each of its sub-items). */
    private Set<ExerciseLevel> levels(Map<String, Object> raw, Map<String, String> departments) {
        List<Map<String, Object>> parts = new ArrayList<>();
        parts.add(raw);
        Object subItems = raw.get("subItems");
        if (subItems instanceof List<?> list) {
            for (Object sub : list) {
                @SuppressWarnings("unchecked")
                Map<String, Object> merged = new LinkedHashMap<>(raw);
                merged.putAll((Map<String, Object>) sub);
                parts.add(merged);
            }
        }
        Set<ExerciseLevel> levels = EnumSet.noneOf(ExerciseLevel.class);
        for (Map<String, Object> part : parts) {
            for (Object region : (List<?>) part.get("regions")) {
                String uscc = departments.get(region + "." + part.get("department"));
                if (uscc != null) {
                    organisations.find(uscc).ifPresent(o -> levels.add(o.exerciseLevel()));
                }
            }
        }
        return levels;
    }

    private int implement(BaseItemRecord base, DemoCatalogueFile.Item item, Map<String, String> departments) {
        for (String region : item.regions()) {
            String key = region + "." + item.department();
            String uscc = departments.get(key);
            if (uscc == null) {
                throw new IllegalStateException("demo item " + item.name() + ": no department " + key);
            }
            Organisation organisation = organisations
                    .find(uscc)
                    .orElseThrow(() -> new IllegalStateException("demo department " + key + " is not registered"));
            Guide guide = guide(item, organisation, base.itemType(), delegation(item, uscc, departments));
            List<GuideRules.Violation> violations = editing.check(guide, base.itemType());
            if (!violations.isEmpty()) {
                throw new IllegalStateException("demo item " + item.name() + " breaks the guide rules: " + violations);
            }
            VersionRecord draft = editing.createEntry(base.baseCode(), uscc, item.name(), guide, ACTOR);
            editing.submit(draft.id(), ACTOR);
            editing.approve(draft.id(), REVIEWER);
            editing.publish(draft.id(), REVIEWER);
        }
        return item.regions().size();
    }

    /**
     * 委托部门 of an entry: the organisation the yaml names by department key, unless the entry is that organisation's
     * own, which holds the power by law.
     */
    private Guide.Delegation delegation(DemoCatalogueFile.Item item, String uscc, Map<String, String> departments) {
        if (item.delegation() == null) {
            return null;
        }
        String delegating = departments.get(item.delegation());
        if (delegating == null) {
            throw new IllegalStateException("demo item " + item.name() + ": no department " + item.delegation());
        }
        if (delegating.equals(uscc)) {
            return null;
        }
        Organisation organisation = organisations
                .find(delegating)
                .orElseThrow(() -> new IllegalStateException("demo department " + delegating + " is not registered"));
        return new Guide.Delegation(organisation.name(), organisation.uscc());
    }

    private Guide guide(
            DemoCatalogueFile.Item item, Organisation organisation, ItemType type, Guide.Delegation delegation) {
        boolean online = item.depth() >= 2
                && (item.channels().contains(HandlingChannel.PC)
                        || item.channels().contains(HandlingChannel.MOBILE));
        List<Guide.Material> materials = item.materials() == null
                ? List.of()
                : item.materials().stream()
                        .map(m -> new Guide.Material(
                                m.name(),
                                m.source(),
                                m.originals(),
                                m.copies(),
                                m.required(),
                                m.condition(),
                                m.licence()
                                        || m.licenceTypes() != null
                                                && !m.licenceTypes().isEmpty(),
                                m.form() ? form(m.name(), item.name(), false) : null,
                                m.form() ? form(m.name(), item.name(), true) : null,
                                online ? MaterialForm.PAPER_AND_ELECTRONIC : MaterialForm.PAPER,
                                m.sourceChannel() == null ? sourceChannel(m.source()) : m.sourceChannel(),
                                m.paperSpec(),
                                m.fillingInstructions(),
                                m.acceptanceStandard(),
                                m.basis(),
                                m.remark(),
                                m.licenceTypes() == null ? List.of() : m.licenceTypes()))
                        .toList();
        Guide.Fee fee = item.fee() == null
                ? Guide.Fee.free()
                : new Guide.Fee(
                        true,
                        item.fee().basis(),
                        item.fee().items().stream()
                                .map(f -> new Guide.FeeItem(f.name(), f.standard(), f.relief()))
                                .toList());
        return Guide.builder()
                .legalBasis(item.basis())
                .conditions(item.conditions())
                .steps(item.steps().stream()
                        .map(s -> new Guide.Step(s.name(), s.description()))
                        .toList())
                .statutoryLimit(limit(item.statutory()))
                .promisedLimit(limit(item.promised()))
                .location(location(organisation))
                .officeHours(OFFICE_HOURS)
                .consultPhone(organisation.phone())
                .complaintPhone(COMPLAINT_PHONE)
                .materials(materials)
                .fee(fee)
                .onlineDepths(item.depths() == null ? depths(item.depth()) : item.depths())
                .visits(item.visits())
                .visitsReason(item.visitsReason())
                .channels(item.channels())
                .caseKind(item.caseKind())
                .scope(item.scope())
                .serviceObjects(item.objects())
                .themes(
                        item.themes() == null
                                ? List.of()
                                : item.themes().stream()
                                        .map(code -> CodeTable.requireCode(ServiceTheme.class, code))
                                        .toList())
                .resultName(item.result())
                .specialProcedure(
                        item.specialProcedure() == null
                                ? null
                                : new Guide.SpecialProcedure(
                                        item.specialProcedure().kind(),
                                        item.specialProcedure().note()))
                .faqs(
                        item.faqs() == null
                                ? List.of()
                                : item.faqs().stream()
                                        .map(f -> new Guide.Faq(f.q(), f.a()))
                                        .toList())
                .realNameLevel(requiredLevel(item))
                .powerSource(powerSource(item, type, delegation))
                .delegation(delegation)
                .resultType(item.resultType() == null ? resultType(item.result()) : item.resultType())
                .jointOrganisations(item.jointOrganisations())
                .intermediaries(
                        item.intermediaries() == null
                                ? List.of()
                                : item.intermediaries().stream()
                                        .map(i -> new Guide.Intermediary(i.name(), i.basis(), i.required()))
                                        .toList())
                .quantityLimit(item.quantityLimit())
                .convenience(convenience(item.convenience()))
                .penalty(penalty(item.penalty()))
                .compulsion(compulsion(item.compulsion()))
                .inspection(inspection(item.inspection()))
                .applicationForm(
                        item.form() != null
                                ? item.form()
                                : online && !type.enforcement()
                                        ? ApplicationForm.standard(Set.copyOf(item.objects()))
                                        : null)
                .handling(item.handling())
                .build();
    }

    /** 权力来源: none for public services; by law unless the yaml says otherwise and the entry is delegated. */
    private static PowerSource powerSource(DemoCatalogueFile.Item item, ItemType type, Guide.Delegation delegation) {
        if (!type.administrativePower()) {
            return null;
        }
        return item.powerSource() == null || delegation == null ? PowerSource.STATUTORY : item.powerSource();
    }

    private static Guide.Convenience convenience(DemoCatalogueFile.Convenience c) {
        return c == null
                ? Guide.Convenience.none()
                : new Guide.Convenience(
                        c.inServiceHall(),
                        c.onlinePayment(),
                        c.appointment(),
                        c.logistics(),
                        c.selfServiceTerminal(),
                        c.onlineAddress(),
                        c.ssoPc(),
                        c.ssoMobile());
    }

    private static Guide.Penalty penalty(DemoCatalogueFile.Penalty p) {
        return p == null
                ? null
                : new Guide.Penalty(
                        p.violation(),
                        Set.copyOf(p.kinds()),
                        p.discretion().stream()
                                .map(d -> new Guide.Discretion(d.circumstance(), d.standard()))
                                .toList(),
                        articles(p.basis()));
    }

    private static Guide.Compulsion compulsion(DemoCatalogueFile.Compulsion c) {
        return c == null ? null : new Guide.Compulsion(Set.copyOf(c.kinds()), c.circumstances(), articles(c.basis()));
    }

    private static Guide.Inspection inspection(DemoCatalogueFile.Inspection i) {
        return i == null
                ? null
                : new Guide.Inspection(i.objects(), i.content(), i.method(), i.frequency(), articles(i.basis()));
    }

    private static List<Guide.Article> articles(List<DemoCatalogueFile.Article> articles) {
        return articles == null
                ? List.of()
                : articles.stream()
                        .map(a -> new Guide.Article(a.document(), a.article(), a.content()))
                        .toList();
    }

    /**
     * The national 网上办理深度 codes of the demo's Ⅰ–Ⅳ level, as the upgrade of an earlier database maps them: each
     * level includes what the levels below it offer, and Ⅳ adds online acceptance, handling and the result.
     */
    static List<OnlineDepth> depths(int level) {
        List<OnlineDepth> all = List.of(
                OnlineDepth.CONSULTATION,
                OnlineDepth.SUBMISSION,
                OnlineDepth.PRE_EXAMINATION,
                OnlineDepth.ACCEPTANCE,
                OnlineDepth.HANDLING,
                OnlineDepth.RESULT_FEEDBACK);
        return level >= 4 ? all : all.subList(0, level);
    }

    private static final Pattern GOVERNMENT_ISSUER =
            Pattern.compile(".*(机关|部门|局|厅|委员会|政府|法院|公安|税务|海关|市场监督|民政|人力资源|不动产|卫生健康|办事处).*");

    /** 来源渠道 from the demo's issuer text: the applicant, a government body, or someone else. */
    static MaterialSource sourceChannel(String source) {
        if (source == null || source.contains("申请人")) {
            return MaterialSource.APPLICANT;
        }
        return GOVERNMENT_ISSUER.matcher(source).matches() ? MaterialSource.GOVERNMENT : MaterialSource.OTHER;
    }

    private static final Pattern LICENCE_RESULT = Pattern.compile(".*(证|执照|证书|牌照|许可).*");

    /** 审批结果类型 from the result's name: a certificate or licence, otherwise a written decision. */
    static ResultType resultType(String resultName) {
        return resultName != null && LICENCE_RESULT.matcher(resultName).matches()
                ? ResultType.LICENCE
                : ResultType.DOCUMENT;
    }

    /**
     * The demo's rule for the level an online application needs: an entry that serves only organisations is
     * applied for by their representative or agent, whose enterprise account already needs L3; a person's entry
     * needs the matched identity (L2).
     */
    private static RealNameLevel requiredLevel(DemoCatalogueFile.Item item) {
        return item.objects().contains(ServiceObject.NATURAL_PERSON)
                ? RealNameLevel.ID_MATCHED
                : RealNameLevel.MOBILE_VERIFIED;
    }

    /** A blank form or sample for a material, stored once however many entries share it. */
    private String form(String materialName, String itemName, boolean sample) {
        String key = materialName + "|" + itemName + "|" + sample;
        return forms.computeIfAbsent(
                key,
                k -> attachments.store(
                        materialName + (sample ? "（示例样表）" : "（空白表格）") + ".pdf",
                        sample ? DemoForms.sample(materialName, itemName) : DemoForms.blank(materialName, itemName),
                        ACTOR));
    }

    private static Guide.TimeLimit limit(DemoCatalogueFile.Limit limit) {
        return limit == null ? null : new Guide.TimeLimit(limit.value(), limit.unit(), limit.note());
    }

    /** The service hall where the organisation has its window. */
    private String location(Organisation organisation) {
        String region = divisions
                .current(organisation.divisionCode())
                .map(d -> d.name())
                .orElse("");
        String hall = organisation.name().endsWith("街道办事处")
                ? organisation.name().replace("办事处", "便民服务中心")
                : region + "政务服务中心";
        return hall + " " + organisation.name() + "窗口（" + organisation.address() + "）";
    }

    /** The demo's departments by key (demo/catalogue-departments.csv): their 统一社会信用代码. */
    static Map<String, String> departments() {
        try (InputStream in = new ClassPathResource("demo/catalogue-departments.csv").getInputStream()) {
            Map<String, String> departments = new HashMap<>();
            CsvTable.read(in).rows().forEach(row -> departments.put(row.get("key"), row.get("uscc")));
            return departments;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CsvTable.MalformedCsvException e) {
            throw new IllegalStateException("demo/catalogue-departments.csv is not valid CSV", e);
        }
    }

    private static List<Map<String, Object>> items() {
        return yamlList("demo/catalogue.yml", "items");
    }

    /** The list under {@code key} of a demo YAML file on the classpath, read with the safe constructor. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> yamlList(String resource, String key) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return new ArrayList<>((List<Map<String, Object>>) root.get(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
