package org.zhengwu.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.zhengwu.catalog.entry.CatalogEditing;
import org.zhengwu.support.ZhengwuTest;

/**
 * A material names the licence types that replace it by code; the catalogue checks each against the types the licence
 * library knows (LicenceTypeOptions), and the guide page shows them by name.
 */
@ZhengwuTest
class LicenceTypeRulesTests {

    @Autowired
    PublishedCatalog catalog;

    @Autowired
    CatalogEditing editing;

    @Autowired
    LicenceTypeOptions licenceTypes;

    @Autowired
    LicenceTypeNames names;

    @Autowired
    MessageSource messages;

    private PublishedItem anItem() {
        return catalog.all().stream()
                .filter(i -> !i.guide().materials().isEmpty())
                .findFirst()
                .orElseThrow();
    }

    private static Guide withTypes(Guide guide, List<String> codes) {
        List<Guide.Material> materials = new ArrayList<>(guide.materials());
        Guide.Material m = materials.get(0);
        materials.set(
                0,
                new Guide.Material(
                        m.name(),
                        m.source(),
                        m.originals(),
                        m.copies(),
                        m.required(),
                        m.condition(),
                        true,
                        m.blankFormId(),
                        m.sampleId(),
                        m.form(),
                        m.sourceChannel(),
                        m.paperSpec(),
                        m.fillingInstructions(),
                        m.acceptanceStandard(),
                        m.basis(),
                        m.remark(),
                        codes));
        return guide.toBuilder().materials(materials).build();
    }

    @Test
    void theDemoLicenceTypesAreOffered() {
        assertThat(licenceTypes.licenceTypes())
                .extracting(LicenceTypeOptions.LicenceTypeOption::code)
                .contains(
                        "11100000000013338W011",
                        "11100000000013338W012",
                        "11100000000013100M001",
                        "11100000000000131E001",
                        "11100000MB1803569N001");
        assertThat(names.of(List.of("11100000000013338W011", "11100000000013100M001"), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("营业执照、出生医学证明");
        assertThat(names.of(List.of("11100000000013338W011"), Locale.ENGLISH)).isEqualTo("Business licence");
    }

    @Test
    void aKnownTypeIsAcceptedAndAnUnknownOneIsAFieldError() {
        PublishedItem item = anItem();
        assertThat(editing.check(withTypes(item.guide(), List.of("11100000000013338W011")), item.type()))
                .noneMatch(v -> v.field().contains("replacingLicenceTypes"));

        // Well formed (a valid credit code and a sequence), but no such type.
        List<GuideRules.Violation> unknown = editing.check(
                withTypes(item.guide(), List.of("11100000000013338W011", "11100000000013338W999")), item.type());
        assertThat(unknown)
                .filteredOn(v -> v.field().equals("materials[0].replacingLicenceTypes"))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.messageKey()).isEqualTo("guide.rule.licence-type-unknown");
                    assertThat(v.arguments()).containsExactly("11100000000013338W999");
                    assertThat(messages.getMessage(v.messageKey(), v.arguments().toArray(), Locale.SIMPLIFIED_CHINESE))
                            .isEqualTo("没有代码为“11100000000013338W999”的证照类型。");
                    assertThat(messages.getMessage(v.messageKey(), v.arguments().toArray(), Locale.ENGLISH))
                            .isEqualTo("There is no licence type with the code \"11100000000013338W999\".");
                });

        // A malformed code is reported once, as malformed.
        assertThat(editing.check(withTypes(item.guide(), List.of("nonsense")), item.type()))
                .filteredOn(v -> v.field().equals("materials[0].replacingLicenceTypes"))
                .extracting(GuideRules.Violation::messageKey)
                .containsExactly("guide.rule.licence-type-code");
    }
}
