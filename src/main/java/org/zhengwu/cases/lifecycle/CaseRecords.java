package org.zhengwu.cases.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhengwu.cases.CaseStatus;
import org.zhengwu.identity.ScopeColumns;

/** The case tables. Every change of a case's state goes through {@link #transition}, which is optimistic. */
@Repository
public class CaseRecords {

    /** The case table's owner and division, as every list of cases filters them by data scope (alias {@code c}). */
    public static final ScopeColumns SCOPE = new ScopeColumns("c.organisation_uscc", "c.division_code");

    private static final String COLUMNS = """
            id, case_number, status, stage, lock_version, channel, applicant_account_id, agent_account_id,
            acting_for_uscc, registered_by, applicant_name, form_values, implementation_code, item_version, item_name,
            item_type, organisation_uscc, division_code, case_kind, statutory_days, promised_days, submission_key,
            received_on, due_on, decision, decision_reason, process_instance_id, created_at, updated_at, submitted_at,
            accepted_at, decided_at, completed_at, bundle_id, process_key, process_version, undertake_roles, audit_roles,
            approve_roles""";

    private final JdbcClient jdbc;

    CaseRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CaseRow> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cases_case WHERE id = :id")
                .param("id", id)
                .query(CaseRecords::row)
                .optional();
    }

    public Optional<CaseRow> findByNumber(String caseNumber) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cases_case WHERE case_number = :number")
                .param("number", caseNumber)
                .query(CaseRecords::row)
                .optional();
    }

    public Optional<CaseRow> findBySubmissionKey(UUID key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cases_case WHERE submission_key = :key")
                .param("key", key)
                .query(CaseRecords::row)
                .optional();
    }

    /** Locks the row for the rest of the transaction: submissions of one draft are serialised here. */
    public Optional<CaseRow> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cases_case WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(CaseRecords::row)
                .optional();
    }

    public long insertDraft(NewDraft d, Instant now) {
        return jdbc.sql("""
                        INSERT INTO cases_case (status, channel, applicant_account_id, agent_account_id, acting_for_uscc,
                            registered_by, applicant_name, form_values, implementation_code, item_version, item_name,
                            item_type, organisation_uscc, division_code, case_kind, statutory_days, promised_days,
                            created_at, updated_at)
                        VALUES ('DRAFT', :channel, :applicant, :agent, :actingFor, :registeredBy, :name, :values, :code,
                            :version, :itemName, :itemType, :uscc, :division, :kind, :statutory, :promised, :now, :now)
                        RETURNING id""")
                .param("channel", d.channel())
                .param("applicant", d.applicantAccountId())
                .param("agent", d.agentAccountId())
                .param("actingFor", d.actingForUscc())
                .param("registeredBy", d.registeredBy())
                .param("name", d.applicantName())
                .param("values", d.formValues())
                .param("code", d.implementationCode())
                .param("version", d.itemVersion())
                .param("itemName", d.itemName())
                .param("itemType", d.itemType())
                .param("uscc", d.organisationUscc())
                .param("division", d.divisionCode())
                .param("kind", d.caseKind())
                .param("statutory", d.statutoryDays())
                .param("promised", d.promisedDays())
                .param("now", java.sql.Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    public record NewDraft(
            String channel,
            Long applicantAccountId,
            Long agentAccountId,
            String actingForUscc,
            String registeredBy,
            byte[] applicantName,
            byte[] formValues,
            String implementationCode,
            int itemVersion,
            String itemName,
            String itemType,
            String organisationUscc,
            String divisionCode,
            String caseKind,
            Integer statutoryDays,
            Integer promisedDays) {}

    /** Who a counter registration is for, as stored: number and mobile sealed, the number also blind-indexed. */
    public record CounterApplicant(String idNumberIndex, byte[] idNumber, byte[] mobile, String enterpriseName) {}

    /** Records who a counter draft is for, in the transaction that made it. */
    public void recordCounterApplicant(long id, CounterApplicant applicant) {
        jdbc.sql("""
                        UPDATE cases_case SET applicant_id_index = :index, applicant_id_number = :number,
                            applicant_mobile = :mobile, enterprise_name = :enterprise
                        WHERE id = :id AND status = 'DRAFT'""")
                .param("index", applicant.idNumberIndex())
                .param("number", applicant.idNumber())
                .param("mobile", applicant.mobile())
                .param("enterprise", applicant.enterpriseName())
                .param("id", id)
                .update();
    }

    public Optional<CounterApplicant> counterApplicant(long id) {
        return jdbc.sql("""
                        SELECT applicant_id_index, applicant_id_number, applicant_mobile, enterprise_name FROM cases_case
                        WHERE id = :id AND registered_by IS NOT NULL""")
                .param("id", id)
                .query((rs, n) -> new CounterApplicant(
                        rs.getString("applicant_id_index"),
                        rs.getBytes("applicant_id_number"),
                        rs.getBytes("applicant_mobile"),
                        rs.getString("enterprise_name")))
                .optional();
    }

    /** Saves a draft's values; false when the draft moved on meanwhile (submitted in another tab). */
    public boolean saveDraftValues(long id, byte[] values, Instant now) {
        return jdbc.sql("""
                        UPDATE cases_case SET form_values = :values, updated_at = :now, lock_version = lock_version + 1
                        WHERE id = :id AND status = 'DRAFT'""")
                        .param("values", values)
                        .param("now", java.sql.Timestamp.from(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Gives the next number of a division and day; the row lock serialises only that division's submissions. */
    public int nextSequence(String divisionCode, LocalDate day) {
        return jdbc.sql("""
                        INSERT INTO cases_number_sequence (division_code, day, last_value) VALUES (:division, :day, 1)
                        ON CONFLICT (division_code, day) DO UPDATE SET last_value = cases_number_sequence.last_value + 1
                        RETURNING last_value""")
                .param("division", divisionCode)
                .param("day", day)
                .query(Integer.class)
                .single();
    }

    /**
     * The process a case is started on and the roles of each review stage (null: the stage's permission), as they
     * apply to it from its submission on.
     */
    public record Handling(
            String processKey,
            int processVersion,
            String processInstanceId,
            List<String> undertakeRoles,
            List<String> auditRoles,
            List<String> approveRoles) {}

    public void markSubmitted(
            long id,
            String caseNumber,
            UUID submissionKey,
            LocalDate receivedOn,
            LocalDate dueOn,
            Handling handling,
            Instant now) {
        int changed = jdbc.sql("""
                        UPDATE cases_case SET status = 'SUBMITTED', stage = 'accept', case_number = :number,
                            submission_key = :key, received_on = :received, due_on = :due,
                            process_instance_id = :process, process_key = :processKey,
                            process_version = :processVersion, undertake_roles = CAST(:undertakeRoles AS text[]),
                            audit_roles = CAST(:auditRoles AS text[]), approve_roles = CAST(:approveRoles AS text[]),
                            submitted_at = :now, updated_at = :now, lock_version = lock_version + 1
                        WHERE id = :id AND status = 'DRAFT'""")
                .param("number", caseNumber)
                .param("key", submissionKey)
                .param("received", receivedOn)
                .param("due", dueOn)
                .param("process", handling.processInstanceId())
                .param("processKey", handling.processKey())
                .param("processVersion", handling.processVersion())
                .param("undertakeRoles", array(handling.undertakeRoles()), java.sql.Types.ARRAY)
                .param("auditRoles", array(handling.auditRoles()), java.sql.Types.ARRAY)
                .param("approveRoles", array(handling.approveRoles()), java.sql.Types.ARRAY)
                .param("now", java.sql.Timestamp.from(now))
                .param("id", id)
                .update();
        if (changed != 1) {
            throw new IllegalStateException("draft " + id + " changed under a row lock");
        }
    }

    /** What a step changes besides status and stage; null leaves a column as it is. */
    public record Change(
            CaseStatus status,
            String stage,
            LocalDate dueOn,
            String decision,
            String decisionReason,
            Instant acceptedAt,
            Instant decidedAt,
            Instant completedAt) {

        public static Change to(CaseStatus status, String stage) {
            return new Change(status, stage, null, null, null, null, null, null);
        }

        public Change due(LocalDate due) {
            return new Change(status, stage, due, decision, decisionReason, acceptedAt, decidedAt, completedAt);
        }

        public Change accepted(Instant at) {
            return new Change(status, stage, dueOn, decision, decisionReason, at, decidedAt, completedAt);
        }

        public Change decided(String decision, String reason, Instant at) {
            return new Change(status, stage, dueOn, decision, reason, acceptedAt, at, at);
        }
    }

    /**
     * Moves a case on if nobody else did since it was read at {@code expectedVersion}: the one place of optimistic
     * locking. False means someone else acted first.
     */
    public boolean transition(long id, int expectedVersion, CaseStatus expectedStatus, Change change, Instant now) {
        return jdbc.sql("""
                        UPDATE cases_case SET status = :status, stage = :stage,
                            due_on = COALESCE(:due, due_on),
                            decision = COALESCE(:decision, decision),
                            decision_reason = COALESCE(:reason, decision_reason),
                            accepted_at = COALESCE(:acceptedAt, accepted_at),
                            decided_at = COALESCE(:decidedAt, decided_at),
                            completed_at = COALESCE(:completedAt, completed_at),
                            updated_at = :now, lock_version = lock_version + 1
                        WHERE id = :id AND lock_version = :version AND status = :expectedStatus""")
                        .param("status", change.status().name())
                        .param("stage", change.stage())
                        .param("due", change.dueOn())
                        .param("decision", change.decision())
                        .param("reason", change.decisionReason())
                        .param("acceptedAt", timestamp(change.acceptedAt()))
                        .param("decidedAt", timestamp(change.decidedAt()))
                        .param("completedAt", timestamp(change.completedAt()))
                        .param("now", java.sql.Timestamp.from(now))
                        .param("id", id)
                        .param("version", expectedVersion)
                        .param("expectedStatus", expectedStatus.name())
                        .update()
                == 1;
    }

    /** Makes a draft a branch of a bundle, before it is submitted. */
    public void attachToBundle(long caseId, long bundleId) {
        jdbc.sql("UPDATE cases_case SET bundle_id = :bundle WHERE id = :id AND status = 'DRAFT'")
                .param("bundle", bundleId)
                .param("id", caseId)
                .update();
    }

    /** The branches of a bundle, in the order they were made. */
    public List<CaseRow> branches(long bundleId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cases_case WHERE bundle_id = :bundle ORDER BY id")
                .param("bundle", bundleId)
                .query(CaseRecords::row)
                .list();
    }

    /** How many branches of a bundle are still open: waiting at the counter, for 补正 or in review. */
    public int openBranches(long bundleId) {
        return jdbc.sql("""
                        SELECT count(*) FROM cases_case
                        WHERE bundle_id = :bundle AND status IN ('SUBMITTED', 'CORRECTION_REQUESTED', 'UNDER_REVIEW')""").param("bundle", bundleId).query(Integer.class).single();
    }

    public void addStep(long caseId, CaseStep step) {
        jdbc.sql("""
                        INSERT INTO cases_step (case_id, at, step, status_after, actor_kind, actor_account, actor_name, opinion,
                            opinion_public)
                        VALUES (:case, :at, :step, :status, :kind, :account, :name, :opinion, :public)""")
                .param("case", caseId)
                .param("at", java.sql.Timestamp.from(step.at()))
                .param("step", step.step())
                .param("status", step.statusAfter().name())
                .param("kind", step.actorKind())
                .param("account", step.actorAccount())
                .param("name", step.actorName())
                .param("opinion", step.opinion())
                .param("public", step.opinionPublic())
                .update();
    }

    public List<CaseStep> steps(long caseId) {
        return jdbc.sql("""
                        SELECT at, step, status_after, actor_kind, actor_account, actor_name, opinion, opinion_public
                        FROM cases_step WHERE case_id = :case ORDER BY at, id""")
                .param("case", caseId)
                .query((rs, n) -> new CaseStep(
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("step"),
                        CaseStatus.valueOf(rs.getString("status_after")),
                        rs.getString("actor_kind"),
                        (Long) rs.getObject("actor_account"),
                        rs.getString("actor_name"),
                        rs.getString("opinion"),
                        rs.getBoolean("opinion_public")))
                .list();
    }

    public void addMaterial(
            long caseId, int materialNo, String materialName, StoredUpload file, int round, Instant now) {
        jdbc.sql("""
                        UPDATE cases_material SET superseded = TRUE
                        WHERE case_id = :case AND material_no = :no AND round < :round AND NOT superseded""")
                .param("case", caseId)
                .param("no", materialNo)
                .param("round", round)
                .update();
        jdbc.sql("""
                        INSERT INTO cases_material (case_id, material_no, material_name, file_key, file_name, file_kind,
                            size_bytes, sm3, round, uploaded_at)
                        VALUES (:case, :no, :name, :key, :fileName, :kind, :size, :sm3, :round, :now)""")
                .param("case", caseId)
                .param("no", materialNo)
                .param("name", materialName)
                .param("key", file.key())
                .param("fileName", file.fileName())
                .param("kind", file.kind())
                .param("size", file.sizeBytes())
                .param("sm3", file.sm3())
                .param("round", round)
                .param("now", java.sql.Timestamp.from(now))
                .update();
    }

    /** A file already in the file store, as the case refers to it. */
    /** The licences standing in for a case's materials, by material number. */
    public List<LicenceMaterial> licenceMaterials(long caseId) {
        return jdbc.sql("""
                        SELECT id, material_no, material_name, licence_identifier, type_code, licence_number,
                            consented_by, consented_by_name, consented_at
                        FROM cases_licence_material WHERE case_id = :case ORDER BY material_no""")
                .param("case", caseId)
                .query((rs, n) -> new LicenceMaterial(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getLong(7),
                        rs.getString(8),
                        rs.getTimestamp(9).toInstant()))
                .list();
    }

    /** Lets a licence stand in for a material of a draft, in place of the one that did. */
    public void useLicence(
            long caseId,
            int materialNo,
            String materialName,
            String identifier,
            String typeCode,
            String number,
            long consentedBy,
            String consentedByName,
            Instant now) {
        jdbc.sql("""
                        INSERT INTO cases_licence_material (case_id, material_no, material_name, licence_identifier,
                            type_code, licence_number, consented_by, consented_by_name, consented_at)
                        VALUES (:case, :no, :name, :identifier, :type, :number, :by, :byName, :now)
                        ON CONFLICT (case_id, material_no) DO UPDATE SET material_name = EXCLUDED.material_name,
                            licence_identifier = EXCLUDED.licence_identifier, type_code = EXCLUDED.type_code,
                            licence_number = EXCLUDED.licence_number, consented_by = EXCLUDED.consented_by,
                            consented_by_name = EXCLUDED.consented_by_name, consented_at = EXCLUDED.consented_at""")
                .param("case", caseId)
                .param("no", materialNo)
                .param("name", materialName)
                .param("identifier", identifier)
                .param("type", typeCode)
                .param("number", number)
                .param("by", consentedBy)
                .param("byName", consentedByName)
                .param("now", java.sql.Timestamp.from(now))
                .update();
    }

    /** Stops a licence standing in for a material; false when none did. */
    public boolean stopUsingLicence(long caseId, int materialNo) {
        return jdbc.sql("DELETE FROM cases_licence_material WHERE case_id = :case AND material_no = :no")
                        .param("case", caseId)
                        .param("no", materialNo)
                        .update()
                > 0;
    }

    public record StoredUpload(String key, String fileName, String kind, long sizeBytes, String sm3) {}

    public List<CaseMaterial> materials(long caseId) {
        return jdbc.sql("""
                        SELECT id, material_no, material_name, file_key, file_name, file_kind, size_bytes, sm3, round,
                            superseded, uploaded_at
                        FROM cases_material WHERE case_id = :case ORDER BY material_no, round, id""")
                .param("case", caseId)
                .query((rs, n) -> new CaseMaterial(
                        rs.getLong("id"),
                        rs.getInt("material_no"),
                        rs.getString("material_name"),
                        rs.getString("file_key"),
                        rs.getString("file_name"),
                        rs.getString("file_kind"),
                        rs.getLong("size_bytes"),
                        rs.getString("sm3"),
                        rs.getInt("round"),
                        rs.getBoolean("superseded"),
                        rs.getTimestamp("uploaded_at").toInstant()))
                .list();
    }

    /** One of an applicant's cases, as their list shows it. */
    public record OwnCase(
            long id, String caseNumber, CaseStatus status, String itemName, LocalDate dueOn, Instant updatedAt) {}

    /** A page of an applicant's cases, and how many they have in all. */
    public record OwnCases(List<OwnCase> cases, long total) {}

    /** The condition of {@link #ofApplicant}: the account's own cases and drafts, as applicant or as agent. */
    private static final String OWN = """
            (applicant_account_id = :me OR agent_account_id = :me) AND bundle_id IS NULL
                AND NOT (status = 'DRAFT' AND registered_by IS NOT NULL)""";

    /**
     * The applicant's cases and drafts (as applicant or as agent), most recently changed first, {@code limit} from
     * {@code offset}; the branches of a bundle are listed with their bundle instead, and a clerk's counter draft is the
     * clerk's until it is registered.
     */
    public OwnCases ofApplicant(long accountId, int limit, long offset) {
        List<OwnCase> cases = jdbc.sql("SELECT id, case_number, status, item_name, due_on, updated_at FROM cases_case"
                        + " WHERE " + OWN + " ORDER BY updated_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("me", accountId)
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> new OwnCase(
                        rs.getLong("id"),
                        rs.getString("case_number"),
                        CaseStatus.valueOf(rs.getString("status")),
                        rs.getString("item_name"),
                        rs.getObject("due_on", LocalDate.class),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
        long total = offset == 0 && cases.size() < limit
                ? cases.size()
                : jdbc.sql("SELECT count(*) FROM cases_case WHERE " + OWN)
                        .param("me", accountId)
                        .query(Long.class)
                        .single();
        return new OwnCases(cases, total);
    }

    public void removeDraftMaterial(long caseId, long materialId) {
        jdbc.sql("DELETE FROM cases_material WHERE id = :id AND case_id = :case")
                .param("id", materialId)
                .param("case", caseId)
                .update();
    }

    public void addCorrection(long caseId, String requestedBy, String items, Instant now) {
        jdbc.sql("""
                        INSERT INTO cases_correction (case_id, requested_at, requested_by, items)
                        VALUES (:case, :now, :by, :items)""")
                .param("case", caseId)
                .param("now", java.sql.Timestamp.from(now))
                .param("by", requestedBy)
                .param("items", items)
                .update();
    }

    public record Correction(Instant requestedAt, String items, Instant answeredAt) {}

    public List<Correction> corrections(long caseId) {
        return jdbc.sql("""
                        SELECT requested_at, items, answered_at FROM cases_correction
                        WHERE case_id = :case ORDER BY requested_at""")
                .param("case", caseId)
                .query((rs, n) -> new Correction(
                        rs.getTimestamp("requested_at").toInstant(),
                        rs.getString("items"),
                        rs.getTimestamp("answered_at") == null
                                ? null
                                : rs.getTimestamp("answered_at").toInstant()))
                .list();
    }

    public void answerCorrection(long caseId, Instant now) {
        jdbc.sql("UPDATE cases_correction SET answered_at = :now WHERE case_id = :case AND answered_at IS NULL")
                .param("now", java.sql.Timestamp.from(now))
                .param("case", caseId)
                .update();
    }

    public int correctionRounds(long caseId) {
        return jdbc.sql("SELECT count(*) FROM cases_correction WHERE case_id = :case")
                .param("case", caseId)
                .query(Integer.class)
                .single();
    }

    /** A text[] value: null for none, as the stage-role columns keep it. */
    private static String[] array(List<String> values) {
        return values == null ? null : values.toArray(String[]::new);
    }

    private static java.sql.Timestamp timestamp(Instant instant) {
        return instant == null ? null : java.sql.Timestamp.from(instant);
    }

    static CaseRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new CaseRow(
                rs.getLong("id"),
                rs.getString("case_number"),
                CaseStatus.valueOf(rs.getString("status")),
                rs.getString("stage"),
                rs.getInt("lock_version"),
                rs.getString("channel"),
                (Long) rs.getObject("applicant_account_id"),
                (Long) rs.getObject("agent_account_id"),
                rs.getString("acting_for_uscc"),
                rs.getString("registered_by"),
                rs.getBytes("applicant_name"),
                rs.getBytes("form_values"),
                rs.getString("implementation_code"),
                rs.getInt("item_version"),
                rs.getString("item_name"),
                rs.getString("item_type"),
                rs.getString("organisation_uscc"),
                rs.getString("division_code"),
                rs.getString("case_kind"),
                (Integer) rs.getObject("statutory_days"),
                (Integer) rs.getObject("promised_days"),
                (UUID) rs.getObject("submission_key"),
                rs.getObject("received_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class),
                rs.getString("decision"),
                rs.getString("decision_reason"),
                rs.getString("process_instance_id"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "submitted_at"),
                instant(rs, "accepted_at"),
                instant(rs, "decided_at"),
                instant(rs, "completed_at"),
                (Long) rs.getObject("bundle_id"),
                rs.getString("process_key"),
                (Integer) rs.getObject("process_version"),
                roles(rs, "undertake_roles"),
                roles(rs, "audit_roles"),
                roles(rs, "approve_roles"));
    }

    private static List<String> roles(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.sql.Array array = rs.getArray(column);
        return array == null ? null : List.of((String[]) array.getArray());
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
