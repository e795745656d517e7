package org.zhengwu.catalog.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhengwu.catalog.ApplicationForm;
import org.zhengwu.catalog.CaseHandling;
import org.zhengwu.catalog.CatalogCodes;
import org.zhengwu.catalog.Guide;
import org.zhengwu.catalog.ItemSearch;
import org.zhengwu.catalog.ItemSummary;
import org.zhengwu.catalog.PublishedCatalog;
import org.zhengwu.catalog.PublishedItem;
import org.zhengwu.catalog.SearchQuery;
import org.zhengwu.catalog.SearchRequests;
import org.zhengwu.catalog.SearchResult;
import org.zhengwu.shared.codes.CodeCheck;
import org.zhengwu.shared.codes.CodeTable;
import org.zhengwu.shared.database.ReplicaRead;
import org.zhengwu.shared.web.BadParameterException;
import org.zhengwu.shared.web.CodeLabels;
import org.zhengwu.shared.web.CodeLabels.CodeLabel;
import org.zhengwu.shared.web.NotFoundException;
import org.zhengwu.shared.web.UserFacingException;

@RestController
@ReplicaRead
@RequestMapping("/api/v1/items")
@Tag(name = "政务服务事项 Service items", description = "The published catalogue: the same versions the portal shows")
class ItemApiController {

    private final ItemSearch search;
    private final SearchRequests requests;
    private final PublishedCatalog catalog;
    private final CatalogCodes codes;
    private final CodeLabels labels;

    ItemApiController(
            ItemSearch search,
            SearchRequests requests,
            PublishedCatalog catalog,
            CatalogCodes codes,
            CodeLabels labels) {
        this.search = search;
        this.requests = requests;
        this.catalog = catalog;
        this.codes = codes;
        this.labels = labels;
    }

    record Organisation(String uscc, String name) {}

    record Limit(int value, CodeLabel unit, String note) {}

    record Summary(
            String implementationCode,
            String name,
            CodeLabel type,
            Organisation organisation,
            String divisionCode,
            CodeLabel exerciseLevel,
            CodeLabel onlineLevel,
            int visits,
            boolean onlineApplication,
            String resultName,
            Limit promisedLimit,
            String href,
            String page) {}

    record Page(long total, int page, int size, List<Summary> items) {}

    record Material(
            String name,
            String source,
            int originals,
            int copies,
            boolean required,
            String condition,
            boolean licenceReplaceable,
            String blankForm,
            String sample,
            CodeLabel form,
            CodeLabel type,
            CodeLabel sourceChannel,
            String paperSpec,
            String fillingInstructions,
            String acceptanceStandard,
            String basis,
            String remark,
            List<String> replacingLicenceTypes) {}

    record Penalty(
            String violation, List<CodeLabel> kinds, List<Guide.Discretion> discretion, List<Guide.Article> basis) {}

    record Compulsion(List<CodeLabel> kinds, String circumstances, List<Guide.Article> basis) {}

    record Fee(boolean charged, String basis, List<Guide.FeeItem> items) {}

    record Special(CodeLabel kind, String note) {}

    record GuideView(
            String legalBasis,
            String conditions,
            List<Guide.Step> steps,
            Limit statutoryLimit,
            Limit promisedLimit,
            String location,
            String officeHours,
            String consultPhone,
            String complaintPhone,
            List<Material> materials,
            Fee fee,
            List<CodeLabel> onlineDepths,
            CodeLabel onlineLevel,
            int visits,
            String visitsReason,
            List<CodeLabel> channels,
            CodeLabel caseKind,
            CodeLabel scope,
            List<CodeLabel> serviceObjects,
            List<CodeLabel> themes,
            String resultName,
            Special specialProcedure,
            List<Guide.Faq> faqs,
            CodeLabel realNameLevel,
            CodeLabel powerSource,
            Guide.Delegation delegation,
            List<String> jointOrganisations,
            CodeLabel resultType,
            String resultSample,
            List<Guide.Intermediary> intermediaries,
            String quantityLimit,
            Guide.Convenience convenience,
            LocalDate plannedEffectiveDate,
            LocalDate plannedCancellationDate,
            Penalty penalty,
            Compulsion compulsion,
            Guide.Inspection inspection,
            ApplicationForm applicationForm,
            CaseHandling handling) {}

