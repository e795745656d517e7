package org.zhengwu.catalog.bundle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.zhengwu.catalog.ApplicationForm;
import org.zhengwu.catalog.ApplicationFormRules;
import org.zhengwu.catalog.Bundle;
import org.zhengwu.catalog.FieldType;
import org.zhengwu.catalog.FormField;
import org.zhengwu.catalog.Guide;
import org.zhengwu.catalog.PublishedItem;

/**
 * What a bundle's definition must meet before it is published: its members are live entries offered online; its merged
 * form is a valid form; every mapping names fields that exist; every field a member's form requires is answered (by
 * the merged form, a fixed value) or declared shared; every material a member's guide requires is in the merged list
 * or waived with a reason. Pure: the members' published entries and forms are given.
 */
public final class BundleRules {

    public static final Pattern CODE = Pattern.compile("YJS[0-9]{9}");

    private BundleRules() {}

    /**
     * @param members the live entry of each member's 实施编码 (absent when it is not published)
     * @param formOf  the form an applicant of an entry fills in
     * @return each problem in words, none when the definition may be published
     */
    public static List<String> check(
            Bundle bundle, Map<String, PublishedItem> members, Function<Guide, ApplicationForm> formOf) {
        List<String> problems = new ArrayList<>();
        if (bundle.code() == null || !CODE.matcher(bundle.code()).matches()) {
            problems.add("一件事编码须为 YJS 加 9 位数字：" + bundle.code());
        } else if (bundle.divisionCode() == null || !bundle.code().startsWith("YJS" + bundle.divisionCode())) {
            problems.add("一件事编码须以所在行政区划代码开头：" + bundle.code());
        }
        if (bundle.name() == null || bundle.name().isBlank() || bundle.name().length() > 200) {
            problems.add("一件事名称须为 1 至 200 个字");
        }
        if (bundle.members().size() < 2) {
            problems.add("一件事至少包含两个事项");
        }
        ApplicationForm form = bundle.form();
        ApplicationFormRules.check(form).forEach(v -> problems.add("合并申请表：" + v));
        Set<String> codes = new HashSet<>();
        for (Bundle.Member member : bundle.members()) {
            String code = member.implementationCode();
            if (!codes.add(code)) {
                problems.add("事项重复：" + code);
                continue;
            }
            PublishedItem item = members.get(code);
            if (item == null) {
                problems.add("事项未发布：" + code);
                continue;
            }
            if (item.type().enforcement() || !item.guide().onlineApplication()) {
                problems.add(item.name() + "：不能在线申请");
            }
            if (!Objects.equals(item.divisionCode(), bundle.divisionCode())
                    && !bundle.divisionCode().endsWith("00")) {
                problems.add(item.name() + "：不是本地区的事项");
            }
            if (member.when() != null) {
                FormField decisive = form.field(member.when().field()).orElse(null);
                if (decisive == null
                        || (decisive.type() != FieldType.CHOICE && decisive.type() != FieldType.CHECKBOX)) {
                    problems.add(item.name() + "：参与条件须引用合并申请表的选择项或勾选项");
                }
            }
            checkFields(item, member, formOf.apply(item.guide()), form, problems);
            checkMaterials(bundle, item, member, problems);
        }
        for (Bundle.Material material : bundle.materials()) {
            if (material.name() == null || material.name().isBlank()) {
                problems.add("材料名称不能为空");
            }
            if (material.uses().isEmpty()) {
                problems.add(material.name() + "：未对应任何事项的材料");
            }
            for (Bundle.MaterialUse use : material.uses()) {
                PublishedItem item = members.get(use.implementationCode());
                if (!codes.contains(use.implementationCode()) || item == null) {
                    problems.add(material.name() + "：对应的事项不在本一件事中：" + use.implementationCode());
                } else if (use.materialNo() < 1
                        || use.materialNo() > item.guide().materials().size()) {
                    problems.add(material.name() + "：" + item.name() + "没有第 " + use.materialNo() + " 项材料");
                }
            }
        }
        return problems;
    }

    private static void checkFields(
            PublishedItem item,
            Bundle.Member member,
            ApplicationForm own,
            ApplicationForm merged,
            List<String> problems) {
        for (Map.Entry<String, String> mapping : member.mapped().entrySet()) {
            if (own.field(mapping.getKey()).isEmpty()) {
                problems.add(item.name() + "：申请表没有字段 " + mapping.getKey());
            }
            if (merged.field(mapping.getValue()).isEmpty()) {
                problems.add(item.name() + "：合并申请表没有字段 " + mapping.getValue());
            }
        }
        for (String key : union(member.fixed().keySet(), member.shared().keySet())) {
            if (own.field(key).isEmpty()) {
                problems.add(item.name() + "：申请表没有字段 " + key);
            }
        }
        for (FormField field : own.fields()) {
            boolean mayBeRequired = field.required() || field.requiredWhen() != null;
            if (!mayBeRequired || hiddenByFixedValue(field, member)) {
                continue;
            }
            boolean answered = member.fixed().containsKey(field.key())
                    || member.shared().containsKey(field.key())
                    || merged.field(member.mapped().getOrDefault(field.key(), field.key()))
                            .isPresent();
            if (!answered) {
                problems.add(item.name() + "：必填字段“" + field.labelZh() + "”（" + field.key() + "）在合并申请表中没有对应");
            }
        }
    }

    /** A field shown only when an earlier field has a value, where the bundle fixes that field to another value. */
    private static boolean hiddenByFixedValue(FormField field, Bundle.Member member) {
        FormField.Condition shown = field.shownWhen();
        return shown != null
                && member.fixed().containsKey(shown.field())
                && !member.fixed().get(shown.field()).equals(shown.value());
    }

    private static void checkMaterials(Bundle bundle, PublishedItem item, Bundle.Member member, List<String> problems) {
        List<Guide.Material> materials = item.guide().materials();
        for (Integer number : member.waived().keySet()) {
            if (number < 1 || number > materials.size()) {
                problems.add(item.name() + "：没有第 " + number + " 项材料");
            }
        }
        for (int i = 0; i < materials.size(); i++) {
            Guide.Material material = materials.get(i);
            int number = i + 1;
            if (!material.required()
                    || material.condition() != null
                    || member.waived().containsKey(number)) {
                continue;
            }
            boolean merged = bundle.materials().stream()
                    .flatMap(m -> m.uses().stream())
                    .anyMatch(
                            u -> u.implementationCode().equals(item.implementationCode()) && u.materialNo() == number);
            if (!merged) {
                problems.add(item.name() + "：必交材料“" + material.name() + "”既不在合并材料清单中，也未说明免交理由");
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
