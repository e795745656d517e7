package org.zhengwu.exchange.resource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.zhengwu.exchange.ExchangeAccess;
import org.zhengwu.identity.AccountType;
import org.zhengwu.identity.Actors;
import org.zhengwu.identity.ConnectedSystems;
import org.zhengwu.shared.web.NotFoundException;
import org.zhengwu.shared.web.UserFacingException;

/**
 * The published catalogue, for staff sessions and department systems holding the {@code exchange.query} scope. A
 * resource is named in the path by its code with a hyphen for the slash (101001-000001).
 */
@RestController
@Tag(name = "Resource catalogue", description = "政务信息资源目录: the published resources and their 信息项")
class ResourcesApiController {

    /** A published resource as the API shows it. */
    record ResourceView(
            String code,
            String category,
            String classification,
            String name,
            String providerUscc,
            String summary,
            String format,
            ShareType shareType,
            String shareBasis,
            String shareConditions,
            List<ShareMethod> shareMethods,
            OpenType openType,
            UpdateCycle updateCycle,
            LocalDate publishedOn,
            List<String> relatedCodes,
            int version,
            String library,
            boolean current,
            List<Resource.Item> items) {}

    record Catalogue(List<ResourceView> resources) {}

    private final Resources resources;
    private final Actors actors;
    private final ConnectedSystems systems;

    ResourcesApiController(Resources resources, Actors actors, ConnectedSystems systems) {
        this.resources = resources;
        this.actors = actors;
        this.systems = systems;
    }

    @GetMapping("/api/v1/exchange/resources")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Every published resource of the catalogue, by code")
    Catalogue list() {
        allowed();
        LocalDate today = resources.today();
        return new Catalogue(
                resources.published().stream().map(r -> view(r, today)).toList());
    }

    @GetMapping("/api/v1/exchange/resources/{ref}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One published resource, by its code with a hyphen for the slash")
    ResourceView one(@PathVariable String ref) {
        allowed();
        Resource r = resources
                .find(ref.replace('-', '/'))
                .filter(Resource::published)
                .orElseThrow(() -> new NotFoundException("exchange.resource.not-found"));
        return view(r, resources.today());
    }

    private void allowed() {
        boolean system =
                systems.current().filter(s -> s.may(ExchangeAccess.QUERY_SCOPE)).isPresent();
        boolean staff =
                actors.current().filter(a -> a.type() == AccountType.STAFF).isPresent();
        if (!system && !staff) {
            throw new UserFacingException(HttpStatus.FORBIDDEN, "exchange.resource.api.staff-only");
        }
    }

    private ResourceView view(Resource r, LocalDate today) {
        return new ResourceView(
                r.code(),
                r.category(),
                r.classification(),
                r.name(),
                r.providerUscc(),
                r.summary(),
                r.format(),
                r.shareType(),
                r.shareBasis(),
                r.shareConditions(),
                r.shareMethods().stream().sorted().toList(),
                r.openType(),
                r.updateCycle(),
                r.publishedOn(),
                r.relatedCodes(),
                r.version(),
                r.library(),
                resources.current(r, today),
                r.items());
    }
}
