package org.zhengwu.licence.type;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.zhengwu.licence.LicenceTypes;
import org.zhengwu.shared.database.OnceTasks;

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

    DemoLicenceTypesFirst(LicenceTypes types, OnceTasks onceTasks) {
        this.types = types;
        this.onceTasks = onceTasks;
    }

    @Override
    public void run(ApplicationArguments args) {
        onceTasks.runOnce("demo.licence-types.named", this::define);
    }

    private void define() {
        for (DemoLicenceTypes.TypeEntry entry : DemoLicenceTypes.entries()) {
            if (types.find(entry.code()).isEmpty()) {
                types.define(entry.type(List.of()));
            }
        }
    }
}
