package org.zhengwu.licence.type;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
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
import org.zhengwu.catalog.PublishedCatalog;
import org.zhengwu.catalog.PublishedItem;
import org.zhengwu.licence.LicenceType;
import org.zhengwu.licence.LicenceTypes;
import org.zhengwu.shared.database.OnceTasks;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Defines the demo licence types of {@code demo/licence-types.yml} once, after the demo catalogue, each linked to the
 * 基本编码 of the catalogue items it names.
 */
@Component
@Order(32)
@ConditionalOnBooleanProperty("zhengwu.demo-data.enabled")
class DemoLicenceTypes implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLicenceTypes.class);

    /** The shape of one type in the yaml file. */
    record TypeEntry(
            String code,
            String nameZh,
            String nameEn,
            String definingUscc,
            String definingName,
            LicenceType.HolderKind holderKind,
            Integer validityYears,
            String layout,
            List<String> items,
            LicenceType.HolderRule holder,
            List<LicenceType.Field> fields) {

        LicenceType type(List<String> baseCodes) {
            return new LicenceType(
                    code,
                    nameZh,
                    nameEn,
                    definingUscc,
                    definingName,
                    holderKind,
                    validityYears,
                    layout,
                    fields,
                    holder == null ? LicenceType.HolderRule.APPLICANT : holder,
                    baseCodes);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final LicenceTypes types;
    private final PublishedCatalog catalog;
    private final OnceTasks onceTasks;

    DemoLicenceTypes(LicenceTypes types, PublishedCatalog catalog, OnceTasks onceTasks) {
        this.types = types;
        this.catalog = catalog;
        this.onceTasks = onceTasks;
    }

    @Override
    public void run(ApplicationArguments args) {
        onceTasks.runOnce("demo.licence-types", this::load);
    }

    private void load() {
        List<PublishedItem> live = catalog.all();
        for (TypeEntry entry : entries()) {
            List<String> baseCodes = live.stream()
                    .filter(i -> entry.items().contains(i.name()))
                    .map(PublishedItem::baseCode)
                    .distinct()
                    .toList();
            if (baseCodes.isEmpty()) {
                throw new IllegalStateException("demo licence type " + entry.code() + ": no item " + entry.items());
            }
            types.define(entry.type(baseCodes));
        }
        log.info("Demo licence types defined");
    }

    /** The types of {@code demo/licence-types.yml}, read with the safe constructor. */
    @SuppressWarnings("unchecked")
    static List<TypeEntry> entries() {
        try (InputStream in = new ClassPathResource("demo/licence-types.yml").getInputStream()) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return ((List<Map<String, Object>>) root.get("types"))
                    .stream()
                            .map(raw -> JSON.convertValue(raw, TypeEntry.class))
                            .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
