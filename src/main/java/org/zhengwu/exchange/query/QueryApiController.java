package org.zhengwu.exchange.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhengwu.exchange.ExchangeAccess;
import org.zhengwu.exchange.ExchangeProperties;
import org.zhengwu.exchange.grant.ActiveGrant;
import org.zhengwu.exchange.grant.ActiveGrants;
import org.zhengwu.exchange.grant.Grants;
import org.zhengwu.exchange.resource.Resource;
import org.zhengwu.exchange.resource.ResourceCode;
import org.zhengwu.exchange.resource.Resources;
import org.zhengwu.exchange.resource.ShareType;
import org.zhengwu.identity.ConnectedSystem;
import org.zhengwu.identity.ConnectedSystems;
import org.zhengwu.shared.web.BadParameterException;
import org.zhengwu.shared.web.NotFoundException;
import org.zhengwu.shared.web.UserFacingException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The query API of shared data, for department systems with an {@code exchange.query} token: a record by key, pages
 * of records by filter (keyset), and a streamed export. Only within a grant in force for the system's organisation:
 * the fields granted and nothing else, the sensitive ones masked unless granted in clear; each subject served is in
 * the access log. A resource is named in the path by its code with a hyphen for the slash (101001-000001).
 */
@RestController
@RequestMapping("/api/v1/exchange/data")
@Tag(name = "Shared data", description = "政务信息资源共享: the records of resources granted to the caller's organisation")
class QueryApiController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 999;
    static final int LOG_BATCH = 500;

    /** One page of records and the cursor of the next, null at the end. */
    record RecordPage(String resource, List<Map<String, Object>> records, Long next) {}

    private final Resources resources;
    private final ActiveGrants activeGrants;
    private final Grants grants;
    private final ConnectedSystems systems;
    private final QueryAllowance allowance;
    private final AccessLog accessLog;
    private final ExchangeProperties properties;
    private final Map<String, LibrarySource> sources = new LinkedHashMap<>();
    private final JsonMapper json;
    private final Clock clock;

    QueryApiController(
            Resources resources,
            ActiveGrants activeGrants,
            Grants grants,
            ConnectedSystems systems,
            QueryAllowance allowance,
            AccessLog accessLog,
            ExchangeProperties properties,
            List<LibrarySource> sources,
            JsonMapper json,
            Clock clock) {
        this.resources = resources;
        this.activeGrants = activeGrants;
        this.grants = grants;
        this.systems = systems;
        this.allowance = allowance;
        this.accessLog = accessLog;
        this.properties = properties;
        sources.forEach(s -> this.sources.put(s.library(), s));
        this.json = json;
        this.clock = clock;
    }

    /** What one call may read: the resource, the grant, the source, who asks. */
    private record Access(Resource resource, ActiveGrant grant, LibrarySource source, AccessLog.Reader reader) {}

    @GetMapping("/{resource}/records/{key}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One record by its key (e.g. a 公民身份号码 of the person library): the fields granted")
    Map<String, Object> byKey(@PathVariable String resource, @PathVariable String key) {
        Access access = access(resource, AccessLog.Kind.KEY);
        LibrarySource.Row row =
                access.source().byKey(key).orElseThrow(() -> new NotFoundException("exchange.query.unknown-key"));
        List<String> fields = fields(access);
        accessLog.write(access.reader(), List.of(row.key()), fields, clock.instant());
        return served(access, row, fields);
    }

    @GetMapping("/{resource}/records")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Records by filter, in record order, a page at a time: pass next as after for the next page")
    RecordPage page(
            @PathVariable String resource,
            @Parameter(
                            description =
                                    "the library's filters: person division, bornFrom, bornTo; legal-entity division,"
                                            + " status")
                    @RequestParam
                    Map<String, String> parameters) {
        Access access = access(resource, AccessLog.Kind.PAGE);
        long after = longParameter(parameters, "after", 0);
        int limit = (int) longParameter(parameters, "limit", DEFAULT_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadParameterException("limit", "exchange.query.limit", 1, MAX_LIMIT);
        }
        List<LibrarySource.Row> rows = access.source().page(filter(access.source(), parameters), after, limit + 1);
        boolean more = rows.size() > limit;
        List<LibrarySource.Row> shown = more ? rows.subList(0, limit) : rows;
        List<String> fields = fields(access);
        accessLog.write(
                access.reader(), shown.stream().map(LibrarySource.Row::key).toList(), fields, clock.instant());
        List<Map<String, Object>> records = new ArrayList<>();
        shown.forEach(r -> records.add(served(access, r, fields)));
        return new RecordPage(
                access.resource().code(),
                records,
                more ? shown.get(shown.size() - 1).recordId() : null);
    }

    @GetMapping("/{resource}/export")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Every record the filter keeps, streamed as one JSON object a line (application/x-ndjson)")
    void export(
            @PathVariable String resource,
            @RequestParam Map<String, String> parameters,
            jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        Access access = access(resource, AccessLog.Kind.EXPORT);
        Map<String, String> filter = filter(access.source(), parameters);
        List<String> fields = fields(access);
        // Written on the request's own thread, not as an asynchronous body: an export of millions of records takes
        // minutes, and an asynchronous request would be cut at the container's async timeout.
        response.setContentType("application/x-ndjson;charset=UTF-8");
        {
            BufferedWriter writer = new BufferedWriter(
                    new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
            List<String> pending = new ArrayList<>(LOG_BATCH);
            access.source().forEach(filter, row -> {
                try {
                    writer.write(json.writeValueAsString(served(access, row, fields)));
                    writer.write('\n');
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                pending.add(row.key());
                if (pending.size() == LOG_BATCH) {
                    accessLog.write(access.reader(), pending, fields, clock.instant());
                    pending.clear();
                }
            });
            accessLog.write(access.reader(), pending, fields, clock.instant());
            writer.flush();
        }
    }

    private Access access(String reference, AccessLog.Kind kind) {
        ConnectedSystem system = systems.current()
                .filter(s -> s.may(ExchangeAccess.QUERY_SCOPE))
                .orElseThrow(() -> new UserFacingException(HttpStatus.FORBIDDEN, "exchange.query.systems-only"));
        String code = reference.replace('-', '/');
        Resource resource = (ResourceCode.defect(code, null).isEmpty()
                        ? resources.find(code)
                        : Optional.<Resource>empty())
                .filter(Resource::published)
                .orElseThrow(() -> new NotFoundException("exchange.query.unknown-resource", reference));
        if (resource.shareType() == ShareType.NONE) {
            throw new UserFacingException(
                    HttpStatus.FORBIDDEN, "exchange.query.not-shared", resource.code(), resource.name());
        }
        ActiveGrant grant = activeGrants
                .find(system.organisationUscc(), resource.code(), grants.today())
                .orElseThrow(() -> new UserFacingException(
                        HttpStatus.FORBIDDEN, "exchange.query.no-grant", resource.code(), resource.name()));
        LibrarySource source = resource.library() == null ? null : sources.get(resource.library());
        if (source == null) {
            throw new NotFoundException("exchange.query.no-source", resource.code());
        }
        int perHour = properties.queriesPerHour();
        if (allowance.take(system.clientId(), perHour).isPresent()) {
            throw new UserFacingException(HttpStatus.TOO_MANY_REQUESTS, "exchange.query.too-many");
        }
        return new Access(
                resource,
                grant,
                source,
                new AccessLog.Reader(
                        system.clientId(),
                        system.organisationUscc(),
                        grant,
                        grant.purpose(),
                        resource.library(),
                        kind));
    }

    /** The granted fields, in the resource's order. */
    private static List<String> fields(Access access) {
        return access.resource().items().stream()
                .map(Resource.Item::field)
                .filter(access.grant().fields()::contains)
                .toList();
    }

    private static Map<String, Object> served(Access access, LibrarySource.Row row, List<String> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String field : fields) {
            Resource.Item item = access.resource().item(field).orElseThrow();
            Object value = row.values().get(field);
            boolean clear = !item.sensitive() || access.grant().clearFields().contains(field);
            out.put(field, clear ? value : Masking.masked(item.dataType(), value));
        }
        return out;
    }

    private static Map<String, String> filter(LibrarySource source, Map<String, String> parameters) {
        Map<String, String> filter = new LinkedHashMap<>();
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            if (p.getKey().equals("after") || p.getKey().equals("limit")) {
                continue;
            }
            if (!source.filters().contains(p.getKey())) {
                throw new BadParameterException(
                        p.getKey(), "exchange.query.unknown-filter", String.join(", ", source.filters()));
            }
            if (p.getValue() != null && !p.getValue().isBlank()) {
                filter.put(p.getKey(), p.getValue().strip());
            }
        }
        return filter;
    }

    private static long longParameter(Map<String, String> parameters, String name, long otherwise) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n < 0) {
                throw new BadParameterException(name, "exchange.query.number", name);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, "exchange.query.number", name);
        }
    }
}
