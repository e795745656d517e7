package org.zhengwu.licence.type;

import java.util.List;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.zhengwu.licence.LicenceType;
import org.zhengwu.licence.LicenceTypes;
import org.zhengwu.shared.database.OnceTasks;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Defines the demo licence types before the demo catalogue, still without their items, so that the catalogue's
 * materials may name the types that replace them (the catalogue checks each named type exists); {@link
 * DemoLicenceTypes} links them to their items once the catalogue is there.
 */
@Component
@Order(29)
@ConditionalOnBooleanProperty("zhengwu.demo-data.enabled")
class DemoLicenceTypesFirst implements ApplicationRunner {

    private final LicenceTypes types;
    private final OnceTasks onceTasks;
    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    DemoLicenceTypesFirst(LicenceTypes types, OnceTasks onceTasks) {
        this.types = types;
        this.onceTasks = onceTasks;
    }

    @Override
    public void run(ApplicationArguments args) {
        onceTasks.runOnce("demo.licence-types.named", this::define);
    }

    private void define() {
        for (Map<String, Object> raw : DemoLicenceTypes.entries()) {
            DemoLicenceTypes.TypeEntry entry = json.convertValue(raw, DemoLicenceTypes.TypeEntry.class);
            if (types.find(entry.code()).isPresent()) {
                continue;
            }
            types.define(new LicenceType(
                    entry.code(),
                    entry.nameZh(),
                    entry.nameEn(),
                    entry.definingUscc(),
                    entry.definingName(),
                    entry.holderKind(),
                    entry.validityYears(),
                    entry.layout(),
                    entry.fields(),
                    entry.holder() == null ? LicenceType.HolderRule.APPLICANT : entry.holder(),
                    List.of()));
        }
    }
}
