package org.zhengwu.basedata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
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
    private final Indicators indicators;
    private final Places places;
    private final OnceTasks onceTasks;

    DemoPopulation(
            Population population,
            LegalEntities legalEntities,
            Indicators indicators,
            Places places,
            OnceTasks onceTasks) {
        this.population = population;
        this.legalEntities = legalEntities;
        this.indicators = indicators;
        this.places = places;
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
        onceTasks.runOnce("demo.indicators-and-places", this::indicatorsAndPlaces);
    }

    /** 地区生产总值 of the province and of 合肥 (published figures, rounded), and a few named places. */
    private void indicatorsAndPlaces() {
        indicators.save("GDP", "地区生产总值", "亿元", "year");
        String[] years = {"2019", "2020", "2021", "2022", "2023", "2024"};
        String[] province = {"37114.0", "38680.6", "42959.2", "45045.0", "47050.6", "50625.0"};
        String[] hefei = {"9409.4", "10045.7", "11412.8", "12013.1", "12673.8", "13507.7"};
        for (int i = 0; i < years.length; i++) {
            indicators.putValue("GDP", "340000", years[i], new BigDecimal(province[i]));
            indicators.putValue("GDP", "340100", years[i], new BigDecimal(hefei[i]));
        }
        places.save(
                "AH-GOV-HALL",
                "安徽政务服务中心",
                "service-hall",
                "340111",
                "合肥市包河区徽州大道与南二环路交口",
                new BigDecimal("117.3020"),
                new BigDecimal("31.8200"));
        places.save(
                "HF-GOV-HALL",
                "合肥市政务服务中心",
                "service-hall",
                "340104",
                "合肥市蜀山区怀宁路1800号",
                new BigDecimal("117.2290"),
                new BigDecimal("31.8200"));
        places.save(
                "HF-SWAN-LAKE",
                "天鹅湖",
                "landmark",
                "340104",
                "合肥市蜀山区政务区",
                new BigDecimal("117.2310"),
                new BigDecimal("31.8130"));
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
