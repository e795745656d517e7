package org.zhengwu.basedata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.zhengwu.basedata.library.LibraryRows;
import org.zhengwu.shared.csv.CsvTable;
import org.zhengwu.shared.database.OnceTasks;

/**
 * Fills the population and legal entity base libraries with the demo province's fictional residents and their
 * businesses (demo/population.csv, demo/legal-entities.csv, in the import format), once.
 */
@Component
@Order(21)
@ConditionalOnBooleanProperty("zhengwu.demo-data.enabled")
class DemoPopulation implements ApplicationRunner {

    private final Population population;
    private final LegalEntities legalEntities;
    private final OnceTasks onceTasks;

    DemoPopulation(Population population, LegalEntities legalEntities, OnceTasks onceTasks) {
        this.population = population;
        this.legalEntities = legalEntities;
        this.onceTasks = onceTasks;
    }

    @Override
    public void run(ApplicationArguments args) {
        onceTasks.runOnce(
                "demo.population.records",
                () -> read(
                        "demo/population.csv",
                        row -> population.save(LibraryRows.person(row).draft())));
        onceTasks.runOnce(
                "demo.legal-entities",
                () -> read(
                        "demo/legal-entities.csv",
                        row -> legalEntities.save(LibraryRows.legalEntity(row).draft())));
    }

    private static void read(String resource, Consumer<CsvTable.Row> save) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            CsvTable.read(in).rows().forEach(save);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CsvTable.MalformedCsvException e) {
            throw new IllegalStateException(resource + " is not valid CSV", e);
        }
    }
}
