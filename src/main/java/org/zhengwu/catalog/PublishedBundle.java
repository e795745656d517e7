package org.zhengwu.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.zhengwu.identity.RealNameLevel;

/**
 * A published {@link Bundle} with the live version of each of its entries, as applicants see and apply for it.
 *
 * @param members each member with its entry as published now, in the bundle's order
 */
public record PublishedBundle(Bundle bundle, List<PublishedMember> members, Instant publishedAt) {

    public PublishedBundle {
        members = List.copyOf(members);
    }

    /** A member of the bundle with its entry as published. */
    public record PublishedMember(Bundle.Member member, PublishedItem item) {

        /** Whether the entry takes part, given the merged form's accepted answers. */
        public boolean takesPart(Map<String, String> bundleValues) {
            FormField.Condition when = member.when();
            return when == null || Objects.equals(bundleValues.get(when.field()), when.value());
        }
    }

    public String code() {
        return bundle.code();
    }

    public String name() {
        return bundle.name();
    }

    /** The departments taking part, each once, in the members' order. */
    public List<String> organisationNames() {
        return members.stream()
                .map(m -> m.item().organisation().name())
                .distinct()
                .toList();
    }

    /** The members that take part given the merged form's accepted answers. */
    public List<PublishedMember> taking(Map<String, String> bundleValues) {
        return members.stream().filter(m -> m.takesPart(bundleValues)).toList();
    }

    /** The highest 实名等级 any member asks of an online applicant. */
    public RealNameLevel realNameLevel() {
        return members.stream()
                .map(m -> m.item().guide().realNameLevel())
                .max(Comparator.comparingInt(RealNameLevel::level))
                .orElse(RealNameLevel.ID_MATCHED);
    }

    /**
     * The values of a member's own form, from the merged form's accepted answers: fixed ones, mapped ones and those of
     * the same key; shared fields are left out (the department receives them from another branch).
     */
    public static Map<String, String> memberValues(
            Bundle.Member member, ApplicationForm memberForm, ApplicationForm bundleForm, Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FormField field : memberForm.fields()) {
            String key = field.key();
            if (member.shared().containsKey(key)) {
                continue;
            }
            if (member.fixed().containsKey(key)) {
                out.put(key, member.fixed().get(key));
                continue;
            }
            String source = member.mapped().getOrDefault(key, key);
            if (bundleForm.field(source).isPresent() && values.get(source) != null) {
                out.put(key, values.get(source));
            }
        }
        return out;
    }

    /** The merged form's field a member's field is answered from, or null when none is. */
    public static String sourceField(Bundle.Member member, ApplicationForm bundleForm, String memberKey) {
        if (member.shared().containsKey(memberKey) || member.fixed().containsKey(memberKey)) {
            return null;
        }
        String source = member.mapped().getOrDefault(memberKey, memberKey);
        return bundleForm.field(source).isPresent() ? source : null;
    }

    /** The entries' materials a merged material stands for, of the members that take part. */
    public List<Bundle.MaterialUse> usesTakingPart(Bundle.Material material, Map<String, String> bundleValues) {
        List<String> taking = taking(bundleValues).stream()
                .map(m -> m.item().implementationCode())
                .toList();
        List<Bundle.MaterialUse> uses = new ArrayList<>();
        for (Bundle.MaterialUse use : material.uses()) {
            if (taking.contains(use.implementationCode())) {
                uses.add(use);
            }
        }
        return uses;
    }
}
