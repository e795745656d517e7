package org.zhengwu.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengwu.catalog.CatalogCodes;
import org.zhengwu.catalog.GuideRules;
import org.zhengwu.catalog.ItemType;
import org.zhengwu.catalog.PublishedCatalog;
import org.zhengwu.catalog.ServiceTheme;
import org.zhengwu.catalog.entry.GuideJson;
import org.zhengwu.shared.codes.CodeTable;
import org.zhengwu.support.ZhengwuTest;

/** The demo province must be realistic and valid by every rule a real entry meets. */
@ZhengwuTest
class DemoCatalogueTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GuideJson guideJson;

    @Autowired
    CatalogCodes codes;

    @Autowired
    PublishedCatalog catalog;

    private List<String> demoCodes() {
        return jdbc.sql("""
                        SELECT i.implementation_code FROM catalog_item i JOIN catalog_item_version v ON v.item_id = i.id
                        WHERE i.created_by = 'system' AND v.status = 'PUBLISHED'""").query(String.class).list();
    }

    @Test
    void atLeastThreeHundredPublishedEntriesCoverEveryItemType() {
        List<String> published = demoCodes();
        assertThat(published).hasSizeGreaterThanOrEqualTo(300);
        Set<ItemType> types = EnumSet.noneOf(ItemType.class);
        published.forEach(code -> types.add(codes.itemType(codes.parse(code).baseCode())));
        assertThat(types).containsExactlyInAnyOrder(ItemType.values());
    }

    @Test
    void everyDemoGuideSatisfiesTheRulesAndEveryCodeIsValid() {
        List<String[]> guides = jdbc.sql("SELECT b.item_type, v.guide::text FROM catalog_item_version v "
                        + "JOIN catalog_item i ON i.id = v.item_id JOIN catalog_base_item b ON b.base_code = i.base_code "
                        + "WHERE i.created_by = 'system'")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        assertThat(guides).hasSizeGreaterThan(100);
        assertThat(guides)
                .allSatisfy(row -> assertThat(
                                GuideRules.check(guideJson.read(row[1]), CodeTable.requireCode(ItemType.class, row[0])))
                        .as(row[1])
                        .isEmpty());
        assertThat(demoCodes())
                .allSatisfy(
                        code -> assertThat(codes.checkImplementationCode(code).isValid())
                                .isTrue());
    }

    @Test
    void everyEntryOfferedOnlineHasAnApplicationFormAndTheBundlesItemsTheirOwn() {
        List<String[]> rows = jdbc.sql(
                        "SELECT v.name, v.guide::text FROM catalog_item_version v "
                                + "JOIN catalog_item i ON i.id = v.item_id WHERE i.created_by = 'system' AND v.status = 'PUBLISHED'")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        java.util.Map<String, org.zhengwu.catalog.ApplicationForm> forms = new java.util.HashMap<>();
        for (String[] row : rows) {
            org.zhengwu.catalog.Guide guide = guideJson.read(row[1]);
            if (guide.onlineApplication()) {
                assertThat(guide.applicationForm()).as(row[0]).isNotNull();
            }
            if (!guide.appliedFor()) {
                assertThat(guide.applicationForm()).as(row[0]).isNull();
            }
            if (guide.applicationForm() != null) {
                forms.put(row[0], guide.applicationForm());
            }
        }
        // The items of the demo bundles (新生儿出生一件事, 开办餐饮店一件事) have forms of their own, not the standard one.
        for (String name :
                List.of("出生医学证明首次签发", "出生登记", "城乡居民基本医疗保险参保登记", "社会保障卡申领", "个体工商户设立登记", "食品经营许可（新办）", "公共场所卫生许可")) {
            assertThat(forms).as(name).containsKey(name);
            assertThat(forms.get(name).fields()).as(name).hasSizeGreaterThan(8);
            assertThat(forms.get(name).fields().stream().anyMatch(f -> f.shownWhen() != null))
                    .as(name)
                    .isTrue();
        }
        assertThat(forms.get("出生登记")
                        .field("birth_certificate_number")
                        .orElseThrow()
                        .pattern())
                .isEqualTo("[A-Z][0-9]{9}");
        // Another online item: the standard form of its service objects.
        assertThat(forms.get("失业登记").fields())
                .extracting(org.zhengwu.catalog.FormField::key)
                .containsExactly("applicant_name", "applicant_id_number", "contact_mobile");
    }

    @Test
    void theNamedItemsExist() {
        List<String> names = jdbc.sql("SELECT DISTINCT name FROM catalog_search_entry")
                .query(String.class)
                .list();
        assertThat(names)
                .contains("个体工商户设立登记", "食品经营许可（新办）", "建设工程规划许可证核发", "居民身份证换领", "生育登记", "城乡居民基本养老保险待遇申领", "机动车驾驶证换证");
    }

    @Test
    void everyThemeHasEntries() {
        List<String> themes = jdbc.sql("SELECT DISTINCT unnest(themes) FROM catalog_search_entry")
                .query(String.class)
                .list();
        assertThat(themes.stream()
                        .map(t -> CodeTable.fromCode(ServiceTheme.class, t).orElseThrow())
                        .toList())
                .containsExactlyInAnyOrder(ServiceTheme.values());
    }

    @Test
    void entriesSpanTheProvinceTheCityAndTwoDistricts() {
        List<String> divisions = jdbc.sql("SELECT DISTINCT division_code FROM catalog_item WHERE created_by = 'system'")
                .query(String.class)
                .list();
        assertThat(divisions).containsExactlyInAnyOrder("340000", "340100", "340104", "340111");
    }

    private List<org.zhengwu.catalog.Guide> guidesOfType(ItemType type) {
        return jdbc
                .sql("SELECT DISTINCT ON (b.base_code) v.guide::text FROM catalog_item_version v "
                        + "JOIN catalog_item i ON i.id = v.item_id JOIN catalog_base_item b ON b.base_code = i.base_code "
                        + "WHERE i.created_by = 'system' AND b.item_type = :type ORDER BY b.base_code")
                .param("type", type.code())
                .query(String.class)
                .list()
                .stream()
                .map(guideJson::read)
                .toList();
    }

    @Test
    void enforcementItemsCarryTheirOwnSectionAndNoApplication() {
        List<org.zhengwu.catalog.Guide> penalties = guidesOfType(ItemType.PENALTY);
        assertThat(penalties).hasSize(9).allSatisfy(g -> {
            assertThat(g.materials()).isEmpty();
            assertThat(g.fee().charged()).isFalse();
            assertThat(g.penalty().kinds()).isNotEmpty();
            assertThat(g.penalty().discretion()).hasSizeBetween(2, 4);
            assertThat(g.penalty().basis()).isNotEmpty();
            assertThat(g.compulsion()).isNull();
            assertThat(g.inspection()).isNull();
        });
        assertThat(guidesOfType(ItemType.COMPULSION)).hasSize(4).allSatisfy(g -> {
            assertThat(g.materials()).isEmpty();
            assertThat(g.compulsion().kinds()).isNotEmpty();
            assertThat(g.compulsion().basis()).isNotEmpty();
            assertThat(g.penalty()).isNull();
        });
        assertThat(guidesOfType(ItemType.INSPECTION)).hasSize(5).allSatisfy(g -> {
            assertThat(g.materials()).isEmpty();
            assertThat(g.inspection().objects()).isNotBlank();
            assertThat(g.inspection().basis()).isNotEmpty();
            assertThat(g.penalty()).isNull();
        });
    }

    @Test
    void anEntrustedItemNamesItsDelegatingDepartmentExceptAtThatDepartmentItself() {
        List<String[]> rows = jdbc.sql(
                        "SELECT i.division_code, v.guide::text FROM catalog_item_version v "
                                + "JOIN catalog_item i ON i.id = v.item_id WHERE i.created_by = 'system' AND v.name = '排污许可证核发'")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        assertThat(rows).hasSize(3).allSatisfy(row -> {
            org.zhengwu.catalog.Guide guide = guideJson.read(row[1]);
            if (row[0].equals("340100")) {
                assertThat(guide.powerSource()).isEqualTo(org.zhengwu.catalog.PowerSource.STATUTORY);
                assertThat(guide.delegation()).isNull();
            } else {
                assertThat(guide.powerSource()).isEqualTo(org.zhengwu.catalog.PowerSource.ENTRUSTED_FROM_ABOVE);
                assertThat(guide.delegation().organisationName()).isEqualTo("合肥市生态环境局");
                assertThat(guide.delegation().organisationUscc()).isEqualTo("11340100556562180M");
            }
        });
    }

    @Test
    void someApplicationItemsShowTheNewElements() {
        List<org.zhengwu.catalog.Guide> all = jdbc
                .sql("SELECT v.guide::text FROM catalog_item_version v "
                        + "JOIN catalog_item i ON i.id = v.item_id WHERE i.created_by = 'system'")
                .query(String.class)
                .list()
                .stream()
                .map(guideJson::read)
                .toList();
        assertThat(all).anySatisfy(g -> {
            assertThat(g.intermediaries()).isNotEmpty();
            assertThat(g.jointOrganisations()).isNotEmpty();
        });
        assertThat(all)
                .anySatisfy(g -> assertThat(g.convenience().onlinePayment()).isTrue());
        assertThat(all).anySatisfy(g -> {
            assertThat(g.convenience().appointment()).isTrue();
            assertThat(g.convenience().logistics()).isTrue();
            assertThat(g.convenience().selfServiceTerminal()).isTrue();
            assertThat(g.convenience().onlineAddress()).startsWith("https://www.ahzwfw.gov.cn/");
        });
        assertThat(all).anySatisfy(g -> assertThat(g.quantityLimit()).isNotBlank());
        assertThat(all)
                .anySatisfy(
                        g -> assertThat(g.onlineDepths()).contains(org.zhengwu.catalog.OnlineDepth.LICENCE_FEEDBACK));
        assertThat(all)
                .anySatisfy(g -> assertThat(g.materials())
                        .anySatisfy(m -> assertThat(m.fillingInstructions()).isNotBlank()));
    }
}
