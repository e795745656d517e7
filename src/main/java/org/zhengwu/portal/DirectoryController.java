package org.zhengwu.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhengwu.basedata.Division;
import org.zhengwu.basedata.Divisions;
import org.zhengwu.basedata.Organisation;
import org.zhengwu.basedata.Organisations;
import org.zhengwu.catalog.ItemSearch;
import org.zhengwu.catalog.SearchQuery;
import org.zhengwu.catalog.SearchResult;
import org.zhengwu.shared.codes.CodeCheck;
import org.zhengwu.shared.codes.DivisionCode;
import org.zhengwu.shared.database.ReplicaRead;
import org.zhengwu.shared.web.BadParameterException;
import org.zhengwu.shared.web.NotFoundException;

/** Navigation by department (部门服务) and by region (区划导航: province → city → district). */
@Controller
@ReplicaRead
class DirectoryController {

    private final Organisations organisations;
    private final Divisions divisions;
    private final ItemSearch search;
    private final PortalSettings settings;
    private final ResultEntries entries;

    DirectoryController(
            Organisations organisations,
            Divisions divisions,
            ItemSearch search,
            PortalSettings settings,
            ResultEntries entries) {
        this.organisations = organisations;
        this.divisions = divisions;
        this.search = search;
        this.settings = settings;
        this.entries = entries;
    }

    /** Organisations of one division with how many services each offers. */
    record DepartmentGroup(Division division, List<Department> departments) {}

    record Department(Organisation organisation, long items) {}

    @GetMapping("/departments")
    String departments(Model model) {
        Map<String, Long> counts = search.countByOrganisation();
        Map<String, List<Department>> byDivision = new LinkedHashMap<>();
        for (Organisation o : organisations.all()) {
            long items = counts.getOrDefault(o.uscc(), 0L);
            if (items > 0) {
                byDivision
                        .computeIfAbsent(o.divisionCode(), d -> new ArrayList<>())
                        .add(new Department(o, items));
            }
        }
        List<DepartmentGroup> groups = new ArrayList<>();
        byDivision.forEach(
                (code, list) -> divisions.current(code).ifPresent(d -> groups.add(new DepartmentGroup(d, list))));
        model.addAttribute("groups", groups);
        return "portal/departments";
    }

    @GetMapping("/regions")
    String regions() {
        return "redirect:/regions/" + settings.provinceCode();
    }

    @GetMapping("/regions/{code}")
    String region(
            @PathVariable String code,
            @RequestParam(required = false) String page,
            HttpServletRequest request,
            Locale locale,
            Model model) {
        CodeCheck check = DivisionCode.checkFormat(code);
        if (!check.isValid()) {
            throw new NotFoundException("division.not-found", code);
        }
        Division division = divisions
                .current(check.normalised())
                .orElseThrow(() -> new NotFoundException("division.not-found", check.normalised()));
        int pageNumber = parsePage(page);
        SearchResult result = search.search(new SearchQuery(
                null, null, null, division.code(), null, null, null, pageNumber, SearchQuery.DEFAULT_SIZE));
        Map<String, Long> implemented = search.countByDivision();
        model.addAttribute("division", division);
        model.addAttribute("path", divisions.pathFromTop(division.code()));
        model.addAttribute("children", divisions.children(division.code()));
        model.addAttribute("implemented", implemented);
        model.addAttribute("result", result);
        model.addAttribute("entries", entries.of(result, locale));
        model.addAttribute("pagination", Pagination.of(request, result.page(), result.pages()));
        return "portal/region";
    }

    private static int parsePage(String page) {
        if (page == null || page.isBlank()) {
            return 1;
        }
        try {
            int number = Integer.parseInt(page.strip());
            if (number >= 1 && number <= 1000) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadParameterException("page", "search.problem.number", 1, 1000);
    }
}
