package org.zhengwu.basedata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.shared.codes.CitizenIdNumber;
import org.zhengwu.shared.codes.CodeCheck;
import org.zhengwu.shared.codes.DivisionCode;
import org.zhengwu.shared.crypto.PlatformKeys;

/**
 * 人口基础信息库: persons keyed by 公民身份号码, whose number, name and address are sealed with SM4 and found by blind
 * index. Answers whether a name and number belong to one living person ({@link #matches}), gives full records by
 * number or record id, lists them a page at a time, and saves and removes them — each change publishing a
 * {@link BaseRecordChanged} in its transaction.
 */
@Service
public class Population {

    static final String ID_NUMBER_CONTEXT = "person.id_number";
    static final String IDENTITY_CONTEXT = "person.identity";
    static final String NAME_CONTEXT = "basedata_person.name";
    static final String ADDRESS_CONTEXT = "basedata_person.address";
    static final String SEALED_ID_CONTEXT = "basedata_person.id_number";
    /** The longest name and address accepted. */
    public static final int MAX_NAME = 50;

    public static final int MAX_ADDRESS = 200;

    private static final String COLUMNS = """
            record_id, id_number_sealed, name_sealed, sex, birth_date, household_division, address_sealed, deceased,
            version, updated_at""";

    private final JdbcClient jdbc;
    private final PlatformKeys keys;
    private final Divisions divisions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Population(JdbcClient jdbc, PlatformKeys keys, Divisions divisions, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.divisions = divisions;
        this.events = events;
        this.clock = clock;
    }

    /** Whether a living person with exactly this name has this number (upper-case X). */
    public boolean matches(String name, String idNumber) {
        if (name == null || idNumber == null) {
            return false;
        }
        String number = idNumber.strip().toUpperCase(Locale.ROOT);
        return jdbc.sql("""
                        SELECT count(*) FROM basedata_person
                        WHERE id_number_index = :number AND identity_index = :identity AND NOT deceased""")
                        .param("number", numberIndex(number))
                        .param("identity", identityIndex(name.strip(), number))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Adds a person known by name and number alone, or renames one and sets whether they died, keeping the rest of
     * their record. Sex and birth date come from the number; the household division is the number's division (or
     * the nearest registered one above it) for a new person.
     */
    @Transactional
    public void register(String name, String idNumber, boolean deceased) {
        String number = idNumber.strip().toUpperCase(Locale.ROOT);
        Optional<PersonRecord> existing = find(number);
        PersonDraft draft = existing.map(p -> new PersonDraft(
                        number, name, p.sex(), p.birthDate(), p.householdDivision(), p.address(), deceased))
                .orElseGet(() -> new PersonDraft(number, name, null, null, divisionOfNumber(number), "", deceased));
        saveChecked(draft, true);
    }

    /** The person with this number, if the library holds their record. */
    public Optional<PersonRecord> find(String idNumber) {
        if (idNumber == null || idNumber.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM basedata_person WHERE id_number_index = :number AND id_number_sealed IS NOT NULL")
                .param("number", numberIndex(idNumber.strip().toUpperCase(Locale.ROOT)))
                .query(this::person)
                .optional();
    }

    /** The person of this record id; empty when there is none (or it was removed). */
    public Optional<PersonRecord> byRecordId(long recordId) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM basedata_person WHERE record_id = :id AND id_number_sealed IS NOT NULL")
                .param("id", recordId)
                .query(this::person)
                .optional();
    }

