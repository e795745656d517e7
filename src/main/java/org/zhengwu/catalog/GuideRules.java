package org.zhengwu.catalog;

import java.util.ArrayList;
import java.util.List;

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

    public static List<Violation> check(Guide guide) {
        GuideRules rules = new GuideRules();
        rules.checkTexts(guide);
        rules.checkSteps(guide.steps());
        rules.checkLimits(guide);
        rules.checkMaterials(guide.materials());
        rules.checkFee(guide.fee());
        rules.checkVisitsAndChannels(guide);
        rules.checkFaqs(guide.faqs());
        if (guide.specialProcedure() != null && blank(guide.specialProcedure().note())) {
            rules.add("specialProcedure.note", "guide.rule.special-procedure-note");
        }
        return List.copyOf(rules.violations);
    }

    private void checkTexts(Guide guide) {
        requiredText("legalBasis", guide.legalBasis(), MAX_TEXT);
        requiredText("conditions", guide.conditions(), MAX_TEXT);
        requiredText("location", guide.location(), MAX_TEXT);
        requiredText("officeHours", guide.officeHours(), MAX_NAME);
        requiredText("consultPhone", guide.consultPhone(), MAX_NAME);
        requiredText("complaintPhone", guide.complaintPhone(), MAX_NAME);
        requiredText("resultName", guide.resultName(), MAX_NAME);
        optionalText("visitsReason", guide.visitsReason(), MAX_TEXT);
        if (guide.onlineDepth() == null) {
            add("onlineDepth", "validation.choose");
        }
        if (guide.caseKind() == null) {
            add("caseKind", "validation.choose");
        }
        if (guide.scope() == null) {
            add("scope", "validation.choose");
        }
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
        if (guide.onlineDepth() == OnlineDepth.FULLY_ONLINE && guide.visits() > 0) {
            add("visits", "guide.rule.fully-online-visits");
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