    record Item(
            String implementationCode,
            String baseCode,
            String name,
            CodeLabel type,
            Organisation organisation,
            CodeLabel exerciseLevel,
            String divisionCode,
            int versionNo,
            Instant publishedAt,
            String page,
            GuideView guide) {}

    @GetMapping
    @Operation(
            summary = "Search published items",
            description =
                    "Chinese text is matched without word segmentation; "
                            + "exact name matches come first. All filters are optional; a bad one is a 400 naming the parameter.")
    Page search(
            @Parameter(description = "Words to find, e.g. 营业执照") @RequestParam(required = false) String q,
            @Parameter(description = "事项类型 code, e.g. 01") @RequestParam(required = false) String type,
            @Parameter(description = "Implementing organisation's 统一社会信用代码") @RequestParam(required = false) String org,
            @Parameter(description = "Region code (GB/T 2260): entries that apply there")
                    @RequestParam(required = false)
                    String division,
            @Parameter(description = "服务对象 code 1–6") @RequestParam(required = false) String object,
            @Parameter(description = "Minimum 网上办理深度 1–4") @RequestParam(required = false) String depth,
            @Parameter(description = "服务主题 code, e.g. P01 or E01") @RequestParam(required = false) String theme,
            @Parameter(description = "Page, from 1") @RequestParam(required = false) String page,
            @Parameter(description = "Page size, 1–50 (default 10)") @RequestParam(required = false) String size,
            Locale locale) {
        SearchRequests.Parsed parsed = requests.parse(
                new SearchRequests.Parameters(q, type, org, division, object, depth, theme, page, size),
                SearchQuery.DEFAULT_SIZE);
        if (!parsed.ok()) {
            SearchRequests.Problem problem = parsed.problems().get(0);
            throw new BadParameterException(problem.parameter(), problem.messageKey(), problem.argumentArray());
        }
        SearchResult result = search.search(parsed.query());
        return new Page(
                result.total(),
                result.page(),
                result.size(),
                result.items().stream().map(s -> summary(s, locale)).toList());
    }

    @GetMapping("/{implementationCode}")
    @Operation(
            summary = "One published item with its whole guide",
            description = "404 for an unknown code, 410 for a withdrawn item, 400 for a malformed code, 301 to the"
                    + " new code for a code the item had before a change of the national code tables.")
    ResponseEntity<Item> item(@PathVariable String implementationCode, Locale locale) {
        Optional<String> moved = catalog.movedTo(implementationCode);
        if (moved.isPresent()) {
            return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                    .location(URI.create("/api/v1/items/" + moved.get()))
                    .build();
        }
        CodeCheck check = codes.checkImplementationCode(implementationCode);
        if (!check.isValid()) {
            throw new BadParameterException("implementationCode", check.defect().messageKey(), check.argumentArray());
        }
        PublishedCatalog.Lookup lookup = catalog.find(check.normalised());
        if (lookup instanceof PublishedCatalog.Lookup.Live live) {
            return ResponseEntity.ok(item(live.item(), locale));
        }
        if (lookup instanceof PublishedCatalog.Lookup.Withdrawn withdrawn) {
            throw new UserFacingException(HttpStatus.GONE, "catalog.item.withdrawn", withdrawn.name());
        }
        throw new NotFoundException("catalog.item.not-found", check.normalised());
    }

    private Summary summary(ItemSummary s, Locale locale) {
        return new Summary(
                s.implementationCode(),
                s.name(),
                labels.of(s.type(), locale),
                new Organisation(s.organisationUscc(), s.organisationName()),
                s.divisionCode(),
                labels.of(s.exerciseLevel(), locale),
                labels.of(s.onlineLevel(), locale),
                s.visits(),
                s.onlineApplication(),
                s.resultName(),
                limit(s.promisedLimit(), locale),
                "/api/v1/items/" + s.implementationCode(),
                "/items/" + s.implementationCode());
    }

