package org.zhengwu.basedata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.shared.codes.CitizenIdNumber;
import org.zhengwu.shared.codes.CodeCheck;
import org.zhengwu.shared.codes.UnifiedSocialCreditCode;
import org.zhengwu.shared.crypto.PlatformKeys;

/**
 * 法人基础信息库: legal entities keyed by 统一社会信用代码. The legal representative's name and 公民身份号码 are sealed
 * with SM4; the number and the pair are found by blind index, so that a representative can be verified
 * ({@link #isLegalRepresentative}) without either being kept in clear. Each change publishes a
 * {@link BaseRecordChanged} in its transaction.
 */
@Service
public class LegalEntities {

    /**
     * Registration statuses: active 存续（在业、在营、开业、在册）, revoked 吊销（未注销）, cancelled 注销, moved-out 迁出
     * (registered elsewhere now).
     */
    public static final List<String> STATUSES = List.of("active", "revoked", "cancelled", "moved-out");

    /**
     * Entity types: GB 32100's 登记管理部门码 and 机构类别码, the first two characters of the code (labels in the
     * bundles as basedata.entity-type.&lt;code&gt;).
     */
    public static final List<String> ENTITY_TYPES = List.of(
            "11", "12", "13", "19", "21", "29", "31", "32", "33", "34", "35", "39", "41", "49", "51", "52", "53", "59",
            "61", "62", "69", "71", "72", "79", "81", "89", "91", "92", "93", "A1", "A9", "N1", "N2", "N3", "N9", "Y1");

    public static final int MAX_NAME = 200;
    public static final int MAX_REPRESENTATIVE_NAME = 50;

    static final String REPRESENTATIVE_NAME_CONTEXT = "basedata_legal_entity.representative_name";
    static final String REPRESENTATIVE_ID_CONTEXT = "basedata_legal_entity.representative_id";
    static final String REPRESENTATIVE_ID_INDEX = "legal-entity.representative.id_number";
    static final String REPRESENTATIVE_IDENTITY_INDEX = "legal-entity.representative.identity";

    private static final String COLUMNS = """
            record_id, uscc, name, entity_type, representative_name_sealed, registered_division, status,
            registration_date, version, updated_at""";

    private final JdbcClient jdbc;
    private final PlatformKeys keys;
    private final Divisions divisions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LegalEntities(
            JdbcClient jdbc, PlatformKeys keys, Divisions divisions, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.divisions = divisions;
        this.events = events;
        this.clock = clock;
    }

