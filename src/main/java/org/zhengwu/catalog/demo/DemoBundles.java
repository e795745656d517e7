package org.zhengwu.catalog.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.zhengwu.catalog.ApplicationForm;
import org.zhengwu.catalog.Bundle;
import org.zhengwu.catalog.FormField;
import org.zhengwu.catalog.PublishedCatalog;
import org.zhengwu.catalog.PublishedItem;
import org.zhengwu.catalog.bundle.BundleCatalogue;
import org.zhengwu.shared.database.OnceTasks;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the demo bundles (一件事) of {@code demo/bundles.yml} once, after the demo catalogue: each bundle for each
 * listed district, its members found by department and entry name among that district's published entries.
 */
@Component
@Order(31)
@ConditionalOnBooleanProperty("zhengwu.demo-data.enabled")
class DemoBundles implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoBundles.class);

    /** The shape of one bundle in the yaml file. */
    record BundleEntry(
            String name,
            Map<String, String> regions,
            String description,
            List<MemberEntry> members,
            List<MaterialEntry> materials,
            ApplicationForm form) {}

    record MemberEntry(
            String item,
            String department,
            FormField.Condition when,
            Map<String, String> mapped,
            Map<String, String> fixed,
            Map<String, String> shared,
            Map<Integer, String> waived) {}

    record MaterialEntry(
            String name, boolean required, String condition, String fillingInstructions, List<UseEntry> uses) {}

    record UseEntry(String item, int material) {}

    private final BundleCatalogue bundles;
    private final PublishedCatalog catalog;
    private final OnceTasks onceTasks;
    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    DemoBundles(BundleCatalogue bundles, PublishedCatalog catalog, OnceTasks onceTasks) {
        this.bundles = bundles;
        this.catalog = catalog;
        this.onceTasks = onceTasks;
    }

    @Override
    public void run(ApplicationArguments args) {
        onceTasks.runOnce("demo.bundles", this::load);
    }

    private void load() {
        Map<String, String> departments = DemoCatalogue.departments();
        List<PublishedItem> live = catalog.all();
        int published = 0;
        for (Map<String, Object> raw : entries()) {
            BundleEntry entry = json.convertValue(raw, BundleEntry.class);
            for (Map.Entry<String, String> region : entry.regions().entrySet()) {
                Map<String, String> codes = new HashMap<>();
                for (MemberEntry member : entry.members()) {
                    String uscc = departments.get(region.getKey() + "." + member.department());
                    PublishedItem item = live.stream()
                            .filter(i -> i.organisation().uscc().equals(uscc)
                                    && i.name().equals(member.item()))
                            .findFirst()
                            .orElseThrow(() -> new IllegalStateException("demo bundle " + entry.name() + ": no "
                                    + member.item() + " of " + region.getKey() + "." + member.department()));
                    codes.put(member.item(), item.implementationCode());
                }
                bundles.publish(bundle(entry, region.getValue(), codes), DemoCatalogue.REVIEWER);
                published++;
            }
        }
        log.info("Demo bundles: {} published", published);
    }

    private static Bundle bundle(BundleEntry entry, String code, Map<String, String> codes) {
        List<Bundle.Member> members = new ArrayList<>();
        for (MemberEntry m : entry.members()) {
            members.add(
                    new Bundle.Member(codes.get(m.item()), m.when(), m.mapped(), m.fixed(), m.shared(), m.waived()));
        }
        List<Bundle.Material> materials = new ArrayList<>();
        for (MaterialEntry m : entry.materials()) {
            materials.add(new Bundle.Material(
                    m.name(),
                    m.required(),
                    m.condition(),
                    m.fillingInstructions(),
                    m.uses().stream()
                            .map(u -> new Bundle.MaterialUse(codes.get(u.item()), u.material()))
                            .toList()));
        }
        return new Bundle(
                code,
                entry.name(),
                entry.description().strip(),
                code.substring(3, 9),
                members,
                entry.form(),
                materials);
    }

    private static List<Map<String, Object>> entries() {
        return DemoCatalogue.yamlList("demo/bundles.yml", "bundles");
    }
}
