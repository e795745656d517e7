package org.zhengwu.exchange.resource;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengwu.basedata.Organisation;
import org.zhengwu.basedata.Organisations;
import org.zhengwu.exchange.ExchangeAccess;
import org.zhengwu.identity.Actor;
import org.zhengwu.identity.ScopeColumns;
import org.zhengwu.identity.ScopeCondition;
import org.zhengwu.shared.audit.AccountabilityLog;
import org.zhengwu.shared.audit.AuditEvent;
import org.zhengwu.shared.calendar.WorkingDays;
import org.zhengwu.shared.time.BusinessTime;
import org.zhengwu.shared.web.NotFoundException;
import org.zhengwu.shared.web.UserFacingException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The resource catalogue: a provider's cataloguers enter and edit their organisation's resources and submit them; the
 * region's reviewers publish them or send them back with a reason. An edit of a published resource is kept beside it
 * (the consumers go on reading the published one) until it is published, which raises the version. Every change is
 * in the accountability log.
 */
@Service
public class Resources {

    /** Whose resources: the provider's organisation and division. */
    public static final ScopeColumns SCOPE = new ScopeColumns("r.provider_uscc", "r.provider_division");

    /** Working days within which a change of the data must be followed by an update of the catalogue entry. */
    public static final int CATALOGUE_UPDATE_WORKING_DAYS = 15;

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final AccountabilityLog log;
    private final WorkingDays workingDays;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Resources(
            JdbcClient jdbc,
            Organisations organisations,
            AccountabilityLog log,
            WorkingDays workingDays,
            JsonMapper json,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.log = log;
        this.workingDays = workingDays;
        this.json = json;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(BusinessTime.ZONE));
    }

    public Optional<Resource> find(String code) {
        List<Resource> found = query("WHERE r.code = :code", Map.of("code", code));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public Optional<Resource> library(String library) {
        List<Resource> found = query("WHERE r.library = :library", Map.of("library", library));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The published resources, by code. */
    public List<Resource> published() {
        return query("WHERE r.status = 'PUBLISHED'", Map.of());
    }

    /** What staff see on the list: every published resource, and the unpublished ones they catalogue or review. */
    public List<Resource> forStaff(Actor staff) {
        ScopeCondition scope = staff.reachCondition(SCOPE, ExchangeAccess.CATALOGUE, ExchangeAccess.REVIEW);
        Map<String, Object> params = new LinkedHashMap<>(scope.parameters());
        return query("WHERE r.status = 'PUBLISHED' OR " + scope.sql(), params);
    }

    /** A resource as staff may see it: published, or within their reach as cataloguer or reviewer; else 404. */
    public Resource visible(Actor staff, String code) {
        Resource r = find(code).orElseThrow(() -> new NotFoundException("exchange.resource.not-found"));
        if (!r.published() && !mayEdit(staff, r) && !mayReview(staff, r)) {
            throw new NotFoundException("exchange.resource.not-found");
        }
        return r;
    }

    public boolean mayEdit(Actor staff, Resource r) {
        return r.library() == null && staff.mayReach(ExchangeAccess.CATALOGUE, r.providerUscc(), r.providerDivision());
    }

    public boolean mayReview(Actor staff, Resource r) {
        return staff.mayReach(ExchangeAccess.REVIEW, r.providerUscc(), r.providerDivision());
    }

    /** The resource's elements as the form shows them: the edit awaiting review if there is one. */
    public ResourceForm form(Resource r) {
        Optional<ResourceForm> revision = revision(r.code());
        if (revision.isPresent()) {
            return revision.get();
        }
        ResourceForm form = new ResourceForm();
        form.setCode(r.code());
        form.setClassification(r.classification());
        form.setName(r.name());
        form.setSummary(r.summary());
        form.setFormat(r.format());
        form.setShareType(r.shareType());
        form.setShareBasis(r.shareBasis());
        form.setShareConditions(r.shareConditions());
        form.setShareMethods(
                EnumSet.copyOf(r.shareMethods().isEmpty() ? EnumSet.noneOf(ShareMethod.class) : r.shareMethods()));
        form.setOpenType(r.openType());
        form.setUpdateCycle(r.updateCycle());
        form.setPublishedOn(r.publishedOn());
        form.setRelatedCodes(String.join(", ", r.relatedCodes()));
        List<ResourceForm.ItemRow> rows = new ArrayList<>();
        for (Resource.Item i : r.items()) {
            rows.add(new ResourceForm.ItemRow(
                    i.field(), i.name(), i.dataType(), i.length(), i.description(), i.sensitive(), i.key()));
        }
        form.setItems(rows);
        return form;
    }

    private Optional<ResourceForm> revision(String code) {
        return jdbc.sql("SELECT revision FROM exchange_resource WHERE code = :code AND revision IS NOT NULL")
                .param("code", code)
                .query(String.class)
                .optional()
                .map(text -> json.readValue(text, ResourceForm.class));
    }

    /** Enters a new resource of the staff member's organisation, as a draft. */
    @Transactional
    public Resource create(Actor staff, ResourceForm form) {
        Organisation provider = staffOrganisation(staff);
        if (find(form.getCode()).isPresent()) {
            throw new UserFacingException(HttpStatus.CONFLICT, "exchange.resource.code.taken");
        }
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO exchange_resource (code, category, classification, name, provider_uscc,
                            provider_division, summary, format, share_type, share_basis, share_conditions, share_methods,
                            open_type, update_cycle, status, published_on, related_codes, catalogue_updated_at,
                            entered_by, created_at)
                        VALUES (:code, :category, :classification, :name, :provider, :division, :summary, :format,
                            :shareType, :shareBasis, :shareConditions, :shareMethods, :openType, :updateCycle, 'DRAFT',
                            :publishedOn, :related, :now, :by, :now)""")
                .params(columns(form))
                .param("provider", provider.uscc())
                .param("division", provider.divisionCode())
                .param("now", Timestamp.from(now))
                .param("by", staff.username())
                .update();
        writeItems(form.getCode(), form);
        log.record(AuditEvent.success(staff.username(), "exchange.resource.create", "resource", form.getCode())
                .withDetails(form.getName()));
        return find(form.getCode()).orElseThrow();
    }

    /**
     * Saves an edit: a draft (never published, or sent back) is changed in place; a published resource keeps what is
     * published and holds the edit beside it until a reviewer publishes it. The code does not change.
     */
    @Transactional
    public void update(Actor staff, String code, ResourceForm form) {
        Resource r = editable(staff, code);
        form.setCode(r.code());
        if (r.published()) {
            if ("IN_REVIEW".equals(r.revisionStatus())) {
                throw new UserFacingException(HttpStatus.CONFLICT, "exchange.resource.in-review");
            }
            jdbc.sql("""
                            UPDATE exchange_resource SET revision = :revision, revision_status = 'DRAFT'
                            WHERE code = :code""")
                    .param("revision", json.writeValueAsString(form))
                    .param("code", code)
                    .update();
        } else {
            if (!"DRAFT".equals(r.status())) {
                throw new UserFacingException(HttpStatus.CONFLICT, "exchange.resource.in-review");
            }
            applyColumns(code, form);
        }
        log.record(AuditEvent.success(staff.username(), "exchange.resource.update", "resource", code)
                .withDetails(form.getName()));
    }

    private void applyColumns(String code, ResourceForm form) {
        if (!form.getClassification().equals(code.substring(0, code.indexOf('/')))) {
            throw new UserFacingException(HttpStatus.BAD_REQUEST, "exchange.resource.code.classification");
        }
        jdbc.sql("""
                        UPDATE exchange_resource SET category = :category, classification = :classification,
                            name = :name, summary = :summary, format = :format, share_type = :shareType,
                            share_basis = :shareBasis, share_conditions = :shareConditions,
                            share_methods = :shareMethods, open_type = :openType, update_cycle = :updateCycle,
                            published_on = :publishedOn, related_codes = :related
                        WHERE code = :code""").params(columns(form)).param("code", code).update();
        jdbc.sql("DELETE FROM exchange_resource_item WHERE resource_code = :code")
                .param("code", code)
                .update();
        writeItems(code, form);
    }

    @Transactional
    public void submit(Actor staff, String code) {
        Resource r = editable(staff, code);
        int changed = r.published()
                ? jdbc.sql("""
                                UPDATE exchange_resource SET revision_status = 'IN_REVIEW', submitted_by = :by
                                WHERE code = :code AND revision_status = 'DRAFT'""")
                        .param("by", staff.username())
                        .param("code", code)
                        .update()
                : jdbc.sql("""
                                UPDATE exchange_resource SET status = 'IN_REVIEW', submitted_by = :by
                                WHERE code = :code AND status = 'DRAFT'""")
                        .param("by", staff.username())
                        .param("code", code)
                        .update();
        if (changed == 0) {
            throw new UserFacingException(HttpStatus.CONFLICT, "exchange.resource.nothing-to-submit");
        }
        log.record(AuditEvent.success(staff.username(), "exchange.resource.submit", "resource", code));
    }

    /** Publishes what was submitted: a new resource as version 1, an edit as the next version. */
    @Transactional
    public void publish(Actor reviewer, String code) {
        // The row locked before its state is read: two reviewers publishing the same submission at once would
        // otherwise both see it in review, and an edit would be applied twice under two version numbers.
        jdbc.sql("SELECT code FROM exchange_resource WHERE code = :code FOR UPDATE")
                .param("code", code)
                .query(String.class)
                .optional();
        Resource r = reviewable(reviewer, code);
        Instant now = clock.instant();
        if ("IN_REVIEW".equals(r.status())) {
            jdbc.sql("""
                            UPDATE exchange_resource SET status = 'PUBLISHED', returned_reason = NULL,
                                published_on = COALESCE(published_on, :today), catalogue_updated_at = :now
                            WHERE code = :code""")
                    .param("today", today())
                    .param("now", Timestamp.from(now))
                    .param("code", code)
                    .update();
            log.record(AuditEvent.success(reviewer.username(), "exchange.resource.publish", "resource", code)
                    .withDetails("version 1"));
        } else if ("IN_REVIEW".equals(r.revisionStatus())) {
            ResourceForm revision = revision(code).orElseThrow();
            applyColumns(code, revision);
            jdbc.sql("""
                            UPDATE exchange_resource SET revision = NULL, revision_status = NULL, returned_reason = NULL,
                                version = version + 1, catalogue_updated_at = :now
                            WHERE code = :code""").param("now", Timestamp.from(now)).param("code", code).update();
            log.record(AuditEvent.success(reviewer.username(), "exchange.resource.publish", "resource", code)
                    .withDetails("version " + (r.version() + 1)));
        } else {
            throw new UserFacingException(HttpStatus.CONFLICT, "exchange.resource.not-in-review");
        }
    }

    /**
     * Takes a published resource down (下架): it can no longer be asked for, served or published to; the grants on it
     * end and its subscriptions stop in the same transaction ({@link ResourceWithdrawn}). The provider's cataloguers
     * may do it; a base library stays (it is registered by the platform, not catalogued).
     */
    @Transactional
    public void withdraw(Actor staff, String code, String reason) {
        jdbc.sql("SELECT code FROM exchange_resource WHERE code = :code FOR UPDATE")
                .param("code", code)
                .query(String.class)
                .optional();
        editable(staff, code);
        int changed = jdbc.sql("""
                        UPDATE exchange_resource SET status = 'WITHDRAWN', revision = NULL, revision_status = NULL,
                            catalogue_updated_at = :now
                        WHERE code = :code AND status = 'PUBLISHED'""")
                .param("now", Timestamp.from(clock.instant()))
                .param("code", code)
                .update();
        if (changed == 0) {
            throw new UserFacingException(HttpStatus.CONFLICT, "exchange.resource.not-published");
        }
        log.record(AuditEvent.success(staff.username(), "exchange.resource.withdraw", "resource", code)
                .withDetails(reason));
        events.publishEvent(new ResourceWithdrawn(code, reason, staff.username()));
    }

    /** Sends what was submitted back to its cataloguers, with the reason they will read. */
    @Transactional
    public void sendBack(Actor reviewer, String code, String reason) {
        Resource r = reviewable(reviewer, code);
        int changed;
        if ("IN_REVIEW".equals(r.status())) {
            changed = jdbc.sql("""
                            UPDATE exchange_resource SET status = 'DRAFT', returned_reason = :reason
                            WHERE code = :code AND status = 'IN_REVIEW'""").param("reason", reason).param("code", code).update();
        } else {
            changed = jdbc.sql("""
                            UPDATE exchange_resource SET revision_status = 'DRAFT', returned_reason = :reason
                            WHERE code = :code AND revision_status = 'IN_REVIEW'""").param("reason", reason).param("code", code).update();
        }
        if (changed == 0) {
            throw new UserFacingException(HttpStatus.CONFLICT, "exchange.resource.not-in-review");
        }
        log.record(AuditEvent.success(reviewer.username(), "exchange.resource.return", "resource", code)
                .withDetails(reason));
    }

    /** Registers a base library of basedata as a published resource of the provider, unless it is registered. */
    @Transactional
    public boolean registerLibrary(LibraryResource library, Organisation provider) {
        if (library(library.library()).isPresent() || find(library.code()).isPresent()) {
            return false;
        }
        Instant now = clock.instant();
        ResourceForm form = library.form();
        jdbc.sql("""
                        INSERT INTO exchange_resource (code, category, classification, name, provider_uscc,
                            provider_division, summary, format, share_type, share_basis, share_conditions, share_methods,
                            open_type, update_cycle, status, published_on, related_codes, catalogue_updated_at,
                            entered_by, created_at, library)
                        VALUES (:code, :category, :classification, :name, :provider, :division, :summary, :format,
                            :shareType, :shareBasis, :shareConditions, :shareMethods, :openType, :updateCycle,
                            'PUBLISHED', :publishedOn, :related, :now, 'system', :now, :library)""")
                .params(columns(form))
                .param("publishedOn", form.getPublishedOn() != null ? form.getPublishedOn() : today())
                .param("provider", provider.uscc())
                .param("division", provider.divisionCode())
                .param("now", Timestamp.from(now))
                .param("library", library.library())
                .update();
        writeItems(form.getCode(), form);
        log.record(AuditEvent.success("system", "exchange.resource.library-register", "resource", form.getCode())
                .withDetails(library.library() + " " + provider.uscc()));
        return true;
    }

    /** Notes that a library's data changed (the later of what is recorded and {@code at} is kept). */
    public void dataChanged(String library, Instant at) {
        jdbc.sql("""
                        UPDATE exchange_resource SET data_changed_at = :at
                        WHERE library = :library AND (data_changed_at IS NULL OR data_changed_at < :at)""").param("at", Timestamp.from(at)).param("library", library).update();
    }

    /**
     * Flagged: the data changed after the catalogue entry was last updated, and the entry has not been updated within
     * {@value #CATALOGUE_UPDATE_WORKING_DAYS} working days of that change.
     */
    public boolean flagged(Resource r, LocalDate today) {
        if (r.dataChangedAt() == null || !r.dataChangedAt().isAfter(r.catalogueUpdatedAt())) {
            return false;
        }
        LocalDate changed = r.dataChangedAt().atZone(BusinessTime.ZONE).toLocalDate();
        try {
            return workingDays.workingDaysBetween(changed, today) > CATALOGUE_UPDATE_WORKING_DAYS;
        } catch (RuntimeException noSchedule) {
            return changed.plusDays(21).isBefore(today);
        }
    }

    /** Timeliness: whether the data were updated within the resource's update cycle. */
    public boolean current(Resource r, LocalDate today) {
        return r.updateCycle().current(r.lastUpdate().atZone(BusinessTime.ZONE).toLocalDate(), today);
    }

    private Resource editable(Actor staff, String code) {
        Resource r = find(code).orElseThrow(() -> new NotFoundException("exchange.resource.not-found"));
        if (!mayEdit(staff, r)) {
            throw new NotFoundException("exchange.resource.not-found");
        }
        return r;
    }

    private Resource reviewable(Actor reviewer, String code) {
        Resource r = find(code).orElseThrow(() -> new NotFoundException("exchange.resource.not-found"));
        if (!mayReview(reviewer, r)) {
            throw new NotFoundException("exchange.resource.not-found");
        }
        return r;
    }

    private Organisation staffOrganisation(Actor staff) {
        String uscc = staff.scope().organisationUscc();
        return uscc == null
                ? null
                : organisations
                        .find(uscc)
                        .orElseThrow(() ->
                                new UserFacingException(HttpStatus.FORBIDDEN, "exchange.resource.no-organisation"));
    }

    /** Whether the staff member belongs to an organisation that can provide resources. */
    public boolean hasOrganisation(Actor staff) {
        return staff.scope().organisationUscc() != null
                && organisations.find(staff.scope().organisationUscc()).isPresent();
    }

    private static Map<String, Object> columns(ResourceForm form) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("code", form.getCode());
        c.put("category", form.getClassification().substring(0, 1));
        c.put("classification", form.getClassification());
        c.put("name", form.getName());
        c.put("summary", form.getSummary());
        c.put("format", form.getFormat());
        c.put("shareType", form.getShareType().name());
        c.put("shareBasis", form.getShareBasis());
        c.put("shareConditions", form.getShareConditions());
        c.put(
                "shareMethods",
                form.getShareMethods().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        c.put("openType", form.getOpenType().name());
        c.put("updateCycle", form.getUpdateCycle().name());
        c.put("publishedOn", form.getPublishedOn());
        c.put("related", form.related().isEmpty() ? null : String.join(",", form.related()));
        return c;
    }

    private void writeItems(String code, ResourceForm form) {
        int position = 1;
        for (ResourceForm.ItemRow row : form.filledItems()) {
            jdbc.sql("""
                            INSERT INTO exchange_resource_item (resource_code, position, field, name, data_type, length,
                                description, sensitive, is_key)
                            VALUES (:code, :position, :field, :name, :type, :length, :description, :sensitive, :key)""")
                    .param("code", code)
                    .param("position", position++)
                    .param("field", row.getField())
                    .param("name", row.getName())
                    .param("type", row.getDataType().name())
                    .param("length", row.getLength())
                    .param("description", row.getDescription())
                    .param("sensitive", row.isSensitive())
                    .param("key", row.isKey())
                    .update();
        }
    }

    private List<Resource> query(String where, Map<String, Object> params) {
        List<Resource> heads = jdbc.sql("SELECT r.* FROM exchange_resource r " + where + " ORDER BY r.code")
                .params(params)
                .query((rs, n) -> head(rs))
                .list();
        if (heads.isEmpty()) {
            return heads;
        }
        Map<String, List<Resource.Item>> items = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT * FROM exchange_resource_item WHERE resource_code IN (:codes)
                        ORDER BY resource_code, position""")
                .param("codes", heads.stream().map(Resource::code).toList())
                .query(rs -> {
                    items.computeIfAbsent(rs.getString("resource_code"), k -> new ArrayList<>())
                            .add(new Resource.Item(
                                    rs.getInt("position"),
                                    rs.getString("field"),
                                    rs.getString("name"),
                                    DataType.valueOf(rs.getString("data_type")),
                                    (Integer) rs.getObject("length"),
                                    rs.getString("description"),
                                    rs.getBoolean("sensitive"),
                                    rs.getBoolean("is_key")));
                });
        return heads.stream()
                .map(h -> withItems(h, items.getOrDefault(h.code(), List.of())))
                .toList();
    }

    private static Resource withItems(Resource h, List<Resource.Item> items) {
        return new Resource(
                h.code(),
                h.category(),
                h.classification(),
                h.name(),
                h.providerUscc(),
                h.providerDivision(),
                h.summary(),
                h.format(),
                h.shareType(),
                h.shareBasis(),
                h.shareConditions(),
                h.shareMethods(),
                h.openType(),
                h.updateCycle(),
                h.library(),
                h.status(),
                h.publishedOn(),
                h.relatedCodes(),
                h.catalogueUpdatedAt(),
                h.dataChangedAt(),
                h.version(),
                h.revisionStatus(),
                h.returnedReason(),
                h.enteredBy(),
                List.copyOf(items));
    }

    private static Resource head(ResultSet rs) throws SQLException {
        String methods = rs.getString("share_methods");
        Set<ShareMethod> shareMethods = methods == null || methods.isBlank()
                ? Set.of()
                : Arrays.stream(methods.split(",")).map(ShareMethod::valueOf).collect(Collectors.toUnmodifiableSet());
        String related = rs.getString("related_codes");
        Timestamp changed = rs.getTimestamp("data_changed_at");
        return new Resource(
                rs.getString("code"),
                rs.getString("category"),
                rs.getString("classification"),
                rs.getString("name"),
                rs.getString("provider_uscc"),
                rs.getString("provider_division"),
                rs.getString("summary"),
                rs.getString("format"),
                ShareType.valueOf(rs.getString("share_type")),
                rs.getString("share_basis"),
                rs.getString("share_conditions"),
                shareMethods,
                OpenType.valueOf(rs.getString("open_type")),
                UpdateCycle.valueOf(rs.getString("update_cycle")),
                rs.getString("library"),
                rs.getString("status"),
                rs.getObject("published_on", LocalDate.class),
                related == null ? List.of() : List.of(related.split(",")),
                rs.getTimestamp("catalogue_updated_at").toInstant(),
                changed == null ? null : changed.toInstant(),
                rs.getInt("version"),
                rs.getString("revision_status"),
                rs.getString("returned_reason"),
                rs.getString("entered_by"),
                List.of());
    }
}
