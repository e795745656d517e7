package org.zhengwu.basedata;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.shared.codes.CodeCheck;

/**
 * 空间地理: named places and addresses with coordinates, each in a registered division (the divisions themselves are
 * {@link Divisions}). Each change adds one to the place's version and publishes {@link BaseRecordChanged} (library
 * place).
 */
@Service
public class Places {

    public static final List<String> KINDS =
            List.of("address", "building", "landmark", "service-hall", "school", "hospital", "park", "other");

    private final JdbcClient jdbc;
    private final Divisions divisions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Places(JdbcClient jdbc, Divisions divisions, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.events = events;
        this.clock = clock;
    }

    public Optional<PlaceRecord> find(String code) {
        return jdbc.sql("SELECT * FROM basedata_place WHERE code = :code")
                .param("code", code)
                .query(PlaceRecord.class)
                .optional();
    }

    /** The places of a division and those below it (by the code's structure), by name, at most {@code limit}. */
    public List<PlaceRecord> inDivision(String divisionCode, int limit) {
        LibraryQueries.checkDivision(divisionCode);
        String[] range = LibraryQueries.range(divisionCode);
        return jdbc.sql("""
                        SELECT * FROM basedata_place WHERE division_code BETWEEN :low AND :high
                        ORDER BY name, record_id LIMIT :limit""")
                .param("low", range[0])
                .param("high", range[1])
                .param("limit", Math.max(1, Math.min(limit, 1000)))
                .query(PlaceRecord.class)
                .list();
    }

    public List<RecordProblem> check(
            String code, String name, String kind, String division, String address, BigDecimal lon, BigDecimal lat) {
        List<RecordProblem> problems = new ArrayList<>();
        if (code == null || !Indicators.CODE.matcher(code).matches()) {
            problems.add(RecordProblem.of("code", "basedata.place.code"));
        }
        if (name == null || name.isBlank()) {
            problems.add(RecordProblem.of("name", "import.required"));
        } else if (name.length() > 200) {
            problems.add(RecordProblem.of("name", "import.too-long", 200));
        }
        if (kind == null || !KINDS.contains(kind)) {
            problems.add(RecordProblem.of("kind", "basedata.place.kind"));
        }
        CodeCheck divisionCheck = divisions.check(division, divisions.today());
        if (!divisionCheck.isValid()) {
            problems.add(
                    RecordProblem.of("division", divisionCheck.defect().messageKey(), divisionCheck.argumentArray()));
        }
        if (address != null && address.length() > 300) {
            problems.add(RecordProblem.of("address", "import.too-long", 300));
        }
        if (lon == null || lon.compareTo(BigDecimal.valueOf(73)) < 0 || lon.compareTo(BigDecimal.valueOf(136)) > 0) {
            problems.add(RecordProblem.of("longitude", "basedata.place.longitude"));
        }
        if (lat == null || lat.compareTo(BigDecimal.valueOf(3)) < 0 || lat.compareTo(BigDecimal.valueOf(54)) > 0) {
            problems.add(RecordProblem.of("latitude", "basedata.place.latitude"));
        }
        return problems;
    }

    /** Adds a place or changes the one with the same code. */
    @Transactional
    public PlaceRecord save(
            String code, String name, String kind, String division, String address, BigDecimal lon, BigDecimal lat) {
        List<RecordProblem> problems = check(code, name, kind, division, address, lon, lat);
        if (!problems.isEmpty()) {
            throw new RecordRefusedException(problems);
        }
        String shownAddress = address == null ? "" : address.strip();
        BigDecimal longitude = lon.setScale(6, java.math.RoundingMode.HALF_UP);
        BigDecimal latitude = lat.setScale(6, java.math.RoundingMode.HALF_UP);
        Optional<PlaceRecord> stored = find(code);
        if (stored.isPresent()
                && stored.get().name().equals(name.strip())
                && stored.get().kind().equals(kind)
                && stored.get().divisionCode().equals(division)
                && stored.get().address().equals(shownAddress)
                && stored.get().longitude().compareTo(longitude) == 0
                && stored.get().latitude().compareTo(latitude) == 0) {
            return stored.get();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                        INSERT INTO basedata_place (code, name, kind, division_code, address, longitude, latitude,
                               version, updated_at)
                        VALUES (:code, :name, :kind, :division, :address, :lon, :lat, 1, :now)
                        ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
                            division_code = EXCLUDED.division_code, address = EXCLUDED.address,
                            longitude = EXCLUDED.longitude, latitude = EXCLUDED.latitude,
                            version = basedata_place.version + 1, updated_at = EXCLUDED.updated_at""")
                .param("code", code)
                .param("name", name.strip())
                .param("kind", kind)
                .param("division", division)
                .param("address", shownAddress)
                .param("lon", longitude)
                .param("lat", latitude)
                .param("now", Timestamp.from(now))
                .update();
        PlaceRecord saved = find(code).orElseThrow();
        events.publishEvent(new BaseRecordChanged(
                BaseRecordChanged.PLACE,
                saved.recordId(),
                stored.isPresent() ? BaseRecordChanged.UPDATE : BaseRecordChanged.INSERT,
                saved.version(),
                now));
        return saved;
    }
}
