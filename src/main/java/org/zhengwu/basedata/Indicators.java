package org.zhengwu.basedata;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.shared.codes.CodeCheck;

/**
 * 宏观经济: indicators (code, name, unit, frequency) and their time series by division. Adding or changing an
 * indicator, or one of its figures, adds one to its version and publishes {@link BaseRecordChanged} (library
 * indicator).
 */
@Service
public class Indicators {

    public static final List<String> FREQUENCIES = List.of("year", "quarter", "month");
    public static final Pattern CODE = Pattern.compile("[0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_.-]{1,40}");

    private static final Pattern YEAR = Pattern.compile("[0123456789]{4}");
    private static final Pattern QUARTER = Pattern.compile("[0123456789]{4}Q[1234]");
    private static final Pattern MONTH = Pattern.compile("[0123456789]{4}-(0[123456789]|1[012])");

    private final JdbcClient jdbc;
    private final Divisions divisions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Indicators(JdbcClient jdbc, Divisions divisions, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.events = events;
        this.clock = clock;
    }

    public List<IndicatorRecord> all() {
        return jdbc.sql("SELECT * FROM basedata_indicator ORDER BY code")
                .query(IndicatorRecord.class)
                .list();
    }

    public Optional<IndicatorRecord> find(String code) {
        return jdbc.sql("SELECT * FROM basedata_indicator WHERE code = :code")
                .param("code", code)
                .query(IndicatorRecord.class)
                .optional();
    }

    public List<RecordProblem> check(String code, String name, String unit, String frequency) {
        List<RecordProblem> problems = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            problems.add(RecordProblem.of("code", "basedata.indicator.code"));
        }
        if (name == null || name.isBlank()) {
            problems.add(RecordProblem.of("name", "import.required"));
        } else if (name.length() > 200) {
            problems.add(RecordProblem.of("name", "import.too-long", 200));
        }
        if (unit == null || unit.isBlank()) {
            problems.add(RecordProblem.of("unit", "import.required"));
        } else if (unit.length() > 40) {
            problems.add(RecordProblem.of("unit", "import.too-long", 40));
        }
        if (frequency == null || !FREQUENCIES.contains(frequency)) {
            problems.add(RecordProblem.of("frequency", "basedata.indicator.frequency"));
        }
        return problems;
    }

    /** Adds an indicator or changes the one with the same code (the frequency of one with figures stays). */
    @Transactional
    public IndicatorRecord save(String code, String name, String unit, String frequency) {
        List<RecordProblem> problems = check(code, name, unit, frequency);
        Optional<IndicatorRecord> stored = find(code);
        if (stored.isPresent()
                && !stored.get().frequency().equals(frequency)
                && !series(code, null).isEmpty()) {
            problems.add(RecordProblem.of("frequency", "basedata.indicator.frequency-fixed"));
        }
        if (!problems.isEmpty()) {
            throw new RecordRefusedException(problems);
        }
        if (stored.isPresent()
                && stored.get().name().equals(name.strip())
                && stored.get().unit().equals(unit.strip())
                && stored.get().frequency().equals(frequency)) {
            return stored.get();
        }
        Instant now = now();
        jdbc.sql("""
                        INSERT INTO basedata_indicator (code, name, unit, frequency, version, updated_at)
                        VALUES (:code, :name, :unit, :frequency, 1, :now)
                        ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, unit = EXCLUDED.unit,
                            frequency = EXCLUDED.frequency, version = basedata_indicator.version + 1,
                            updated_at = EXCLUDED.updated_at""")
                .param("code", code)
                .param("name", name.strip())
                .param("unit", unit.strip())
                .param("frequency", frequency)
                .param("now", Timestamp.from(now))
                .update();
        IndicatorRecord saved = find(code).orElseThrow();
        publish(saved, stored.isPresent() ? BaseRecordChanged.UPDATE : BaseRecordChanged.INSERT);
        return saved;
    }

    /** What is wrong with a figure for an indicator of this frequency. */
    public List<RecordProblem> checkValue(IndicatorRecord indicator, String division, String period, BigDecimal value) {
        List<RecordProblem> problems = new ArrayList<>();
        CodeCheck divisionCheck = divisions.check(division, divisions.today());
        if (!divisionCheck.isValid()) {
            problems.add(
                    RecordProblem.of("division", divisionCheck.defect().messageKey(), divisionCheck.argumentArray()));
        }
        Pattern form = switch (indicator.frequency()) {
            case "year" -> YEAR;
            case "quarter" -> QUARTER;
            default -> MONTH;
        };
        if (period == null || !form.matcher(period).matches()) {
            problems.add(RecordProblem.of("period", "basedata.indicator.period." + indicator.frequency()));
        }
        if (value == null) {
            problems.add(RecordProblem.of("value", "import.required"));
        } else if (value.abs().compareTo(new BigDecimal("1e16")) >= 0 || value.scale() > 4) {
            problems.add(RecordProblem.of("value", "basedata.indicator.value"));
        }
        return problems;
    }

    /** Sets one figure (adding or replacing it). */
    @Transactional
    public void putValue(String code, String division, String period, BigDecimal value) {
        IndicatorRecord indicator = find(code)
                .orElseThrow(() ->
                        new RecordRefusedException(List.of(RecordProblem.of("code", "basedata.indicator.unknown"))));
        List<RecordProblem> problems = checkValue(indicator, division, period, value);
        if (!problems.isEmpty()) {
            throw new RecordRefusedException(problems);
        }
        Optional<BigDecimal> stored = jdbc.sql("""
                        SELECT value FROM basedata_indicator_value
                        WHERE indicator_id = :id AND division_code = :division AND period = :period""")
                .param("id", indicator.recordId())
                .param("division", division)
                .param("period", period)
                .query(BigDecimal.class)
                .optional();
        if (stored.isPresent() && stored.get().compareTo(value) == 0) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO basedata_indicator_value (indicator_id, division_code, period, value)
                        VALUES (:id, :division, :period, :value)
                        ON CONFLICT (indicator_id, division_code, period) DO UPDATE SET value = EXCLUDED.value""")
                .param("id", indicator.recordId())
                .param("division", division)
                .param("period", period)
                .param("value", value)
                .update();
        jdbc.sql("UPDATE basedata_indicator SET version = version + 1, updated_at = :now WHERE record_id = :id")
                .param("now", Timestamp.from(now()))
                .param("id", indicator.recordId())
                .update();
        publish(find(code).orElseThrow(), BaseRecordChanged.UPDATE);
    }

    /** The figures of an indicator, by division then period; {@code division} null for every division. */
    public List<IndicatorValue> series(String code, String division) {
        return jdbc.sql("""
                        SELECT v.division_code, v.period, v.value FROM basedata_indicator_value v
                        JOIN basedata_indicator i ON i.record_id = v.indicator_id
                        WHERE i.code = :code AND (v.division_code = :division OR CAST(:all AS BOOLEAN))
                        ORDER BY v.division_code, v.period""")
                .param("code", code)
                .param("division", division == null ? "" : division)
                .param("all", division == null)
                .query(IndicatorValue.class)
                .list();
    }

    private void publish(IndicatorRecord indicator, String operation) {
        events.publishEvent(new BaseRecordChanged(
                BaseRecordChanged.INDICATOR,
                indicator.recordId(),
                operation,
                indicator.version(),
                indicator.updatedAt()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
