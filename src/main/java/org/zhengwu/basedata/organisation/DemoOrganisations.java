package org.zhengwu.basedata.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.validation.SimpleErrors;
import org.zhengwu.basedata.OrganisationDraft;
import org.zhengwu.basedata.Organisations;
import org.zhengwu.shared.csv.CsvTable;
import org.zhengwu.shared.database.OnceTasks;

/** Registers the demo province's departments (安徽省, 合肥市, 蜀山区, 包河区) once, through the normal checks. */
@Component
@Order(20)
@ConditionalOnBooleanProperty("zhengwu.demo-data.enabled")
class DemoOrganisations implements ApplicationRunner {

    private static final String FILE = "demo/organisations.csv";

    private final Organisations organisations;
    private final OnceTasks onceTasks;

    DemoOrganisations(Organisations organisations, OnceTasks onceTasks) {
        this.organisations = organisations;
        this.onceTasks = onceTasks;
    }

    @Override
    public void run(ApplicationArguments args) {
        onceTasks.runOnce("demo.organisations", () -> {
            for (OrganisationDraft draft : read()) {
                SimpleErrors errors = new SimpleErrors(draft);
                organisations.validate(draft, true, errors);
                if (errors.hasErrors()) {
                    throw new IllegalStateException(
                            "Demo organisation " + draft.uscc() + " is invalid: " + errors.getAllErrors());
                }
                organisations.register(draft, "system");
            }
        });
    }

    private static List<OrganisationDraft> read() {
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            return CsvTable.read(in).rows().stream()
                    .map(row -> new OrganisationDraft(
                            row.get("uscc"),
                            row.get("name"),
                            row.get("division_code"),
                            row.get("exercise_level"),
                            row.get("nature"),
                            row.get("parent_uscc"),
                            row.get("address"),
                            row.get("phone"),
                            Boolean.parseBoolean(row.get("legacy_code"))))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CsvTable.MalformedCsvException e) {
            throw new IllegalStateException(FILE + " is not valid CSV", e);
        }
    }
}
