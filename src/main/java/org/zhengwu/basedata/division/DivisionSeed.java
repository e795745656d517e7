package org.zhengwu.basedata.division;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.zhengwu.shared.csv.ImportReport;
import org.zhengwu.shared.database.OnceTasks;

/**
 * Loads the deployment's own province on the first start, so that every code check works out of the box. The
 * national list is imported later by an administrator through the same CSV import.
 */
@Component
@Order(10)
class DivisionSeed implements ApplicationRunner {

    private final DivisionImport divisionImport;
    private final OnceTasks onceTasks;
    private final Resource seed;

    DivisionSeed(DivisionImport divisionImport, OnceTasks onceTasks, BaseDataProperties properties) {
        this.divisionImport = divisionImport;
        this.onceTasks = onceTasks;
        this.seed = properties.divisionSeed();
    }

    @Override
    public void run(ApplicationArguments args) {
        onceTasks.runOnce("basedata.division-seed", () -> {
            try (InputStream in = seed.getInputStream()) {
                ImportReport report = divisionImport.importCsv(in, "system");
                if (!report.applied()) {
                    throw new IllegalStateException("Division seed " + seed + " is invalid: " + report.problems());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
