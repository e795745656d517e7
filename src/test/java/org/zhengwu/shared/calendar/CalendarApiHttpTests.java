package org.zhengwu.shared.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengwu.support.TestBrowser;
import org.zhengwu.support.ZhengwuTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public calendar API through real HTTP, anonymously, with its problems and its OpenAPI description. */
@ZhengwuTest
class CalendarApiHttpTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    TestBrowser anonymous;

    @BeforeEach
    void client() {
        anonymous = new TestBrowser(port);
    }

    private JsonNode json(String path, int expectedStatus) {
        TestBrowser.Page page = anonymous.getJson(path);
        assertThat(page.status()).as(path + " -> " + page.body()).isEqualTo(expectedStatus);
        return JSON.readTree(page.body());
    }

    @Test
    void aDaySaysWhetherItIsAWorkingDayAndWhy() {
        JsonNode holiday = json("/api/v1/calendar/days/2026-10-01", 200);
        assertThat(holiday.get("date").asString()).isEqualTo("2026-10-01");
        assertThat(holiday.get("workingDay").asBoolean()).isFalse();
        assertThat(holiday.get("reason").asString()).isEqualTo("国庆节");

        JsonNode adjusted = json("/api/v1/calendar/days/2026-10-10", 200);
        assertThat(adjusted.get("workingDay").asBoolean()).isTrue();
        assertThat(adjusted.get("reason").asString()).contains("调休上班");

        JsonNode ordinary = json("/api/v1/calendar/days/2026-03-04", 200);
        assertThat(ordinary.get("workingDay").asBoolean()).isTrue();
        assertThat(ordinary.get("reason").isNull()).isTrue();
        assertThat(json("/api/v1/calendar/days/2026-03-07", 200)
                        .get("workingDay")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void theDueDateIsTheNthWorkingDayAfterTheStartDay() {
        JsonNode due = json("/api/v1/calendar/due-date?from=2026-09-30&workingDays=1", 200);
        assertThat(due.get("from").asString()).isEqualTo("2026-09-30");
        assertThat(due.get("workingDays").asInt()).isEqualTo(1);
        assertThat(due.get("due").asString()).isEqualTo("2026-10-08");
        assertThat(json("/api/v1/calendar/due-date?from=2026-09-30&workingDays=3", 200)
                        .get("due")
                        .asString())
                .as("Saturday 10 Oct is 调休上班")
                .isEqualTo("2026-10-10");
        assertThat(json("/api/v1/calendar/due-date?from=2026-10-03&workingDays=1", 200)
                        .get("due")
                        .asString())
                .as("from a holiday")
                .isEqualTo("2026-10-08");
        assertThat(json("/api/v1/calendar/due-date?from=2026-03-04&workingDays=0", 200)
                        .get("due")
                        .asString())
                .isEqualTo("2026-03-04");
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource({
        "/api/v1/calendar/days/2026-13-01,                              date",
        "/api/v1/calendar/days/2026-02-30,                              date",
        "/api/v1/calendar/days/20261001,                                date",
        "/api/v1/calendar/days/yesterday,                               date",
        "/api/v1/calendar/due-date?from=2026-9-30&workingDays=1,        from",
        "/api/v1/calendar/due-date?from=&workingDays=1,                 from",
        "/api/v1/calendar/due-date?workingDays=1,                       from",
        "/api/v1/calendar/due-date?from=2026-09-30,                     workingDays",
        "/api/v1/calendar/due-date?from=2026-09-30&workingDays=-1,      workingDays",
        "/api/v1/calendar/due-date?from=2026-09-30&workingDays=1001,    workingDays",
        "/api/v1/calendar/due-date?from=2026-09-30&workingDays=2147483648, workingDays",
        "/api/v1/calendar/due-date?from=2026-09-30&workingDays=1.5,     workingDays",
        "/api/v1/calendar/due-date?from=2026-09-30&workingDays=abc,     workingDays",
    })
    void badInputIsA400ProblemNamingTheParameter(String path, String parameter) {
        TestBrowser.Page page = anonymous.getJson(path);
        assertThat(page.status()).as(path + " -> " + page.body()).isEqualTo(400);
        assertThat(page.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(page.body());
        assertThat(problem.get("parameter").asString()).isEqualTo(parameter);
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.get("requestId").asString()).isNotBlank();
    }

    @Test
    void aYearWithoutAScheduleIsA422ProblemNamingTheYear() {
        TestBrowser.Page crossing = anonymous.getJson("/api/v1/calendar/due-date?from=2026-12-30&workingDays=2");
        assertThat(crossing.status()).isEqualTo(422);
        assertThat(crossing.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(crossing.body());
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.get("detail").asString()).contains("2027 年").doesNotContain("2,027");
        assertThat(problem.get("requestId").asString()).isNotBlank();

        JsonNode day = json("/api/v1/calendar/days/2024-05-01", 422);
        assertThat(day.get("detail").asString()).contains("2024");
        assertThat(json("/api/v1/calendar/due-date?from=9999-12-31&workingDays=1", 422)
                        .get("detail")
                        .asString())
                .contains("10000");

        TestBrowser.Page english = anonymous.get(
                "/api/v1/calendar/days/2027-01-04", "Accept", "application/json", "Accept-Language", "en");
        assertThat(english.status()).isEqualTo(422);
        assertThat(JSON.readTree(english.body()).get("detail").asString())
                .contains("public holidays of 2027 have not been entered");
    }

    @Test
    void theApiIsDescribedInTheOpenApiDocument() {
        JsonNode document = json("/v3/api-docs", 200);
        JsonNode day = document.get("paths").get("/api/v1/calendar/days/{date}").get("get");
        assertThat(day.get("responses").has("422")).isTrue();
        assertThat(day.get("tags").get(0).asString()).contains("Working-day calendar");
        JsonNode due = document.get("paths").get("/api/v1/calendar/due-date").get("get");
        assertThat(due.get("parameters").findValuesAsString("name")).containsExactly("from", "workingDays");
        assertThat(due.get("responses").has("400")).isTrue();
        assertThat(due.get("responses").has("422")).isTrue();
    }
}
