package org.zhengwu.basedata;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zhengwu.basedata.synthetic.SyntheticRegisters;
import org.zhengwu.shared.crypto.PlatformKeys;
import org.zhengwu.shared.database.OnceTasks;

/**
 * Loads the synthetic registers ({@link SyntheticRegisters}) straight into the population and legal entity libraries
 * at start-up, for benchmarks: {@code zhengwu.basedata.synthetic.persons=1000000} and {@code …entities=200000}. Rows
 * are sealed as the libraries seal them and written in batches; a number or code already there is left as it is. It
 * publishes no {@link BaseRecordChanged} (a benchmark's initial load, not a change), runs once per database for each
 * seed and size, and does nothing with the default of 0.
 */
@Component
@Order(30)
@EnableConfigurationProperties(SyntheticLoad.Settings.class)
class SyntheticLoad implements ApplicationRunner {

    /**
     * @param seed     the generator's seed
     * @param persons  how many persons to load (0: none)
     * @param entities how many legal entities to load, represented by those persons
     */
    @ConfigurationProperties("zhengwu.basedata.synthetic")
    record Settings(
            @DefaultValue("1") long seed,
            @DefaultValue("0") long persons,
            @DefaultValue("0") long entities) {}

    private static final int BATCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(SyntheticLoad.class);

    private final Settings settings;
    private final JdbcTemplate jdbc;
    private final PlatformKeys keys;
    private final OnceTasks onceTasks;
    private final Clock clock;

    SyntheticLoad(Settings settings, JdbcTemplate jdbc, PlatformKeys keys, OnceTasks onceTasks, Clock clock) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.keys = keys;
        this.onceTasks = onceTasks;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.persons() <= 0) {
            return;
        }
        onceTasks.runOnce(
                "basedata.synthetic:" + settings.seed() + ":" + settings.persons() + ":" + settings.entities(),
                () -> load(new SyntheticRegisters(settings.seed()), settings.persons(), settings.entities()));
    }

    void load(SyntheticRegisters registers, long persons, long entities) {
        long started = System.nanoTime();
        List<SyntheticRegisters.Person> personBatch = new ArrayList<>(BATCH);
        registers.persons(persons, p -> {
            personBatch.add(p);
            if (personBatch.size() == BATCH) {
                insertPersons(personBatch);
                personBatch.clear();
            }
        });
        insertPersons(personBatch);
        List<SyntheticRegisters.Entity> entityBatch = new ArrayList<>(BATCH);
        registers.entities(entities, persons, e -> {
            entityBatch.add(e);
            if (entityBatch.size() == BATCH) {
                insertEntities(entityBatch);
                entityBatch.clear();
            }
        });
        insertEntities(entityBatch);
        log.info(
                "Loaded {} synthetic persons and {} legal entities in {} s",
                persons,
                entities,
                (System.nanoTime() - started) / 1_000_000_000);
    }

    private void insertPersons(List<SyntheticRegisters.Person> batch) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("""
                INSERT INTO basedata_person (id_number_index, identity_index, id_number_sealed, name_sealed,
                       address_sealed, sex, birth_date, household_division, deceased, version, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?) ON CONFLICT (id_number_index) DO NOTHING""", batch, batch.size(), (PreparedStatement ps, SyntheticRegisters.Person p) -> {
            ps.setString(1, keys.blindIndex(p.idNumber(), Population.ID_NUMBER_CONTEXT));
            ps.setString(2, keys.blindIndex(p.name() + "|" + p.idNumber(), Population.IDENTITY_CONTEXT));
            ps.setBytes(3, keys.encrypt(p.idNumber(), Population.SEALED_ID_CONTEXT));
            ps.setBytes(4, keys.encrypt(p.name(), Population.NAME_CONTEXT));
            ps.setBytes(5, keys.encrypt(p.address(), Population.ADDRESS_CONTEXT));
            ps.setString(6, p.sex());
            ps.setObject(7, p.birthDate());
            ps.setString(8, p.division());
            ps.setBoolean(9, p.deceased());
            ps.setTimestamp(10, now);
        });
    }

    private void insertEntities(List<SyntheticRegisters.Entity> batch) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate(
                """
                INSERT INTO basedata_legal_entity (uscc, name, entity_type, representative_name_sealed,
                       representative_id_sealed, representative_id_index, representative_identity_index,
                       registered_division, status, registration_date, version, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?) ON CONFLICT (uscc) DO NOTHING""", batch, batch.size(), (PreparedStatement ps, SyntheticRegisters.Entity e) -> entity(ps, e, now));
    }

    private void entity(PreparedStatement ps, SyntheticRegisters.Entity e, Timestamp now) throws SQLException {
        ps.setString(1, e.uscc());
        ps.setString(2, e.name());
        ps.setString(3, e.entityType());
        ps.setBytes(4, keys.encrypt(e.representative(), LegalEntities.REPRESENTATIVE_NAME_CONTEXT));
        ps.setBytes(5, keys.encrypt(e.representativeIdNumber(), LegalEntities.REPRESENTATIVE_ID_CONTEXT));
        ps.setString(6, keys.blindIndex(e.representativeIdNumber(), LegalEntities.REPRESENTATIVE_ID_INDEX));
        ps.setString(
                7,
                keys.blindIndex(
                        e.representative() + "|" + e.representativeIdNumber(),
                        LegalEntities.REPRESENTATIVE_IDENTITY_INDEX));
        ps.setString(8, e.division());
        ps.setString(9, e.status());
        ps.setObject(10, e.registrationDate());
        ps.setTimestamp(11, now);
    }
}