    /** One page of the persons the query selects, by record id. */
    public List<PersonRecord> page(PersonQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS
                + " FROM basedata_person WHERE record_id > :after AND id_number_sealed IS NOT NULL");
        JdbcClient.StatementSpec spec;
        List<Object[]> params = new ArrayList<>();
        if (query.divisionCode() != null) {
            String[] range = LibraryQueries.range(query.divisionCode());
            sql.append(" AND household_division BETWEEN :low AND :high");
            params.add(new Object[] {"low", range[0]});
            params.add(new Object[] {"high", range[1]});
        }
        if (query.bornFrom() != null) {
            sql.append(" AND birth_date >= :bornFrom");
            params.add(new Object[] {"bornFrom", query.bornFrom()});
        }
        if (query.bornTo() != null) {
            sql.append(" AND birth_date <= :bornTo");
            params.add(new Object[] {"bornTo", query.bornTo()});
        }
        sql.append(" ORDER BY record_id LIMIT :limit");
        spec = jdbc.sql(sql.toString()).param("after", query.afterRecordId()).param("limit", query.limit());
        for (Object[] p : params) {
            spec = spec.param((String) p[0], p[1]);
        }
        return spec.query(this::person).list();
    }

    /**
     * Every person the query selects from its {@code afterRecordId} on, by record id, handed to {@code sink} one at a
     * time: read a page of the query's limit at a time, so memory stays constant however many there are.
     */
    public void forEach(PersonQuery query, Consumer<PersonRecord> sink) {
        PersonQuery next = query;
        while (true) {
            List<PersonRecord> page = page(next);
            page.forEach(sink);
            if (page.size() < next.limit()) {
                return;
            }
            next = next.after(page.get(page.size() - 1).recordId());
        }
    }

    /** What is wrong with a draft; empty when it can be saved. */
    public List<RecordProblem> check(PersonDraft draft) {
        return check(draft, false);
    }

    /**
     * Inserts the person, or updates the record with the same number. A change adds one to the version and
     * publishes {@link BaseRecordChanged}; a draft equal to the stored record changes nothing and returns it.
     *
     * @throws RecordRefusedException when {@link #check(PersonDraft)} finds a problem
     */
    @Transactional
    public PersonRecord save(PersonDraft draft) {
        return saveChecked(draft, false);
    }

    /**
     * Removes the person's record entirely (nothing personal stays), publishing {@link BaseRecordChanged} with its
     * record id; false when there was none.
     */
    @Transactional
    public boolean remove(String idNumber) {
        if (idNumber == null || idNumber.isBlank()) {
            return false;
        }
        Optional<long[]> removed = jdbc.sql(
                        "DELETE FROM basedata_person WHERE id_number_index = :number RETURNING record_id, version")
                .param("number", numberIndex(idNumber.strip().toUpperCase(Locale.ROOT)))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .optional();
        removed.ifPresent(r -> events.publishEvent(
                new BaseRecordChanged(BaseRecordChanged.PERSON, r[0], BaseRecordChanged.DELETE, r[1] + 1, now())));
        return removed.isPresent();
    }

    private PersonRecord saveChecked(PersonDraft draft, boolean householdMayBeUnknown) {
        List<RecordProblem> problems = check(draft, householdMayBeUnknown);
        if (!problems.isEmpty()) {
            throw new RecordRefusedException(problems);
        }
        String number = draft.idNumber().strip().toUpperCase(Locale.ROOT);
        String name = draft.name().strip();
        String sex = draft.sex() == null || draft.sex().isBlank()
                ? sexOfNumber(number)
                : draft.sex().strip();
        LocalDate birth = CitizenIdNumber.birthDate(number);
        String division =
                draft.householdDivision() == null || draft.householdDivision().isBlank()
                        ? null
                        : draft.householdDivision().strip();
        String address = draft.address() == null ? "" : draft.address().strip();
        Instant now = now();
        String index = numberIndex(number);
        List<Optional<PersonRecord>> rows = jdbc.sql(
                        "SELECT " + COLUMNS + " FROM basedata_person WHERE id_number_index = :number FOR UPDATE")
                .param("number", index)
                .query((rs, n) -> rs.getBytes("id_number_sealed") == null
                        ? Optional.<PersonRecord>empty()
                        : Optional.of(person(rs, n)))
                .list();
        boolean exists = !rows.isEmpty();
        Optional<PersonRecord> stored = exists ? rows.get(0) : Optional.empty();
        PersonRecord wanted =
                new PersonRecord(0, number, name, sex, birth, division, address, draft.deceased(), 0, now);
        if (stored.isPresent() && sameContent(stored.get(), wanted)) {
            return stored.get();
        }
        JdbcClient.StatementSpec spec;
        if (exists) {
            spec = jdbc.sql("""
                    UPDATE basedata_person SET identity_index = :identity, id_number_sealed = :idSealed,
                           name_sealed = :nameSealed, address_sealed = :addressSealed, sex = :sex,
                           birth_date = :birth, household_division = :division, deceased = :deceased,
                           version = version + 1, updated_at = :now
                    WHERE id_number_index = :number RETURNING record_id, version""");
        } else {
            spec = jdbc.sql("""
                    INSERT INTO basedata_person (id_number_index, identity_index, id_number_sealed, name_sealed,
                           address_sealed, sex, birth_date, household_division, deceased, version, updated_at)
                    VALUES (:number, :identity, :idSealed, :nameSealed, :addressSealed, :sex, :birth, :division,
                            :deceased, 1, :now)
                    RETURNING record_id, version""");
        }
        long[] saved = spec.param("number", index)
                .param("identity", identityIndex(name, number))
                .param("idSealed", keys.encrypt(number, SEALED_ID_CONTEXT))
                .param("nameSealed", keys.encrypt(name, NAME_CONTEXT))
                .param("addressSealed", keys.encrypt(address, ADDRESS_CONTEXT))
                .param("sex", sex)
                .param("birth", birth)
                .param("division", division)
                .param("deceased", draft.deceased())
                .param("now", java.sql.Timestamp.from(now))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        events.publishEvent(new BaseRecordChanged(
                BaseRecordChanged.PERSON,
                saved[0],
                exists ? BaseRecordChanged.UPDATE : BaseRecordChanged.INSERT,
                saved[1],
                now));
        return new PersonRecord(saved[0], number, name, sex, birth, division, address, draft.deceased(), saved[1], now);
    }

    private static boolean sameContent(PersonRecord a, PersonRecord b) {
        return a.idNumber().equals(b.idNumber())
                && a.name().equals(b.name())
                && a.sex().equals(b.sex())
                && a.birthDate().equals(b.birthDate())
                && Objects.equals(a.householdDivision(), b.householdDivision())
                && a.address().equals(b.address())
                && a.deceased() == b.deceased();
    }

    private List<RecordProblem> check(PersonDraft draft, boolean householdMayBeUnknown) {
        List<RecordProblem> problems = new ArrayList<>();
        LocalDate today = divisions.today();
        CodeCheck numberCheck = CitizenIdNumber.check(draft.idNumber(), today);
        if (!numberCheck.isValid()) {
            problems.add(RecordProblem.of("id_number", numberCheck.defect().messageKey(), numberCheck.argumentArray()));
        }
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty()) {
            problems.add(RecordProblem.of("name", "import.required"));
        } else if (name.length() > MAX_NAME) {
            problems.add(RecordProblem.of("name", "import.too-long", MAX_NAME));
        }
        String sex = draft.sex() == null ? "" : draft.sex().strip();
        if (!sex.isEmpty() && !List.of("0", "1", "2", "9").contains(sex)) {
            problems.add(RecordProblem.of("sex", "basedata.person.sex-unknown", sex));
        } else if (numberCheck.isValid() && (sex.equals("1") || sex.equals("2"))) {
            String ofNumber = sexOfNumber(numberCheck.normalised());
            if (!sex.equals(ofNumber)) {
                problems.add(RecordProblem.of("sex", "basedata.person.sex-disagrees", sex, ofNumber));
            }
        }
        if (draft.birthDate() != null && numberCheck.isValid()) {
            LocalDate ofNumber = CitizenIdNumber.birthDate(numberCheck.normalised());
            if (!draft.birthDate().equals(ofNumber)) {
                problems.add(
                        RecordProblem.of("birth_date", "basedata.person.birth-disagrees", draft.birthDate(), ofNumber));
            }
        }
        String division = draft.householdDivision() == null
                ? ""
                : draft.householdDivision().strip();
        if (division.isEmpty()) {
            if (!householdMayBeUnknown) {
                problems.add(RecordProblem.of("household_division", "import.required"));
            }
        } else {
            CodeCheck divisionCheck = divisions.check(division, today);
            if (!divisionCheck.isValid()) {
                problems.add(RecordProblem.of(
                        "household_division", divisionCheck.defect().messageKey(), divisionCheck.argumentArray()));
            }
        }
        String address = draft.address() == null ? "" : draft.address().strip();
        if (address.length() > MAX_ADDRESS) {
            problems.add(RecordProblem.of("address", "import.too-long", MAX_ADDRESS));
        }
        return problems;
    }

    /** 1 for an odd sequence number (men), 2 for an even one (women). */
    static String sexOfNumber(String validNumber) {
        return (validNumber.charAt(16) - '0') % 2 == 1 ? "1" : "2";
    }

    /** The number's division, or the nearest registered one above it; null when none is registered. */
    private String divisionOfNumber(String number) {
        Optional<DivisionCode> code = DivisionCode.parse(number.substring(0, 6));
        while (code.isPresent()) {
            if (divisions.current(code.get().value()).isPresent()) {
                return code.get().value();
            }
            code = code.get().structuralParent();
        }
        return null;
    }

    private String numberIndex(String number) {
        return keys.blindIndex(number, ID_NUMBER_CONTEXT);
    }

    private String identityIndex(String name, String number) {
        return keys.blindIndex(name + "|" + number, IDENTITY_CONTEXT);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private PersonRecord person(ResultSet rs, int row) throws SQLException {
        String division = rs.getString("household_division");
        return new PersonRecord(
                rs.getLong("record_id"),
                keys.decrypt(rs.getBytes("id_number_sealed"), SEALED_ID_CONTEXT),
                keys.decrypt(rs.getBytes("name_sealed"), NAME_CONTEXT),
                rs.getString("sex"),
                rs.getObject("birth_date", LocalDate.class),
                division,
                rs.getBytes("address_sealed") == null
                        ? ""
                        : keys.decrypt(rs.getBytes("address_sealed"), ADDRESS_CONTEXT),
                rs.getBoolean("deceased"),
                rs.getLong("version"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
