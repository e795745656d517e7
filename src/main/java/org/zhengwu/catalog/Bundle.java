package org.zhengwu.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 一件事 (高效办成一件事, 国办发〔2025〕24号): several implementation entries, usually of several departments, applied for
 * once — one merged form whose answers are handed to each entry's own form, and one list of materials in which a
 * document several entries ask for is handed in once. Each entry is then handled as its own case (a branch) by its own
 * department, in parallel; the bundle is done when every branch is. docs/CASES.md describes the model.
 *
 * @param code         the bundle's code, {@code YJS} + the 行政区划代码 of its region + three digits
 * @param name         its name, e.g. 新生儿出生一件事
 * @param description  what it achieves for the applicant (一次告知), plain text
 * @param divisionCode the region whose departments take part; the bundle's number is counted in it
 * @param members      the entries, in the order shown
 * @param form         the merged form (一表申请): each question once
 * @param materials    the merged list of materials (一套材料)
 */
public record Bundle(
        String code,
        String name,
        String description,
        String divisionCode,
        List<Member> members,
        ApplicationForm form,
        List<Material> materials) {

    public Bundle {
        members = members == null ? List.of() : List.copyOf(members);
        materials = materials == null ? List.of() : List.copyOf(materials);
        form = form == null ? new ApplicationForm(List.of()) : form;
    }

    /**
     * One entry of the bundle and how its own form is answered from the merged one. A field of the entry's form takes,
     * in this order, its fixed value, the merged form's answer to the field {@code mapped} names, or the merged
     * form's answer to the field of the same key; a field {@code shared} is not asked at all, because the department
     * receives it from another branch's result (a number issued by another department), and its note says from which.
     *
     * @param implementationCode the entry's 实施编码
     * @param when               the entry takes part only when the merged form's answer meets this; null for always
     * @param mapped             the entry's field key → the merged form's field key, where they differ
     * @param fixed              the entry's field key → the value it always has in this bundle
     * @param shared             the entry's field key → where the department gets it from instead
     * @param waived             the number (from 1) of a material of the entry's guide → why it is not handed in
     */
    public record Member(
            String implementationCode,
            FormField.Condition when,
            Map<String, String> mapped,
            Map<String, String> fixed,
            Map<String, String> shared,
            Map<Integer, String> waived) {

        public Member {
            mapped = mapped == null ? Map.of() : Map.copyOf(mapped);
            fixed = fixed == null ? Map.of() : Map.copyOf(fixed);
            shared = shared == null ? Map.of() : Map.copyOf(shared);
            waived = waived == null ? Map.of() : Map.copyOf(waived);
        }
    }

    /**
     * One material of the merged list, handed in once and passed to every entry that asks for it.
     *
     * @param required  must be handed in when any entry it is for takes part (and {@code condition} is null)
     * @param condition when it is needed, in words, or null
     * @param uses      the materials of the entries' guides it stands for
     */
    public record Material(
            String name, boolean required, String condition, String fillingInstructions, List<MaterialUse> uses) {

        public Material {
            uses = uses == null ? List.of() : List.copyOf(uses);
        }
    }

    /** A material of an entry's guide: the entry's 实施编码 and the material's number (from 1) in its guide. */
    public record MaterialUse(String implementationCode, int materialNo) {}

    public Optional<Member> member(String implementationCode) {
        return members.stream()
                .filter(m -> m.implementationCode().equals(implementationCode))
                .findFirst();
    }
}