    /** The entity with this code. */
    public Optional<LegalEntityRecord> find(String uscc) {
        if (uscc == null || uscc.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM basedata_legal_entity WHERE uscc = :uscc")
                .param("uscc", uscc.strip().toUpperCase(Locale.ROOT))
                .query(this::entity)
                .optional();
    }

    /** The entity of this record id; empty when there is none (or it was removed). */
    public Optional<LegalEntityRecord> byRecordId(long recordId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM basedata_legal_entity WHERE record_id = :id")
                .param("id", recordId)
                .query(this::entity)
                .optional();
    }

    /** One page of the entities the query selects, by record id. */
    public List<LegalEntityRecord> page(LegalEntityQuery query) {
        StringBuilder sql =
                new StringBuilder("SELECT " + COLUMNS + " FROM basedata_legal_entity WHERE record_id > :after");
        String[] range = query.divisionCode() == null ? null : LibraryQueries.range(query.divisionCode());
        if (range != null) {
            sql.append(" AND registered_division BETWEEN :low AND :high");
        }
        if (query.status() != null) {
            sql.append(" AND status = :status");
        }
        sql.append(" ORDER BY record_id LIMIT :limit");
        JdbcClient.StatementSpec spec =
                jdbc.sql(sql.toString()).param("after", query.afterRecordId()).param("limit", query.limit());
        if (range != null) {
            spec = spec.param("low", range[0]).param("high", range[1]);
        }
        if (query.status() != null) {
            spec = spec.param("status", query.status());
        }
        return spec.query(this::entity).list();
    }

    /** Every entity the query selects from its {@code afterRecordId} on, a page at a time (constant memory). */
    public void forEach(LegalEntityQuery query, Consumer<LegalEntityRecord> sink) {
        LegalEntityQuery next = query;
        while (true) {
            List<LegalEntityRecord> page = page(next);
            page.forEach(sink);
            if (page.size() < next.limit()) {
                return;
            }
            next = next.after(page.get(page.size() - 1).recordId());
        }
    }

    /** Entities whose name contains the text (at most {@code limit}, by name), for staff lookups. */
    public List<LegalEntityRecord> search(String nameContains, int limit) {
        String text = nameContains == null ? "" : nameContains.strip();
        if (text.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        "SELECT " + COLUMNS
                                + " FROM basedata_legal_entity WHERE strpos(name, :text) > 0 ORDER BY name, record_id LIMIT :limit")
                .param("text", text)
                .param("limit", Math.max(1, Math.min(limit, LegalEntityQuery.MAX_LIMIT)))
                .query(this::entity)
                .list();
    }

    /** The entities, of any status, whose legal representative has this 公民身份号码. */
    public List<LegalEntityRecord> representedBy(String idNumber) {
        if (idNumber == null || idNumber.isBlank()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM basedata_legal_entity WHERE representative_id_index = :index ORDER BY record_id")
                .param("index", keys.blindIndex(idNumber.strip().toUpperCase(Locale.ROOT), REPRESENTATIVE_ID_INDEX))
                .query(this::entity)
                .list();
    }

    /**
     * Whether the person with exactly this name and 公民身份号码 is the registered legal representative of the entity
     * with this code, and the entity still exists here: true for active and revoked (吊销未注销, which may still act to
     * wind up), false for cancelled and moved-out entities and for any unknown code.
     */
    public boolean isLegalRepresentative(String uscc, String name, String idNumber) {
        if (uscc == null || name == null || idNumber == null) {
            return false;
        }
        String number = idNumber.strip().toUpperCase(Locale.ROOT);
        return jdbc.sql("""
                        SELECT count(*) FROM basedata_legal_entity
                        WHERE uscc = :uscc AND representative_id_index = :number
                          AND representative_identity_index = :identity AND status IN ('active', 'revoked')""")
                        .param("uscc", uscc.strip().toUpperCase(Locale.ROOT))
                        .param("number", keys.blindIndex(number, REPRESENTATIVE_ID_INDEX))
                        .param("identity", keys.blindIndex(name.strip() + "|" + number, REPRESENTATIVE_IDENTITY_INDEX))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** What is wrong with a draft; empty when it can be saved. */
    public List<RecordProblem> check(LegalEntityDraft draft) {
        List<RecordProblem> problems = new ArrayList<>();
        LocalDate today = divisions.today();
        CodeCheck codeCheck = UnifiedSocialCreditCode.check(draft.uscc());
        if (!codeCheck.isValid()) {
            problems.add(RecordProblem.of("uscc", codeCheck.defect().messageKey(), codeCheck.argumentArray()));
        }
        requiredText(problems, "name", draft.name(), MAX_NAME);
        String type = blankToNull(draft.entityType());
        if (codeCheck.isValid()) {
            String ofCode = codeCheck.normalised().substring(0, 2);
            if (type != null && !type.toUpperCase(Locale.ROOT).equals(ofCode)) {
                problems.add(RecordProblem.of("entity_type", "basedata.entity.type-disagrees", type, ofCode));
            } else if (!ENTITY_TYPES.contains(ofCode)) {
                problems.add(RecordProblem.of("entity_type", "basedata.entity.type-unknown", ofCode));
            }
        }
        requiredText(problems, "legal_representative", draft.legalRepresentative(), MAX_REPRESENTATIVE_NAME);
        CodeCheck idCheck = CitizenIdNumber.check(draft.legalRepresentativeIdNumber(), today);
        if (!idCheck.isValid()) {
            problems.add(RecordProblem.of(
                    "legal_representative_id_number", idCheck.defect().messageKey(), idCheck.argumentArray()));
        }
        String division = blankToNull(draft.registeredDivision());
        if (division == null) {
            problems.add(RecordProblem.of("registered_division", "import.required"));
        } else {
            CodeCheck divisionCheck = divisions.check(division, today);
            if (!divisionCheck.isValid()) {
                problems.add(RecordProblem.of(
                        "registered_division", divisionCheck.defect().messageKey(), divisionCheck.argumentArray()));
            }
        }
        String status = blankToNull(draft.status());
        if (status == null) {
            problems.add(RecordProblem.of("status", "import.required"));
        } else if (!STATUSES.contains(status)) {
            problems.add(RecordProblem.of("status", "basedata.entity.status-unknown", status));
        }
        if (draft.registrationDate() == null) {
            problems.add(RecordProblem.of("registration_date", "import.required"));
        } else if (draft.registrationDate().isAfter(today)) {
            problems.add(RecordProblem.of(
                    "registration_date", "basedata.entity.registered-in-future", draft.registrationDate()));
        }
        return problems;
    }

    /**
     * Inserts the entity, or updates the record with the same code. A change adds one to the version and publishes
     * {@link BaseRecordChanged}; a draft equal to the stored record changes nothing and returns it.
     *
     * @throws RecordRefusedException when {@link #check(LegalEntityDraft)} finds a problem
     */
    @Transactional
    public LegalEntityRecord save(LegalEntityDraft draft) {
        List<RecordProblem> problems = check(draft);
        if (!problems.isEmpty()) {
            throw new RecordRefusedException(problems);
        }
        String uscc = draft.uscc().strip().toUpperCase(Locale.ROOT);
        String name = draft.name().strip();
        String type = uscc.substring(0, 2);
        String representative = draft.legalRepresentative().strip();
        String number = draft.legalRepresentativeIdNumber().strip().toUpperCase(Locale.ROOT);
        String division = draft.registeredDivision().strip();
        String status = draft.status().strip();
        String numberIndex = keys.blindIndex(number, REPRESENTATIVE_ID_INDEX);
        String identityIndex = keys.blindIndex(representative + "|" + number, REPRESENTATIVE_IDENTITY_INDEX);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        record Stored(LegalEntityRecord entity, String identityIndex) {}
        Optional<Stored> stored = jdbc.sql("SELECT " + COLUMNS
                        + ", representative_identity_index FROM basedata_legal_entity WHERE uscc = :uscc FOR UPDATE")
                .param("uscc", uscc)
                .query((rs, n) -> new Stored(entity(rs, n), rs.getString("representative_identity_index")))
                .optional();
        if (stored.isPresent()) {
            LegalEntityRecord e = stored.get().entity();
            if (e.name().equals(name)
                    && e.entityType().equals(type)
                    && stored.get().identityIndex().equals(identityIndex)
                    && e.registeredDivision().equals(division)
                    && e.status().equals(status)
                    && e.registrationDate().equals(draft.registrationDate())) {
                return e;
            }
        }
        JdbcClient.StatementSpec spec = stored.isPresent() ? jdbc.sql("""
                        UPDATE basedata_legal_entity SET name = :name, entity_type = :type,
                               representative_name_sealed = :repName, representative_id_sealed = :repId,
                               representative_id_index = :repIndex, representative_identity_index = :repIdentity,
                               registered_division = :division, status = :status, registration_date = :registered,
                               version = version + 1, updated_at = :now
                        WHERE uscc = :uscc RETURNING record_id, version""") : jdbc.sql("""
                        INSERT INTO basedata_legal_entity (uscc, name, entity_type, representative_name_sealed,
                               representative_id_sealed, representative_id_index, representative_identity_index,
                               registered_division, status, registration_date, version, updated_at)
                        VALUES (:uscc, :name, :type, :repName, :repId, :repIndex, :repIdentity, :division, :status,
                                :registered, 1, :now)
                        RETURNING record_id, version""");
        long[] saved = spec.param("uscc", uscc)
                .param("name", name)
                .param("type", type)
                .param("repName", keys.encrypt(representative, REPRESENTATIVE_NAME_CONTEXT))
                .param("repId", keys.encrypt(number, REPRESENTATIVE_ID_CONTEXT))
                .param("repIndex", numberIndex)
                .param("repIdentity", identityIndex)
                .param("division", division)
                .param("status", status)
                .param("registered", draft.registrationDate())
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        events.publishEvent(new BaseRecordChanged(
                BaseRecordChanged.LEGAL_ENTITY,
                saved[0],
                stored.isPresent() ? BaseRecordChanged.UPDATE : BaseRecordChanged.INSERT,
                saved[1],
                now));
        return new LegalEntityRecord(
                saved[0], uscc, name, type, representative, division, status, draft.registrationDate(), saved[1], now);
    }

    /** Removes the entity's record, publishing {@link BaseRecordChanged}; false when there was none. */
    @Transactional
    public boolean remove(String uscc) {
        if (uscc == null || uscc.isBlank()) {
            return false;
        }
        Optional<long[]> removed = jdbc.sql(
                        "DELETE FROM basedata_legal_entity WHERE uscc = :uscc RETURNING record_id, version")
                .param("uscc", uscc.strip().toUpperCase(Locale.ROOT))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .optional();
        removed.ifPresent(r -> events.publishEvent(new BaseRecordChanged(
                BaseRecordChanged.LEGAL_ENTITY,
                r[0],
                BaseRecordChanged.DELETE,
                r[1] + 1,
                clock.instant().truncatedTo(ChronoUnit.MICROS))));
        return removed.isPresent();
    }

    private static void requiredText(List<RecordProblem> problems, String field, String value, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            problems.add(RecordProblem.of(field, "import.required"));
        } else if (text.length() > max) {
            problems.add(RecordProblem.of(field, "import.too-long", max));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private LegalEntityRecord entity(ResultSet rs, int row) throws SQLException {
        return new LegalEntityRecord(
                rs.getLong("record_id"),
                rs.getString("uscc"),
                rs.getString("name"),
                rs.getString("entity_type"),
                keys.decrypt(rs.getBytes("representative_name_sealed"), REPRESENTATIVE_NAME_CONTEXT),
                rs.getString("registered_division"),
                rs.getString("status"),
                rs.getObject("registration_date", LocalDate.class),
                rs.getLong("version"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
