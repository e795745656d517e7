package org.zhengwu.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.zhengwu.basedata.ExerciseLevel;
import org.zhengwu.shared.codes.UnifiedSocialCreditCode;

/**
 * The consistency rules a guide must satisfy before it can be saved, reviewed or published. Pure: the same rules
 * check the administrator's form, the demo data and imports.
 */
public final class GuideRules {

    public static final int MAX_TEXT = 4000;
    public static final int MAX_NAME = 200;
    public static final int MAX_LIMIT = 999;
    public static final int MAX_VISITS = 10;
    public static final int MAX_COPIES = 99;
    /** The path under which the rules of a guide's {@link ApplicationForm} name its elements. */
    public static final String APPLICATION_FORM = "applicationForm";

    /** A broken rule: the form field it concerns (as a property path), a message key and its values. */
    public record Violation(String field, String messageKey, List<Object> arguments) {
        public Violation {
            arguments = List.copyOf(arguments);
        }

        public Object[] argumentArray() {
            return arguments.toArray();
        }
    }

    private final List<Violation> violations = new ArrayList<>();

    private GuideRules() {}

    /** A 证照类型 code (GB/T 36902): the defining organisation's 统一社会信用代码 and a three-digit sequence. */
    private static final Pattern LICENCE_TYPE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}[0-9]{3}");

    private static final Set<PowerSource> ENTRUSTED =
            Set.of(PowerSource.ENTRUSTED_FROM_ABOVE, PowerSource.ENTRUSTED_BY_PEER);

    /** Checks the guide of an entry whose base item is of {@code type}. */
    public static List<Violation> check(Guide guide, ItemType type) {
        GuideRules rules = new GuideRules();
        rules.checkTexts(guide, type);
        rules.checkSteps(guide.steps());
        rules.checkLimits(guide);
        rules.checkPower(guide, type);
        if (type.enforcement()) {
            rules.checkEnforcement(guide, type);
        } else {
            rules.checkApplication(guide);
        }
        rules.checkMaterials(guide.materials());
        rules.checkFee(guide.fee());
        rules.checkConvenience(guide);
        rules.checkFaqs(guide.faqs());
        if (guide.specialProcedure() != null && blank(guide.specialProcedure().note())) {
            rules.add("specialProcedure.note", "guide.rule.special-procedure-note");
        }
        if (guide.applicationForm() != null) {
            if (type.enforcement()) {
                rules.add(APPLICATION_FORM, "applicationForm.rule.enforcement");
            } else {
                ApplicationFormRules.check(guide.applicationForm())
                        .forEach(v -> rules.violations.add(
                                new Violation(APPLICATION_FORM + "." + v.field(), v.messageKey(), v.arguments())));
            }
        }
        return List.copyOf(rules.violations);
    }

    /**
     * The 行使层级 rules: 村（社区）级 only for 公共服务.
     *
     * @param field the form field the level comes from
     */
    public static List<Violation> checkLevel(ItemType type, ExerciseLevel level, String field) {
        if (level == ExerciseLevel.VILLAGE && type != ItemType.PUBLIC_SERVICE) {
            return List.of(new Violation(field, "guide.rule.village-public-service-only", List.of()));
        }
        return List.of();
    }

    private void checkApplication(Guide guide) {
        requiredText("conditions", guide.conditions(), MAX_TEXT);
        if (guide.onlineDepths().isEmpty()) {
            add("onlineDepths", "guide.rule.online-depths");
        }
        if (guide.caseKind() == null) {
            add("caseKind", "validation.choose");
        }
        if (guide.scope() == null) {
            add("scope", "validation.choose");
        }
        if (guide.resultType() == null) {
            add("resultType", "validation.choose");
        }
        if (guide.caseKind() != null
                && guide.caseKind() != CaseKind.IMMEDIATE
                && guide.promisedLimit() != null
                && guide.promisedLimit().value() == 0) {
            add("caseKind", "guide.rule.immediate-limit-needs-immediate-case");
        }
        for (int i = 0; i < guide.intermediaries().size(); i++) {
            Guide.Intermediary intermediary = guide.intermediaries().get(i);
            requiredText("intermediaries[" + i + "].name", intermediary.name(), MAX_NAME);
            requiredText("intermediaries[" + i + "].basis", intermediary.basis(), MAX_TEXT);
        }
        for (int i = 0; i < guide.jointOrganisations().size(); i++) {
            requiredText(
                    "jointOrganisations[" + i + "]", guide.jointOrganisations().get(i), MAX_NAME);
        }
        optionalText("quantityLimit", guide.quantityLimit(), MAX_TEXT);
        checkVisitsAndChannels(guide);
        if (guide.penalty() != null || guide.compulsion() != null || guide.inspection() != null) {
            add("type", "guide.rule.enforcement-elements-for-enforcement-only");
        }
    }

    /** 处罚, 强制 and 检查 are exercised on someone: no application, materials or fee, but elements of their own. */
    private void checkEnforcement(Guide guide, ItemType type) {
        if (!guide.materials().isEmpty()) {
            add("materials", "guide.rule.no-materials-for-enforcement");
        }
        if (guide.fee() != null && guide.fee().charged()) {
            add("fee.charged", "guide.rule.no-fee-for-enforcement");
        }
        if (!guide.intermediaries().isEmpty()) {
            add("intermediaries", "guide.rule.no-application-for-enforcement");
        }
        if (guide.visits() < 0 || guide.visits() > MAX_VISITS) {
            add("visits", "validation.range", 0, MAX_VISITS);
        }
        boolean foreignSection = (type != ItemType.PENALTY && guide.penalty() != null)
                || (type != ItemType.COMPULSION && guide.compulsion() != null)
                || (type != ItemType.INSPECTION && guide.inspection() != null);
        switch (type) {
            case PENALTY -> {
                if (guide.penalty() == null) {
                    add("penalty.violation", "validation.required");
                } else {
                    checkPenalty(guide.penalty());
                }
            }
            case COMPULSION -> {
                if (guide.compulsion() == null) {
                    add("compulsion.kinds", "guide.rule.compulsion-kinds");
                } else {
                    checkCompulsion(guide.compulsion());
                }
            }
            default -> {
                if (guide.inspection() == null) {
                    add("inspection.objects", "validation.required");
                } else {
                    checkInspection(guide.inspection());
                }
            }
        }
        if (foreignSection) {
            add("type", "guide.rule.enforcement-elements-for-enforcement-only");
        }
    }

    private void checkPenalty(Guide.Penalty penalty) {
        requiredText("penalty.violation", penalty.violation(), MAX_TEXT);
        if (penalty.kinds().isEmpty()) {
            add("penalty.kinds", "guide.rule.penalty-kinds");
        }
        if (penalty.discretion().isEmpty()) {
            add("penalty.discretion", "guide.rule.penalty-discretion");
        }
        for (int i = 0; i < penalty.discretion().size(); i++) {
            requiredText(
                    "penalty.discretion[" + i + "].circumstance",
                    penalty.discretion().get(i).circumstance(),
                    MAX_TEXT);
            requiredText(
                    "penalty.discretion[" + i + "].standard",
                    penalty.discretion().get(i).standard(),
                    MAX_TEXT);
        }
        checkArticles("penalty.basis", penalty.basis());
    }

    private void checkCompulsion(Guide.Compulsion compulsion) {
        if (compulsion.kinds().isEmpty()) {
            add("compulsion.kinds", "guide.rule.compulsion-kinds");
        }
        requiredText("compulsion.circumstances", compulsion.circumstances(), MAX_TEXT);
        checkArticles("compulsion.basis", compulsion.basis());
    }

    private void checkInspection(Guide.Inspection inspection) {
        requiredText("inspection.objects", inspection.objects(), MAX_TEXT);
        requiredText("inspection.content", inspection.content(), MAX_TEXT);
        requiredText("inspection.method", inspection.method(), MAX_TEXT);
        optionalText("inspection.frequency", inspection.frequency(), MAX_NAME);
        checkArticles("inspection.basis", inspection.basis());
    }

    private void checkArticles(String field, List<Guide.Article> articles) {
        if (articles.isEmpty()) {
            add(field, "guide.rule.basis-articles");
        }
        for (int i = 0; i < articles.size(); i++) {
            Guide.Article article = articles.get(i);
            requiredText(field + "[" + i + "].document", article.document(), MAX_NAME);
            requiredText(field + "[" + i + "].article", article.article(), MAX_NAME);
            optionalText(field + "[" + i + "].content", article.content(), MAX_TEXT);
        }
    }

    private void checkPower(Guide guide, ItemType type) {
        if (!type.administrativePower()) {
            if (guide.powerSource() != null || guide.delegation() != null) {
                add("powerSource", "guide.rule.power-source-for-powers-only");
            }
            return;
        }
        if (guide.powerSource() == null) {
            add("powerSource", "validation.choose");
            return;
        }
        Guide.Delegation delegation = guide.delegation();
        if (guide.powerSource() == PowerSource.STATUTORY) {
            if (delegation != null) {
                add("delegation.organisationName", "guide.rule.delegation-statutory");
            }
            return;
        }
        if (delegation == null || blank(delegation.organisationName())) {
            if (ENTRUSTED.contains(guide.powerSource())) {
                add("delegation.organisationName", "guide.rule.delegation-required");
            }
            return;
        }
        optionalText("delegation.organisationName", delegation.organisationName(), MAX_NAME);
        if (!blank(delegation.organisationUscc()) && !UnifiedSocialCreditCode.isValid(delegation.organisationUscc())) {
            add("delegation.organisationUscc", "guide.rule.credit-code-format");
        }
    }

    private void checkConvenience(Guide guide) {
        Guide.Convenience convenience = guide.convenience();
        if (convenience.onlinePayment() && (guide.fee() == null || !guide.fee().charged())) {
            add("convenience.onlinePayment", "guide.rule.payment-without-fee");
        }
        String address = convenience.onlineAddress();
        if (blank(address)) {
            if (convenience.ssoPc() || convenience.ssoMobile()) {
                add("convenience.onlineAddress", "guide.rule.sso-needs-address");
            }
        } else if (address.strip().length() > MAX_NAME * 2 || !webAddress(address.strip())) {
            add("convenience.onlineAddress", "guide.rule.online-address");
        }
        if (guide.plannedEffectiveDate() != null
                && guide.plannedCancellationDate() != null
                && !guide.plannedCancellationDate().isAfter(guide.plannedEffectiveDate())) {
            add("plannedCancellationDate", "guide.rule.cancellation-before-effective");
        }
        if (guide.resultSampleId() != null && guide.resultSampleId().length() > MAX_NAME) {
            add("resultSampleId", "validation.too-long", MAX_NAME);
        }
    }

    private static boolean webAddress(String address) {
        try {
            URI uri = new URI(address);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private void checkTexts(Guide guide, ItemType type) {
        requiredText("legalBasis", guide.legalBasis(), MAX_TEXT);
        if (type.enforcement()) {
            optionalText("conditions", guide.conditions(), MAX_TEXT);
        }
        requiredText("location", guide.location(), MAX_TEXT);
        requiredText("officeHours", guide.officeHours(), MAX_NAME);
        requiredText("consultPhone", guide.consultPhone(), MAX_NAME);
        requiredText("complaintPhone", guide.complaintPhone(), MAX_NAME);
        requiredText("resultName", guide.resultName(), MAX_NAME);
        optionalText("visitsReason", guide.visitsReason(), MAX_TEXT);
        if (guide.serviceObjects().isEmpty()) {
            add("serviceObjects", "guide.rule.service-objects");
        }
    }

    private void checkSteps(List<Guide.Step> steps) {
        if (steps.isEmpty()) {
            add("steps", "guide.rule.steps");
        }
        for (int i = 0; i < steps.size(); i++) {
            requiredText("steps[" + i + "].name", steps.get(i).name(), MAX_NAME);
            optionalText("steps[" + i + "].description", steps.get(i).description(), MAX_TEXT);
        }
    }

    private void checkLimits(Guide guide) {
        boolean statutoryOk = limit("statutoryLimit", guide.statutoryLimit());
        boolean promisedOk = limit("promisedLimit", guide.promisedLimit());
        if (statutoryOk
                && promisedOk
                && guide.statutoryLimit().unit() == guide.promisedLimit().unit()
                && guide.promisedLimit().value() > guide.statutoryLimit().value()) {
            add(
                    "promisedLimit.value",
                    "guide.rule.promised-exceeds-statutory",
                    guide.statutoryLimit().value());
        }
    }

    private boolean limit(String field, Guide.TimeLimit limit) {
        if (limit == null) {
            add(field + ".value", "validation.required");
            return false;
        }
        boolean ok = true;
        if (limit.value() < 0 || limit.value() > MAX_LIMIT) {
            add(field + ".value", "validation.range", 0, MAX_LIMIT);
            ok = false;
        }
        if (limit.unit() == null) {
            add(field + ".unit", "validation.choose");
            ok = false;
        }
        optionalText(field + ".note", limit.note(), MAX_NAME);
        return ok;
    }

    private void checkMaterials(List<Guide.Material> materials) {
        for (int i = 0; i < materials.size(); i++) {
            Guide.Material m = materials.get(i);
            String path = "materials[" + i + "]";
            requiredText(path + ".name", m.name(), MAX_NAME);
            requiredText(path + ".source", m.source(), MAX_NAME);
            if (m.originals() < 0 || m.originals() > MAX_COPIES) {
                add(path + ".originals", "validation.range", 0, MAX_COPIES);
            }
            if (m.copies() < 0 || m.copies() > MAX_COPIES) {
                add(path + ".copies", "validation.range", 0, MAX_COPIES);
            }
            if (!m.required() && blank(m.condition())) {
                add(path + ".condition", "guide.rule.material-condition");
            }
            optionalText(path + ".condition", m.condition(), MAX_NAME);
            if (m.form() == null) {
                add(path + ".form", "validation.choose");
            } else if (m.onPaper() && m.originals() + m.copies() == 0) {
                add(path + ".originals", "guide.rule.paper-material-count");
            }
            if (m.sourceChannel() == null) {
                add(path + ".sourceChannel", "validation.choose");
            }
            optionalText(path + ".paperSpec", m.paperSpec(), MAX_NAME);
            optionalText(path + ".fillingInstructions", m.fillingInstructions(), MAX_TEXT);
            optionalText(path + ".acceptanceStandard", m.acceptanceStandard(), MAX_TEXT);
            optionalText(path + ".basis", m.basis(), MAX_TEXT);
            optionalText(path + ".remark", m.remark(), MAX_TEXT);
            for (String licenceType : m.replacingLicenceTypes()) {
                if (licenceType == null || !LICENCE_TYPE.matcher(licenceType).matches()) {
                    add(path + ".replacingLicenceTypes", "guide.rule.licence-type-code", String.valueOf(licenceType));
                    break;
                }
            }
            if (!m.replacingLicenceTypes().isEmpty() && !m.licenceReplaceable()) {
                add(path + ".licenceReplaceable", "guide.rule.licence-types-need-replaceable");
            }
        }
    }

    private void checkFee(Guide.Fee fee) {
        if (fee == null) {
            add("fee.charged", "validation.choose");
            return;
        }
        if (fee.charged()) {
            requiredText("fee.basis", fee.basis(), MAX_TEXT);
            if (fee.items().isEmpty()) {
                add("fee.items", "guide.rule.fee-items");
            }
            for (int i = 0; i < fee.items().size(); i++) {
                Guide.FeeItem item = fee.items().get(i);
                requiredText("fee.items[" + i + "].name", item.name(), MAX_NAME);
                requiredText("fee.items[" + i + "].standard", item.standard(), MAX_NAME);
                optionalText("fee.items[" + i + "].relief", item.relief(), MAX_TEXT);
            }
        } else if (!fee.items().isEmpty()) {
            add("fee.items", "guide.rule.free-with-items");
        }
    }

    private void checkVisitsAndChannels(Guide guide) {
        if (guide.channels().isEmpty()) {
            add("channels", "guide.rule.channels");
            return;
        }
        if (guide.visits() < 0 || guide.visits() > MAX_VISITS) {
            add("visits", "validation.range", 0, MAX_VISITS);
            return;
        }
        if (guide.visits() > 0 && blank(guide.visitsReason())) {
            add("visitsReason", "guide.rule.visits-reason");
        }
        boolean online = guide.channels().contains(HandlingChannel.PC)
                || guide.channels().contains(HandlingChannel.MOBILE);
        if (guide.visits() == 0 && !online && !guide.channels().contains(HandlingChannel.EXPRESS)) {
            add("channels", "guide.rule.no-visit-needs-express");
        }
    }

    private void checkFaqs(List<Guide.Faq> faqs) {
        for (int i = 0; i < faqs.size(); i++) {
            requiredText("faqs[" + i + "].question", faqs.get(i).question(), MAX_NAME);
            requiredText("faqs[" + i + "].answer", faqs.get(i).answer(), MAX_TEXT);
        }
    }

    private void requiredText(String field, String value, int max) {
        if (blank(value)) {
            add(field, "validation.required");
        } else {
            optionalText(field, value, max);
        }
    }

    private void optionalText(String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            add(field, "validation.too-long", max);
        }
    }

    private void add(String field, String key, Object... arguments) {
        violations.add(new Violation(field, key, List.of(arguments)));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