    private Item item(PublishedItem item, Locale locale) {
        Guide g = item.guide();
        GuideView guide = new GuideView(
                g.legalBasis(),
                g.conditions(),
                g.steps(),
                limit(g.statutoryLimit(), locale),
                limit(g.promisedLimit(), locale),
                g.location(),
                g.officeHours(),
                g.consultPhone(),
                g.complaintPhone(),
                g.materials().stream()
                        .map(m -> new Material(
                                m.name(),
                                m.source(),
                                m.originals(),
                                m.copies(),
                                m.required(),
                                m.condition(),
                                m.licenceReplaceable(),
                                attachment(m.blankFormId()),
                                attachment(m.sampleId()),
                                label(m.form(), locale),
                                labels.of(m.type(), locale),
                                label(m.sourceChannel(), locale),
                                m.paperSpec(),
                                m.fillingInstructions(),
                                m.acceptanceStandard(),
                                m.basis(),
                                m.remark(),
                                m.replacingLicenceTypes()))
                        .toList(),
                new Fee(g.fee().charged(), g.fee().basis(), g.fee().items()),
                labelsOf(g.onlineDepths(), locale),
                labels.of(g.onlineLevel(), locale),
                g.visits(),
                g.visitsReason(),
                labelsOf(g.channels(), locale),
                label(g.caseKind(), locale),
                label(g.scope(), locale),
                labelsOf(g.serviceObjects(), locale),
                labelsOf(g.themes(), locale),
                g.resultName(),
                g.specialProcedure() == null
                        ? null
                        : new Special(
                                labels.of(g.specialProcedure().kind(), locale),
                                g.specialProcedure().note()),
                g.faqs(),
                labels.of(g.realNameLevel(), locale),
                label(g.powerSource(), locale),
                g.delegation(),
                g.jointOrganisations(),
                label(g.resultType(), locale),
                attachment(g.resultSampleId()),
                g.intermediaries(),
                g.quantityLimit(),
                g.convenience(),
                g.plannedEffectiveDate(),
                g.plannedCancellationDate(),
                g.penalty() == null
                        ? null
                        : new Penalty(
                                g.penalty().violation(),
                                labelsOf(g.penalty().kinds(), locale),
                                g.penalty().discretion(),
                                g.penalty().basis()),
                g.compulsion() == null
                        ? null
                        : new Compulsion(
                                labelsOf(g.compulsion().kinds(), locale),
                                g.compulsion().circumstances(),
                                g.compulsion().basis()),
                g.inspection(),
                g.applicationForm(),
                handling(item));
        return new Item(
                item.implementationCode(),
                item.baseCode(),
                item.name(),
                labels.of(item.type(), locale),
                new Organisation(item.organisation().uscc(), item.organisation().name()),
                labels.of(item.organisation().exerciseLevel(), locale),
                item.divisionCode(),
                item.versionNo(),
                item.publishedAt(),
                "/items/" + item.implementationCode(),
                guide);
    }

    /**
     * 办理流程 as it applies: the process its cases follow (the default of its 办件类型 when the entry names none) and
     * the roles named per review stage (empty: the stage's permission); none for an item nobody applies for.
     */
    private static CaseHandling handling(PublishedItem item) {
        if (item.type().enforcement()) {
            return null;
        }
        CaseHandling h = item.guide().handling();
        String process = CaseHandling.processOf(h, item.guide().caseKind());
        return h == null
                ? new CaseHandling(process, List.of(), List.of(), List.of())
                : new CaseHandling(process, h.undertakeRoles(), h.auditRoles(), h.approveRoles());
    }

    private static String attachment(String id) {
        return id == null ? null : "/attachments/" + id;
    }

    /** A code's label, or null for an element the guide leaves out (a 处罚 has no 办件类型). */
    private CodeLabel label(CodeTable value, Locale locale) {
        return value == null ? null : labels.of(value, locale);
    }

    private Limit limit(Guide.TimeLimit limit, Locale locale) {
        return new Limit(limit.value(), labels.of(limit.unit(), locale), limit.note());
    }

    private <E extends Enum<E> & CodeTable> List<CodeLabel> labelsOf(Collection<E> values, Locale locale) {
        return values.stream().sorted().map(v -> labels.of(v, locale)).toList();
    }
}
