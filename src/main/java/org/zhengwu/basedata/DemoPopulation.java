package org.zhengwu.basedata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.zhengwu.shared.csv.CsvTable;
import org.zhengwu.shared.database.OnceTasks;

/** Fills the population base library with the demo province's fictional residents, once. */
@Component
@Order(21)
@ConditionalOnBooleanProperty("zhengwu.demo-data.enabled")
class DemoPopulation implements ApplicationRunner {

    private final Population population;
    private final OnceTasks onceTasks;

    DemoPopulation(Population population, OnceTasks onceTasks) {
        this.population = population;
        this.onceTasks = onceTasks;
    }

    @Override
    public void run(ApplicationArguments args) {
        onceTasks.runOnce("demo.population", () -> {
            try (InputStream in = new ClassPathResource("demo/population.csv").getInputStream()) {
                CsvTable.read(in)
                        .rows()
                        .forEach(row -> population.register(
                                row.get("name"), row.get("id_number"), Boolean.parseBoolean(row.get("deceased"))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (CsvTable.MalformedCsvException e) {
                throw new IllegalStateException("demo/population.csv is not valid CSV", e);
            }
        });
    }
}
