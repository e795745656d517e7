package org.zhengwu.licence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhengwu.catalog.Guide;
import org.zhengwu.catalog.PublishedCatalog;
import org.zhengwu.catalog.PublishedItem;
import org.zhengwu.support.ZhengwuTest;

/**
 * The share of the demo catalogue's materials that a licence can replace, and that an applicant holding typical
 * licences no longer uploads (docs/LICENCES.md, "Once only"). Counted over every published entry (an item implemented
 * in several places counts once per entry, as applicants meet it) and over distinct item names.
 */
@ZhengwuTest
class OnceOnlyShareTests {

    static final Set<String> ENTERPRISE = Set.of("11100000000013338W011", "11100000000013338W012");
    static final Set<String> FAMILY = Set.of("11100000000000131E001", "11100000000013100M001");

    @Autowired
    PublishedCatalog catalog;

    record Share(long all, long replaceable, long enterprise, long family) {
        String line(String what) {
            return String.format(
                    Locale.ROOT,
                    "%s: %d materials; replaceable by a licence type %d (%.1f%%); no longer uploaded by an enterprise"
                            + " holding 营业执照 + 食品经营许可证 %d (%.1f%%); by a family holding 结婚证 + 出生医学证明 %d"
                            + " (%.1f%%)",
                    what,
                    all,
                    replaceable,
                    100.0 * replaceable / all,
                    enterprise,
                    100.0 * enterprise / all,
                    family,
                    100.0 * family / all);
        }
    }

    static Share share(List<Guide.Material> materials) {
        return new Share(
                materials.size(),
                materials.stream()
                        .filter(m -> !m.replacingLicenceTypes().isEmpty())
                        .count(),
                materials.stream().filter(m -> replacedBy(m, ENTERPRISE)).count(),
                materials.stream().filter(m -> replacedBy(m, FAMILY)).count());
    }

    static boolean replacedBy(Guide.Material m, Set<String> held) {
        return m.replacingLicenceTypes().stream().anyMatch(held::contains);
    }

    @Test
    void theShareOfMaterialsNoLongerUploaded() {
        List<PublishedItem> entries = catalog.all();
        List<Guide.Material> perEntry =
                entries.stream().flatMap(i -> i.guide().materials().stream()).toList();
        List<Guide.Material> perItem = entries.stream()
                .collect(java.util.stream.Collectors.toMap(
                        PublishedItem::name, i -> i.guide().materials(), (a, b) -> a, java.util.TreeMap::new))
                .values()
                .stream()
                .flatMap(List::stream)
                .toList();
        Share entryShare = share(perEntry);
        Share itemShare = share(perItem);
        System.out.println("ONCE-ONLY " + entryShare.line("published entries (" + entries.size() + ")"));
        System.out.println("ONCE-ONLY " + itemShare.line("distinct items"));

        assertThat(entryShare.replaceable()).isPositive();
        assertThat(entryShare.enterprise()).isPositive().isLessThanOrEqualTo(entryShare.replaceable());
        assertThat(entryShare.family()).isPositive().isLessThanOrEqualTo(entryShare.replaceable());
        // Every licence type a material names is one the licence library issues.
        assertThat(perEntry.stream()
                        .flatMap(m -> m.replacingLicenceTypes().stream())
                        .distinct())
                .allMatch(code -> Set.of(
                                "11100000000013338W011",
                                "11100000000013338W012",
                                "11100000000013100M001",
                                "11100000000000131E001",
                                "11100000MB1803569N001")
                        .contains(code));
    }
}
